// Webview entry of the .npz preview (dist/npzWebview.js): renders what the host posts, sends member
// selections back. It never reads or parses files.
import { HostToNpzWebview, NpzWebviewToHost } from '../common/npzMessages';
import { renderNpz, renderNpzError } from './npzRender';

interface VsCodeApi { postMessage(message: NpzWebviewToHost): void }
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

window.addEventListener('message', (event: MessageEvent<HostToNpzWebview>) => {
  const m = event.data;
  if (m.type === 'npz') {
    // Keep keyboard focus on the same member button across a re-render of the table.
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.getAttribute('data-index') : null;
    renderNpz(document, m.model, m.selected);
    if (focused !== null && /^\d+$/.test(focused)) (document.querySelector(`button[data-index="${focused}"]`) as HTMLElement | null)?.focus();
  } else if (m.type === 'error') {
    renderNpzError(document, m.model);
  } else {
    return;
  }
  vscode.postMessage({ type: 'rendered' });
});

// One delegated listener survives every re-render; the member buttons are real <button>s.
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('button[data-index]') : null;
  if (!target) return;
  const index = Number(target.getAttribute('data-index'));
  if (!Number.isSafeInteger(index) || index < 0) return;
  vscode.postMessage({ type: 'select', index });
});

vscode.postMessage({ type: 'ready' });
