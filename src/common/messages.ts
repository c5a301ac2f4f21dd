// The typed protocol between the extension host and the preview webview.
import { ActionId, ErrorViewModel, PreviewViewModel } from './viewModel';

export type HostToWebview =
  | { type: 'report'; model: PreviewViewModel }
  | { type: 'error'; message: string; model: ErrorViewModel };

export type WebviewToHost =
  /** The page's script is listening: the host (re)posts the current state. Sent on every (re)load. */
  | { type: 'ready' }
  /** Posted after each render of a report or an error page. */
  | { type: 'rendered' }
  | { type: 'action'; action: ActionId };

export function isWebviewToHost(m: unknown): m is WebviewToHost {
  if (typeof m !== 'object' || m === null) return false;
  const t = (m as { type?: unknown }).type;
  if (t === 'ready' || t === 'rendered') return true;
  const a = (m as { action?: unknown }).action;
  return t === 'action' && (a === 'copy-json' || a === 'copy-python' || a === 'copy-rust' || a === 'create-like');
}
