// The data view (issue 11) in the webview: controls, a <canvas> drawn with putImageData from the numbers the host
// sends (colours computed here from the colormap tables, no image library), a colour bar, the cursor's element,
// the statistics line and, on request, the numbers as a table. Choices (axes, indices, colormap, range, zoom)
// live in this module and survive re-renders of the report, as long as the shape stays the same.
import { ElementRequest, ViewDone, ViewHostMessage, ViewLabels, ViewRequest, ViewSetup, ViewStart } from '../common/viewMessages';
import { COLORMAP_NAMES, ColormapName, colormapRgb } from '../common/colormaps';
import { defaultColouring, paintRgba } from '../core/values/colormap';
import { Doc, el } from './dom';
import { fitsUnitRange, imageRgba } from '../core/values/imagePixels';
import { linePoints } from './viewPaint';

/** NaN's colour (core paintRgba's default "bad" colour), named in the colour bar's key. */
const NAN_RGBA = [160, 160, 160, 255] as const;

type Post = (m: ViewRequest | ElementRequest) => void;
type Layout = 'heatmap' | 'rgb' | 'chw';

interface Choices {
  shapeKey: string;
  rowAxis: number | null;
  colAxis: number;
  index: string[];
  layout: Layout;
  colormap: ColormapName | null; // null: the default for the range
  range: 'auto' | 'robust' | 'typed';
  low: string;
  high: string;
  zoom: 'fit' | 'window';
  row0: number;
  col0: number;
  field?: string;
  part?: ViewRequest['part'];
  table: boolean;
  /** The user picked the layout (else float images fall back to a heatmap when outside [0, 1]), and whether that fallback happened. */
  layoutChosen: boolean;
  outOfRange: { low: number; high: number } | null;
}

/** The canvas's target size in pixels when the panel's width is unknown. */
const DEFAULT_WIDTH = 512;
const LINE_HEIGHT = 200;
/** Cells of the numbers table at most (the picture shows up to 2048 × 2048). */
const TABLE_ROWS = 64;
const TABLE_COLS = 32;

let post: Post = () => undefined;
let setup: ViewSetup | undefined;
let choices: Choices | undefined;
let nextId = 1;
let start: ViewStart | undefined;
let done: ViewDone | undefined;
let values = new Float64Array(0);
let received = 0; // rows received of channel 0 (progressive drawing)
let cursor = { r: 0, c: 0 };

export function setPoster(p: Post): void {
  post = p;
}

function ndim(): number { return setup?.shape.length ?? 0; }

function chwPossible(s: ViewSetup): boolean {
  const n = s.shape.length;
  return n >= 3 && (s.shape[n - 3] === '3' || s.shape[n - 3] === '4');
}

function defaults(s: ViewSetup): Choices {
  const n = s.shape.length;
  return {
    shapeKey: s.shape.join(','), rowAxis: n >= 2 ? n - 2 - (s.image ? 1 : 0) : null, colAxis: n - 1 - (s.image ? 1 : 0),
    index: s.shape.map(() => '0'), layout: s.image ? 'rgb' : 'heatmap', colormap: null, range: 'auto', low: '', high: '',
    zoom: 'fit', row0: 0, col0: 0, ...(s.fields.length ? { field: s.fields[0] } : {}), ...(s.complex ? { part: 'abs' as const } : {}), table: false,
    layoutChosen: false, outOfRange: null,
  };
}

/** Another array is shown (an .npz member): the next setup starts from the defaults even if the shape is the same. */
export function forgetChoices(): void {
  choices = undefined;
}

