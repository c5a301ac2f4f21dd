// The data view in jsdom: labelled controls, the requests they post, and that the canvas receives the colours of
// the numbers (colour indices computed here independently, as matplotlib's Normalize + 256-entry map do, from the
// published tables). jsdom has no 2-D context: a recording one stands in, so what putImageData got is checked.
import * as assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { COLORMAP_NAMES, colormapRgb } from '../../../src/common/colormaps';
import { ElementRequest, ViewRequest, ViewSetup } from '../../../src/common/viewMessages';
import { viewLabels } from '../../../src/extension/model/dataViewText';
import { formatMessage } from '../../../src/extension/model/translate';
import { pythonJson, requireNumpy } from '../../helpers/python';
import { onViewInput, onViewKey, onViewMessage, renderDataView, setPoster } from '../../../src/webview/dataView';

interface Put { width: number; height: number; data: Uint8ClampedArray }

function page(): { doc: Document; puts: Map<string, Put[]>; posted: ViewRequest[]; elements: ElementRequest[] } {
  const dom = new JSDOM('<!doctype html><main id="root"><section id="overview"></section><div id="glance" class="glance"><section id="values"></section></div></main>');
  const puts = new Map<string, Put[]>();
  const proto = dom.window.HTMLCanvasElement.prototype as unknown as { getContext: (this: HTMLCanvasElement) => unknown };
  proto.getContext = function () {
    const key = this.id || this.className;
    return {
      createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
      putImageData: (img: Put) => { puts.set(key, [...(puts.get(key) ?? []), { ...img, data: img.data.slice() }]); },
      clearRect() {}, beginPath() {}, moveTo() {}, lineTo() {}, stroke() {},
    };
  };
  const posted: ViewRequest[] = [];
  const elements: ElementRequest[] = [];
  setPoster((m) => { if (m.type === 'view-request') posted.push(m); else if (m.type === 'view-element') elements.push(m); });
  return { doc: dom.window.document, puts, posted, elements };
}

function setup(shape: string[], extra: Partial<ViewSetup> = {}): ViewSetup {
  return { shape, fields: [], complex: false, image: false, kind: 'f', ui: viewLabels(formatMessage), ...extra };
}

/** matplotlib: int((v − lo) / (hi − lo) · 256) clipped to 0…255; the test's own arithmetic. */
function expectedRgb(v: number, lo: number, hi: number, map: string): number[] {
  if (Number.isNaN(v)) return [160, 160, 160];
  const k = Math.min(255, Math.max(0, Math.floor(((v - lo) / (hi - lo)) * 256)));
  return Array.from(colormapRgb(map as never).subarray(k * 3, k * 3 + 3));
}

function answer(doc: Document, req: ViewRequest, rows: number, cols: number, values: number[], extra: { channels?: number } = {}): void {
  const channels = extra.channels ?? 1;
  onViewMessage(doc, { type: 'view-start', id: req.id, rows, cols, rowStart: 0, colStart: 0, step: 1, planeRows: rows, planeCols: cols,
    origin: req.index.map(() => '0'), rowAxis: req.rowAxis, colAxis: req.colAxis, label: `all ${rows} × ${cols} elements`, channels });
  for (let ch = 0; ch < channels; ch++) {
    onViewMessage(doc, { type: 'view-rows', id: req.id, channel: ch, firstRow: 0, rowCount: rows, values: Float64Array.from(values.slice(ch * rows * cols, (ch + 1) * rows * cols)) });
  }
  const finite = values.filter(Number.isFinite);
  onViewMessage(doc, { type: 'view-done', id: req.id, stats: { count: values.length, nan: values.filter(Number.isNaN).length, posInf: values.filter((v) => v === Infinity).length, negInf: 0, zeros: 0, min: null, max: null, mean: null, std: null },
    finite: { low: Math.min(...finite), high: Math.max(...finite) }, robust: null, statsText: 'stats line', bytesRead: values.length * 8 });
}

