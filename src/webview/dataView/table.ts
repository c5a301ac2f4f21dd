// The shown numbers as a table, for reading without the picture.
import { Doc, el } from '../dom';
import { numText, view } from './state';

/** Cells of the numbers table at most (the picture shows up to 2048 × 2048). */
const TABLE_ROWS = 64;
const TABLE_COLS = 32;

/** The shown numbers as a table (the first TABLE_ROWS × TABLE_COLS of them), for reading without the picture. */
export function renderTable(doc: Doc): void {
  doc.getElementById('view-table')?.remove();
  const s = view.start;
  const values = view.values;
  if (!view.choices?.table || !s || !view.done) return;
  const table = el(doc, 'table', undefined, { id: 'view-table', class: 'view-table' });
  const head = el(doc, 'tr');
  head.appendChild(el(doc, 'th', ''));
  const cols = Math.min(s.cols, TABLE_COLS);
  for (let c = 0; c < cols; c++) head.appendChild(el(doc, 'th', String(s.colStart + c * s.step), { scope: 'col' }));
  table.appendChild(head);
  for (let r = 0; r < Math.min(s.rows, TABLE_ROWS); r++) {
    const tr = el(doc, 'tr');
    tr.appendChild(el(doc, 'th', s.rowAxis === null ? '' : String(s.rowStart + r * s.step), { scope: 'row' }));
    for (let c = 0; c < cols; c++) {
      const cell = s.channels > 1
        ? Array.from({ length: s.channels }, (_, ch) => numText(values[(ch * s.rows + r) * s.cols + c])).join(', ')
        : numText(values[r * s.cols + c]);
      tr.appendChild(el(doc, 'td', cell, { class: 'code' }));
    }
    table.appendChild(tr);
  }
  doc.getElementById('data-view')?.appendChild(table);
}