/** Builds (or rebuilds) the view's section after a report; keeps the choices when the shape is unchanged. */
export function renderDataView(doc: Doc, s: ViewSetup): void {
  setup = s;
  if (!choices || choices.shapeKey !== s.shape.join(',')) choices = defaults(s);
  if (choices.layout === 'chw' && !chwPossible(s)) choices.layout = 'heatmap';
  const section = el(doc, 'section', undefined, { id: 'data-view', 'aria-labelledby': 'h-data-view' });
  section.appendChild(el(doc, 'h2', s.ui.title, { id: 'h-data-view' }));
  if (s.unavailable !== undefined) {
    section.appendChild(el(doc, 'p', s.unavailable, { id: 'view-unavailable' }));
  } else {
    section.append(controls(doc, s, choices), figure(doc, s.ui));
    if (choices.outOfRange) section.querySelector('figure')?.before(el(doc, 'p', outOfRangeText(s.ui, choices.outOfRange), { id: 'view-image-note' }));
  }
  const old = doc.getElementById('data-view');
  if (old) old.replaceWith(section);
  else {
    // Beside the Values (render.ts puts them in #glance), else after the summary.
    const values = doc.getElementById('values');
    const overview = doc.getElementById('overview');
    if (values) values.after(section);
    else if (overview) overview.after(section);
    else (doc.getElementById('root') ?? doc.body).appendChild(section);
  }
  if (s.unavailable === undefined) request(doc);
}

function select(doc: Doc, id: string, label: string, options: Array<[string, string]>, value: string): HTMLElement {
  const wrap = el(doc, 'span', undefined, { class: 'view-control' });
  const sel = el(doc, 'select', undefined, { id });
  for (const [v, text] of options) {
    const o = el(doc, 'option', text, { value: v });
    if (v === value) o.selected = true;
    sel.appendChild(o);
  }
  wrap.append(el(doc, 'label', label, { for: id }), sel);
  return wrap;
}

function input(doc: Doc, id: string, label: string, attrs: Record<string, string>, value: string): HTMLElement {
  const wrap = el(doc, 'span', undefined, { class: 'view-control' });
  const i = el(doc, 'input', undefined, { id, ...attrs });
  i.value = value;
  wrap.append(el(doc, 'label', label, { for: id }), i);
  return wrap;
}

function axisOptions(ui: ViewLabels, n: number, withNone: boolean): Array<[string, string]> {
  const out: Array<[string, string]> = withNone ? [['none', ui.none]] : [];
  for (let k = 0; k < n; k++) out.push([String(k), ui.axis.replace('{0}', String(k))]);
  return out;
}

function channelAxis(c: Choices): number | undefined {
  const n = ndim();
  return c.layout === 'rgb' ? n - 1 : c.layout === 'chw' ? n - 3 : undefined;
}

function controls(doc: Doc, s: ViewSetup, c: Choices): HTMLElement {
  const ui = s.ui;
  const box = el(doc, 'div', undefined, { class: 'view-controls', role: 'group', 'aria-label': ui.title });
  const n = s.shape.length;
  if (s.image || chwPossible(s)) {
    const layouts: Array<[string, string]> = [['heatmap', ui.layoutHeatmap]];
    if (s.image) layouts.push(['rgb', ui.layoutRgb]);
    if (chwPossible(s)) layouts.push(['chw', ui.layoutChw]);
    box.appendChild(select(doc, 'view-layout', ui.layout, layouts, c.layout));
  }
  const image = c.layout !== 'heatmap';
  if (!image) {
    if (n >= 2) box.appendChild(select(doc, 'view-row-axis', ui.rowAxis, axisOptions(ui, n, true), c.rowAxis === null ? 'none' : String(c.rowAxis)));
    box.appendChild(select(doc, 'view-col-axis', c.rowAxis === null ? ui.lineAxis : ui.colAxis, axisOptions(ui, n, false), String(c.colAxis)));
  }
  const shown = image ? [ndim() - 3, ndim() - 2, ndim() - 1] : [c.rowAxis, c.colAxis];
  for (let k = 0; k < n; k++) {
    if (shown.includes(k)) continue;
    const max = String(BigInt(s.shape[k]) - 1n);
    const label = ui.index.replace('{0}', String(k));
    const wrap = el(doc, 'span', undefined, { class: 'view-control view-index' });
    const slider = el(doc, 'input', undefined, { id: `view-slider-${k}`, type: 'range', min: '0', max, step: '1', 'data-axis': String(k), 'aria-label': label });
    slider.value = c.index[k];
    const number = el(doc, 'input', undefined, { id: `view-index-${k}`, type: 'number', min: '0', max, step: '1', 'data-axis': String(k) });
    number.value = c.index[k];
    wrap.append(el(doc, 'label', label, { for: `view-index-${k}` }), slider, number);
    box.appendChild(wrap);
  }
  if (s.fields.length > 1) box.appendChild(select(doc, 'view-field', ui.field, s.fields.map((f) => [f, f]), c.field ?? ''));
  if (s.complex) box.appendChild(select(doc, 'view-part', ui.part, [['abs', '|z|'], ['arg', 'arg z'], ['real', 'real'], ['imag', 'imag']], c.part ?? 'abs'));
  if (!image) {
    box.appendChild(select(doc, 'view-colormap', ui.colormap, [['', ui.rangeAuto], ...COLORMAP_NAMES.map((m): [string, string] => [m, m])], c.colormap ?? ''));
    box.appendChild(select(doc, 'view-range', ui.range, [['auto', ui.rangeAuto], ['robust', ui.rangeRobust], ['typed', ui.rangeTyped]], c.range));
    const typed: Record<string, string> = c.range === 'typed' ? {} : { disabled: '' };
    box.appendChild(input(doc, 'view-low', ui.low, { type: 'number', step: 'any', ...typed }, c.low));
    box.appendChild(input(doc, 'view-high', ui.high, { type: 'number', step: 'any', ...typed }, c.high));
  }
  box.appendChild(select(doc, 'view-zoom', ui.zoom, [['fit', ui.fit], ['window', ui.oneToOne]], c.zoom));
  const table = el(doc, 'input', undefined, { id: 'view-table-toggle', type: 'checkbox' });
  table.checked = c.table;
  const wrap = el(doc, 'span', undefined, { class: 'view-control' });
  wrap.append(table, el(doc, 'label', ui.table, { for: 'view-table-toggle' }));
  box.appendChild(wrap);
  return box;
}

