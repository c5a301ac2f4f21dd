// Webview entry: renders what the host posts and reports back. It never reads or parses files.
import { HostToWebview, WebviewToHost } from '../common/messages';
import { ActionId } from '../common/viewModel';
import { onViewMessage, setPoster } from './dataView';
import { keepViewState } from './keepState';
import { onGotoSubmit, renderError, renderReport, renderValues } from './render';
import { gridButtonMessage, gridKeyMessage, gridLeadMessage } from './valuesGrid';
import { listenToDataView } from './viewEvents';

interface VsCodeApi { postMessage(message: WebviewToHost): void }
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
setPoster((m) => vscode.postMessage(m));

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const m = event.data;
  // The data view's messages (rows arriving while reading) redraw the picture only: no 'rendered' for them.
  if (m.type.startsWith('view-')) { onViewMessage(document, m as Parameters<typeof onViewMessage>[1]); return; }
  if (m.type === 'report') keepViewState(document, () => renderReport(document, m.model));
  else if (m.type === 'error') renderError(document, m.model);
  else if (m.type === 'values') renderValues(document, m.values);
  else return;
  vscode.postMessage({ type: 'rendered' });
});

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
// The grid's leading-index boxes (Enter or Show Plane) and its page keys.
document.addEventListener('submit', (event) => {
  const m = event.target instanceof HTMLFormElement ? gridLeadMessage(document, event.target) : null;
  if (m) { event.preventDefault(); vscode.postMessage(m); }
});
document.addEventListener('keydown', (event) => {
  const m = gridKeyMessage(document, event);
  if (m) { event.preventDefault(); vscode.postMessage(m); }
});

listenToDataView(document);

vscode.postMessage({ type: 'ready' });
