// The "Whole array" statistics in the webview (jsdom): the button; the host's sentence of what a run reads with
// Start and Cancel; the start request with the chosen field / part; progress (bar and text) of this run only;
// Cancel; the result line; and an old result cleared, with the reason, by a new report or another complex part.
import * as assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { isWebviewToHost } from '../../../src/common/messages';
import { ViewSetup, WholeRequest } from '../../../src/common/viewMessages';
import { viewLabels } from '../../../src/extension/model/dataViewText';
import { formatMessage } from '../../../src/extension/model/translate';
import { onViewInput, onViewMessage, renderDataView, setPoster } from '../../../src/webview/dataView';

const ui = viewLabels(formatMessage);
const READS = 'Reads 1 TiB — all of the array\'s data.';

function page(): { doc: Document; whole: WholeRequest[] } {
  const dom = new JSDOM('<!doctype html><main id="root"><section id="overview"></section></main>');
  // No 2-D context in jsdom, and none is needed here: the picture is never answered.
  (dom.window.HTMLCanvasElement.prototype as unknown as { getContext: () => null }).getContext = () => null;
  const whole: WholeRequest[] = [];
  setPoster((m) => { if (m.type === 'view-whole-start' || m.type === 'view-whole-cancel') whole.push(m); });
  return { doc: dom.window.document, whole };
}

function setup(extra: Partial<ViewSetup> = {}): ViewSetup {
  return { shape: ['64', '32'], fields: [], complex: true, image: false, kind: 'c', ui, whole: { reads: READS }, ...extra };
}

function click(doc: Document, id: string): void {
  const b = doc.getElementById(id);
  assert.ok(b, `#${id} is shown`);
  b.dispatchEvent(new doc.defaultView!.MouseEvent('click', { bubbles: true }));
}

function text(doc: Document, id: string): string | null | undefined {
  return doc.getElementById(id)?.textContent;
}

/** Button → the reads sentence → Start: returns the run's id. */
function startRun(doc: Document, whole: WholeRequest[]): number {
  click(doc, 'view-whole-open');
  click(doc, 'view-whole-start');
  const m = whole.at(-1)!;
  assert.equal(m.type, 'view-whole-start');
  return m.id;
}

