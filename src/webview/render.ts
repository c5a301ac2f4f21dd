// Builds the preview DOM from a view model the host computed. Text goes in through textContent only, so a
// field named "<img onerror=…>" stays text. No inline styles or handlers: the CSP forbids them anyway.
import { ActionId, ErrorViewModel, PreviewViewModel, ValuesViewModel, ViewSection } from '../common/viewModel';
import { badge, Doc, el, fieldsTable, renderErrorPage, root, valuesTable } from './dom';
import { appendGrid } from './valuesGrid';

const ACTIONS: readonly ActionId[] = ['copy-json', 'copy-python', 'copy-python-rw', 'copy-rust', 'create-like', 'resize'];

/**
 * The first screen, top to bottom: the heading (name, status, one sentence), the actions, the summary (dtype,
 * shape, elements, sizes), the Values; then fields and the closed "Format" section with the raw header.
 * The data view of issue 11 (a canvas) belongs between the summary and the Values: beside the summary table on
 * wide panels (the table takes about 400 px of a 1000 px editor), above the Values on narrow ones.
 */
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
  actions.appendChild(refreshButton(doc, m.ui.refresh, m.ui.refreshTitle));
  r.appendChild(actions);

  const [overview, ...rest] = m.sections;
  if (overview) r.appendChild(plainSection(doc, m, overview));
  // The Values and the picture (issue 11) share one row where the panel is wide enough (the picture goes after the
  // Values, dataView.ts), so both are on the first screen; on a narrow panel the picture wraps below.
  if (m.valuesPage) {
    const glance = el(doc, 'div', undefined, { id: 'glance', class: 'glance' });
    glance.appendChild(valuesSection(doc, m.valuesPage));
    r.appendChild(glance);
  }

  if (m.fields) {
    const section = el(doc, 'section', undefined, { 'aria-labelledby': 'h-fields' });
    section.appendChild(el(doc, 'h2', m.ui.fieldsTitle, { id: 'h-fields' }));
    section.appendChild(fieldsTable(doc, m, m.fields));
    r.appendChild(section);
  }

  for (const s of rest) r.appendChild(s.collapsed ? collapsedSection(doc, m, s) : plainSection(doc, m, s));
  // The growth room row leads to the command that uses it (in a cell of its own: the value cell stays text).
  const growth = r.querySelector('[data-key="growthRoom"]')?.closest('td');
  if (growth && m.canResize) {
    const cell = el(doc, 'td', undefined, { class: 'row-action' });
    cell.appendChild(el(doc, 'button', m.ui.actions.resize, { id: 'growth-resize', type: 'button', 'data-action': 'resize' }));
    growth.after(cell);
  }
  // The raw header is a format internal too: inside "Format" when there is one.
  const rawParent = r.querySelector('details#format') ?? r;
  rawParent.append(el(doc, 'h3', m.ui.headerTitle, { id: 'h-header' }), el(doc, 'pre', m.headerText, { id: 'header-text' }));
  doc.body.setAttribute('data-state', 'rendered');
}

/** Reads the file again now (the preview also notices changes itself); the same button in both previews. */
export function refreshButton(doc: Doc, label: string, title: string): HTMLButtonElement {
  return el(doc, 'button', label, { id: 'refresh', type: 'button', 'data-refresh': '', title });
}

function plainSection(doc: Doc, m: PreviewViewModel, s: ViewSection): HTMLElement {
  const section = el(doc, 'section', undefined, { id: s.id, 'aria-labelledby': `h-${s.id}` });
  section.append(el(doc, 'h2', s.title, { id: `h-${s.id}` }), valuesTable(doc, m, s));
  return section;
}

/** A closed <details>: its <summary> is the heading, keyboard-operable as is. */
function collapsedSection(doc: Doc, m: PreviewViewModel, s: ViewSection): HTMLElement {
  const details = el(doc, 'details', undefined, { id: s.id });
  const summary = el(doc, 'summary', undefined, { id: `h-${s.id}` });
  summary.appendChild(el(doc, 'h2', s.title));
  details.append(summary, valuesTable(doc, m, s, { 'aria-labelledby': `h-${s.id}` }));
  return details;
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
  if (v.paging) section.appendChild(valuesNav(doc, v));
  // 2 or more dimensions: the plane as rows × columns (valuesGrid.ts); otherwise one element per row.
  if (v.grid) {
    appendGrid(doc, section, v, v.grid);
    return section;
  }
  if (v.error) section.appendChild(el(doc, 'p', v.error, { id: 'values-error', role: 'alert' }));
  if (v.rows.length > 0) section.appendChild(valuesList(doc, v));
  return section;
}

