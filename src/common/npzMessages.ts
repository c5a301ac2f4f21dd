// The .npz preview's view model and its protocol with the host. The host formats every string (sizes,
// statuses, labels); the webview only places them in the DOM. A member's full header report reuses the
// .npy preview's view model (PreviewViewModel), computed on the host when the member is selected.
import { isWebviewToHost } from './messages';
import { ElementRequest, isElementRequest, isViewRequest, isWholeRequest, ViewHostMessage, ViewRequest, WholeRequest } from './viewMessages';
import type { Badge, BadgeKind, PreviewViewModel, ValuesViewModel } from './viewModel';

export interface NpzMemberRow {
  /** Position in the archive's member list; what the webview sends back to select the member. */
  index: number;
  name: string;
  dtype: string;
  shape: string;
  order: string;
  uncompressed: string;
  compressed: string;
  method: string;
  status: string;
  statusKind: BadgeKind;
  /** The status sentence (or the member's error), shown as the row's description. */
  detail: string;
}

export const NPZ_COLUMNS = ['name', 'dtype', 'shape', 'order', 'uncompressed', 'compressed', 'method', 'status'] as const;
export type NpzColumn = typeof NPZ_COLUMNS[number];

export interface NpzViewModel {
  fileName: string;
  badge: Badge;
  /** "4 GiB archive, 2 members, Zip64". */
  summary: string;
  /** "Read 66,149 bytes: the zip directory and each member's header only." */
  readNote: string;
  members: NpzMemberRow[];
  /** "… and 12 more members not listed", or null. */
  unlisted: string | null;
  ui: {
    membersTitle: string;
    columns: Record<NpzColumn, string>;
    /** aria-label of a member's button, with {0} for the member's name: "Show the header of {0}". */
    showMember: string;
    /** Shown before any member is selected. */
    selectHint: string;
    /** The archive toolbar's Refresh button, its tooltip and the toolbar's accessible name. */
    refresh: string;
    refreshTitle: string;
    toolbar: string;
  };
}

/** What a member's toolbar offers (the .npy preview's copy buttons, for this member). */
export const NPZ_MEMBER_ACTIONS = ['copy-json', 'copy-python', 'copy-rust'] as const;
export type NpzMemberAction = typeof NPZ_MEMBER_ACTIONS[number];

export interface NpzMemberDetail {
  index: number;
  title: string;
  /** Button labels of the member's toolbar, and the toolbar's accessible name. */
  actions: Record<NpzMemberAction, string>;
  actionsRegion: string;
  /** The first page of the member's values (or why there are none); absent when it has no report. */
  values?: ValuesViewModel;
  /** The member's header report as the .npy preview shows it, or null when it has none. */
  report: PreviewViewModel | null;
  /** The member's one-sentence error when report is null. */
  error: string | null;
  badge: Badge;
}

export interface NpzErrorViewModel { fileName: string; badge: Badge; message: string }

export type HostToNpzWebview =
  | { type: 'npz'; model: NpzViewModel; selected: NpzMemberDetail | null }
  | { type: 'error'; model: NpzErrorViewModel }
  /** Another page of the selected member's values (or a refused one): only the Values section is rendered again. */
  | { type: 'values'; values: ValuesViewModel }
  /** The selected member's picture (the .npy preview's data view protocol). */
  | ViewHostMessage;

export type NpzWebviewToHost =
  /** The page is listening: the host (re)posts the current state. Sent on every (re)load. */
  | { type: 'ready' }
  /** Posted after each render (the archive page with or without a member, or the error page). */
  | { type: 'rendered' }
  | { type: 'select'; index: number }
  /** The Refresh button: read the archive again now, keeping the selected member and its page. */
  | { type: 'refresh' }
  /** The selected member's copy buttons. */
  | { type: 'action'; action: NpzMemberAction }
  /** Previous/Next in the selected member's values: the page starting at this C-order flat index (decimal). */
  | { type: 'values-page'; start: string }
  /** "Go to index" as typed; the host validates it. */
  | { type: 'values-goto'; text: string }
  /** A grid page of a member of 2 or more dimensions: leading indices as typed, first row and column (decimal). */
  | { type: 'values-grid'; lead: string[]; row: string; col: string }
  /** The selected member's picture asks for a view or for the exact text of the element under its cursor. */
  | ViewRequest
  | ElementRequest
  | WholeRequest;

export function isNpzWebviewToHost(m: unknown): m is NpzWebviewToHost {
  if (typeof m !== 'object' || m === null) return false;
  const t = (m as { type?: unknown }).type;
  if (t === 'ready' || t === 'rendered' || t === 'refresh') return true;
  if (t === 'action') {
    const a = (m as { action?: unknown }).action;
    return (NPZ_MEMBER_ACTIONS as readonly unknown[]).includes(a);
  }
  // The values messages are the .npy preview's, checked by the same rules.
  if (t === 'values-page' || t === 'values-goto' || t === 'values-grid') return isWebviewToHost(m);
  if (t === 'view-request') return isViewRequest(m);
  if (t === 'view-element') return isElementRequest(m);
  if (t === 'view-whole-start' || t === 'view-whole-cancel') return isWholeRequest(m);
  const i = (m as { index?: unknown }).index;
  return t === 'select' && typeof i === 'number' && Number.isSafeInteger(i) && i >= 0;
}
