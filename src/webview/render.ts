// Builds the preview DOM from a view model the host computed. Text goes in through textContent only, so a
// field named "<img onerror=…>" stays text. No inline styles or handlers: the CSP forbids them anyway.
import { ActionId, ErrorViewModel, PreviewViewModel, ValueKey, Badge } from '../common/viewModel';

type Doc = Document;

function el<K extends keyof HTMLElementTagNameMap>(doc: Doc, tag: K, text?: string, attrs?: Record<string, string>): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs ?? {})) e.setAttribute(k, v);
  return e;
}

function badge(doc: Doc, b: Badge, key?: ValueKey): HTMLElement {
  const attrs: Record<string, string> = { class: `badge badge-${b.kind}` };
  if (key) attrs['data-key'] = key;
  return el(doc, 'span', b.text, attrs);
}

function root(doc: Doc): HTMLElement {
  let r = doc.getElementById('root');
  if (!r) { r = el(doc, 'main', undefined, { id: 'root' }); doc.body.appendChild(r); }
  r.replaceChildren();
  return r;
}

const ACTIONS: readonly ActionId[] = ['copy-json', 'copy-python', 'copy-rust', 'create-like'];

export function renderReport(doc: Doc, m: PreviewViewModel): void {
  const r = root(doc);
  const header = el(doc, 'header', undefined, { class: 'summary' });
  header.append(el(doc, 'h1', m.values.fileName, { 'data-key': 'fileName' }), badge(doc, m.badge, 'status'));
  header.append(el(doc, 'p', m.values.statusMessage, { 'data-key': 'statusMessage', class: 'status-message' }));
  r.appendChild(header);

  const actions = el(doc, 'div', undefined, { class: 'actions', role: 'toolbar', 'aria-label': m.ui.actionsRegion });
  for (const id of ACTIONS) {
    const b = el(doc, 'button', m.ui.actions[id], { id, type: 'button', 'data-action': id });
    if (id === 'create-like' && !m.canCreateLike) b.disabled = true;
    actions.appendChild(b);
  }
  r.appendChild(actions);

  for (const s of m.sections) {
    const section = el(doc, 'section', undefined, { 'aria-labelledby': `h-${s.id}` });
    section.appendChild(el(doc, 'h2', s.title, { id: `h-${s.id}` }));
    const table = el(doc, 'table', undefined, { class: 'values', id: `section-${s.id}` });
    const body = el(doc, 'tbody');
    for (const key of s.keys) {
      const tr = el(doc, 'tr');
      tr.append(el(doc, 'th', m.labels[key], { scope: 'row' }), el(doc, 'td', m.values[key], { 'data-key': key }));
      body.appendChild(tr);
    }
    table.appendChild(body);
    section.appendChild(table);
    r.appendChild(section);
  }

  if (m.fields) {
    const section = el(doc, 'section', undefined, { 'aria-labelledby': 'h-fields' });
    section.appendChild(el(doc, 'h2', m.ui.fieldsTitle, { id: 'h-fields' }));
    const table = el(doc, 'table', undefined, { id: 'fields' });
    const c = m.ui.fieldColumns;
    const head = el(doc, 'thead');
    const hr = el(doc, 'tr');
    for (const label of [c.name, c.descr, c.offset, c.size, c.shape]) hr.appendChild(el(doc, 'th', label, { scope: 'col' }));
    head.appendChild(hr);
    const body = el(doc, 'tbody');
    for (const f of m.fields) {
      const tr = el(doc, 'tr');
      tr.append(el(doc, 'th', f.name, { scope: 'row' }), el(doc, 'td', f.descr, { class: 'code' }),
        el(doc, 'td', f.offset, { class: 'num' }), el(doc, 'td', f.size, { class: 'num' }), el(doc, 'td', f.shape));
      body.appendChild(tr);
    }
    table.append(head, body);
    section.appendChild(table);
    r.appendChild(section);
  }

  const raw = el(doc, 'section', undefined, { 'aria-labelledby': 'h-header' });
  raw.append(el(doc, 'h2', m.ui.headerTitle, { id: 'h-header' }), el(doc, 'pre', m.headerText, { id: 'header-text' }));
  r.appendChild(raw);
  doc.body.setAttribute('data-state', 'rendered');
}

export function renderError(doc: Doc, m: ErrorViewModel): void {
  const r = root(doc);
  const header = el(doc, 'header', undefined, { class: 'summary' });
  header.append(el(doc, 'h1', m.fileName, { 'data-key': 'fileName' }), badge(doc, m.badge, 'status'));
  r.append(header, el(doc, 'p', m.message, { id: 'error-message', role: 'alert' }));
  doc.body.setAttribute('data-state', 'error');
}
