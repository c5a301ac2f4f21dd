// Builds the .npz preview DOM from what the host computed: the member table (one real <button> per member,
// so Tab/Enter/Space work as is) and the selected member's full header report, copy buttons and Values
// section (the .npy preview's own renderer). Text goes in through textContent only, so a member named
// "<img onerror=…>" stays text; no inline styles or handlers.
import { NPZ_COLUMNS, NPZ_MEMBER_ACTIONS, NpzErrorViewModel, NpzMemberDetail, NpzViewModel } from '../common/npzMessages';
import { PreviewViewModel, ValuesViewModel } from '../common/viewModel';
import { badge, Doc, el, fieldsTable, renderErrorPage, root, valuesTable } from './dom';
import { refreshButton, renderValues } from './render';

export function renderNpz(doc: Doc, m: NpzViewModel, selected: NpzMemberDetail | null): void {
  const r = root(doc);
  const header = el(doc, 'header', undefined, { class: 'summary' });
  header.append(el(doc, 'h1', m.fileName, { 'data-key': 'fileName' }), badge(doc, m.badge, { 'data-key': 'status' }));
  header.append(el(doc, 'p', m.summary, { class: 'status-message', 'data-key': 'summary' }));
  header.append(el(doc, 'p', m.readNote, { class: 'status-message', 'data-key': 'bytesRead' }));
  r.appendChild(header);
  const bar = el(doc, 'div', undefined, { class: 'actions', role: 'toolbar', 'aria-label': m.ui.toolbar });
  bar.appendChild(refreshButton(doc, m.ui.refresh, m.ui.refreshTitle));
  r.appendChild(bar);

  const section = el(doc, 'section', undefined, { 'aria-labelledby': 'h-members' });
  section.appendChild(el(doc, 'h2', m.ui.membersTitle, { id: 'h-members' }));
  const table = el(doc, 'table', undefined, { id: 'members' });
  const head = el(doc, 'thead');
  const hr = el(doc, 'tr');
  // Size headers right-aligned like their numbers.
  for (const c of NPZ_COLUMNS) hr.appendChild(el(doc, 'th', m.ui.columns[c], c === 'uncompressed' || c === 'compressed' ? { scope: 'col', class: 'num' } : { scope: 'col' }));
  head.appendChild(hr);
  const body = el(doc, 'tbody');
  for (const row of m.members) {
    const tr = el(doc, 'tr', undefined, { 'data-member': String(row.index) });
    const isSelected = selected?.index === row.index;
    if (isSelected) tr.setAttribute('class', 'selected');
    const nameCell = el(doc, 'th', undefined, { scope: 'row' });
    const button = el(doc, 'button', row.name, {
      type: 'button', class: 'member', 'data-index': String(row.index), 'aria-pressed': String(isSelected),
      'aria-label': m.ui.showMember.replace('{0}', row.name), title: row.detail,
    });
    nameCell.appendChild(button);
    tr.append(nameCell,
      el(doc, 'td', row.dtype, { class: 'code', 'data-col': 'dtype' }),
      el(doc, 'td', row.shape, { class: 'code', 'data-col': 'shape' }),
      el(doc, 'td', row.order, { 'data-col': 'order' }),
      el(doc, 'td', row.uncompressed, { class: 'num', 'data-col': 'uncompressed' }),
      el(doc, 'td', row.compressed, { class: 'num', 'data-col': 'compressed' }),
      el(doc, 'td', row.method, { 'data-col': 'method' }));
    const status = el(doc, 'td', undefined, { 'data-col': 'status' });
    status.appendChild(badge(doc, { kind: row.statusKind, text: row.status }));
    tr.appendChild(status);
    body.appendChild(tr);
  }
  table.append(head, body);
  section.appendChild(table);
  if (m.unlisted) section.appendChild(el(doc, 'p', m.unlisted, { class: 'status-message', id: 'unlisted' }));
  r.appendChild(section);

  const detail = el(doc, 'section', undefined, { id: 'member-detail', 'aria-labelledby': 'h-member' });
  if (selected) {
    const h = el(doc, 'h2', undefined, { id: 'h-member' });
    h.append(doc.createTextNode(selected.title), doc.createTextNode(' '), badge(doc, selected.badge, { 'data-key': 'memberStatus' }));
    detail.appendChild(h);
    detail.appendChild(memberActions(doc, selected));
    if (selected.report) renderReportBody(doc, detail, selected.report);
    else detail.appendChild(el(doc, 'p', selected.error ?? '', { id: 'member-error', role: 'alert' }));
  } else {
    detail.appendChild(el(doc, 'p', m.ui.selectHint, { class: 'status-message', id: 'h-member' }));
  }
  r.appendChild(detail);
  if (selected?.values) placeValues(doc, detail, selected.values);
  doc.body.setAttribute('data-state', 'rendered');
}

/** The member's copy buttons; without a header report only the JSON (which carries the member's error) applies. */
function memberActions(doc: Doc, selected: NpzMemberDetail): HTMLElement {
  const bar = el(doc, 'div', undefined, { class: 'actions', role: 'toolbar', 'aria-label': selected.actionsRegion });
  for (const id of NPZ_MEMBER_ACTIONS) {
    const b = el(doc, 'button', selected.actions[id], { id, type: 'button', 'data-action': id });
    if (id !== 'copy-json' && !selected.report) b.disabled = true;
    bar.appendChild(b);
  }
  return bar;
}

/** The .npy preview's Values section (render.ts builds it), placed before the member's raw header. */
function placeValues(doc: Doc, detail: HTMLElement, v: ValuesViewModel): void {
  renderValues(doc, v);
  const values = doc.getElementById('values');
  if (values) detail.insertBefore(values, doc.getElementById('h-header'));
}

/** The .npy report's tables (values by data-key, fields, raw header), without its file-level actions. */
function renderReportBody(doc: Doc, parent: HTMLElement, m: PreviewViewModel): void {
  parent.appendChild(el(doc, 'p', m.values.statusMessage, { 'data-key': 'statusMessage', class: 'status-message' }));
  for (const s of m.sections) {
    parent.appendChild(el(doc, 'h3', s.title, { id: `h-${s.id}` }));
    parent.appendChild(valuesTable(doc, m, s, { 'aria-labelledby': `h-${s.id}` }));
  }
  if (m.fields) {
    parent.appendChild(el(doc, 'h3', m.ui.fieldsTitle, { id: 'h-fields' }));
    parent.appendChild(fieldsTable(doc, m, m.fields, { 'aria-labelledby': 'h-fields' }));
  }
  parent.append(el(doc, 'h3', m.ui.headerTitle, { id: 'h-header' }), el(doc, 'pre', m.headerText, { id: 'header-text' }));
}

export function renderNpzError(doc: Doc, m: NpzErrorViewModel): void {
  renderErrorPage(doc, m);
}
