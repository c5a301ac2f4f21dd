// Builds the .npz preview DOM from what the host computed: the member table (one real <button> per member,
// so Tab/Enter/Space work as is) and the selected member's full header report. Text goes in through
// textContent only, so a member named "<img onerror=…>" stays text; no inline styles or handlers.
import { NPZ_COLUMNS, NpzErrorViewModel, NpzMemberDetail, NpzViewModel } from '../common/npzMessages';
import { PreviewViewModel } from '../common/viewModel';
import { badge, Doc, el, fieldsTable, renderErrorPage, root, valuesTable } from './dom';

export function renderNpz(doc: Doc, m: NpzViewModel, selected: NpzMemberDetail | null): void {
  const r = root(doc);
  const header = el(doc, 'header', undefined, { class: 'summary' });
  header.append(el(doc, 'h1', m.fileName, { 'data-key': 'fileName' }), badge(doc, m.badge, { 'data-key': 'status' }));
  header.append(el(doc, 'p', m.summary, { class: 'status-message', 'data-key': 'summary' }));
  header.append(el(doc, 'p', m.readNote, { class: 'status-message', 'data-key': 'bytesRead' }));
  r.appendChild(header);

  const section = el(doc, 'section', undefined, { 'aria-labelledby': 'h-members' });
  section.appendChild(el(doc, 'h2', m.ui.membersTitle, { id: 'h-members' }));
  const table = el(doc, 'table', undefined, { id: 'members' });
  const head = el(doc, 'thead');
  const hr = el(doc, 'tr');
  for (const c of NPZ_COLUMNS) hr.appendChild(el(doc, 'th', m.ui.columns[c], { scope: 'col' }));
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
    if (selected.report) renderReportBody(doc, detail, selected.report);
    else detail.appendChild(el(doc, 'p', selected.error ?? '', { id: 'member-error', role: 'alert' }));
  } else {
    detail.appendChild(el(doc, 'p', m.ui.selectHint, { class: 'status-message', id: 'h-member' }));
  }
  r.appendChild(detail);
  doc.body.setAttribute('data-state', 'rendered');
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
