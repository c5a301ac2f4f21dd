// The "Whole array" statistics in the webview: a button; then what a run reads (from the host) with Start and
// Cancel; while it runs, a progress bar, the host's progress text and Cancel; then the result line. A new
// report or another field / complex part clears an old result and says why. The numbers come from the host.
import { ViewSetup, WholeHostMessage } from '../../common/viewMessages';
import { Doc, el } from '../dom';
import { view } from './state';

type Phase = 'idle' | 'confirm' | 'running' | 'done' | 'stopped';

let phase: Phase = 'idle';
let runId = 0;
let nextRunId = 1;
/** The result, the progress text or the sentence of a failure / cancel / cleared result. */
let message = '';
let fraction = 0;

/** A new report: a run or result of the old data is gone (the host stopped the run); a pending question stays. */
export function onWholeSetup(): void {
  if (phase === 'running' || phase === 'done' || phase === 'stopped') clear(view.setup!.ui.wholeStaleFile);
}

/** Another field or complex part: the old numbers describe other values. */
export function onWholeChoice(doc: Doc): void {
  if (phase === 'running') view.post({ type: 'view-whole-cancel', id: runId });
  if (phase === 'running' || phase === 'done' || phase === 'stopped') {
    clear(view.setup!.ui.wholeStaleChoice);
    renderWhole(doc);
  }
}

function clear(why: string): void {
  phase = 'idle';
  runId = 0;
  message = why;
}

/** The block for the section, or null when the host offers no whole-array statistics. */
export function wholeBlock(doc: Doc, s: ViewSetup): HTMLElement | null {
  if (!s.whole) return null;
  const ui = s.ui;
  const box = el(doc, 'div', undefined, { id: 'view-whole', class: 'view-whole' });
  const button = (id: string, label: string) => el(doc, 'button', label, { id, type: 'button' });
  if (phase === 'confirm') {
    box.append(el(doc, 'p', s.whole.reads, { id: 'view-whole-reads' }), button('view-whole-start', ui.wholeStart), button('view-whole-cancel', ui.wholeCancel));
  } else if (phase === 'running') {
    const bar = el(doc, 'progress', undefined, { id: 'view-whole-progress', max: '1', 'aria-label': ui.wholeProgress });
    bar.value = fraction;
    box.append(bar, el(doc, 'p', message, { id: 'view-whole-status', 'aria-live': 'polite' }), button('view-whole-cancel', ui.wholeCancel));
  } else {
    if (phase === 'done') box.appendChild(el(doc, 'p', message, { id: 'view-whole-result', class: 'view-stats' }));
    else if (message) box.appendChild(el(doc, 'p', message, { id: 'view-whole-status', ...(phase === 'stopped' ? { role: 'alert' } : {}) }));
    box.appendChild(button('view-whole-open', ui.wholeOpen));
  }
  // The block's own listener: it is rebuilt with the section, so nothing outlives it.
  box.addEventListener('click', (event) => {
    // No instanceof Element: the page's globals are not those of the document in tests (jsdom).
    const target = (event.target as Element | null)?.closest?.('button');
    if (target) onWholeClick(doc, target.id);
  });
  return box;
}

function renderWhole(doc: Doc, focus?: string): void {
  const old = doc.getElementById('view-whole');
  const s = view.setup;
  const block = s && wholeBlock(doc, s);
  if (!old || !block) return;
  old.replaceWith(block);
  if (focus) (doc.getElementById(focus) as HTMLElement | null)?.focus();
}

function onWholeClick(doc: Doc, id: string): void {
  const c = view.choices;
  if (id === 'view-whole-open') { phase = 'confirm'; message = ''; renderWhole(doc, 'view-whole-start'); return; }
  if (id === 'view-whole-start' && phase === 'confirm') {
    runId = nextRunId++;
    phase = 'running';
    fraction = 0;
    message = '';
    view.post({ type: 'view-whole-start', id: runId, ...(c?.field !== undefined ? { field: c.field } : {}), ...(c?.part !== undefined ? { part: c.part } : {}) });
    renderWhole(doc, 'view-whole-cancel');
    return;
  }
  if (id === 'view-whole-cancel') {
    // Before Start nothing runs; while running, the host stops and answers with what it read.
    if (phase === 'confirm') { phase = 'idle'; renderWhole(doc, 'view-whole-open'); } else if (phase === 'running') view.post({ type: 'view-whole-cancel', id: runId });
  }
}

/** Applies the host's progress, result or sentence for the current run; other runs' messages are dropped. */
export function onWholeMessage(doc: Doc, m: WholeHostMessage): void {
  if (m.id !== runId || phase !== 'running') return;
  if (m.type === 'view-whole-progress') {
    fraction = m.totalBytes > 0 ? m.bytesRead / m.totalBytes : 1;
    message = m.text;
    const bar = doc.getElementById('view-whole-progress') as HTMLProgressElement | null;
    if (bar) bar.value = fraction;
    const status = doc.getElementById('view-whole-status');
    if (status) status.textContent = m.text;
    return;
  }
  phase = m.type === 'view-whole-done' ? 'done' : 'stopped';
  message = m.type === 'view-whole-done' ? m.text : m.message;
  renderWhole(doc, 'view-whole-open');
}
