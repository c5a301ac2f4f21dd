// "Whole array" statistics (issue 11): the same numbers as the window statistics (stats.ts), over every element
// of the chosen field / complex part. The data is read front to back in chunks of contiguous bytes (one chunk in
// flight while the previous one is decoded), so memory is O(chunk) whatever the array's size; an element cut by
// a chunk's end is carried into the next one. Storage order does not matter to these statistics, so C and
// Fortran arrays are read alike. A truncated file gives the statistics of the elements it holds.
//
// For the host: wholeStatsPlan() says how many bytes a run will read (before asking the user); wholeStats() /
// wholeStatsFromFile() run it, with onProgress (called at most every progressIntervalMs, and once more with
// the bytes read when cancelled) and an AbortSignal (rejects with NpyError 'cancelled'). fileOffset: where the
// .npy starts in the source (0 for a .npy file; a stored .npz member is a .npy at an offset inside the zip).
import { NpyError } from '../errors';
import { readAt, withRegularFile } from '../file/regularFile';
import { Dtype, NpyReport } from '../types';
import { numberReader } from './numericDecode';
import { ByteSource } from './pages';
import { ComplexPart, planPlane } from './plane';
import { StatsAccumulator, WindowStats } from './stats';

/** Bytes per read: large enough for full-speed sequential reads, small enough to decode between events. */
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;
/** Elements decoded to float64 at a time (bounds the decode buffer: 512 KiB). */
const DECODE_BATCH = 65536;

export interface WholeStatsChoice {
  /** Structured dtypes: the field (default: the first one holding one number, as the picture). */
  field?: string;
  /** Complex values: which number (default 'abs'). */
  part?: ComplexPart;
  /** Where the .npy starts in the source: 0 for a .npy file. */
  fileOffset?: number;
}

export interface WholeStatsPlan {
  /** The dtype decoded per element: the array's own, or the field's. */
  leaf: Dtype;
  field: string | null;
  part: ComplexPart | null;
  itemsize: number;
  /** Elements the array has, and those the file holds (fewer when truncated). */
  elementCount: bigint;
  presentElements: number;
  /** Bytes a run reads: every present element's whole bytes (whole records for a struct field). */
  totalBytes: number;
  /** Bytes of the source before the array's first element. */
  dataStart: number;
  fieldOffset: number;
}

export interface WholeStatsProgress { bytesRead: number; totalBytes: number }

export interface WholeStatsOptions extends WholeStatsChoice {
  signal?: AbortSignal;
  onProgress?: (p: WholeStatsProgress) => void;
  /** Least time between two onProgress calls (the last one always comes); default 250 ms. */
  progressIntervalMs?: number;
  chunkBytes?: number;
}

export interface WholeStatsResult extends WholeStatsPlan {
  stats: WindowStats;
  bytesRead: number;
  readCalls: number;
  /** The largest single read: memory stays O(this). */
  largestRead: number;
  /** Some int64/uint64 (or datetime count) lay beyond ±2^53 and was rounded to the nearest float64. */
  approximate: boolean;
}

/** What a run over `report` would read; throws NpyError (one sentence) for arrays with no numbers. */
export function wholeStatsPlan(report: NpyReport, choice: WholeStatsChoice = {}): WholeStatsPlan {
  // planPlane checks the dtype, field and part exactly as the picture does; element (0, 0) of a 1 × 1 window is
  // the array's first element, so its position gives the field's offset inside a record.
  const plan = planPlane(report, {
    view: { mode: 'window', row0: 0, col0: 0, rows: 1, cols: 1 },
    ...(choice.field !== undefined ? { field: choice.field } : {}), ...(choice.part !== undefined ? { part: choice.part } : {}),
  });
  const fileOffset = choice.fileOffset ?? 0;
  if (!Number.isSafeInteger(fileOffset) || fileOffset < 0) throw new NpyError('bad-shape', `The array's offset in the file must be a whole number of bytes, not ${fileOffset}.`);
  const itemsize = report.itemsize;
  const held = report.fileBytes - BigInt(report.dataOffset);
  const presentBytes = held <= 0n ? 0n : held < report.dataBytes ? held : report.dataBytes;
  const presentElements = Number(presentBytes / BigInt(itemsize));
  return {
    leaf: plan.leaf, field: plan.field, part: plan.part, itemsize, elementCount: report.elementCount, presentElements,
    totalBytes: presentElements * itemsize, dataStart: fileOffset + report.dataOffset, fieldOffset: plan.base - report.dataOffset,
  };
}

