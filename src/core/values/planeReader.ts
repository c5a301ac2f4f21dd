// Reads the elements a PlanePlan shows, and only those, as float64 (numericDecode.ts says what each dtype
// becomes). Rows come in batches (the first batch one row, so something is on screen at once); each batch's
// byte positions are sorted and merged into runs: an element joins the run before it when the gap is at most
// MERGE_GAP_BYTES and the run stays within 2 × its elements' bytes + MERGE_GAP_BYTES (so float64 elements
// 800 bytes apart are read six to a call). So a view reads at most
// 2 × the shown elements' bytes + 4 KiB per read call, and never more calls than elements. Linux has no
// scattered read, so a strided overview is many small reads: here a few run concurrently through any ByteSource;
// for files the preview uses the same batches and decoding with synchronous preads in a worker thread
// (planeReaderSync.ts, planeWorkerClient.ts), where a read costs less than a promise round trip.
//
// For the extension: readPlane(source, report, request, { onRows, signal }) — onRows gets each batch of rows
// (row-major, plane.cols wide) as it arrives; aborting `signal` stops issuing reads and rejects with NpyError
// 'cancelled'. The source must allow reads in any order: a file (readPlaneFromFile) or a stored .npz member,
// not a deflated one. The hover's exact text: elementIndex() then readValuesFrom (pages.ts) with ravelIndex.
import { NpyError } from '../errors';
import { readAt, withRegularFile } from '../file/regularFile';
import { NpyReport } from '../types';
import { NumberReader, numberReader } from './numericDecode';
import { ByteSource } from './pages';
import { PlanePlan, PlaneRequest, planPlane } from './plane';

export const MERGE_GAP_BYTES = 4096;
/** Elements per batch at most: bounds the sort and the memory of one batch's offsets. */
export const BATCH_ELEMENTS = 16384;
/** Reads in flight at once (the libuv pool has four threads; a few more keep it busy). */
export const DEFAULT_CONCURRENCY = 8;

export interface PlaneRows {
  firstRow: number;
  rowCount: number;
  /** rowCount × cols values, row-major (a view into Plane.values). */
  values: Float64Array;
}

export interface PlaneOptions {
  signal?: AbortSignal;
  onRows?: (rows: PlaneRows) => void;
  /** Reads in flight at once; 1 for a source that must be read in ascending order. */
  concurrency?: number;
  /** Byte position in the file where the .npy starts (a stored .npz member); 0 for a .npy. File readers only. */
  fileOffset?: number;
}

export interface Plane extends PlanePlan {
  /** rows × cols, row-major; NaN and ±Inf as stored (NaN also for NaT and for elements missing from a truncated file). */
  values: Float64Array;
  /** Position along the row axis of each shown row ([0] for a line) and along the column axis of each column. */
  rowIndices: number[];
  colIndices: number[];
  /** Bytes of the shown elements (of the chosen field only, for structs). */
  shownBytes: number;
  bytesRead: number;
  readCalls: number;
  /** Some int64/uint64 (or datetime count) lay beyond ±2^53 and was rounded to the nearest float64. */
  approximate: boolean;
  /** Shown elements past the end of a truncated file (NaN in values). */
  missing: number;
}

/** The full N-d index of shown element (r, c). */
export function elementIndex(plan: PlanePlan, r: number, c: number): bigint[] {
  const idx = plan.origin.slice();
  if (plan.rowAxis !== null) idx[plan.rowAxis] = BigInt(plan.rowStart + r * plan.rowStep);
  idx[plan.colAxis] = BigInt(plan.colStart + c * plan.colStep);
  return idx;
}

export function cancelled(): NpyError {
  return new NpyError('cancelled', 'The view was cancelled before all of it was read.');
}

/** A merged read: bytes [from, from + length) hold the elements order[first..last] of its batch. */
export interface Run { from: number; length: number; first: number; last: number }

/** Rows [firstRow, firstRow + rowCount) of a plane: their elements' byte positions, read order and merged runs. */
export interface PlaneBatch {
  firstRow: number;
  rowCount: number;
  /** Position of element i (row-major within the batch) relative to the start of the .npy. */
  offsets: Float64Array;
  /** Element numbers sorted by offset. */
  order: Uint32Array;
  runs: Run[];
}

/** Runs over `order` (element numbers sorted by offset) under the budget rule in the header. */
function mergeRuns(offsets: Float64Array, order: Uint32Array, size: number): Run[] {
  const runs: Run[] = [];
  let run: Run | null = null;
  let useful = 0;
  for (let k = 0; k < order.length; k++) {
    const p = offsets[order[k]];
    if (run) {
      const end = run.from + run.length;
      const gap = p - end;
      if (gap <= MERGE_GAP_BYTES && p + size - run.from <= 2 * (useful + size) + MERGE_GAP_BYTES) {
        run.length = p + size - run.from;
        run.last = k;
        useful += size;
        continue;
      }
    }
    run = { from: p, length: size, first: k, last: k };
    useful = size;
    runs.push(run);
  }
  return runs;
}

