// Resizing a .npy file in place, using the room numpy (>= 1.24) leaves in every header: the header is rewritten
// with its exact old length (the data offset never moves) and the file is extended sparsely or cut.
//   reshape  same element count: the header only
//   grow     the growth axis (0 in C order, the last in Fortran order) gets larger: extend, then the header
//   shrink   it gets smaller: the header, then cut (data past the new end is lost: only with force)
//   fit      the growth axis set to the whole rows the data holds (recovers a torn or appended-to file)
// Crash safety: each step is followed by fsync, in an order that leaves a file numpy loads with the old or the new
// shape at every point (a longer file than the header says is "trailing bytes", which numpy ignores).
import { NpyError } from '../errors';
import { freeSpace, fsError } from './fsErrors';
import { buildHeaderOfLength, parseHeader } from '../format/header';
import { inspectOpenFile, readHeaderBytes } from './inspect';
import { allocatedBytesOf, withRegularFile, writeAll } from './regularFile';
import { setSparseFlagWindows, windowsSparse } from './windowsSparse';
import { elementCount, parseShape, shapeRepr } from '../format/shape';
import { NpyReport, ParsedHeader } from '../types';
import { formatBytes, formatCount } from '../units';

/** numpy sizes arrays with a signed 64-bit intp; Node sizes files with a double. */
const NUMPY_MAX = (1n << 63n) - 1n;
const NODE_MAX = BigInt(Number.MAX_SAFE_INTEGER);

export interface ResizeRequest {
  /** The new shape (any spelling create takes), or */
  shape?: string | readonly bigint[];
  /** set the growth axis to the whole rows the data holds. */
  fit?: boolean;
}

export type ResizeKind = 'unchanged' | 'reshape' | 'grow' | 'shrink';

export interface ResizePlan {
  kind: ResizeKind;
  fit: boolean;
  oldShape: bigint[];
  newShape: bigint[];
  fortranOrder: boolean;
  /** 0 in C order, ndim − 1 in Fortran order; null for 0-d arrays. */
  growthAxis: number | null;
  /** Bytes of one index along the growth axis (itemsize × the other dims). */
  rowBytes: bigint;
  dataOffset: number;
  /** The file's size now, and after the resize. */
  oldFileBytes: bigint;
  newFileBytes: bigint;
  /** Data bytes the header gives, before and after. */
  oldDataBytes: bigint;
  newDataBytes: bigint;
  /** The new header: exactly as long as the old one. */
  header: Uint8Array;
  /** Bytes past the new end that the resize cuts off (data lost): > 0 needs force. */
  cutBytes: bigint;
  /** Growth-axis indices dropped (shrink) or added (grow), as a positive count. */
  rowsChanged: bigint;
  /** What happens to the shape: "grows axis 0 from 100,000 to 250,000 (+150,000 rows, +1.1 GiB logical)". */
  change: string;
  /** change, plus "; cuts 8 KiB off the end of the file" when it cuts. */
  summary: string;
}

function refuse(message: string): never {
  throw new NpyError('resize-refused', message);
}

function axisWord(axis: number, fortranOrder: boolean): string {
  return `axis ${axis} (the growth axis in ${fortranOrder ? 'Fortran' : 'C'} order)`;
}

/** "150,000 rows" along axis 0; "3 indices" along another growth axis (Fortran order). */
function rows(n: bigint, axis: number): string {
  const [one, many] = axis === 0 ? ['row', 'rows'] : ['index', 'indices'];
  return `${formatCount(n)} ${n === 1n ? one : many}`;
}

