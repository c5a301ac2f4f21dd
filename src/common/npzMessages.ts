// The .npz preview's view model and its protocol with the host. The host formats every string (sizes,
// statuses, labels); the webview only places them in the DOM. A member's full header report reuses the
// .npy preview's view model (PreviewViewModel), computed on the host when the member is selected.
import type { Badge, BadgeKind, PreviewViewModel } from './viewModel';

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
  };
}

export interface NpzMemberDetail {
  index: number;
  title: string;
  /** The member's header report as the .npy preview shows it, or null when it has none. */
  report: PreviewViewModel | null;
  /** The member's one-sentence error when report is null. */
  error: string | null;
  badge: Badge;
}

export interface NpzErrorViewModel { fileName: string; badge: Badge; message: string }

export type HostToNpzWebview =
  | { type: 'npz'; model: NpzViewModel; selected: NpzMemberDetail | null }
  | { type: 'error'; model: NpzErrorViewModel };

export type NpzWebviewToHost =
  /** The page is listening: the host (re)posts the current state. Sent on every (re)load. */
  | { type: 'ready' }
  /** Posted after each render (the archive page with or without a member, or the error page). */
  | { type: 'rendered' }
  | { type: 'select'; index: number };

export function isNpzWebviewToHost(m: unknown): m is NpzWebviewToHost {
  if (typeof m !== 'object' || m === null) return false;
  const t = (m as { type?: unknown }).type;
  if (t === 'ready' || t === 'rendered') return true;
  const i = (m as { index?: unknown }).index;
  return t === 'select' && typeof i === 'number' && Number.isSafeInteger(i) && i >= 0;
}
