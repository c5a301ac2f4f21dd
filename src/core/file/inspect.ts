// Inspecting a .npy file reads the preamble and the header, never the data, so the cost is the same for a
// 1 KiB file and a 16 TiB one. Sizes come from fstat; the report says what numpy would see.
import { NpyError } from '../errors';
import { PREAMBLE_BYTES, parseHeader, readPreamble } from '../format/header';
import { fileBaseName } from './baseName';
import { readAtSync, RegularFile, withRegularFileSync } from './regularFile';
import { elementCount as countElements } from '../format/shape';
import { NpyReport, ParsedHeader } from '../types';
import { bigintToJson, formatCount } from '../units';

/**
 * Reads magic + header only (never the data) and fstat. Throws NpyError for unreadable/non-npy/invalid headers.
 * Synchronous inside (open, fstat, two reads, close: what numpy's reader does), so a promise only for callers.
 */
export async function inspectNpy(path: string): Promise<NpyReport> {
  return inspectNpySync(path);
}

export function inspectNpySync(path: string): NpyReport {
  return withRegularFileSync(path, 'a .npy file', ({ fd, size, allocatedBytes }) => {
    const { bytes, bytesRead } = readHeaderBytes(fd, size, path);
    return buildReport(parseHeader(bytes), path, size, allocatedBytes, bytesRead);
  });
}

/** The same for a file already open (resize reports on the handle it wrote through). */
export function inspectOpenFile({ handle, size, allocatedBytes }: RegularFile, path: string): NpyReport {
  const { bytes, bytesRead } = readHeaderBytes(handle.fd, size, path);
  return buildReport(parseHeader(bytes), path, size, allocatedBytes, bytesRead);
}

/**
 * The header of an open file (a descriptor; a FileHandle's `fd`) of `fileBytes`: the preamble, then exactly the
 * rest of the header, never a byte of data.
 */
export function readHeaderBytes(fd: number, fileBytes: bigint, path: string): { bytes: Uint8Array; bytesRead: number } {
  const ctx = { action: 'read' as const, path };
  const first = readAtSync(fd, 0, Number(fileBytes < BigInt(PREAMBLE_BYTES) ? fileBytes : BigInt(PREAMBLE_BYTES)), ctx);
  const pre = readPreamble(first);
  if (fileBytes < BigInt(pre.dataOffset)) throw headerCutOff(path, fileBytes, pre.dataOffset);
  const bytesRead = Math.max(first.length, pre.dataOffset);
  if (first.length >= pre.dataOffset) return { bytes: first.subarray(0, pre.dataOffset), bytesRead };
  const rest = readAtSync(fd, first.length, pre.dataOffset - first.length, ctx);
  if (rest.length < pre.dataOffset - first.length) throw headerCutOff(path, BigInt(first.length + rest.length), pre.dataOffset);
  const bytes = new Uint8Array(pre.dataOffset);
  bytes.set(first, 0);
  bytes.set(rest, first.length);
  return { bytes, bytesRead };
}

/**
 * Same from bytes already read (non-file: schemes): prefix holds at least the header. bytesRead reports the
 * bytes the report needed (the data offset); whatever else the caller read is its own business.
 */
export function inspectBytes(prefix: Uint8Array, fileBytes: bigint, allocatedBytes: bigint | null, path: string): NpyReport {
  const pre = readPreamble(prefix.subarray(0, Math.min(prefix.length, PREAMBLE_BYTES)));
  if (prefix.length < pre.dataOffset) {
    if (fileBytes < BigInt(pre.dataOffset)) throw headerCutOff(path, fileBytes, pre.dataOffset);
    throw new NpyError('bad-header', `Cannot read ${path}: only ${formatCount(prefix.length)} bytes were given but the header needs ${formatCount(pre.dataOffset)}.`);
  }
  const header = parseHeader(prefix.subarray(0, pre.dataOffset));
  return buildReport(header, path, fileBytes, allocatedBytes, pre.dataOffset);
}

/** JSON form: bigint → number when ≤ 2^53−1, else decimal string. */
export type NpyReportJson = { [K in keyof NpyReport]: NpyReport[K] extends bigint ? number | string : NpyReport[K] extends bigint | null ? number | string | null : NpyReport[K] extends bigint[] ? Array<number | string> : NpyReport[K] };
export function reportToJson(r: NpyReport): NpyReportJson {
  return {
    ...r,
    shape: r.shape.map(bigintToJson),
    elementCount: bigintToJson(r.elementCount),
    dataBytes: bigintToJson(r.dataBytes),
    expectedFileBytes: bigintToJson(r.expectedFileBytes),
    fileBytes: bigintToJson(r.fileBytes),
    allocatedBytes: r.allocatedBytes === null ? null : bigintToJson(r.allocatedBytes),
    statusBytes: bigintToJson(r.statusBytes),
  };
}

