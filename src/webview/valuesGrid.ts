// The values grid of a 2-D (or N-D) array: the leading-index boxes, Previous/Next rows and columns, and a table
// of rows × columns with their indices as headers. Everything shown comes from the host (GridViewModel); text
// goes in through textContent only. Buttons carry the position they ask for, so one delegated listener posts it.
import { GridViewModel, ValuesViewModel } from '../common/viewModel';
import { Doc, el } from './dom';

export interface GridMessage { type: 'values-grid'; lead: string[]; row: string; col: string }

/** The controls and the table, appended to the Values section (the caller adds the summary and "Go to index"). */
export function appendGrid(doc: Doc, section: HTMLElement, v: ValuesViewModel, g: GridViewModel): void {
  section.setAttribute('data-grid-lead', g.lead.map((b) => b.index).join(' '));
  section.setAttribute('data-grid-row', g.row);
  section.setAttribute('data-grid-col', g.col);
  if (g.lead.length > 0) section.appendChild(leadForm(doc, g));
  const nav = el(doc, 'div', undefined, { class: 'values-nav grid-nav' });
  const button = (id: string, label: string, row: string | null, col: string | null): HTMLButtonElement => {
    const b = el(doc, 'button', label, { id, type: 'button' });
    if (row === null || col === null) b.disabled = true;
    else { b.setAttribute('data-grid-row', row); b.setAttribute('data-grid-col', col); }
    return b;
  };
  const rows = el(doc, 'div', undefined, { role: 'group', 'aria-label': g.ui.rowsNav, class: 'grid-pager' });
  rows.append(button('grid-rows-prev', g.ui.prevRows, g.prevRow, g.col), button('grid-rows-next', g.ui.nextRows, g.nextRow, g.col));
  const cols = el(doc, 'div', undefined, { role: 'group', 'aria-label': g.ui.colsNav, class: 'grid-pager' });
  cols.append(button('grid-cols-prev', g.ui.prevCols, g.row, g.prevCol), button('grid-cols-next', g.ui.nextCols, g.row, g.nextCol));
  nav.append(rows, cols);
  section.appendChild(nav);
  if (v.error) section.appendChild(el(doc, 'p', v.error, { id: 'values-error', role: 'alert' }));
  if (g.cells.length > 0) {
    const wrap = el(doc, 'div', undefined, { class: 'grid-scroll' });
    wrap.appendChild(gridTable(doc, v, g));
    section.append(wrap, el(doc, 'p', g.ui.keys, { id: 'grid-keys', class: 'values-note' }));
  }
}

/**
 * One labelled number box per leading axis and a button applying them (Enter in a box does too). min/max bound
 * the arrow keys; novalidate lets a typed "-1" (numpy's last) or an out-of-range number reach the host, which
 * takes the one or answers the other with a sentence.
 */
function leadForm(doc: Doc, g: GridViewModel): HTMLElement {
  const form = el(doc, 'form', undefined, { id: 'grid-lead', class: 'values-goto grid-lead', role: 'group', 'aria-label': g.ui.leadGroup, novalidate: '' });
  for (const b of g.lead) {
    const id = `grid-lead-${b.axis}`;
    const input = el(doc, 'input', undefined, {
      id, type: 'number', min: '0', max: b.max, step: '1', 'data-axis': String(b.axis), autocomplete: 'off',
    });
    input.value = b.index;
    form.append(el(doc, 'label', b.label, { for: id }), input);
  }
  form.appendChild(el(doc, 'button', g.ui.leadApply, { id: 'grid-lead-apply', type: 'submit' }));
  return form;
}

/** th = row index (down) and column index (across); td[data-index] = numpy's text, titled with its N-d index. */
function gridTable(doc: Doc, v: ValuesViewModel, g: GridViewModel): HTMLTableElement {
  // Focusable, so PageUp/PageDown page through rows and Alt+PageUp/PageDown through columns from the table itself.
  const table = el(doc, 'table', undefined, {
    id: 'values-table', class: 'grid', tabindex: '0', 'aria-label': g.ui.caption, 'aria-describedby': 'grid-keys',
  });
  const head = el(doc, 'thead');
  const hr = el(doc, 'tr');
  hr.appendChild(el(doc, 'th', g.ui.corner, { scope: 'col', class: 'corner' }));
  for (const c of g.colHeaders) hr.appendChild(el(doc, 'th', c, { scope: 'col', class: 'num' }));
  head.appendChild(hr);
  const body = el(doc, 'tbody');
  g.cells.forEach((line, r) => {
    const tr = el(doc, 'tr');
    tr.appendChild(el(doc, 'th', g.rowHeaders[r], { scope: 'row', class: 'num' }));
    for (const cell of line) {
      const td = el(doc, 'td', cell.text, { class: cell.missing ? 'code missing' : 'code', 'data-index': cell.index, title: cell.position });
      if (v.target === cell.index) { td.setAttribute('aria-current', 'true'); td.classList.add('target'); }
      tr.appendChild(td);
    }
    body.appendChild(tr);
  });
  table.append(head, body);
  return table;
}

/** The message a grid paging button asks for, or null when it is not one (the shown plane's leading indices kept). */
export function gridButtonMessage(doc: Doc, button: Element): GridMessage | null {
  const row = button.getAttribute('data-grid-row');
  const col = button.getAttribute('data-grid-col');
  const section = doc.getElementById('values');
  if (row === null || col === null || !section) return null;
  const lead = section.getAttribute('data-grid-lead') ?? '';
  return { type: 'values-grid', lead: lead === '' ? [] : lead.split(' '), row, col };
}

/** The leading-index form as submitted: the boxes' text as typed (the host checks it), the shown rows and columns kept. */
export function gridLeadMessage(doc: Doc, form: HTMLFormElement): GridMessage | null {
  const section = doc.getElementById('values');
  if (form.id !== 'grid-lead' || !section) return null;
  const lead = [...form.querySelectorAll('input[data-axis]')].map((i) => (i as HTMLInputElement).value);
  return { type: 'values-grid', lead, row: section.getAttribute('data-grid-row') ?? '0', col: section.getAttribute('data-grid-col') ?? '0' };
}

const KEYS: Record<string, string> = {
  PageUp: 'grid-rows-prev', PageDown: 'grid-rows-next', 'Alt+PageUp': 'grid-cols-prev', 'Alt+PageDown': 'grid-cols-next',
};

/** PageUp/PageDown (rows) and Alt+PageUp/Alt+PageDown (columns) on the focused grid: the button's message, or null. */
export function gridKeyMessage(doc: Doc, event: KeyboardEvent): GridMessage | null {
  const target = event.target instanceof Element ? event.target : null;
  if (!target || target.id !== 'values-table' || !target.classList.contains('grid')) return null;
  const id = KEYS[(event.altKey ? 'Alt+' : '') + event.key];
  const button = id ? doc.getElementById(id) as HTMLButtonElement | null : null;
  return button && !button.disabled ? gridButtonMessage(doc, button) : null;
}

/** The grid's leading-index boxes (Enter or Show Plane) and its page keys, for both previews' pages. */
export function listenToGrid(doc: Document, post: (m: GridMessage) => void): void {
  doc.addEventListener('submit', (event) => {
    const m = event.target instanceof HTMLFormElement ? gridLeadMessage(doc, event.target) : null;
    if (m) { event.preventDefault(); post(m); }
  });
  doc.addEventListener('keydown', (event) => {
    const m = gridKeyMessage(doc, event);
    if (m) { event.preventDefault(); post(m); }
  });
}
