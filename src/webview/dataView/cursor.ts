// The element under the cursor: its full index and value, then numpy's own text of it from the host.
import { Doc } from '../dom';
import { numText, text, view } from './state';

const ELEMENT_DELAY_MS = 80;
let elementTimer: ReturnType<typeof setTimeout> | undefined;
let cursorIndex: string[] = [];

/** The element under the cursor: its full index and value. */
export function showCursor(doc: Doc): void {
  const s = view.start;
  if (!s || !view.done) return;
  const { values, cursor } = view;
  const index = s.origin.slice();
  const row = s.rowStart + cursor.r * s.step;
  const col = s.colStart + cursor.c * s.step;
  if (s.rowAxis !== null) index[s.rowAxis] = String(row);
  index[s.colAxis] = String(col);
  const v = values[cursor.r * s.cols + cursor.c];
  const vs = s.channels > 1
    ? `(${Array.from({ length: s.channels }, (_, ch) => numText(values[(ch * s.rows + cursor.r) * s.cols + cursor.c])).join(', ')})`
    : numText(v);
  const marks = v === Infinity || v === -Infinity ? ` (${view.setup!.ui.inf})` : '';
  text(doc, 'view-cursor', `[${index.join(', ')}] = ${vs}${marks}`);
  // The canvas holds float64 approximations: ask the host for numpy's own text of this element (one element's
  // bytes), after the cursor rests for a moment so a sweeping mouse sends few requests.
  cursorIndex = index;
  clearTimeout(elementTimer);
  if (s.channels === 1) elementTimer = setTimeout(() => view.post({ type: 'view-element', index }), ELEMENT_DELAY_MS);
}

/** numpy's text of the element, if the cursor is still on it. */
export function showElementText(doc: Doc, index: string[], exact: string): void {
  if (index.join(',') !== cursorIndex.join(',')) return;
  text(doc, 'view-cursor', `[${index.join(', ')}] = ${exact}`);
}
