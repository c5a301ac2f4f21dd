// DOM pieces both previews (.npy and .npz) build the same way: text only through textContent, no inline
// styles or handlers, and the header-report tables (values by data-key, structured fields) written once so
// a member of a .npz shows exactly what the .npy preview shows for the same header.
import { Badge, FieldRow, PreviewViewModel, ViewSection } from '../common/viewModel';

export type Doc = Document;

export function el<K extends keyof HTMLElementTagNameMap>(doc: Doc, tag: K, text?: string, attrs?: Record<string, string>): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs ?? {})) e.setAttribute(k, v);
  return e;
}

export function badge(doc: Doc, b: Badge, attrs: Record<string, string> = {}): HTMLElement {
  return el(doc, 'span', b.text, { ...attrs, class: `badge badge-${b.kind}` });
}

/** The emptied #root (created if the page lacks it): every full render starts from scratch. */
export function root(doc: Doc): HTMLElement {
  let r = doc.getElementById('root');
  if (!r) { r = el(doc, 'main', undefined, { id: 'root' }); doc.body.appendChild(r); }
  r.replaceChildren();
  return r;
}

/**
 * One report section's table: a row per key, each value in its own span[data-key] (a row may hold more than
 * one: section.inline, joined by " · "; empty values are left out). attrs adds to the table's own.
 */
export function valuesTable(doc: Doc, m: PreviewViewModel, s: ViewSection, attrs: Record<string, string> = {}): HTMLTableElement {
  const table = el(doc, 'table', undefined, { class: 'values', id: `section-${s.id}`, ...attrs });
  const body = el(doc, 'tbody');
  for (const key of s.keys) {
    const tr = el(doc, 'tr');
    const td = el(doc, 'td');
    const keys = [key, ...(s.inline?.[key] ?? [])].filter((k, i) => i === 0 || m.values[k] !== '');
    keys.forEach((k, i) => {
      if (i > 0) td.appendChild(el(doc, 'span', ' · ', { class: 'sep', 'aria-hidden': 'true' }));
      td.appendChild(el(doc, 'span', m.values[k], { 'data-key': k }));
    });
    tr.append(el(doc, 'th', m.labels[key], { scope: 'row' }), td);
    body.appendChild(tr);
  }
  table.appendChild(body);
  return table;
}

/** The structured dtype's field table (#fields); the caller checks m.fields. attrs adds to the table's own. */
export function fieldsTable(doc: Doc, m: PreviewViewModel, fields: FieldRow[], attrs: Record<string, string> = {}): HTMLTableElement {
  const table = el(doc, 'table', undefined, { id: 'fields', ...attrs });
  const c = m.ui.fieldColumns;
  const head = el(doc, 'thead');
  const hr = el(doc, 'tr');
  for (const label of [c.name, c.descr, c.offset, c.size, c.shape]) hr.appendChild(el(doc, 'th', label, { scope: 'col' }));
  head.appendChild(hr);
  const body = el(doc, 'tbody');
  for (const f of fields) {
    const tr = el(doc, 'tr');
    tr.append(el(doc, 'th', f.name, { scope: 'row' }), el(doc, 'td', f.descr, { class: 'code' }),
      el(doc, 'td', f.offset, { class: 'num' }), el(doc, 'td', f.size, { class: 'num' }), el(doc, 'td', f.shape));
    body.appendChild(tr);
  }
  table.append(head, body);
  return table;
}

/** The whole-file error page both previews show: file name, status badge, one alert sentence. */
export function renderErrorPage(doc: Doc, m: { fileName: string; badge: Badge; message: string }): void {
  const r = root(doc);
  const header = el(doc, 'header', undefined, { class: 'summary' });
  header.append(el(doc, 'h1', m.fileName, { 'data-key': 'fileName' }), badge(doc, m.badge, { 'data-key': 'status' }));
  r.append(header, el(doc, 'p', m.message, { id: 'error-message', role: 'alert' }));
  doc.body.setAttribute('data-state', 'error');
}
