// The data view's picture: the canvas's size and zoom, the heatmap / image / line drawn with putImageData from the
// numbers the host sent (colours from the colormap tables, no image library) and the colour bar.
import { ColormapName, colormapRgb } from '../../common/colormaps';
import { defaultColouring, paintRgba } from '../../core/values/colormap';
import { imageRgba } from '../../core/values/imagePixels';
import { Doc, el } from '../dom';
import { linePoints } from '../viewPaint';
import { view } from './state';

/** NaN's colour (core paintRgba's default "bad" colour), named in the colour bar's key. */
const NAN_RGBA = [160, 160, 160, 255] as const;

/** The canvas's target size in pixels when the panel's width is unknown. */
const DEFAULT_WIDTH = 512;
export const LINE_HEIGHT = 200;

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

export function setZoom(canvas: HTMLCanvasElement, k: number): void {
  for (const c of [...canvas.classList]) if (c.startsWith('view-zoom-')) canvas.classList.remove(c);
  if (k > 1) canvas.classList.add(`view-zoom-${k}`);
}

/** The canvas's target size: the section's width (or 512 where layout is unknown, as in tests). */
export function targetSize(doc: Doc, line: boolean): { width: number; height: number } {
  const w = doc.getElementById('data-view')?.clientWidth ?? 0;
  const width = Math.max(64, Math.min(MAX_VIEW_WIDTH, w > 0 ? Math.floor(w) : DEFAULT_WIDTH));
  return { width, height: line ? 1 : Math.min(MAX_VIEW_HEIGHT, Math.round(width * 0.75)) };
}

/** The colour range now: typed, robust or the finite extent (of the rows received so far while reading). */
function currentRange(): { low: number; high: number } {
  const c = view.choices!;
  const done = view.done;
  if (c.range === 'typed') {
    const low = Number(c.low), high = Number(c.high);
    if (c.low !== '' && c.high !== '' && Number.isFinite(low) && Number.isFinite(high)) return { low, high };
  }
  if (c.range === 'robust' && done?.robust) return done.robust;
  if (done) return done.finite ?? { low: 0, high: 1 };
  let low = Infinity, high = -Infinity;
  const n = view.received * (view.start?.cols ?? 0);
  const values = view.values;
  for (let i = 0; i < n; i++) { const x = values[i]; if (Number.isFinite(x)) { if (x < low) low = x; if (x > high) high = x; } }
  return low <= high ? { low, high } : { low: 0, high: 1 };
}

export function draw(doc: Doc, canvas: HTMLCanvasElement): void {
  const s = view.start!;
  const c = view.choices!;
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
      const planes = Array.from({ length: s.channels }, (_, ch) => view.values.subarray(ch * n, (ch + 1) * n));
      imageRgba(planes, view.setup?.kind === 'u' ? 'uint8' : 'unit-float', img.data);
    } else {
      paintRgba(view.values.subarray(0, view.received * s.cols), range.low, range.high, name, img.data, NAN_RGBA);
    }
    ctx.putImageData(img, 0, 0);
  }
  if (s.channels === 1) colourBar(doc, name, range);
  else doc.getElementById('view-colorbar')?.replaceChildren();
}

function drawLine(ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, range: { low: number; high: number }): void {
  const shown = view.values.subarray(0, view.received * view.start!.cols);
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
  const start = view.start;
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
  const ui = view.setup!.ui;
  const items: HTMLElement[] = [el(doc, 'span', fmt(range.low), { id: 'view-low-label', class: 'code' })];
  if (start?.rowAxis !== null) items.push(strip);
  items.push(el(doc, 'span', fmt(range.high), { id: 'view-high-label', class: 'code' }), el(doc, 'span', name, { id: 'view-colormap-name' }));
  const st = view.done?.stats;
  if (st && st.nan > 0) items.push(el(doc, 'span', `■ ${ui.nan}`, { class: 'view-nan-key', 'data-rgb': NAN_RGBA.slice(0, 3).join(',') }));
  if (st && st.posInf + st.negInf > 0) items.push(el(doc, 'span', `▲ ${ui.inf}`, { class: 'view-inf-key' }));
  bar.replaceChildren(...items);
}

export function fmt(x: number): string {
  return String(Number(x.toPrecision(6)));
}
