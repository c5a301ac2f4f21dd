// Webview entry: renders what the host posts and reports back. It never reads or parses files.
import { HostToWebview, WebviewToHost } from '../common/messages';
import { ActionId } from '../common/viewModel';
import { hover, onViewInput, onViewKey, onViewMessage, pan, setPoster } from './dataView';
import { takeInitialState } from './initialState';
import { keepViewState } from './keepState';
import { onGotoSubmit, renderError, renderReport, renderValues } from './render';

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
window.addEventListener('message', (event: MessageEvent<HostToWebview>) => onHostMessage(event.data));

// One delegated listener survives every re-render; buttons are real <button>s, so keyboard works as is.
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button') : null;
  if (!button || button.disabled) return;
  const action = button.getAttribute('data-action');
  const start = button.getAttribute('data-values-start');
  if (button.hasAttribute('data-refresh')) vscode.postMessage({ type: 'refresh' });
  else if (action) vscode.postMessage({ type: 'action', action: action as ActionId });
  else if (start !== null) vscode.postMessage({ type: 'values-page', start });
});

onGotoSubmit(document, (text) => vscode.postMessage({ type: 'values-goto', text }));

// The data view's controls: selects and boxes on change, sliders while they move.
document.addEventListener('change', (event) => { if (event.target instanceof Element) onViewInput(document, event.target); });
document.addEventListener('input', (event) => {
  if (event.target instanceof HTMLInputElement && event.target.type === 'range') onViewInput(document, event.target);
});
document.addEventListener('keydown', (event) => { if (onViewKey(document, event)) event.preventDefault(); });
// Hover shows the element under the pointer; a drag pans the 1:1 window.
let drag: { x: number; y: number } | undefined;
document.addEventListener('pointermove', (event) => {
  if (event.target instanceof HTMLCanvasElement && event.target.id === 'view-canvas') hover(document, event.target, event.clientX, event.clientY);
});
document.addEventListener('pointerdown', (event) => {
  if (event.target instanceof HTMLCanvasElement && event.target.id === 'view-canvas') drag = { x: event.clientX, y: event.clientY };
});
document.addEventListener('pointerup', (event) => {
  const canvas = document.getElementById('view-canvas');
  if (!drag || !(canvas instanceof HTMLCanvasElement)) return;
  const box = canvas.getBoundingClientRect();
  const dc = Math.round(((drag.x - event.clientX) / Math.max(1, box.width)) * canvas.width);
  const dr = Math.round(((drag.y - event.clientY) / Math.max(1, box.height)) * canvas.height);
  drag = undefined;
  if (dr !== 0 || dc !== 0) pan(document, dr, dc);
});

// The host's first messages come embedded in the page: render them now, once. A reload (the panel shown again)
// has the same page but older news, so it asks the host instead, as a page without them does. 'ready' goes first,
// so the host has its answer before the first 'rendered', as when the report came by message.
const initial = takeInitialState(document, vscode);
vscode.postMessage(initial ? { type: 'ready', shown: initial.stamp } : { type: 'ready' });
for (const m of initial?.messages ?? []) onHostMessage(m);
