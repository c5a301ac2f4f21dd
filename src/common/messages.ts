// The typed protocol between the extension host and the preview webview.
import { ACTION_IDS, ActionId, ErrorViewModel, PreviewViewModel, ValuesViewModel } from './viewModel';
import { ElementRequest, isElementRequest, isViewRequest, isWholeRequest, ViewHostMessage, ViewRequest, WholeRequest } from './viewMessages';

export type HostToWebview =
  | { type: 'report'; model: PreviewViewModel }
  | { type: 'error'; message: string; model: ErrorViewModel }
  /** Another page of values (or a refused "Go to index"): only the Values section is rendered again. */
  | { type: 'values'; values: ValuesViewModel }
  /** The data view (viewMessages.ts). */
  | ViewHostMessage;

export type WebviewToHost =
  /**
   * The page's script is listening: the host (re)posts the current state. Sent on every (re)load. `shown`: the
   * stamp of the embedded state the page has just rendered (initialState.ts), which needs no answer if still current.
   */
  | { type: 'ready'; shown?: number }
  /** Posted after each render of a report, an error page or a page of values. */
  | { type: 'rendered' }
  | { type: 'action'; action: ActionId }
  /** The Refresh button: read the file again now (sizes, status, the page shown). */
  | { type: 'refresh' }
  /** Previous/Next: show the page starting at this C-order flat index (decimal). */
  | { type: 'values-page'; start: string }
  /** The values grid (2 or more dimensions): the plane at the leading indices as typed in their boxes (the host checks them), from this row and column (decimals). */
  | { type: 'values-grid'; lead: string[]; row: string; col: string }
  /** "Go to index" as typed (flat "12" or N-d "3, 4, 5"); the host validates it. */
  | { type: 'values-goto'; text: string }
  | ViewRequest
  | ElementRequest
  | WholeRequest;

/** Longest "Go to index" text accepted from the webview. */
export const MAX_GOTO_TEXT = 1000;

/** Leading indices a grid message may carry at most (numpy allows 64 dimensions). */
export const MAX_GRID_LEAD = 64;
/** Longest text of one leading-index box. */
export const MAX_LEAD_TEXT = 40;

function isDecimal(v: unknown): v is string {
  return typeof v === 'string' && /^\d{1,20}$/.test(v);
}

export function isWebviewToHost(m: unknown): m is WebviewToHost {
  if (typeof m !== 'object' || m === null) return false;
  const t = (m as { type?: unknown }).type;
  if (t === 'ready') {
    const shown = (m as { shown?: unknown }).shown;
    return shown === undefined || Number.isSafeInteger(shown);
  }
  if (t === 'rendered' || t === 'refresh') return true;
  if (t === 'view-request') return isViewRequest(m);
  if (t === 'view-element') return isElementRequest(m);
  if (t === 'view-whole-start' || t === 'view-whole-cancel') return isWholeRequest(m);
  if (t === 'values-page') {
    const start = (m as { start?: unknown }).start;
    return isDecimal(start);
  }
  if (t === 'values-grid') {
    const g = m as { lead?: unknown; row?: unknown; col?: unknown };
    return Array.isArray(g.lead) && g.lead.length <= MAX_GRID_LEAD && g.lead.every((v) => typeof v === 'string' && v.length <= MAX_LEAD_TEXT) && isDecimal(g.row) && isDecimal(g.col);
  }
  if (t === 'values-goto') {
    const text = (m as { text?: unknown }).text;
    return typeof text === 'string' && text.length <= MAX_GOTO_TEXT;
  }
  const a = (m as { action?: unknown }).action;
  return t === 'action' && typeof a === 'string' && (ACTION_IDS as readonly string[]).includes(a);
}
