// A page of a 2-D (or N-D) array as a grid: rows × columns of the plane of the last two axes, the other axes
// at chosen indices. Reads only the shown elements: in C order a grid row's elements are adjacent (one read
// per row, fewer when rows touch), in Fortran order a 2-D grid column's are (one read per column); readElements
// merges exactly adjacent elements only, so a grid never reads a byte more than its elements' own.
import { NpyError } from '../errors';
import { readAt, withRegularFile } from '../file/regularFile';
import { NpyReport } from '../types';
import { formatCount } from '../units';
import { indexText, ravelIndex, storageIndex } from './elementIndex';
import {
  ByteSource, bytesSource, decodeItem, dtypeOfReport, elementOffset, itemTooLargeText, MAX_ITEM_BYTES, MAX_PAGE_BYTES, MAX_PAGE_COUNT,
  MISSING_TEXT, objectRefusal, readElements, ValueItem,
} from './pages';

export interface GridRequest {
  /** One index per leading axis (all but the last two), each in range. */
  lead: readonly bigint[];
  /** First shown row (along axis ndim − 2) and column (along axis ndim − 1). */
  row: bigint;
  col: bigint;
  rows: number;
  cols: number;
}

export interface GridPage {
  lead: bigint[];
  row: bigint;
  col: bigint;
  /** The plane's size: shape[ndim − 2] × shape[ndim − 1]. */
  planeRows: bigint;
  planeCols: bigint;
  /** rows × cols shown elements, row-major (each with its C-order flat index and N-d index). */
  cells: ValueItem[][];
  bytesRead: number;
  reads: number;
  /** itemsize × shown elements: the most this grid may read. */
  shownBytes: number;
}

function refuse(message: string): never {
  throw new NpyError('bad-shape', message);
}

/** The grid a request actually gets: indices checked, counts clamped to the plane, MAX_PAGE_COUNT and MAX_PAGE_BYTES. */
export function gridBounds(report: Pick<NpyReport, 'shape' | 'itemsize'>, request: GridRequest): { rows: number; cols: number } {
  const shape = report.shape;
  const n = shape.length;
  if (n < 2) refuse(`A grid needs 2 or more dimensions; this array has ${n}.`);
  if (request.lead.length !== n - 2) refuse(`The grid needs ${n - 2} leading index${n - 2 === 1 ? '' : 'es'}, not ${request.lead.length}.`);
  // An axis of length 0: no element at all (and no leading index can be in range).
  if (shape.some((d) => d === 0n)) return { rows: 0, cols: 0 };
  request.lead.forEach((v, k) => {
    if (v < 0n || v >= shape[k]) refuse(`Index ${v} is out of range for axis ${k}, which has size ${formatCount(shape[k])}.`);
  });
  const [R, C] = [shape[n - 2], shape[n - 1]];
  if (request.row < 0n || request.row >= R) refuse(`Row ${request.row} is out of range for axis ${n - 2}, which has size ${formatCount(R)}.`);
  if (request.col < 0n || request.col >= C) refuse(`Column ${request.col} is out of range for axis ${n - 1}, which has size ${formatCount(C)}.`);
  let cols = Math.max(1, Math.min(Math.floor(request.cols) || 1, MAX_PAGE_COUNT));
  if (BigInt(cols) > C - request.col) cols = Number(C - request.col);
  let rows = Math.max(1, Math.min(Math.floor(request.rows) || 1, Math.floor(MAX_PAGE_COUNT / cols)));
  if (BigInt(rows) > R - request.row) rows = Number(R - request.row);
  if (report.itemsize > 0) rows = Math.max(1, Math.min(rows, Math.floor(MAX_PAGE_BYTES / (report.itemsize * cols))));
  return { rows, cols };
}

/** Reads and decodes one grid through `source`. Throws NpyError (one sentence) for object arrays, bad requests and I/O errors. */
export async function readGridFrom(source: ByteSource, report: NpyReport, request: GridRequest): Promise<GridPage> {
  if (report.objectData) throw objectRefusal(report);
  const dtype = dtypeOfReport(report);
  const { rows, cols } = gridBounds(report, request);
  const shape = report.shape;
  const n = shape.length;
  const itemsize = dtype.itemsize;
  const page: GridPage = {
    lead: request.lead.slice(), row: request.row, col: request.col, planeRows: shape[n - 2], planeCols: shape[n - 1],
    cells: [], bytesRead: 0, reads: 0, shownBytes: 0,
  };
  const indices: bigint[][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) indices.push([...request.lead, request.row + BigInt(r), request.col + BigInt(c)]);
  }
  const items = indices.map((idx): ValueItem => ({ index: ravelIndex(idx, shape), position: indexText(idx), text: MISSING_TEXT }));
  let decoded: ValueItem[];
  if (itemsize > MAX_ITEM_BYTES) {
    decoded = items.map((item) => ({ ...item, text: itemTooLargeText(itemsize) }));
  } else {
    page.shownBytes = itemsize * items.length;
    const offsets = indices.map((idx) => elementOffset(report, storageIndex(idx, shape, report.fortranOrder), itemsize, indexText(idx)));
    const got = await readElements(source, offsets, itemsize);
    page.reads = got.reads;
    page.bytesRead = got.bytesRead;
    decoded = items.map((item, k) => decodeItem(dtype, got.where[k], item));
  }
  for (let r = 0; r < rows; r++) page.cells.push(decoded.slice(r * cols, (r + 1) * cols));
  return page;
}

/** One grid from a file on disk (opened for this grid only). */
export async function readGrid(path: string, report: NpyReport, request: GridRequest): Promise<GridPage> {
  if (report.objectData) throw objectRefusal(report);
  const ctx = { action: 'read' as const, path };
  return withRegularFile(path, 'a .npy file', ({ handle }) =>
    readGridFrom({ read: (position, length) => readAt(handle, position, length, ctx) }, report, request));
}

/** The same over bytes already in memory (virtual file systems hand over whole files). */
export function readGridFromBytes(bytes: Uint8Array, report: NpyReport, request: GridRequest): Promise<GridPage> {
  return readGridFrom(bytesSource(bytes), report, request);
}
