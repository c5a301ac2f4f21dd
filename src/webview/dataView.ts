// The data view (issue 11) in the webview: controls, a <canvas> drawn from the numbers the host sends, a colour
// bar, the cursor's element, the statistics line and, on request, the numbers as a table. Its parts live in
// dataView/; this module wires them to the host's messages and the user's input, and is the one others import.
import { ViewHostMessage, ViewSetup } from '../common/viewMessages';
import { COLORMAP_NAMES, ColormapName } from '../common/colormaps';
import { Doc, el } from './dom';
import { controls, figure } from './dataView/controls';
import { showCursor, showElementText } from './dataView/cursor';
import { draw, LINE_HEIGHT, setZoom, targetSize, zoomFor } from './dataView/drawing';
import { request } from './dataView/request';
import { Choices, chwPossible, defaults, Layout, ndim, Post, text, view } from './dataView/state';
import { renderTable } from './dataView/table';
import { heatmapInstead, notUnitImage, outOfRangeText } from './dataView/unitImage';
import { onWholeChoice, onWholeMessage, onWholeSetup, wholeBlock } from './dataView/wholeStats';

export { hover, onViewKey, pan } from './dataView/navigate';
export { zoomFor };

export function setPoster(p: Post): void {
  view.post = p;
}

/** Another array is shown (an .npz member): the next setup starts from the defaults even if the shape is the same. */
export function forgetChoices(): void {
  view.choices = undefined;
}

/** Builds (or rebuilds) the view's section after a report; keeps the choices when the shape is unchanged. */
export function renderDataView(doc: Doc, s: ViewSetup): void {
  view.setup = s;
  onWholeSetup();
  if (!view.choices || view.choices.shapeKey !== s.shape.join(',')) view.choices = defaults(s);
  const choices = view.choices;
  if (choices.layout === 'chw' && !chwPossible(s)) choices.layout = 'heatmap';
  const section = el(doc, 'section', undefined, { id: 'data-view', 'aria-labelledby': 'h-data-view' });
  section.appendChild(el(doc, 'h2', s.ui.title, { id: 'h-data-view' }));
  if (s.unavailable !== undefined) {
    section.appendChild(el(doc, 'p', s.unavailable, { id: 'view-unavailable' }));
  } else {
    section.append(controls(doc, s, choices), figure(doc, s.ui));
    if (choices.outOfRange) section.querySelector('figure')?.before(el(doc, 'p', outOfRangeText(s.ui, choices.outOfRange), { id: 'view-image-note' }));
    const whole = wholeBlock(doc, s);
    if (whole) section.appendChild(whole);
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

/** Applies one data view message from the host; answers to older requests are dropped. */
export function onViewMessage(doc: Doc, m: ViewHostMessage): void {
  if (m.type === 'view-setup') { renderDataView(doc, m.setup); return; }
  if (m.type === 'view-element-text') { showElementText(doc, m.index, m.text); return; }
  if (m.type.startsWith('view-whole-')) { onWholeMessage(doc, m as Parameters<typeof onWholeMessage>[1]); return; }
  if (m.id !== view.nextId - 1) return;
  const canvas = doc.getElementById('view-canvas') as HTMLCanvasElement | null;
  if (!canvas) return;
  const start = view.start;
  if (m.type === 'view-start') {
    view.start = m;
    view.done = undefined;
    view.received = 0;
    view.values = new Float64Array(m.channels * m.rows * m.cols);
    view.cursor = { r: Math.min(view.cursor.r, m.rows - 1), c: Math.min(view.cursor.c, m.cols - 1) };
    const line = m.rowAxis === null;
    canvas.width = line ? targetSize(doc, true).width : m.cols;
    canvas.height = line ? LINE_HEIGHT : m.rows;
    canvas.classList.toggle('view-line', line);
    setZoom(canvas, line ? 1 : zoomFor(m.rows, m.cols));
    text(doc, 'view-label', m.label);
    text(doc, 'view-stats', '');
    doc.getElementById('view-error')?.remove();
  } else if (m.type === 'view-rows' && start) {
    view.values.set(m.values, (m.channel * start.rows + m.firstRow) * start.cols);
    if (m.channel === 0) view.received = m.firstRow + m.rowCount;
    if (start.channels === 1) draw(doc, canvas);
  } else if (m.type === 'view-done' && start) {
    if (notUnitImage()) { heatmapInstead(doc, { low: m.stats.min ?? NaN, high: m.stats.max ?? NaN }, rebuild); return; }
    view.done = m;
    view.received = start.rows;
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

/** Control changes: update the choices and ask again (or just repaint for colour-only changes). */
export function onViewInput(doc: Doc, target: Element): boolean {
  const c = view.choices;
  if (!c || !target.closest('#data-view')) return false;
  const id = target.id;
  const value = (target as HTMLInputElement | HTMLSelectElement).value;
  const axis = target.getAttribute('data-axis');
  if (axis !== null) {
    const k = Number(axis);
    const max = BigInt(view.setup!.shape[k]) - 1n;
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
    case 'view-field': c.field = value; onWholeChoice(doc); break;
    case 'view-part': c.part = value as Choices['part']; onWholeChoice(doc); break;
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
  if (canvas && view.start) draw(doc, canvas);
}

/** Controls that depend on others (axes, layout, range) are rebuilt; the picture is read again when needed. */
function rebuild(doc: Doc, reread = true): void {
  if (!view.setup) return;
  const focused = doc.activeElement?.id;
  const old = doc.querySelector('#data-view .view-controls');
  if (old) old.replaceWith(controls(doc, view.setup, view.choices!));
  if (focused) (doc.getElementById(focused) as HTMLElement | null)?.focus();
  if (reread) request(doc);
  else repaint(doc);
}
