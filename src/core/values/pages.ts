// A page of element values: reads only the bytes of the elements shown (never the whole file) and decodes
// them. Pages are numpy's C-order flat indices; in Fortran-order files those elements lie apart, so their
// byte ranges are sorted and merged where adjacent: never more reads than elements, never a byte more than
// the elements' own. Sparse holes read as zeros (Node cannot ask SEEK_HOLE/SEEK_DATA, so we do not say).
import { dtypeFromDescr } from '../format/dtype';
import { NpyError } from '../errors';
import { parsePyLiteral } from '../format/pyliteral';
import { readAt, withRegularFile } from '../file/regularFile';
import { Dtype, NpyReport, PyValue } from '../types';
import { formatBytes, formatCount } from '../units';
import { decodeElement } from './decode';
import { indexText, storageIndices, unravelIndex } from './elementIndex';

export const MISSING_TEXT = 'missing (file truncated)';
/** Bytes one page may read at most; a page of huge items is shortened to fit (at least one item). */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;
/** Items larger than this (a 'V100000' or a wide struct) are not read at all. */
export const MAX_ITEM_BYTES = 64 * 1024;
/** Elements per page at most, whatever is asked. */
export const MAX_PAGE_COUNT = 1000;

export interface ValuesRequest {
  /** C-order flat index of the first element. */
  start: bigint;
  count: number;
}

export interface ValueItem {
  /** C-order flat index. */
  index: bigint;
  /** The N-d index, "[3, 4, 5]". */
  position: string;
  text: string;
  /** Structured records: one row per field. */
  fields?: Array<{ name: string; text: string }>;
  /** The element lies (partly) past the end of a truncated file. */
  missing?: true;
}

export interface ValuesPage {
  start: bigint;
  elementCount: bigint;
  items: ValueItem[];
  /** Data bytes read from the file for this page. */
  bytesRead: number;
  /** read() calls made (after merging adjacent ranges); never more than items.length. */
  reads: number;
  /** itemsize × items shown: the most this page may read. */
  pageBytes: number;
}

/** Reads up to `length` bytes at `position`; fewer only at the end of the file. */
export interface ByteSource {
  read(position: number, length: number): Promise<Uint8Array>;
}

const dtypes = new WeakMap<NpyReport, Dtype>();

/** The report's dtype with everything the decoder needs (units, fields), from the header it was read from. */
export function dtypeOfReport(report: NpyReport): Dtype {
  // Parsed once per report: paging through a file with a large structured header re-uses it.
  let dtype = dtypes.get(report);
  if (!dtype) { dtype = parseReportDtype(report); dtypes.set(report, dtype); }
  return dtype;
}

function parseReportDtype(report: NpyReport): Dtype {
  const header = parsePyLiteral(report.headerText, { maxLength: report.headerText.length + 1, allowLongSuffix: true });
  const descr = header.type === 'dict'
    ? header.entries.find(([k]) => k.type === 'str' && k.value === 'descr')?.[1]
    : undefined;
  return dtypeFromDescr(descr ?? ({ type: 'str', value: report.descr } as PyValue)).dtype;
}

export function objectRefusal(report: NpyReport): NpyError {
  return new NpyError('object-dtype', `${report.fileName} holds Python objects stored as a pickle; the preview never reads or unpickles them, so it has no values to show.`);
}

/**
 * Reads and decodes one page from a file on disk; the .npy starts at fileOffset (a stored .npz member read in
 * place). Throws NpyError for object arrays, bad indices and I/O errors.
 */
export async function readValues(path: string, report: NpyReport, request: ValuesRequest, fileOffset = 0): Promise<ValuesPage> {
  if (report.objectData) throw objectRefusal(report);
  const ctx = { action: 'read' as const, path };
  return withRegularFile(path, 'a .npy file', ({ handle }) =>
    readValuesFrom({ read: (position, length) => readAt(handle, fileOffset + position, length, ctx) }, report, request));
}

/** The same over bytes already in memory (virtual file systems hand over whole files). */
export function readValuesFromBytes(bytes: Uint8Array, report: NpyReport, request: ValuesRequest): Promise<ValuesPage> {
  return readValuesFrom(bytesSource(bytes), report, request);
}