function buildReport(h: ParsedHeader, path: string, fileBytes: bigint, allocatedBytes: bigint | null, bytesRead: number): NpyReport {
  const { dtype } = h;
  const elementCount = countElements(h.shape);
  const dataOffset = BigInt(h.dataOffset);
  let dataBytes = elementCount * BigInt(dtype.itemsize);
  let expectedFileBytes = dataOffset + dataBytes;
  let status: NpyReport['status'] = 'ok';
  let statusBytes = 0n;
  let statusMessage: string;
  if (dtype.hasObject) {
    // A pickle has no predictable length: the data is whatever follows the header, and it is never read.
    dataBytes = fileBytes > dataOffset ? fileBytes - dataOffset : 0n;
    expectedFileBytes = fileBytes;
    statusMessage = `The data (${bytes(dataBytes)}) is a pickle of Python objects; it was not read and cannot be previewed.`;
  } else if (fileBytes < expectedFileBytes) {
    status = 'truncated';
    statusBytes = expectedFileBytes - fileBytes;
    statusMessage = `Truncated: ${bytes(statusBytes)} of data ${statusBytes === 1n ? 'is' : 'are'} missing.`;
  } else if (fileBytes > expectedFileBytes) {
    status = 'trailing-bytes';
    statusBytes = fileBytes - expectedFileBytes;
    statusMessage = `Trailing bytes: ${bytes(statusBytes)} follow${statusBytes === 1n ? 's' : ''} the data; numpy ignores them.`;
  } else {
    statusMessage = `Valid: the file holds the header and exactly ${bytes(dataBytes)} of data.`;
  }
  const ndim = h.shape.length;
  const growthAxis = ndim === 0 ? null : h.fortranOrder ? ndim - 1 : 0;
  return {
    path,
    fileName: fileBaseName(path),
    version: h.version,
    descr: dtype.kind === 'struct' ? dtype.descrRepr : dtype.str,
    dtypeName: dtype.name,
    dtypeDescription: dtype.description,
    fortranOrder: h.fortranOrder,
    shape: [...h.shape],
    itemsize: dtype.itemsize,
    elementCount,
    headerLength: h.headerLength,
    dataOffset: h.dataOffset,
    dataBytes,
    expectedFileBytes,
    fileBytes,
    allocatedBytes,
    status,
    statusMessage,
    statusBytes,
    alignment: h.dataOffset % 64 === 0 ? 64 : h.dataOffset % 16 === 0 ? 16 : 'other',
    growthAxis,
    growthRoom: growthAxis === null ? 0 : growthRoom(h.headerText),
    headerText: h.headerText,
    fields: dtype.fields ?? null,
    objectData: dtype.hasObject,
    bytesRead,
  };
}

/**
 * Digits the growth dimension can gain with the header keeping its length (so the data never moves): the
 * spaces between the dict's closing '}' and the final '\n'. numpy ≥ 1.24 leaves 21 − len(str(dim)) of them
 * on purpose plus the alignment padding, so all of them can be used; older writers leave only the padding.
 */
export function growthRoom(headerText: string): number {
  let end = headerText.length;
  if (headerText.endsWith('\n')) end -= 1;
  let i = end;
  while (i > 0 && headerText[i - 1] === ' ') i -= 1;
  return headerText[i - 1] === '}' ? end - i : 0;
}

function bytes(n: bigint): string {
  return `${formatCount(n)} byte${n === 1n ? '' : 's'}`;
}

function headerCutOff(path: string, have: bigint, need: number): NpyError {
  return new NpyError('bad-header',
    `${path} is cut off inside its header: it has ${bytes(have)} but the header needs ${bytes(BigInt(need))}.`);
}


/** numpy dims are int64: 9223372036854775807 has 19 digits. */
const MAX_DIM_DIGITS = 19;

/**
 * What growthRoom means for the user: how many digits the growth axis can reach in place (capped at numpy's
 * 19), or null for 0-d arrays. Spare header bytes beyond that cap are real but cannot be used by a dim.
 */
export function growthReach(r: Pick<NpyReport, 'growthAxis' | 'growthRoom' | 'shape'>): { digits: number; unlimited: boolean } | null {
  if (r.growthAxis === null) return null;
  const digits = r.shape[r.growthAxis].toString().length + r.growthRoom;
  return { digits: Math.min(digits, MAX_DIM_DIGITS), unlimited: digits >= MAX_DIM_DIGITS };
}
