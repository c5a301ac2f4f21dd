// Asks the host for the picture the current choices describe (each request gets a new id; older answers drop).
import { Doc } from '../dom';
import { targetSize } from './drawing';
import { channelAxis, ndim, view } from './state';

export function request(doc: Doc): void {
  const c = view.choices;
  const setup = view.setup;
  if (!c || !setup || setup.unavailable !== undefined) return;
  const n = ndim();
  const ch = channelAxis(c);
  const rowAxis = ch === undefined ? c.rowAxis : c.layout === 'rgb' ? n - 3 : n - 2;
  const colAxis = ch === undefined ? c.colAxis : c.layout === 'rgb' ? n - 2 : n - 1;
  const size = targetSize(doc, rowAxis === null);
  const index = c.index.map((v, k) => (k === ch || k === rowAxis || k === colAxis ? '0' : v));
  view.post({
    type: 'view-request', id: view.nextId++, rowAxis, colAxis, index, mode: c.zoom, row0: c.row0, col0: c.col0, ...size,
    ...(c.field !== undefined ? { field: c.field } : {}), ...(c.part !== undefined ? { part: c.part } : {}),
    ...(ch !== undefined ? { channelAxis: ch } : {}),
  });
}
