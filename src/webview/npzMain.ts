// Webview entry of the .npz preview (dist/npzWebview.js): renders what the host posts, sends member
// selections, copy buttons and value paging back. It never reads or parses files.
import { HostToNpzWebview, NPZ_MEMBER_ACTIONS, NpzMemberAction, NpzWebviewToHost } from '../common/npzMessages';
import { forgetChoices, onViewMessage, setPoster } from './dataView';
import { renderNpz, renderNpzError } from './npzRender';
import { keepViewState } from './keepState';
import { onGotoSubmit, renderValues } from './render';
import { gridButtonMessage, listenToGrid } from './valuesGrid';
import { listenToDataView } from './viewEvents';

interface VsCodeApi { postMessage(message: NpzWebviewToHost): void }
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
setPoster((m) => vscode.postMessage(m));
/** The member the picture's choices belong to: another member starts from the defaults (a refresh keeps them). */
let pictured: string | undefined;

window.addEventListener('message', (event: MessageEvent<HostToNpzWebview>) => {
  const m = event.data;
  // The selected member's picture, as in the .npy preview: its messages redraw the picture only.
  if (m.type.startsWith('view-')) { onViewMessage(document, m as Parameters<typeof onViewMessage>[1]); return; }
  if (m.type === 'npz') {
    if (m.selected?.title !== pictured) { pictured = m.selected?.title; forgetChoices(); }
    // Keep keyboard focus on the same member button across a re-render of the table.
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.getAttribute('data-index') : null;
    keepViewState(document, () => renderNpz(document, m.model, m.selected));
    if (focused !== null && /^\d+$/.test(focused)) (document.querySelector(`button[data-index="${focused}"]`) as HTMLElement | null)?.focus();
  } else if (m.type === 'error') {
    renderNpzError(document, m.model);
  } else if (m.type === 'values') {
    renderValues(document, m.values);
  } else {
    return;
  }
  vscode.postMessage({ type: 'rendered' });
});

// One delegated listener survives every re-render; member, copy and paging buttons are real <button>s.
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button') : null;
  if (!button || button.disabled) return;
  const member = button.getAttribute('data-index');
  const action = button.getAttribute('data-action');
  const start = button.getAttribute('data-values-start');
  const grid = gridButtonMessage(document, button);
  if (button.hasAttribute('data-refresh')) {
    vscode.postMessage({ type: 'refresh' });
  } else if (grid) {
    vscode.postMessage(grid);
  } else if (member !== null) {
    const index = Number(member);
    if (Number.isSafeInteger(index) && index >= 0) vscode.postMessage({ type: 'select', index });
  } else if (action !== null) {
    if ((NPZ_MEMBER_ACTIONS as readonly string[]).includes(action)) vscode.postMessage({ type: 'action', action: action as NpzMemberAction });
  } else if (start !== null) {
    vscode.postMessage({ type: 'values-page', start });
  }
});

onGotoSubmit(document, (text) => vscode.postMessage({ type: 'values-goto', text }));
listenToGrid(document, (m) => vscode.postMessage(m));
listenToDataView(document);

vscode.postMessage({ type: 'ready' });