/** A ByteSource over a whole file in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { read: async (position, length) => bytes.subarray(Math.min(position, bytes.length), Math.min(position + length, bytes.length)) };
}

/** The page a request actually gets: start checked, count clamped to the array, MAX_PAGE_COUNT and MAX_PAGE_BYTES. */
export function pageBounds(report: Pick<NpyReport, 'elementCount' | 'itemsize'>, request: ValuesRequest): { start: bigint; count: number } {
  const total = report.elementCount;
  const { start } = request;
  if (total === 0n) return { start: 0n, count: 0 };
  if (start < 0n || start >= total) {
    throw new NpyError('bad-shape', `Index ${start} is out of range: the array has ${formatCount(total)} element${total === 1n ? '' : 's'} (flat indices 0 to ${formatCount(total - 1n)}).`);
  }
  let count = Math.max(1, Math.min(Math.floor(request.count) || 1, MAX_PAGE_COUNT));
  if (BigInt(count) > total - start) count = Number(total - start);
  if (report.itemsize > 0) count = Math.max(1, Math.min(count, Math.floor(MAX_PAGE_BYTES / report.itemsize)));
  return { start, count };
}

/** Where each element's bytes landed: the run read and the element's position in it. */
export interface ElementBytes { bytes: Uint8Array; at: number }

/**
 * Reads the elements at byte `offsets` (any order): sorted, adjacent ones merged into one read, so never more
 * reads than elements and never a byte more than the elements' own. Shared by pages and grids (grid.ts).
 */
export async function readElements(source: ByteSource, offsets: readonly number[], itemsize: number): Promise<{ where: ElementBytes[]; reads: number; bytesRead: number }> {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a] - offsets[b]);
  const where = new Array<ElementBytes>(offsets.length);
  let reads = 0;
  let bytesRead = 0;
  let i = 0;
  while (i < order.length) {
    let j = i + 1;
    while (j < order.length && offsets[order[j]] === offsets[order[j - 1]] + itemsize) j++;
    const from = offsets[order[i]];
    const length = offsets[order[j - 1]] + itemsize - from;
    const bytes = length > 0 ? await source.read(from, length) : new Uint8Array(0);
    if (length > 0) reads++;
    bytesRead += bytes.length;
    for (let k = i; k < j; k++) where[order[k]] = { bytes, at: offsets[order[k]] - from };
    i = j;
  }
  return { where, reads, bytesRead };
}

/** numpy's text of one element whose bytes were read; `item` comes back marked missing when they lie past the file's end. */
export function decodeItem(dtype: Dtype, got: ElementBytes, item: ValueItem): ValueItem {
  const { bytes, at } = got;
  if (at + dtype.itemsize > bytes.length) { item.missing = true; return item; }
  const decoded = decodeElement(dtype, new DataView(bytes.buffer, bytes.byteOffset + at, dtype.itemsize), 0);
  item.text = decoded.text;
  if (decoded.fields) item.fields = decoded.fields;
  return item;
}

/** The byte position of an element at item offset `storage`; refused past 2^53, which Node cannot read. */
export function elementOffset(report: Pick<NpyReport, 'dataOffset'>, storage: bigint, itemsize: number, what: string): number {
  const p = BigInt(report.dataOffset) + storage * BigInt(itemsize);
  if (p > BigInt(Number.MAX_SAFE_INTEGER)) throw new NpyError('too-large-node', `The element at ${what} lies beyond byte 2^53, which Node cannot read.`);
  return Number(p);
}

/** The text shown instead of items too large to decode. */
export function itemTooLargeText(itemsize: number): string {
  return `not shown (each item is ${formatBytes(itemsize)}; the preview decodes items up to ${formatBytes(MAX_ITEM_BYTES)})`;
}

export async function readValuesFrom(source: ByteSource, report: NpyReport, request: ValuesRequest): Promise<ValuesPage> {
  if (report.objectData) throw objectRefusal(report);
  const dtype = dtypeOfReport(report);
  const { start, count } = pageBounds(report, request);
  const itemsize = dtype.itemsize;
  const shape = report.shape;
  const positions = Array.from({ length: count }, (_, i) => unravelIndex(start + BigInt(i), shape));
  const page: ValuesPage = { start, elementCount: report.elementCount, items: [], bytesRead: 0, reads: 0, pageBytes: 0 };
  if (itemsize > MAX_ITEM_BYTES) {
    page.items = positions.map((p, i) => ({
      index: start + BigInt(i), position: indexText(p),
      text: itemTooLargeText(itemsize),
    }));
    return page;
  }
  page.pageBytes = itemsize * count;

  // Byte position of each element, then ranges of adjacent elements in file order.
  const offsets = storageIndices(start, count, shape, report.fortranOrder).map((s) => elementOffset(report, s, itemsize, `flat index ${start}`));
  const got = await readElements(source, offsets, itemsize);
  page.reads = got.reads;
  page.bytesRead = got.bytesRead;
  page.items = positions.map((p, n) => decodeItem(dtype, got.where[n], { index: start + BigInt(n), position: indexText(p), text: MISSING_TEXT }));
  return page;
}