describe('webview whole-array statistics', () => {
  it('says what it reads before anything is read; Cancel there posts nothing', () => {
    const { doc, whole } = page();
    renderDataView(doc, setup());
    assert.equal(text(doc, 'view-whole-open'), 'Whole array…');
    assert.equal(doc.getElementById('view-whole-reads'), null);
    click(doc, 'view-whole-open');
    assert.equal(text(doc, 'view-whole-reads'), READS);
    assert.equal(text(doc, 'view-whole-start'), 'Start');
    assert.equal(doc.activeElement?.id, 'view-whole-start', 'keyboard users land on Start');
    click(doc, 'view-whole-cancel');
    assert.deepEqual(whole, []);
    assert.equal(doc.getElementById('view-whole-reads'), null);
    assert.ok(doc.getElementById('view-whole-open'));
  });

  it('starts with the chosen complex part, shows this run\'s progress only, and Cancel asks the host to stop', () => {
    const { doc, whole } = page();
    renderDataView(doc, setup());
    const part = doc.getElementById('view-part') as HTMLSelectElement;
    part.value = 'real';
    onViewInput(doc, part);
    const id = startRun(doc, whole);
    assert.deepEqual(whole, [{ type: 'view-whole-start', id, part: 'real' }]);
    const bar = doc.getElementById('view-whole-progress') as HTMLProgressElement;
    assert.equal(bar.getAttribute('aria-label'), ui.wholeProgress);
    assert.equal(bar.value, 0);
    onViewMessage(doc, { type: 'view-whole-progress', id, bytesRead: 256, totalBytes: 1024, text: 'Read 256 B of 1 KiB (25 %)' });
    assert.equal((doc.getElementById('view-whole-progress') as HTMLProgressElement).value, 0.25);
    assert.equal(text(doc, 'view-whole-status'), 'Read 256 B of 1 KiB (25 %)');
    onViewMessage(doc, { type: 'view-whole-progress', id: id + 100, bytesRead: 1000, totalBytes: 1024, text: 'another run' });
    assert.equal(text(doc, 'view-whole-status'), 'Read 256 B of 1 KiB (25 %)', 'another run\'s progress is dropped');
    click(doc, 'view-whole-cancel');
    assert.deepEqual(whole.at(-1), { type: 'view-whole-cancel', id });
    onViewMessage(doc, { type: 'view-whole-error', id, message: 'Cancelled after reading 256 B of 1 KiB.' });
    assert.equal(doc.getElementById('view-whole-progress'), null);
    assert.equal(text(doc, 'view-whole-status'), 'Cancelled after reading 256 B of 1 KiB.');
    assert.equal(doc.getElementById('view-whole-status')!.getAttribute('role'), 'alert');
    assert.ok(doc.getElementById('view-whole-open'), 'it can be started again');
  });

  it('shows the result; a new report clears it and says why', () => {
    const { doc, whole } = page();
    renderDataView(doc, setup());
    const id = startRun(doc, whole);
    const result = 'Whole array, |z|: min 0 · max 9 · mean 4.5 · std 1 · NaN 0 · ±Inf 0 · zeros 1 — of all 2,048 elements.';
    onViewMessage(doc, { type: 'view-whole-done', id, text: result,
      stats: { count: 2048, nan: 0, posInf: 0, negInf: 0, zeros: 1, min: 0, max: 9, mean: 4.5, std: 1 } });
    assert.equal(text(doc, 'view-whole-result'), result);
    // The file changed: the host posts a new setup (and has stopped any run).
    onViewMessage(doc, { type: 'view-setup', setup: setup() });
    assert.equal(doc.getElementById('view-whole-result'), null);
    assert.equal(text(doc, 'view-whole-status'), ui.wholeStaleFile);
  });

  it('another complex part clears a result, and stops a run', () => {
    const { doc, whole } = page();
    renderDataView(doc, setup());
    let id = startRun(doc, whole);
    onViewMessage(doc, { type: 'view-whole-done', id, text: 'result', stats: { count: 1, nan: 0, posInf: 0, negInf: 0, zeros: 0, min: 1, max: 1, mean: 1, std: 0 } });
    const part = doc.getElementById('view-part') as HTMLSelectElement;
    part.value = 'imag';
    onViewInput(doc, part);
    assert.equal(doc.getElementById('view-whole-result'), null);
    assert.equal(text(doc, 'view-whole-status'), ui.wholeStaleChoice);
    id = startRun(doc, whole);
    assert.equal((whole.at(-1) as { part?: string }).part, 'imag');
    (doc.getElementById('view-part') as HTMLSelectElement).value = 'arg';
    onViewInput(doc, doc.getElementById('view-part')!);
    assert.deepEqual(whole.at(-1), { type: 'view-whole-cancel', id });
    onViewMessage(doc, { type: 'view-whole-done', id, text: 'late', stats: { count: 1, nan: 0, posInf: 0, negInf: 0, zeros: 0, min: 1, max: 1, mean: 1, std: 0 } });
    assert.equal(doc.getElementById('view-whole-result'), null, 'a stopped run\'s late result is dropped');
  });

  it('the host accepts only well-formed start and cancel messages', () => {
    assert.ok(isWebviewToHost({ type: 'view-whole-start', id: 1 }));
    assert.ok(isWebviewToHost({ type: 'view-whole-start', id: 2, field: 'x', part: 'imag' }));
    assert.ok(isWebviewToHost({ type: 'view-whole-cancel', id: 2 }));
    for (const bad of [{ type: 'view-whole-start' }, { type: 'view-whole-start', id: -1 }, { type: 'view-whole-start', id: 1.5 },
      { type: 'view-whole-start', id: 1, part: 'phase' }, { type: 'view-whole-start', id: 1, field: 7 },
      { type: 'view-whole-start', id: 1, field: 'x'.repeat(1001) }, { type: 'view-whole-cancel', id: '1' }]) {
      assert.equal(isWebviewToHost(bad), false, JSON.stringify(bad).slice(0, 80));
    }
  });

  it('is not offered when the host offers nothing (strings, objects, other file systems)', () => {
    const { doc } = page();
    renderDataView(doc, setup({ whole: undefined }));
    assert.equal(doc.getElementById('view-whole'), null);
  });
});