describe('webview data view', () => {
  it('builds labelled controls beside the values, after the summary, and asks for the last two axes in fit mode', () => {
    const { doc, posted } = page();
    renderDataView(doc, setup(['4', '30', '40']));
    const section = doc.getElementById('data-view')!;
    // Beside the Values, in the row they share (#glance), after the summary.
    assert.equal(section.parentElement?.id, 'glance');
    assert.equal(section.previousElementSibling?.id, 'values');
    assert.equal(section.parentElement?.previousElementSibling?.id, 'overview');
    for (const c of section.querySelectorAll('select, input')) {
      const labelled = c.getAttribute('aria-label') || doc.querySelector(`label[for="${c.id}"]`)?.textContent;
      assert.ok(labelled, `${c.id} has a label`);
    }
    assert.equal((doc.getElementById('view-row-axis') as HTMLSelectElement).value, '1');
    assert.equal((doc.getElementById('view-col-axis') as HTMLSelectElement).value, '2');
    assert.equal((doc.getElementById('view-slider-0') as HTMLInputElement).max, '3');
    assert.ok(doc.getElementById('view-index-0'), 'a number box beside the slider');
    assert.equal(doc.getElementById('view-slider-1'), null, 'no slider for a shown axis');
    assert.deepEqual(posted.at(-1), { type: 'view-request', id: posted.at(-1)!.id, rowAxis: 1, colAxis: 2, index: ['0', '0', '0'], mode: 'fit', row0: 0, col0: 0, width: 512, height: 360 }, 'the box: 512 wide (jsdom has no layout), at most 360 high so the Values stay in sight');

    const slider = doc.getElementById('view-slider-0') as HTMLInputElement;
    slider.value = '2';
    onViewInput(doc, slider);
    assert.deepEqual(posted.at(-1)!.index, ['2', '0', '0']);
    assert.equal((doc.getElementById('view-index-0') as HTMLInputElement).value, '2', 'the number box follows the slider');
  });

  it('paints the numbers through viridis by default, NaN grey, +Inf clamped to the top colour, with a colour bar and stats', () => {
    const { doc, puts, posted } = page();
    renderDataView(doc, setup(['2', '3']));
    const values = [0, 1, 2.5, NaN, 3.999, Infinity];
    answer(doc, posted.at(-1)!, 2, 3, values);
    const img = puts.get('view-canvas')!.at(-1)!;
    assert.equal(img.width, 3);
    assert.equal(img.height, 2);
    values.forEach((v, i) => {
      assert.deepEqual(Array.from(img.data.subarray(i * 4, i * 4 + 3)), v === Infinity ? expectedRgb(4, 0, 4, 'viridis') : expectedRgb(v, 0, 3.999, 'viridis'), `pixel ${i} (${v})`);
    });
    assert.equal(doc.getElementById('view-low-label')!.textContent, '0');
    assert.equal(doc.getElementById('view-high-label')!.textContent, '3.999');
    assert.equal(doc.getElementById('view-colormap-name')!.textContent, 'viridis');
    assert.ok(doc.querySelector('.view-nan-key') && doc.querySelector('.view-inf-key'), 'NaN and Inf keys in the colour bar');
    assert.equal(doc.getElementById('view-stats')!.textContent, 'stats line');
    const bar = puts.get('view-colorbar-strip')!.at(-1)!;
    assert.deepEqual(Array.from(bar.data.subarray(255 * 4, 255 * 4 + 3)), Array.from(colormapRgb('viridis').subarray(765, 768)));
  });

  it('uses the diverging map centred on zero when the values hold both signs; a chosen map and a typed range repaint without asking', () => {
    const { doc, puts, posted } = page();
    renderDataView(doc, setup(['1', '4']));
    const before = posted.length;
    answer(doc, posted.at(-1)!, 1, 4, [-2, 0, 1, 0.5]);
    let img = puts.get('view-canvas')!.at(-1)!;
    assert.equal(doc.getElementById('view-colormap-name')!.textContent, 'coolwarm');
    [-2, 0, 1, 0.5].forEach((v, i) => assert.deepEqual(Array.from(img.data.subarray(i * 4, i * 4 + 3)), expectedRgb(v, -2, 2, 'coolwarm')));
    const map = doc.getElementById('view-colormap') as HTMLSelectElement;
    assert.deepEqual(Array.from(map.options).map((o) => o.value).slice(1), [...COLORMAP_NAMES]);
    map.value = 'gray';
    onViewInput(doc, map);
    const range = doc.getElementById('view-range') as HTMLSelectElement;
    range.value = 'typed';
    onViewInput(doc, range);
    const low = doc.getElementById('view-low') as HTMLInputElement;
    const high = doc.getElementById('view-high') as HTMLInputElement;
    assert.equal(low.disabled, false);
    low.value = '0'; onViewInput(doc, low);
    high.value = '1'; onViewInput(doc, high);
    img = puts.get('view-canvas')!.at(-1)!;
    [-2, 0, 1, 0.5].forEach((v, i) => assert.deepEqual(Array.from(img.data.subarray(i * 4, i * 4 + 3)), expectedRgb(v, 0, 1, 'gray'), `gray pixel ${i}`));
    assert.equal(posted.length, before, 'colours change without reading again');
  });

  it('moves the cursor with the arrow keys and shows its full index and value; drops answers to older requests; the table toggle lists the numbers', () => {
    const { doc, posted } = page();
    renderDataView(doc, setup(['5', '2', '3']));
    const old = posted.at(-1)!;
    const slider = doc.getElementById('view-slider-0') as HTMLInputElement;
    slider.value = '4';
    onViewInput(doc, slider);
    const req = posted.at(-1)!;
    assert.notEqual(req.id, old.id);
    onViewMessage(doc, { type: 'view-error', id: old.id, message: 'old' });
    assert.equal(doc.getElementById('view-error'), null, 'an answer to an older request is dropped');
    answer(doc, { ...req, index: ['4', '0', '0'] }, 2, 3, [1, 2, 3, 4, 5, 6]);
    const canvas = doc.getElementById('view-canvas')!;
    const key = (k: string) => onViewKey(doc, { key: k, target: canvas } as unknown as KeyboardEvent);
    assert.ok(key('ArrowRight'));
    assert.ok(key('ArrowDown'));
    assert.equal(doc.getElementById('view-cursor')!.textContent, '[0, 1, 1] = 5');
    const toggle = doc.getElementById('view-table-toggle') as HTMLInputElement;
    toggle.checked = true;
    onViewInput(doc, toggle);
    const cells = Array.from(doc.querySelectorAll('#view-table td')).map((td) => td.textContent);
    assert.deepEqual(cells, ['1', '2', '3', '4', '5', '6']);
  });

  it('the cursor asks the host for numpy\'s text of its element once it rests, and shows it while it stays there', async () => {
    const { doc, posted, elements } = page();
    renderDataView(doc, setup(['2', '3']));
    const req = posted.at(-1)!;
    answer(doc, req, 2, 3, [0.1, 0.2, 0.30000000000000004, 4, 5, 6]);
    const canvas = doc.getElementById('view-canvas')!;
    // From wherever an earlier view left the cursor: to the top left corner, then two to the right.
    for (const k of ['ArrowUp', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowRight', 'ArrowRight']) onViewKey(doc, { key: k, target: canvas } as unknown as KeyboardEvent);
    assert.equal(doc.getElementById('view-cursor')!.textContent, '[0, 2] = 0.30000000000000004', 'the number at once');
    await new Promise((r) => setTimeout(r, 150));
    assert.deepEqual(elements, [{ type: 'view-element', index: ['0', '2'] }], 'one request, after the cursor rested');
    onViewMessage(doc, { type: 'view-element-text', index: ['0', '1'], text: 'stale' });
    assert.equal(doc.getElementById('view-cursor')!.textContent, '[0, 2] = 0.30000000000000004', 'an answer for another element is dropped');
    onViewMessage(doc, { type: 'view-element-text', index: ['0', '2'], text: '0.30000000000000004' });
    assert.equal(doc.getElementById('view-cursor')!.textContent, '[0, 2] = 0.30000000000000004');
    onViewMessage(doc, { type: 'view-element-text', index: ['0', '2'], text: 'np-text' });
    assert.equal(doc.getElementById('view-cursor')!.textContent, '[0, 2] = np-text', 'numpy\'s text replaces the number');
  });

  it('draws an (H, W, 3) uint8 image as RGB by default, and says why when there is no view', () => {
    const { doc, puts, posted } = page();
    renderDataView(doc, setup(['2', '2', '3'], { image: true, kind: 'u' }));
    const req = posted.at(-1)!;
    assert.equal(req.channelAxis, 2);
    assert.equal(req.rowAxis, 0);
    assert.equal(req.colAxis, 1);
    const r = [255, 0, 10, 20], g = [0, 255, 30, 40], b = [0, 0, 50, 60];
    answer(doc, req, 2, 2, [...r, ...g, ...b], { channels: 3 });
    const img = puts.get('view-canvas')!.at(-1)!;
    assert.deepEqual(Array.from(img.data), [255, 0, 0, 255, 0, 255, 0, 255, 10, 30, 50, 255, 20, 40, 60, 255]);

    renderDataView(doc, setup(['3'], { unavailable: 'The elements are strings.' }));
    assert.equal(doc.getElementById('view-unavailable')!.textContent, 'The elements are strings.');
    assert.equal(doc.getElementById('view-canvas'), null);
  });
});

describe('webview data view: float images only in [0, 1]', () => {
  before(function () { requireNumpy(this); });

  interface NumpyImage { rows: number; cols: number; planes: number[]; rgba: number[]; min: number; max: number }
  /** A numpy-made (H, W, 3) float64 image: its channel planes as the host posts them, and imshow's clipped RGBA bytes. */
  function numpyImage(kind: 'random' | 'standard_normal', h: number, w: number): NumpyImage {
    return pythonJson<NumpyImage>(`
import json, sys
import numpy as np
a = getattr(np.random.default_rng(11), sys.argv[1])((int(sys.argv[2]), int(sys.argv[3]), 3))
rgba = np.dstack([(np.clip(a, 0, 1) * 255).astype(np.uint8), np.full(a.shape[:2], 255, np.uint8)])
print(json.dumps({'rows': a.shape[0], 'cols': a.shape[1], 'planes': a.transpose(2, 0, 1).ravel().tolist(),
    'rgba': rgba.ravel().tolist(), 'min': float(a.min()), 'max': float(a.max())}))`, [kind, String(h), String(w)]);
  }

  function answerImage(doc: Document, req: ViewRequest, a: NumpyImage, channels: number): void {
    onViewMessage(doc, { type: 'view-start', id: req.id, rows: a.rows, cols: a.cols, rowStart: 0, colStart: 0, step: 1, planeRows: a.rows, planeCols: a.cols,
      origin: req.index.map(() => '0'), rowAxis: req.rowAxis, colAxis: req.colAxis, label: 'all', channels });
    const n = a.rows * a.cols;
    for (let ch = 0; ch < channels; ch++) {
      onViewMessage(doc, { type: 'view-rows', id: req.id, channel: ch, firstRow: 0, rowCount: a.rows, values: Float64Array.from(a.planes.slice(ch * n, (ch + 1) * n)) });
    }
    onViewMessage(doc, { type: 'view-done', id: req.id, stats: { count: n * channels, nan: 0, posInf: 0, negInf: 0, zeros: 0, min: a.min, max: a.max, mean: null, std: null },
      finite: { low: a.min, high: a.max }, robust: null, statsText: 'stats line', bytesRead: n * channels * 8 });
  }

  it('numpy\'s rng.random (H, W, 3) float image lies in [0, 1]: drawn as RGB, no second request', () => {
    const { doc, puts, posted } = page();
    const a = numpyImage('random', 5, 4);
    renderDataView(doc, setup(['5', '4', '3'], { image: true, kind: 'f' }));
    const req = posted.at(-1)!;
    assert.equal(req.channelAxis, 2);
    answerImage(doc, req, a, 3);
    assert.deepEqual(Array.from(puts.get('view-canvas')!.at(-1)!.data), a.rgba, 'imshow\'s bytes');
    assert.equal(posted.at(-1), req, 'no other view asked for');
    assert.equal(doc.getElementById('view-image-note'), null);
    assert.equal((doc.getElementById('view-layout') as HTMLSelectElement).value, 'rgb');
  });

  it('numpy\'s standard_normal (H, W, 3) floats leave [0, 1]: a heatmap of channel 0 with one sentence; RGB chosen by hand is kept, clipped', () => {
    const { doc, puts, posted } = page();
    const a = numpyImage('standard_normal', 5, 6);
    renderDataView(doc, setup(['5', '6', '3'], { image: true, kind: 'f' }));
    const rgb = posted.at(-1)!;
    answerImage(doc, rgb, a, 3);
    const heat = posted.at(-1)!;
    assert.notEqual(heat, rgb, 'asked again, as a heatmap');
    assert.equal(heat.channelAxis, undefined);
    assert.deepEqual([heat.rowAxis, heat.colAxis, heat.index[2]], [0, 1, '0'], 'rows × columns of channel 0');
    const six = (x: number): string => String(Number(x.toPrecision(6)));
    assert.equal(doc.getElementById('view-image-note')!.textContent,
      `Drawn as a heatmap of one channel: the shown values run from ${six(a.min)} to ${six(a.max)}, outside the [0, 1] of a float RGB(A) image. Choose "RGB(A) image" under Draw as to see them clipped.`);
    const layout = doc.getElementById('view-layout') as HTMLSelectElement;
    assert.equal(layout.value, 'heatmap');
    assert.ok([...layout.options].some((o) => o.value === 'rgb'), 'RGB stays on offer');
    // The picture is the heatmap of channel 0 (a[:, :, 0]): one canvas pixel per element.
    answerImage(doc, heat, { ...a, planes: a.planes.slice(0, a.rows * a.cols) }, 1);
    const img = puts.get('view-canvas')!.at(-1)!;
    assert.deepEqual([img.width, img.height], [6, 5]);

    layout.value = 'rgb';
    onViewInput(doc, layout);
    const chosen = posted.at(-1)!;
    assert.equal(chosen.channelAxis, 2);
    assert.equal(doc.getElementById('view-image-note'), null, 'the sentence goes with the choice');
    answerImage(doc, chosen, a, 3);
    assert.equal(posted.at(-1), chosen, 'a chosen RGB layout is not switched back');
    assert.deepEqual(Array.from(puts.get('view-canvas')!.at(-1)!.data), a.rgba, 'clipped as imshow clips');
  });
});
