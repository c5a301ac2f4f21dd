// Webview entry: renders what the host posts and reports back. It never reads or parses files.
import { HostToWebview, WebviewToHost } from '../common/messages';
import { ActionId } from '../common/viewModel';
import { onViewMessage, setPoster } from './dataView';
import { takeInitialState } from './initialState';
import { keepViewState } from './keepState';
import { onGotoSubmit, renderError, renderReport, renderValues } from './render';
import { gridButtonMessage, listenToGrid } from './valuesGrid';
import { listenToDataView } from './viewEvents';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState?(): unknown;
  setState?(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
setPoster((m) => vscode.postMessage(m));

function onHostMessage(m: HostToWebview): void {
  // The data view's messages (rows arriving while reading) redraw the picture only: no 'rendered' for them.
  if (m.type.startsWith('view-')) { onViewMessage(document, m as Parameters<typeof onViewMessage>[1]); return; }
  if (m.type === 'report') keepViewState(document, () => renderReport(document, m.model));
  else if (m.type === 'error') renderError(document, m.model);
  else if (m.type === 'values') renderValues(document, m.values);
  else return;
  vscode.postMessage({ type: 'rendered' });
}
window.addEventListener('message', (event: MessageEvent<HostToWebview>) => { flushLater(); onHostMessage(event.data); });

// One delegated listener survives every re-render; buttons are real <button>s, so keyboard works as is.
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button') : null;
  if (!button || button.disabled) return;
  const action = button.getAttribute('data-action');
  const start = button.getAttribute('data-values-start');
  const grid = gridButtonMessage(document, button);
  if (button.hasAttribute('data-refresh')) vscode.postMessage({ type: 'refresh' });
  else if (grid) vscode.postMessage(grid);
  else if (action) vscode.postMessage({ type: 'action', action: action as ActionId });
  else if (start !== null) vscode.postMessage({ type: 'values-page', start });
});

onGotoSubmit(document, (text) => vscode.postMessage({ type: 'values-goto', text }));
listenToGrid(document, (m) => vscode.postMessage(m));

listenToDataView(document);

// The host's first messages come embedded in the page: render them now, once. A reload (the panel shown again)
// has the same page but older news, so it asks the host instead, as a page without them does. 'ready' goes first,
// so the host has its answer before the first 'rendered', as when the report came by message. The report (or
// error) renders in this task; the rest (the data view's setup, which lays the page out to size its picture) waits
// until the page is idle (at most LATER_MS): run at once, it held up the first frame and the relay of 'rendered'
// to the host (~9 ms in the benchmark). A host message arriving before then runs after them, keeping the host's order.
/** The longest the data view's setup waits for an idle page. */
const LATER_MS = 100;
const initial = takeInitialState(document, vscode);
vscode.postMessage(initial ? { type: 'ready', shown: initial.stamp } : { type: 'ready' });
const [first, ...later] = initial?.messages ?? [];
if (first) onHostMessage(first);
const flushLater = (): void => { for (const m of later.splice(0)) onHostMessage(m); };
if (later.length) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(flushLater, { timeout: LATER_MS });
  else setTimeout(flushLater, 0);
}