/** Everything about a resize, computed from the parsed header and the file's size; no I/O. Throws NpyError. */
export function planResize(h: ParsedHeader, fileBytes: bigint, req: ResizeRequest, path = 'the file'): ResizePlan {
  if (h.dtype.hasObject) {
    refuse(`${path} holds Python objects (a pickle): its data has no fixed size per element, so it cannot be resized in place.`);
  }
  if ((req.shape === undefined) === (req.fit !== true)) refuse('Give either a new shape or fit, not both or neither.');
  const oldShape = [...h.shape];
  const ndim = oldShape.length;
  const growthAxis = ndim === 0 ? null : h.fortranOrder ? ndim - 1 : 0;
  const itemsize = BigInt(h.dtype.itemsize);
  const rowBytes = growthAxis === null ? itemsize : itemsize * elementCount(oldShape.filter((_, i) => i !== growthAxis));
  const dataOffset = BigInt(h.dataOffset);
  const dataOnDisk = fileBytes > dataOffset ? fileBytes - dataOffset : 0n;

  let newShape: bigint[];
  let reshape = false;
  if (req.fit === true) {
    if (growthAxis === null) refuse(`${path} is a 0-d array: it has no axis to fit to the data.`);
    if (rowBytes === 0n) refuse(`Every index of ${path}'s growth axis holds 0 bytes, so its data cannot say how many there are.`);
    newShape = oldShape.map((d, i) => (i === growthAxis ? dataOnDisk / rowBytes : d));
  } else {
    newShape = typeof req.shape === 'string' ? parseShape(req.shape) : [...(req.shape ?? [])];
    if (newShape.some((d) => typeof d !== 'bigint' || d < 0n)) throw new NpyError('bad-shape', 'Every dimension must be a whole number of at least 0.');
    reshape = elementCount(newShape) === elementCount(oldShape);
    if (!reshape) {
      const was = `${shapeRepr(oldShape)} to ${shapeRepr(newShape)}`;
      if (growthAxis === null) refuse(`${path} is a 0-d array with 1 element: it can only be reshaped to a shape of 1 element, not ${shapeRepr(newShape)}.`);
      const keep = `a reshape must keep the ${formatCount(elementCount(oldShape))} elements`;
      if (newShape.length !== ndim) {
        refuse(`Cannot resize ${path} from ${was}: that changes the number of dimensions and of elements, and only ${axisWord(growthAxis, h.fortranOrder)} can grow or shrink in place (${keep}).`);
      }
      const other = newShape.findIndex((d, i) => i !== growthAxis && d !== oldShape[i]);
      if (other >= 0) {
        refuse(`Cannot resize ${path} from ${was}: that changes axis ${other}, and only ${axisWord(growthAxis, h.fortranOrder)} can grow or shrink in place (${keep}).`);
      }
    }
  }

  const newCount = elementCount(newShape);
  const newDataBytes = newCount * itemsize;
  if (newCount > NUMPY_MAX || newDataBytes > NUMPY_MAX || dataOffset + newDataBytes > NUMPY_MAX) {
    throw new NpyError('too-large-numpy', `The shape ${shapeRepr(newShape)} would need ${formatBytes(newDataBytes)} of data, more than numpy can address (2^63−1 bytes).`);
  }
  const expected = dataOffset + newDataBytes;
  if (expected > NODE_MAX) {
    throw new NpyError('too-large-node', `The file would be ${formatBytes(expected)}, more than Node.js can size a file to (2^53−1 bytes, about 8 PiB).`);
  }

  const same = newShape.length === ndim && newShape.every((d, i) => d === oldShape[i]);
  const kind: ResizeKind = same ? 'unchanged' : reshape ? 'reshape'
    : newShape[growthAxis!]! > oldShape[growthAxis!]! ? 'grow' : 'shrink';
  // The size changes only when rows come or go: grow extends (never cuts trailing bytes), shrink and fit cut.
  let newFileBytes = fileBytes;
  if (kind === 'grow' && expected > fileBytes) newFileBytes = expected;
  if ((kind === 'shrink' || req.fit === true) && fileBytes > expected) newFileBytes = expected;
  const cutBytes = fileBytes - newFileBytes > 0n ? fileBytes - newFileBytes : 0n;

  const header = buildHeaderOfLength(h.dtype, newShape, h.fortranOrder, h.version, h.headerLength);
  if (!(header instanceof Uint8Array)) {
    throw new NpyError('no-room', `The header of ${path} has no room for the shape ${shapeRepr(newShape)}: it needs ${formatCount(header.missing)} more character${header.missing === 1 ? '' : 's'} than its ${formatCount(h.headerLength)}, and the data cannot move without writing every hole of a sparse file (headers from numpy >= 1.24 leave room for 21 digits).`);
  }

  const axis = growthAxis ?? 0;
  const rowsChanged = kind === 'grow' || kind === 'shrink' ? (newShape[axis]! > oldShape[axis]! ? newShape[axis]! - oldShape[axis]! : oldShape[axis]! - newShape[axis]!) : 0n;
  let summary: string;
  if (kind === 'unchanged') summary = `keeps the shape ${shapeRepr(oldShape)}`;
  else if (kind === 'reshape') summary = `reshapes ${shapeRepr(oldShape)} to ${shapeRepr(newShape)} (the same ${formatCount(newCount)} elements; the header only)`;
  else {
    const delta = newDataBytes - elementCount(oldShape) * itemsize;
    const change = `${kind === 'grow' ? '+' : '−'}${rows(rowsChanged, axis)}, ${delta >= 0n ? '+' : '−'}${formatBytes(delta >= 0n ? delta : -delta)} logical`;
    summary = req.fit === true
      ? `sets axis ${axis} to the ${rows(newShape[axis]!, axis)} the data holds, from ${formatCount(oldShape[axis]!)} (${change})`
      : `${kind === 'grow' ? 'grows' : 'shrinks'} axis ${axis} from ${formatCount(oldShape[axis]!)} to ${formatCount(newShape[axis]!)} (${change})`;
  }
  const change = summary;
  if (cutBytes > 0n) summary += `; cuts ${formatBytes(cutBytes)} off the end of the file`;
  return {
    kind, fit: req.fit === true, oldShape, newShape, fortranOrder: h.fortranOrder, growthAxis, rowBytes,
    dataOffset: h.dataOffset, oldFileBytes: fileBytes, newFileBytes, oldDataBytes: elementCount(oldShape) * itemsize, newDataBytes, header, cutBytes, rowsChanged, change, summary,
  };
}