function figure(doc: Doc, ui: ViewLabels): HTMLElement {
  const fig = el(doc, 'figure', undefined, { class: 'view-figure' });
  const canvas = el(doc, 'canvas', undefined, { id: 'view-canvas', tabindex: '0', role: 'img', 'aria-label': ui.canvas, 'aria-describedby': 'view-cursor' });
  canvas.width = 1;
  canvas.height = 1;
  const bar = el(doc, 'div', undefined, { id: 'view-colorbar', class: 'view-colorbar' });
  const caption = el(doc, 'figcaption');
  caption.append(
    el(doc, 'p', ui.reading, { id: 'view-label', class: 'view-label' }),
    el(doc, 'p', '', { id: 'view-cursor', class: 'view-cursor code', 'aria-live': 'polite' }),
    el(doc, 'p', '', { id: 'view-stats', class: 'view-stats' }),
  );
  fig.append(canvas, bar, caption);
  return fig;
}

/** The canvas's target size: the section's width (or 512 where layout is unknown, as in tests). */
/**
 * The picture's box on the first screen (the Values must stay in sight below it): one canvas pixel per shown
 * element, enlarged by a whole factor (a CSS class, no inline style) while it fits the box, else shrunk by CSS.
 */
const MAX_VIEW_WIDTH = 560;
const MAX_VIEW_HEIGHT = 360;
const MAX_ZOOM = 16;

export function zoomFor(rows: number, cols: number): number {
  return Math.max(1, Math.min(MAX_ZOOM, Math.floor(Math.min(MAX_VIEW_WIDTH / Math.max(1, cols), MAX_VIEW_HEIGHT / Math.max(1, rows)))));
}

function setZoom(canvas: HTMLCanvasElement, k: number): void {
  for (const c of [...canvas.classList]) if (c.startsWith('view-zoom-')) canvas.classList.remove(c);
  if (k > 1) canvas.classList.add(`view-zoom-${k}`);
}

function targetSize(doc: Doc, line: boolean): { width: number; height: number } {
  const w = doc.getElementById('data-view')?.clientWidth ?? 0;
  const width = Math.max(64, Math.min(MAX_VIEW_WIDTH, w > 0 ? Math.floor(w) : DEFAULT_WIDTH));
  return { width, height: line ? 1 : Math.min(MAX_VIEW_HEIGHT, Math.round(width * 0.75)) };
}