/** Previous/Next (the list only: the grid has its own) and the "Go to index" form. */
function valuesNav(doc: Doc, v: ValuesViewModel): HTMLElement {
  const nav = el(doc, 'div', undefined, { class: 'values-nav', role: 'group', 'aria-label': v.ui.navigation });
  const pageButton = (id: string, label: string, start: string | null): HTMLButtonElement => {
    const b = el(doc, 'button', label, { id, type: 'button' });
    if (start === null) b.disabled = true;
    else b.setAttribute('data-values-start', start);
    return b;
  };
  if (!v.grid) nav.append(pageButton('values-prev', v.ui.previous, v.prevStart), pageButton('values-next', v.ui.next, v.nextStart));
  const form = el(doc, 'form', undefined, { id: 'values-goto', class: 'values-goto' });
  const input = el(doc, 'input', undefined, {
    id: 'values-index', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: v.ui.gotoPlaceholder,
  });
  input.value = v.gotoText;
  if (v.error) { input.setAttribute('aria-invalid', 'true'); input.setAttribute('aria-describedby', 'values-error'); }
  form.append(el(doc, 'label', v.ui.gotoLabel, { for: 'values-index' }), input, el(doc, 'button', v.ui.gotoButton, { type: 'submit', id: 'values-go' }));
  nav.appendChild(form);
  return nav;
}

/** One row per element; the element "Go to index" asked for is marked (aria-current) on its aligned page. */
function valuesList(doc: Doc, v: ValuesViewModel): HTMLElement {
  const table = el(doc, 'table', undefined, { id: 'values-table' });
  const head = el(doc, 'thead');
  const hr = el(doc, 'tr');
  hr.appendChild(el(doc, 'th', v.ui.indexColumn, { scope: 'col' }));
  for (const name of v.fieldNames ?? [v.ui.valueColumn]) hr.appendChild(el(doc, 'th', name, { scope: 'col' }));
  head.appendChild(hr);
  const body = el(doc, 'tbody');
  for (const row of v.rows) {
    const tr = el(doc, 'tr', undefined, row.missing ? { class: 'missing' } : {});
    if (v.target === row.index) { tr.setAttribute('aria-current', 'true'); tr.classList.add('target'); }
    tr.appendChild(el(doc, 'th', row.position, { scope: 'row', class: 'code' }));
    if (v.fieldNames && row.fields) {
      row.fields.forEach((text, k) => tr.appendChild(el(doc, 'td', text, { class: 'code', 'data-index': row.index, 'data-field': String(k) })));
    } else {
      tr.appendChild(el(doc, 'td', row.text, { class: 'code', 'data-index': row.index }));
    }
    body.appendChild(tr);
  }
  table.append(head, body);
  return table;
}

const OTHER_BUTTON: Record<string, string> = {
  'values-next': 'values-prev', 'values-prev': 'values-next',
  'grid-rows-next': 'grid-rows-prev', 'grid-rows-prev': 'grid-rows-next', 'grid-cols-next': 'grid-cols-prev', 'grid-cols-prev': 'grid-cols-next',
};

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
    if (target && 'disabled' in target && target.disabled) target = doc.getElementById(OTHER_BUTTON[focused] ?? '') as HTMLButtonElement | null;
    target?.focus();
  }
  if (v.error) (doc.getElementById('values-index') as HTMLInputElement | null)?.focus();
  const marked = doc.querySelector('#values-table .target');
  if (marked && typeof marked.scrollIntoView === 'function') marked.scrollIntoView({ block: 'nearest' });
  doc.body.setAttribute('data-state', 'rendered');
}

/**
 * "Go to index" in the Values section (both previews): Enter in the box or the Go button sends the text as typed;
 * the host checks it and answers. One listener on the document survives every re-render.
 */
export function onGotoSubmit(doc: Doc, send: (text: string) => void): void {
  doc.addEventListener('submit', (event) => {
    const form = event.target instanceof HTMLFormElement ? event.target : null;
    if (!form || form.id !== 'values-goto') return;
    event.preventDefault();
    const input = form.querySelector('input');
    send(input ? input.value : '');
  });
}
