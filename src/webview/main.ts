// Webview entry: renders what the host posts and reports back. It never reads or parses files.
import { HostToWebview, WebviewToHost } from '../common/messages';
import { ActionId } from '../common/viewModel';
import { renderError, renderReport } from './render';

interface VsCodeApi { postMessage(message: WebviewToHost): void }
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const m = event.data;
  if (m.type === 'report') renderReport(document, m.model);
  else if (m.type === 'error') renderError(document, m.model);
  else return;
  vscode.postMessage({ type: 'rendered' });
});

// One delegated listener survives every re-render; buttons are real <button>s, so keyboard works as is.
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
  if (!target || (target as HTMLButtonElement).disabled) return;
  vscode.postMessage({ type: 'action', action: target.getAttribute('data-action') as ActionId });
});

vscode.postMessage({ type: 'ready' });