function request(doc: Doc): void {
  const c = choices;
  if (!c || !setup || setup.unavailable !== undefined) return;
  const n = ndim();
  const ch = channelAxis(c);
  const rowAxis = ch === undefined ? c.rowAxis : c.layout === 'rgb' ? n - 3 : n - 2;
  const colAxis = ch === undefined ? c.colAxis : c.layout === 'rgb' ? n - 2 : n - 1;
  const size = targetSize(doc, rowAxis === null);
  const index = c.index.map((v, k) => (k === ch || k === rowAxis || k === colAxis ? '0' : v));
  post({
    type: 'view-request', id: nextId++, rowAxis, colAxis, index, mode: c.zoom, row0: c.row0, col0: c.col0, ...size,
    ...(c.field !== undefined ? { field: c.field } : {}), ...(c.part !== undefined ? { part: c.part } : {}),
    ...(ch !== undefined ? { channelAxis: ch } : {}),
  });
}

/** Applies one data view message from the host; answers to older requests are dropped. */
export function onViewMessage(doc: Doc, m: ViewHostMessage): void {
  if (m.type === 'view-setup') { renderDataView(doc, m.setup); return; }
  if (m.type === 'view-element-text') { showElementText(doc, m.index, m.text); return; }
  if (m.id !== nextId - 1) return;
  const canvas = doc.getElementById('view-canvas') as HTMLCanvasElement | null;
  if (!canvas) return;
  if (m.type === 'view-start') {
    start = m;
    done = undefined;
    received = 0;
    values = new Float64Array(m.channels * m.rows * m.cols);
    cursor = { r: Math.min(cursor.r, m.rows - 1), c: Math.min(cursor.c, m.cols - 1) };
    const line = m.rowAxis === null;
    canvas.width = line ? targetSize(doc, true).width : m.cols;
    canvas.height = line ? LINE_HEIGHT : m.rows;
    canvas.classList.toggle('view-line', line);
    setZoom(canvas, line ? 1 : zoomFor(m.rows, m.cols));
    text(doc, 'view-label', m.label);
    text(doc, 'view-stats', '');
    doc.getElementById('view-error')?.remove();
  } else if (m.type === 'view-rows' && start) {
    values.set(m.values, (m.channel * start.rows + m.firstRow) * start.cols);
    if (m.channel === 0) received = m.firstRow + m.rowCount;
    if (start.channels === 1) draw(doc, canvas);
  } else if (m.type === 'view-done' && start) {
    if (notUnitImage()) { heatmapInstead(doc, { low: m.stats.min ?? NaN, high: m.stats.max ?? NaN }); return; }
    done = m;
    received = start.rows;
    draw(doc, canvas);
    text(doc, 'view-stats', m.note ? `${m.statsText} ${m.note}` : m.statsText);
    showCursor(doc);
    renderTable(doc);
  } else if (m.type === 'view-error') {
    const p = el(doc, 'p', m.message, { id: 'view-error', role: 'alert' });
    doc.getElementById('view-error')?.remove();
    canvas.closest('figure')?.before(p);
    text(doc, 'view-label', '');
  }
}

/** A float image by default whose shown channels leave [0, 1] (NaN aside): not an RGB image after all (issue 11). */
function notUnitImage(): boolean {
  const s = start!;
  if (s.channels === 1 || setup?.kind !== 'f' || choices!.layoutChosen || choices!.layout !== 'rgb') return false;
  const n = s.rows * s.cols;
  return !fitsUnitRange(Array.from({ length: s.channels }, (_, ch) => values.subarray(ch * n, (ch + 1) * n)));
}

/** Shows channel 0 of the same image as a heatmap (the channel axis gets an index slider) and says why. */
function heatmapInstead(doc: Doc, range: { low: number; high: number }): void {
  const c = choices!;
  const n = ndim();
  Object.assign(c, { layout: 'heatmap', rowAxis: n - 3, colAxis: n - 2, outOfRange: range });
  c.index[n - 1] = '0';
  doc.getElementById('view-image-note')?.remove();
  doc.querySelector('#data-view figure')?.before(el(doc, 'p', outOfRangeText(setup!.ui, range), { id: 'view-image-note' }));
  rebuild(doc);
}

function outOfRangeText(ui: ViewLabels, r: { low: number; high: number }): string {
  return ui.imageOutOfRange.replace('{0}', fmt(r.low)).replace('{1}', fmt(r.high));
}

function text(doc: Doc, id: string, s: string): void {
  const e = doc.getElementById(id);
  if (e) e.textContent = s;
}

