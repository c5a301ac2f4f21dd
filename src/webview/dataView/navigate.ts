// Moving over the picture: arrow keys and the pointer move the cursor; in 1:1 the window pans.
import { Doc } from '../dom';
import { showCursor } from './cursor';
import { request } from './request';
import { view } from './state';

/** Arrow keys on the canvas move the cursor; in 1:1 the window pans when the cursor would leave it. */
export function onViewKey(doc: Doc, event: KeyboardEvent): boolean {
  const s = view.start;
  if (!s || (event.target as Element | null)?.id !== 'view-canvas') return false;
  const d = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[event.key];
  if (!d) return false;
  const r = view.cursor.r + d[0], c = view.cursor.c + d[1];
  if (view.choices!.zoom === 'window' && (r < 0 || r >= s.rows || c < 0 || c >= s.cols)) {
    pan(doc, d[0] * Math.max(1, Math.floor(s.rows / 4)), d[1] * Math.max(1, Math.floor(s.cols / 4)));
  } else {
    view.cursor = { r: Math.max(0, Math.min(s.rows - 1, r)), c: Math.max(0, Math.min(s.cols - 1, c)) };
    showCursor(doc);
  }
  return true;
}

/** Moves the 1:1 window by (dr, dc) elements, kept inside the plane. */
export function pan(doc: Doc, dr: number, dc: number): void {
  const s = view.start;
  const c = view.choices;
  if (!s || !c || c.zoom !== 'window') return;
  const row0 = Math.max(0, Math.min(s.planeRows - s.rows, c.row0 + dr));
  const col0 = Math.max(0, Math.min(s.planeCols - s.cols, c.col0 + dc));
  if (row0 === c.row0 && col0 === c.col0) return;
  c.row0 = row0;
  c.col0 = col0;
  request(doc);
}

/** The element under a pointer position on the canvas (client coordinates). */
export function hover(doc: Doc, canvas: HTMLCanvasElement, clientX: number, clientY: number): void {
  const s = view.start;
  if (!s) return;
  const box = canvas.getBoundingClientRect();
  if (box.width <= 0 || box.height <= 0) return;
  const c = Math.floor(((clientX - box.left) / box.width) * s.cols);
  const r = s.rowAxis === null ? 0 : Math.floor(((clientY - box.top) / box.height) * s.rows);
  if (r < 0 || c < 0 || r >= s.rows || c >= s.cols) return;
  view.cursor = { r, c };
  showCursor(doc);
}
