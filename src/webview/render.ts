// Builds the preview DOM from a view model the host computed. Text goes in through textContent only, so a
// field named "<img onerror=…>" stays text. No inline styles or handlers: the CSP forbids them anyway.
import { ActionId, ErrorViewModel, PreviewViewModel, ValuesViewModel } from '../common/viewModel';
import { badge, Doc, el, fieldsTable, renderErrorPage, root, valuesTable } from './dom';

const ACTIONS: readonly ActionId[] = ['copy-json', 'copy-python', 'copy-rust', 'create-like', 'resize'];

export function renderReport(doc: Doc, m: PreviewViewModel): void {
  const r = root(doc);
  const header = el(doc, 'header', undefined, { class: 'summary' });
  header.append(el(doc, 'h1', m.values.fileName, { 'data-key': 'fileName' }), badge(doc, m.badge, { 'data-key': 'status' }));
  header.append(el(doc, 'p', m.values.statusMessage, { 'data-key': 'statusMessage', class: 'status-message' }));
  // A truncated file or one with rows past the header's count: one click sets the shape to what the data holds.
  if (m.canFit) header.appendChild(el(doc, 'button', m.ui.actions.fit, { id: 'fit', type: 'button', 'data-action': 'fit' }));
  r.appendChild(header);

  const actions = el(doc, 'div', undefined, { class: 'actions', role: 'toolbar', 'aria-label': m.ui.actionsRegion });
  for (const id of ACTIONS) {
    const b = el(doc, 'button', m.ui.actions[id], { id, type: 'button', 'data-action': id });
    if ((id === 'create-like' && !m.canCreateLike) || (id === 'resize' && !m.canResize)) b.disabled = true;
    actions.appendChild(b);
  }
  r.appendChild(actions);

  for (const s of m.sections) {
    const section = el(doc, 'section', undefined, { 'aria-labelledby': `h-${s.id}` });
    section.appendChild(el(doc, 'h2', s.title, { id: `h-${s.id}` }));
    section.appendChild(valuesTable(doc, m, s));
    r.appendChild(section);
  }
  // The growth room row leads to the command that uses it (in a cell of its own: the value cell stays text).
  const growth = r.querySelector('td[data-key="growthRoom"]');
  if (growth && m.canResize) {
    const cell = el(doc, 'td', undefined, { class: 'row-action' });
    cell.appendChild(el(doc, 'button', m.ui.actions.resize, { id: 'growth-resize', type: 'button', 'data-action': 'resize' }));
    growth.after(cell);
  }

  if (m.fields) {
    const section = el(doc, 'section', undefined, { 'aria-labelledby': 'h-fields' });
    section.appendChild(el(doc, 'h2', m.ui.fieldsTitle, { id: 'h-fields' }));
    section.appendChild(fieldsTable(doc, m, m.fields));
    r.appendChild(section);
  }

  if (m.valuesPage) r.appendChild(valuesSection(doc, m.valuesPage));

  const raw = el(doc, 'section', undefined, { 'aria-labelledby': 'h-header' });
  raw.append(el(doc, 'h2', m.ui.headerTitle, { id: 'h-header' }), el(doc, 'pre', m.headerText, { id: 'header-text' }));
  r.appendChild(raw);
  doc.body.setAttribute('data-state', 'rendered');
}

export function renderError(doc: Doc, m: ErrorViewModel): void {
  renderErrorPage(doc, m);
}

/**
 * The Values section: Previous/Next buttons (data-values-start holds the page to ask for), a "Go to index" form
 * and one table row per element (th = N-d index, td[data-index] = numpy's text; one td per field for records).
 */
function valuesSection(doc: Doc, v: ValuesViewModel): HTMLElement {
  const section = el(doc, 'section', undefined, { id: 'values', 'aria-labelledby': 'h-values', 'data-start': v.start });
  section.appendChild(el(doc, 'h2', v.ui.title, { id: 'h-values' }));
  if (v.unavailable !== undefined) {
    section.appendChild(el(doc, 'p', v.unavailable, { id: 'values-unavailable' }));
    return section;
  }
  section.appendChild(el(doc, 'p', v.summary, { id: 'values-summary', class: 'values-summary' }));
  if (v.note) section.appendChild(el(doc, 'p', v.note, { class: 'values-note' }));

  const nav = el(doc, 'div', undefined, { class: 'values-nav', role: 'group', 'aria-label': v.ui.navigation });
  const pageButton = (id: string, label: string, start: string | null): HTMLButtonElement => {
    const b = el(doc, 'button', label, { id, type: 'button' });
    if (start === null) b.disabled = true;
    else b.setAttribute('data-values-start', start);
    return b;
  };
  nav.append(pageButton('values-prev', v.ui.previous, v.prevStart), pageButton('values-next', v.ui.next, v.nextStart));
  const form = el(doc, 'form', undefined, { id: 'values-goto', class: 'values-goto' });
  const input = el(doc, 'input', undefined, {
    id: 'values-index', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: v.ui.gotoPlaceholder,
  });
  input.value = v.gotoText;
  if (v.error) { input.setAttribute('aria-invalid', 'true'); input.setAttribute('aria-describedby', 'values-error'); }
  form.append(el(doc, 'label', v.ui.gotoLabel, { for: 'values-index' }), input, el(doc, 'button', v.ui.gotoButton, { type: 'submit', id: 'values-go' }));
  nav.appendChild(form);
  section.appendChild(nav);
  if (v.error) section.appendChild(el(doc, 'p', v.error, { id: 'values-error', role: 'alert' }));

  if (v.rows.length > 0) {
    const table = el(doc, 'table', undefined, { id: 'values-table' });
    const head = el(doc, 'thead');
    const hr = el(doc, 'tr');
    hr.appendChild(el(doc, 'th', v.ui.indexColumn, { scope: 'col' }));
    for (const name of v.fieldNames ?? [v.ui.valueColumn]) hr.appendChild(el(doc, 'th', name, { scope: 'col' }));
    head.appendChild(hr);
    const body = el(doc, 'tbody');
    for (const row of v.rows) {
      const tr = el(doc, 'tr', undefined, row.missing ? { class: 'missing' } : {});
      tr.appendChild(el(doc, 'th', row.position, { scope: 'row', class: 'code' }));
      if (v.fieldNames && row.fields) {
        row.fields.forEach((text, k) => tr.appendChild(el(doc, 'td', text, { class: 'code', 'data-index': row.index, 'data-field': String(k) })));
      } else {
        tr.appendChild(el(doc, 'td', row.text, { class: 'code', 'data-index': row.index }));
      }
      body.appendChild(tr);
    }
    table.append(head, body);
    section.appendChild(table);
  }
  return section;
}

/** Renders another page: only the Values section changes; focus stays on the control that asked for it. */
export function renderValues(doc: Doc, v: ValuesViewModel): void {
  const focused = doc.activeElement?.id;
  const next = valuesSection(doc, v);
  const old = doc.getElementById('values');
  if (old) old.replaceWith(next);
  else (doc.getElementById('root') ?? doc.body).appendChild(next);
  if (focused) {
    let target = doc.getElementById(focused) as HTMLButtonElement | HTMLInputElement | null;
    // At either end the button just used is disabled: move focus to the other one rather than lose it.
    if (target && 'disabled' in target && target.disabled) target = doc.getElementById(focused === 'values-next' ? 'values-prev' : 'values-next') as HTMLButtonElement | null;
    target?.focus();
  }
  if (v.error) (doc.getElementById('values-index') as HTMLInputElement | null)?.focus();
  doc.body.setAttribute('data-state', 'rendered');
}