/** What resizeNpy has just done; the CLI's test hook kills the process here to prove crash safety. */
export type ResizeStep = 'extended' | 'header-written' | 'cut';

export interface ResizeOptions extends ResizeRequest {
  path: string;
  /** Allow cutting data off the end (a shrink, or fit cutting a partial row). */
  force?: boolean;
  /** Called after each durable step (after its fsync). */
  onStep?: (step: ResizeStep) => void;
}

export interface ResizeResult {
  plan: ResizePlan;
  /** The file inspected after the resize. */
  report: NpyReport;
  /** Bytes on disk before and after (fstat blocks × 512); null where the platform does not say. */
  allocatedBefore: bigint | null;
  allocatedAfter: bigint | null;
}

/** The plan for `path` without changing anything (read-only: the preamble and header, and fstat). */
export async function planResizeAt(path: string, req: ResizeRequest): Promise<ResizePlan> {
  return withRegularFile(path, 'a .npy file', async ({ handle, size }) =>
    planResize(parseHeader(readHeaderBytes(handle.fd, size, path).bytes), size, req, path));
}

/** Plans and performs a resize. On refusal nothing is written: the file is byte for byte as it was. */
export async function resizeNpy(opts: ResizeOptions): Promise<ResizeResult> {
  const path = opts.path;
  const ctx = { action: 'resize' as const, path };
  // Read-write, never created: a missing file is an error, not a new empty one.
  return withRegularFile(path, 'a .npy file', async ({ handle, size, allocatedBytes: allocatedBefore }) => {
    const header = readHeaderBytes(handle.fd, size, path).bytes;
    const plan = planResize(parseHeader(header), size, opts, path);
    if (plan.cutBytes > 0n && opts.force !== true) {
      throw new NpyError('needs-force', `Not resized: this ${plan.change} and cuts ${formatBytes(plan.cutBytes)} off the end of ${path}, whose data would be lost; allow cutting (--force) to go ahead. A job that has the file memory-mapped crashes (SIGBUS) if it touches the cut part.`);
    }
    const headerChanged = plan.kind !== 'unchanged' && !plan.header.every((b, i) => b === header[i]);
    try {
      if (plan.newFileBytes > plan.oldFileBytes) {
        // Grow: the new space first (sparse: a hole reads as zeros), then the header that makes it part of the array.
        if (windowsSparse.needed) {
          const failed = await setSparseFlagWindows(path);
          if (failed !== undefined) {
            throw new NpyError('no-sparse',
              `Cannot grow ${path}: Windows would not mark it sparse (${failed}), so the ${formatBytes(plan.newFileBytes - plan.oldFileBytes)} it grows by would take that space on disk now; the file is unchanged.`);
          }
        }
        await handle.truncate(Number(plan.newFileBytes));
        await handle.sync();
        opts.onStep?.('extended');
      }
      if (headerChanged) {
        await writeAll(handle, plan.header);
        await handle.sync();
        opts.onStep?.('header-written');
      }
      if (plan.newFileBytes < plan.oldFileBytes) {
        // Shrink: the header already says the array ends before the cut.
        await handle.truncate(Number(plan.newFileBytes));
        await handle.sync();
        opts.onStep?.('cut');
      }
    } catch (e) {
      const space = plan.newFileBytes > plan.oldFileBytes ? await freeSpace(path) : undefined;
      throw fsError(e, { ...ctx, bytes: plan.newFileBytes, space });
    }
    // The report of the file as it now is, read through the same handle.
    const st = await handle.stat({ bigint: true }).catch((e: unknown) => { throw fsError(e, ctx); });
    const report = inspectOpenFile({ handle, size: st.size, allocatedBytes: allocatedBytesOf(st) }, path);
    return { plan, report, allocatedBefore, allocatedAfter: report.allocatedBytes };
  }, 'resize');
}