function cancelled(): NpyError {
  return new NpyError('cancelled', 'The whole-array statistics were cancelled before all of the data was read.');
}

/** Statistics over every element `report` describes, read through `source`. */
export async function wholeStats(source: ByteSource, report: NpyReport, options: WholeStatsOptions = {}): Promise<WholeStatsResult> {
  const plan = wholeStatsPlan(report, options);
  const read = numberReader(plan.leaf, plan.part);
  const { itemsize, fieldOffset, totalBytes } = plan;
  const chunk = Math.max(1, Math.floor(options.chunkBytes ?? DEFAULT_CHUNK_BYTES));
  const interval = options.progressIntervalMs ?? 250;
  const signal = options.signal;
  const acc = new StatsAccumulator();
  const approx = { flag: false };
  const decoded = new Float64Array(Math.min(DECODE_BATCH, Math.max(1, plan.presentElements)));
  const result = { bytesRead: 0, readCalls: 0, largestRead: 0 };
  // Bytes of an element cut by the previous chunk's end (fewer than itemsize).
  let carry = new Uint8Array(0);
  let lastProgress = -Infinity;

  const fetch = (at: number): Promise<Uint8Array> | null => {
    if (at >= totalBytes) return null;
    const length = Math.min(chunk, totalBytes - at);
    result.readCalls++;
    result.largestRead = Math.max(result.largestRead, length);
    return source.read(plan.dataStart + at, length);
  };

  let at = 0;
  let pending = fetch(at);
  while (pending) {
    if (signal?.aborted) {
      pending.catch(() => undefined);
      // What was read before the cancel, so the user is told.
      options.onProgress?.({ bytesRead: result.bytesRead, totalBytes });
      throw cancelled();
    }
    const got = await pending;
    at += got.length;
    result.bytesRead += got.length;
    // A short read means the file ended early (it shrank since the report): what it holds is counted.
    pending = got.length === 0 ? null : fetch(at);
    let bytes = got;
    if (carry.length > 0) {
      bytes = new Uint8Array(carry.length + got.length);
      bytes.set(carry);
      bytes.set(got, carry.length);
    }
    const whole = Math.floor(bytes.length / itemsize);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let e0 = 0; e0 < whole; e0 += decoded.length) {
      const n = Math.min(decoded.length, whole - e0);
      for (let i = 0, p = e0 * itemsize + fieldOffset; i < n; i++, p += itemsize) decoded[i] = read(view, p, approx);
      acc.add(n === decoded.length ? decoded : decoded.subarray(0, n));
    }
    carry = bytes.slice(whole * itemsize);
    const now = Date.now();
    if (options.onProgress && (pending === null || now - lastProgress >= interval)) {
      lastProgress = now;
      options.onProgress({ bytesRead: result.bytesRead, totalBytes });
    }
  }
  if (signal?.aborted) throw cancelled();
  return { ...plan, ...result, stats: acc.result(), approximate: approx.flag };
}

/** wholeStats over a file on disk (a .npy, or an archive holding one stored at options.fileOffset). */
export function wholeStatsFromFile(path: string, report: NpyReport, options: WholeStatsOptions = {}): Promise<WholeStatsResult> {
  const ctx = { action: 'read' as const, path };
  return withRegularFile(path, 'a .npy file', ({ handle }) =>
    wholeStats({ read: (position, length) => readAt(handle, position, length, ctx) }, report, options));
}