/** The colour range now: typed, robust or the finite extent (of the rows received so far while reading). */
function currentRange(): { low: number; high: number } {
  const c = choices!;
  if (c.range === 'typed') {
    const low = Number(c.low), high = Number(c.high);
    if (c.low !== '' && c.high !== '' && Number.isFinite(low) && Number.isFinite(high)) return { low, high };
  }
  if (c.range === 'robust' && done?.robust) return done.robust;
  if (done) return done.finite ?? { low: 0, high: 1 };
  let low = Infinity, high = -Infinity;
  const n = received * (start?.cols ?? 0);
  for (let i = 0; i < n; i++) { const x = values[i]; if (Number.isFinite(x)) { if (x < low) low = x; if (x > high) high = x; } }
  return low <= high ? { low, high } : { low: 0, high: 1 };
}


function draw(doc: Doc, canvas: HTMLCanvasElement): void {
  const s = start!;
  const c = choices!;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  let range = currentRange();
  let name: ColormapName = c.colormap ?? 'viridis';
  // No map chosen: diverging centred on zero when the range holds both signs (a typed range is kept as typed).
  if (c.colormap === null) {
    const d = defaultColouring(range.low, range.high);
    name = d.map;
    if (c.range !== 'typed') range = { low: d.vmin, high: d.vmax };
  }
  if (s.rowAxis === null) {
    drawLine(ctx, canvas, range);
  } else {
    const img = ctx.createImageData(s.cols, s.rows);
    const n = s.rows * s.cols;
    if (s.channels > 1) {
      const planes = Array.from({ length: s.channels }, (_, ch) => values.subarray(ch * n, (ch + 1) * n));
      imageRgba(planes, setup?.kind === 'u' ? 'uint8' : 'unit-float', img.data);
    } else {
      paintRgba(values.subarray(0, received * s.cols), range.low, range.high, name, img.data, NAN_RGBA);
    }
    ctx.putImageData(img, 0, 0);
  }
  if (s.channels === 1) colourBar(doc, name, range);
  else doc.getElementById('view-colorbar')?.replaceChildren();
}

function drawLine(ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, range: { low: number; high: number }): void {
  const shown = values.subarray(0, received * start!.cols);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = canvas.ownerDocument.defaultView?.getComputedStyle(canvas).color || 'gray';
  ctx.beginPath();
  let pen = false;
  for (const p of linePoints(shown, canvas.width, canvas.height, range.low, range.high)) {
    if (!p) { pen = false; continue; }
    if (pen) ctx.lineTo(p[0], p[1]); else ctx.moveTo(p[0], p[1]);
    pen = true;
  }
  ctx.stroke();
}