function sortedOrder(offsets: Float64Array): Uint32Array {
  const order = new Uint32Array(offsets.length);
  let ascending = true;
  for (let i = 0; i < order.length; i++) {
    order[i] = i;
    if (i > 0 && offsets[i] < offsets[i - 1]) ascending = false;
  }
  return ascending ? order : order.sort((a, b) => offsets[a] - offsets[b]);
}

/** A plane to fill: its plan resolved, values zero, counters zero, and the decoder of its elements. */
export interface PlaneJob {
  plane: Plane;
  decode: NumberReader;
  approx: { flag: boolean };
}

/** Plans `request` (NpyError with one sentence when it cannot be drawn) and allocates the plane it shows. */
export function startPlane(report: NpyReport, request: PlaneRequest = {}): PlaneJob {
  const plan = planPlane(report, request);
  const { rows, cols } = plan;
  const plane: Plane = {
    ...plan,
    values: new Float64Array(rows * cols),
    rowIndices: Array.from({ length: rows }, (_, r) => plan.rowStart + r * plan.rowStep),
    colIndices: Array.from({ length: cols }, (_, c) => plan.colStart + c * plan.colStep),
    shownBytes: rows * cols * plan.leaf.itemsize, bytesRead: 0, readCalls: 0, approximate: false, missing: 0,
  };
  return { plane, decode: numberReader(plan.leaf, plan.part), approx: { flag: false } };
}

/** The plane's batches in row order: the first one row (on screen at once), later ones up to BATCH_ELEMENTS; a small plane is one batch. */
export function* planeBatches(plan: PlanePlan): Generator<PlaneBatch> {
  const { rows, cols } = plan;
  let target = rows * cols <= BATCH_ELEMENTS / 4 ? rows * cols : cols;
  for (let r0 = 0; r0 < rows;) {
    const rowCount = Math.min(rows - r0, Math.max(1, Math.floor(target / cols)));
    target = Math.min(BATCH_ELEMENTS, target * 4);
    const offsets = new Float64Array(rowCount * cols);
    for (let r = 0, i = 0; r < rowCount; r++) {
      const rowBase = plan.base + (r0 + r) * plan.rowBytes;
      for (let c = 0; c < cols; c++, i++) offsets[i] = rowBase + c * plan.colBytes;
    }
    const order = sortedOrder(offsets);
    yield { firstRow: r0, rowCount, offsets, order, runs: mergeRuns(offsets, order, plan.leaf.itemsize) };
    r0 += rowCount;
  }
}

/** The batch's slice of the plane's values (a view). */
export function batchValues(job: PlaneJob, batch: PlaneBatch): Float64Array {
  const cols = job.plane.cols;
  return job.plane.values.subarray(batch.firstRow * cols, (batch.firstRow + batch.rowCount) * cols);
}

/**
 * Stores one run's elements: `view` holds the run's bytes from its offset 0, `got` of them (fewer than
 * run.length only at the end of a truncated file; what is missing becomes NaN and is counted).
 */
export function storeRun(job: PlaneJob, batch: PlaneBatch, run: Run, view: DataView, got: number, out: Float64Array): void {
  const { plane, decode, approx } = job;
  const size = plane.leaf.itemsize;
  plane.readCalls++;
  plane.bytesRead += got;
  for (let k = run.first; k <= run.last; k++) {
    const e = batch.order[k];
    const at = batch.offsets[e] - run.from;
    if (at + size > got) { out[e] = NaN; plane.missing++; } else out[e] = decode(view, at, approx);
  }
  plane.approximate = approx.flag;
}

/** Reads the view `request` asks of `report` through `source`. Throws NpyError (one sentence) on bad requests, I/O errors and cancel. */
export async function readPlane(source: ByteSource, report: NpyReport, request: PlaneRequest = {}, options: PlaneOptions = {}): Promise<Plane> {
  const job = startPlane(report, request);
  const signal = options.signal;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  for (const batch of planeBatches(job.plane)) {
    if (signal?.aborted) throw cancelled();
    const { runs } = batch;
    const out = batchValues(job, batch);
    let next = 0;
    let failed = false;
    const worker = async (): Promise<void> => {
      while (next < runs.length && !failed) {
        if (signal?.aborted) throw cancelled();
        const run = runs[next++];
        const bytes = await source.read(run.from, run.length);
        storeRun(job, batch, run, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), bytes.length, out);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, runs.length) }, () => worker().catch((e) => { failed = true; throw e; })));
    options.onRows?.({ firstRow: batch.firstRow, rowCount: batch.rowCount, values: out });
  }
  return job.plane;
}

/** readPlane over a file on disk, opened for this view only. */
export function readPlaneFromFile(path: string, report: NpyReport, request: PlaneRequest = {}, options: PlaneOptions = {}): Promise<Plane> {
  const ctx = { action: 'read' as const, path };
  const at = options.fileOffset ?? 0;
  return withRegularFile(path, 'a .npy file', ({ handle }) =>
    readPlane({ read: (position, length) => readAt(handle, at + position, length, ctx) }, report, request, options));
}
