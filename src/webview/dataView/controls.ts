// The data view's controls (layout, axes, indices, field/part, colormap, range, zoom, table) and its empty figure.
import { ViewLabels, ViewSetup } from '../../common/viewMessages';
import { COLORMAP_NAMES } from '../../common/colormaps';
import { Doc, el } from '../dom';
import { Choices, chwPossible, ndim } from './state';

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

export function controls(doc: Doc, s: ViewSetup, c: Choices): HTMLElement {
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

export function figure(doc: Doc, ui: ViewLabels): HTMLElement {
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