/** The colour bar: the table as a 256 × 1 strip, the range's ends, and the NaN / ±Inf marks when present. */
function colourBar(doc: Doc, name: ColormapName, range: { low: number; high: number }): void {
  const bar = doc.getElementById('view-colorbar');
  if (!bar) return;
  const strip = el(doc, 'canvas', undefined, { class: 'view-colorbar-strip', 'aria-hidden': 'true' });
  strip.width = 256;
  strip.height = 1;
  const ctx = strip.getContext('2d');
  if (ctx && start?.rowAxis !== null) {
    const img = ctx.createImageData(256, 1);
    const table = colormapRgb(name);
    for (let k = 0; k < 256; k++) { img.data.set(table.subarray(k * 3, k * 3 + 3), k * 4); img.data[k * 4 + 3] = 255; }
    ctx.putImageData(img, 0, 0);
  }
  const ui = setup!.ui;
  const items: HTMLElement[] = [el(doc, 'span', fmt(range.low), { id: 'view-low-label', class: 'code' })];
  if (start?.rowAxis !== null) items.push(strip);
  items.push(el(doc, 'span', fmt(range.high), { id: 'view-high-label', class: 'code' }), el(doc, 'span', name, { id: 'view-colormap-name' }));
  const st = done?.stats;
  if (st && st.nan > 0) items.push(el(doc, 'span', `■ ${ui.nan}`, { class: 'view-nan-key', 'data-rgb': NAN_RGBA.slice(0, 3).join(',') }));
  if (st && st.posInf + st.negInf > 0) items.push(el(doc, 'span', `▲ ${ui.inf}`, { class: 'view-inf-key' }));
  bar.replaceChildren(...items);
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/** The element under the cursor: its full index and value. */
function showCursor(doc: Doc): void {
  const s = start;
  if (!s || !done) return;
  const index = s.origin.slice();
  const row = s.rowStart + cursor.r * s.step;
  const col = s.colStart + cursor.c * s.step;
  if (s.rowAxis !== null) index[s.rowAxis] = String(row);
  index[s.colAxis] = String(col);
  const v = values[cursor.r * s.cols + cursor.c];
  const vs = s.channels > 1
    ? `(${Array.from({ length: s.channels }, (_, ch) => numText(values[(ch * s.rows + cursor.r) * s.cols + cursor.c])).join(', ')})`
    : numText(v);
  const marks = v === Infinity || v === -Infinity ? ` (${setup!.ui.inf})` : '';
  text(doc, 'view-cursor', `[${index.join(', ')}] = ${vs}${marks}`);
  // The canvas holds float64 approximations: ask the host for numpy's own text of this element (one element's
  // bytes), after the cursor rests for a moment so a sweeping mouse sends few requests.
  cursorIndex = index;
  clearTimeout(elementTimer);
  if (s.channels === 1) elementTimer = setTimeout(() => post({ type: 'view-element', index }), ELEMENT_DELAY_MS);
}

const ELEMENT_DELAY_MS = 80;
let elementTimer: ReturnType<typeof setTimeout> | undefined;
let cursorIndex: string[] = [];

/** numpy's text of the element, if the cursor is still on it. */
function showElementText(doc: Doc, index: string[], exact: string): void {
  if (index.join(',') !== cursorIndex.join(',')) return;
  text(doc, 'view-cursor', `[${index.join(', ')}] = ${exact}`);
}

function numText(x: number): string {
  return x !== x ? 'nan' : x === Infinity ? 'inf' : x === -Infinity ? '-inf' : String(x);
}

/** The shown numbers as a table (the first TABLE_ROWS × TABLE_COLS of them), for reading without the picture. */
function renderTable(doc: Doc): void {
  doc.getElementById('view-table')?.remove();
  const s = start;
  if (!choices?.table || !s || !done) return;
  const table = el(doc, 'table', undefined, { id: 'view-table', class: 'view-table' });
  const head = el(doc, 'tr');
  head.appendChild(el(doc, 'th', ''));
  const cols = Math.min(s.cols, TABLE_COLS);
  for (let c = 0; c < cols; c++) head.appendChild(el(doc, 'th', String(s.colStart + c * s.step), { scope: 'col' }));
  table.appendChild(head);
  for (let r = 0; r < Math.min(s.rows, TABLE_ROWS); r++) {
    const tr = el(doc, 'tr');
    tr.appendChild(el(doc, 'th', s.rowAxis === null ? '' : String(s.rowStart + r * s.step), { scope: 'row' }));
    for (let c = 0; c < cols; c++) {
      const cell = s.channels > 1
        ? Array.from({ length: s.channels }, (_, ch) => numText(values[(ch * s.rows + r) * s.cols + c])).join(', ')
        : numText(values[r * s.cols + c]);
      tr.appendChild(el(doc, 'td', cell, { class: 'code' }));
    }
    table.appendChild(tr);
  }
  doc.getElementById('data-view')?.appendChild(table);
}

/** Control changes: update the choices and ask again (or just repaint for colour-only changes). */
export function onViewInput(doc: Doc, target: Element): boolean {
  const c = choices;
  if (!c || !target.closest('#data-view')) return false;
  const id = target.id;
  const value = (target as HTMLInputElement | HTMLSelectElement).value;
  const axis = target.getAttribute('data-axis');
  if (axis !== null) {
    const k = Number(axis);
    const max = BigInt(setup!.shape[k]) - 1n;
    if (!/^\d{1,20}$/.test(value)) return true;
    const v = BigInt(value) > max ? max : BigInt(value);
    c.index[k] = String(v);
    const other = doc.getElementById(id.startsWith('view-slider') ? `view-index-${k}` : `view-slider-${k}`) as HTMLInputElement | null;
    if (other) other.value = c.index[k];
    request(doc);
    return true;
  }
  switch (id) {
    case 'view-row-axis': c.rowAxis = value === 'none' ? null : Number(value); if (c.rowAxis === c.colAxis) c.colAxis = ndim() - 1 === c.rowAxis ? 0 : ndim() - 1; break;
    case 'view-col-axis': c.colAxis = Number(value); if (c.rowAxis === c.colAxis) c.rowAxis = c.colAxis === 0 ? 1 : 0; break;
    case 'view-layout': c.layout = value as Layout; c.layoutChosen = true; c.outOfRange = null; doc.getElementById('view-image-note')?.remove(); break;
    case 'view-field': c.field = value; break;
    case 'view-part': c.part = value as ViewRequest['part']; break;
    case 'view-zoom': c.zoom = value as Choices['zoom']; c.row0 = 0; c.col0 = 0; break;
    case 'view-colormap': c.colormap = (COLORMAP_NAMES as readonly string[]).includes(value) ? value as ColormapName : null; repaint(doc); return true;
    case 'view-range': c.range = value as Choices['range']; rebuild(doc, false); return true;
    case 'view-low': c.low = value; repaint(doc); return true;
    case 'view-high': c.high = value; repaint(doc); return true;
    case 'view-table-toggle': c.table = (target as HTMLInputElement).checked; renderTable(doc); return true;
    default: return false;
  }
  rebuild(doc);
  return true;
}

function repaint(doc: Doc): void {
  const canvas = doc.getElementById('view-canvas') as HTMLCanvasElement | null;
  if (canvas && start) draw(doc, canvas);
}

/** Controls that depend on others (axes, layout, range) are rebuilt; the picture is read again when needed. */
function rebuild(doc: Doc, reread = true): void {
  if (!setup) return;
  const focused = doc.activeElement?.id;
  const old = doc.querySelector('#data-view .view-controls');
  if (old) old.replaceWith(controls(doc, setup, choices!));
  if (focused) (doc.getElementById(focused) as HTMLElement | null)?.focus();
  if (reread) request(doc);
  else repaint(doc);
}

/** Arrow keys on the canvas move the cursor; in 1:1 the window pans when the cursor would leave it. */
export function onViewKey(doc: Doc, event: KeyboardEvent): boolean {
  const s = start;
  if (!s || (event.target as Element | null)?.id !== 'view-canvas') return false;
  const d = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[event.key];
  if (!d) return false;
  const r = cursor.r + d[0], c = cursor.c + d[1];
  if (choices!.zoom === 'window' && (r < 0 || r >= s.rows || c < 0 || c >= s.cols)) {
    pan(doc, d[0] * Math.max(1, Math.floor(s.rows / 4)), d[1] * Math.max(1, Math.floor(s.cols / 4)));
  } else {
    cursor = { r: Math.max(0, Math.min(s.rows - 1, r)), c: Math.max(0, Math.min(s.cols - 1, c)) };
    showCursor(doc);
  }
  return true;
}

/** Moves the 1:1 window by (dr, dc) elements, kept inside the plane. */
export function pan(doc: Doc, dr: number, dc: number): void {
  const s = start;
  const c = choices;
  if (!s || !c || c.zoom !== 'window') return;
  const row0 = Math.max(0, Math.min(s.planeRows - s.rows, c.row0 + dr));
  const col0 = Math.max(0, Math.min(s.planeCols - s.cols, c.col0 + dc));
  if (row0 === c.row0 && col0 === c.col0) return;
  c.row0 = row0;
  c.col0 = col0;
  request(doc);
}

/** The element under a pointer position on the canvas (client coordinates). */
export function hover(doc: Doc, canvas: HTMLCanvasElement, clientX: number, clientY: number): void {
  const s = start;
  if (!s) return;
  const box = canvas.getBoundingClientRect();
  if (box.width <= 0 || box.height <= 0) return;
  const c = Math.floor(((clientX - box.left) / box.width) * s.cols);
  const r = s.rowAxis === null ? 0 : Math.floor(((clientY - box.top) / box.height) * s.rows);
  if (r < 0 || c < 0 || r >= s.rows || c >= s.cols) return;
  cursor = { r, c };
  showCursor(doc);
}
