// What a picture of an N-D array shows: two axes (rows, columns; a line shows one), a fixed index on every
// other axis, and either every k-th row and column ("fit") or a block at stride 1 ("1:1" window). planPlane
// checks a request against the report and turns it into byte arithmetic: element (r, c) of the view lies at
// base + r·rowBytes + c·colBytes, in C and Fortran order alike. planeReader.ts reads those bytes.
//
// For the webview/extension: build a PlaneRequest from the controls, call readPlane (planeReader.ts) with
// onRows to draw rows as they arrive and an AbortSignal so a newer request cancels an older one; errors are
// NpyError with one sentence to show as is.
import { NpyError } from '../errors';
import { Dtype, NpyReport } from '../types';
import { formatCount } from '../units';
import { dtypeOfReport } from './pages';

export type ComplexPart = 'abs' | 'arg' | 'real' | 'imag';

export type PlaneView =
  | { mode: 'fit'; stride: number }
  | { mode: 'window'; row0: number; col0: number; rows: number; cols: number };

export interface PlaneRequest {
  /** Axis down the rows; null shows one line. Default: ndim − 2 (null for a 1-D array). Negative counts from the end. */
  rowAxis?: number | null;
  /** Axis across the columns. Default: ndim − 1. */
  colAxis?: number;
  /** One index per axis (numpy negatives allowed); the shown axes' entries are ignored. Default all 0. */
  index?: ReadonlyArray<number | bigint>;
  /** Default: { mode: 'fit', stride: 1 } (the whole plane). */
  view?: PlaneView;
  /** Structured dtypes: the top-level field to draw. Default: the first field that holds one number. */
  field?: string;
  /** Complex values (or a complex field): which number to draw. Default 'abs'. Ignored for other dtypes. */
  part?: ComplexPart;
}

/** Shown elements per view at most: 2048 × 2048 (32 MiB of float64 in memory). */
export const MAX_SHOWN_ELEMENTS = 2048 * 2048;

export interface PlanePlan {
  rowAxis: number | null;
  colAxis: number;
  /** The full index of the view's first element (shown axes at their first shown position). */
  origin: bigint[];
  /** Positions along the row / column axes: start + i·step for i < count. */
  rowStart: number; rowStep: number; rows: number;
  colStart: number; colStep: number; cols: number;
  /** Byte position in the source of element (0, 0), and the distance to the next shown row / column. */
  base: number; rowBytes: number; colBytes: number;
  /** The dtype whose bytes are read per element: the array's own, or the chosen field's. */
  leaf: Dtype;
  /** Name of the chosen field, or null. */
  field: string | null;
  /** The complex part drawn, or null when the values are not complex. */
  part: ComplexPart | null;
  /** For datetime/timedelta: the unit of the int64 counts ("s", "10ms", "" for generic); null otherwise. */
  unit: string | null;
}

function refuse(message: string): never {
  throw new NpyError('bad-shape', message);
}

function shapeText(shape: readonly bigint[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** Why a dtype cannot be drawn as numbers, or null when it can. */
export function notNumericReason(d: Dtype): string | null {
  switch (d.kind) {
    case 'b': case 'i': case 'u': case 'M': case 'm': return null;
    case 'f': return d.itemsize <= 8 ? null : `${d.name} (a platform long double) is not decoded, so it has no numbers to draw.`;
    case 'c': return d.itemsize <= 16 ? null : `${d.name} (a platform long double) is not decoded, so it has no numbers to draw.`;
    case 'S': case 'U': return `The elements are strings (${d.str}), which have no numeric value to draw; the values table lists them.`;
    case 'V': return `The elements are raw bytes (${d.str}) with no numeric meaning to draw; the values table lists them.`;
    case 'O': return 'The elements are Python objects stored as a pickle, which the preview never loads, so there is nothing to draw.';
    case 'struct': return 'a struct';
  }
}

function chooseLeaf(report: NpyReport, dtype: Dtype, field: string | undefined): { leaf: Dtype; offset: number; field: string | null } {
  // An array holding any object field is stored as one pickle: no element has bytes of its own to read.
  if (report.objectData) refuse(notNumericReason({ ...dtype, kind: 'O' })!);
  if (dtype.kind !== 'struct') {
    if (field !== undefined) refuse(`The array is not structured, so it has no field '${field}' to draw.`);
    const why = notNumericReason(dtype);
    if (why) refuse(why);
    return { leaf: dtype, offset: 0, field: null };
  }
  const fields = (dtype.fields ?? []).filter((f) => f.name !== '');
  const drawable = fields.filter((f) => f.shape.length === 0 && notNumericReason(f.dtype) === null);
  if (field === undefined) {
    if (drawable.length === 0) refuse('No field of this struct holds one number (bool, integer, float, complex, datetime or timedelta) per element, so there is nothing to draw.');
    return { leaf: drawable[0].dtype, offset: drawable[0].offset, field: drawable[0].name };
  }
  const f = fields.find((x) => x.name === field);
  const names = drawable.map((x) => x.name).join(', ') || 'none';
  if (!f) refuse(`The struct has no field '${field}'; the fields that can be drawn are: ${names}.`);
  if (f.shape.length > 0) refuse(`Field '${field}' holds a ${shapeText(f.shape.map(BigInt))} subarray per element, not one number; the fields that can be drawn are: ${names}.`);
  const why = notNumericReason(f.dtype);
  if (why === 'a struct') refuse(`Field '${field}' is itself a struct, not one number; the fields that can be drawn are: ${names}.`);
  if (why) refuse(`Field '${field}': ${why}`);
  return { leaf: f.dtype, offset: f.offset, field: f.name };
}

function axisOf(value: number, ndim: number, what: string): number {
  if (!Number.isInteger(value) || value < -ndim || value >= ndim) {
    refuse(`The ${what} axis ${value} does not exist: the array has ${ndim} ${ndim === 1 ? 'axis' : 'axes'} (0 to ${ndim - 1}).`);
  }
  return value < 0 ? value + ndim : value;
}

function whole(value: number, what: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) refuse(`The ${what} must be a whole number of at least ${min}, not ${value}.`);
  return value;
}

/** The smallest stride k at which a rows × cols plane fits in maxRows × maxCols (at least 1). */
export function fitStride(rows: number, cols: number, maxRows: number, maxCols: number): number {
  return Math.max(1, Math.ceil(rows / Math.max(1, maxRows)), Math.ceil(cols / Math.max(1, maxCols)));
}

/** The lengths of the row and column axes a request would show (1 row for a line). */
export function planeExtent(shape: readonly bigint[], rowAxis: number | null, colAxis: number): { rows: bigint; cols: bigint } {
  return { rows: rowAxis === null ? 1n : shape[rowAxis], cols: shape[colAxis] };
}

/** Checks `request` against `report` (one sentence per problem, as NpyError) and resolves every default. */
export function planPlane(report: NpyReport, request: PlaneRequest = {}): PlanePlan {
  const shape = report.shape;
  const ndim = shape.length;
  const dtype = dtypeOfReport(report);
  const { leaf, offset, field } = chooseLeaf(report, dtype, request.field);
  if (ndim === 0) refuse('The array is 0-d (one value), so there is no plane or line to draw; the values table shows it.');
  if (report.elementCount === 0n) refuse(`The array has no elements (shape ${shapeText(shape)}), so there is nothing to draw.`);
  if (report.expectedFileBytes > BigInt(Number.MAX_SAFE_INTEGER)) {
    refuse('The array ends beyond byte 2^53 of the file, which Node cannot address, so it cannot be drawn.');
  }
  const colAxis = axisOf(request.colAxis ?? ndim - 1, ndim, 'column');
  const rowRequest = request.rowAxis === undefined ? (ndim >= 2 ? ndim - 2 : null) : request.rowAxis;
  const rowAxis = rowRequest === null ? null : axisOf(rowRequest, ndim, 'row');
  if (rowAxis === colAxis) refuse(`The row and column axes are both axis ${colAxis}; choose two different axes.`);

  const origin = shape.map((size, k) => {
    if (k === rowAxis || k === colAxis) return 0n;
    const raw = request.index?.[k] ?? 0;
    if (typeof raw === 'number' && !Number.isSafeInteger(raw)) refuse(`The index for axis ${k} must be a whole number, not ${raw}.`);
    const i = BigInt(raw);
    const v = i < 0n ? i + size : i;
    if (v < 0n || v >= size) refuse(`Index ${i} is out of range for axis ${k}, which has size ${formatCount(size)}.`);
    return v;
  });

  const { rows: rowLen, cols: colLen } = planeExtent(shape, rowAxis, colAxis);
  const R = Number(rowLen);
  const C = Number(colLen);
  const view = request.view ?? { mode: 'fit', stride: 1 };
  let rowStart = 0, colStart = 0, step = 1, rows: number, cols: number;
  if (view.mode === 'fit') {
    step = whole(view.stride, 'stride', 1);
    rows = Math.ceil(R / step);
    cols = Math.ceil(C / step);
  } else if (view.mode === 'window') {
    rowStart = whole(view.row0, 'first row', 0);
    colStart = whole(view.col0, 'first column', 0);
    if (rowStart >= R) refuse(`The window starts at row ${rowStart}, but the plane has ${formatCount(R)} row${R === 1 ? '' : 's'}.`);
    if (colStart >= C) refuse(`The window starts at column ${colStart}, but the plane has ${formatCount(C)} column${C === 1 ? '' : 's'}.`);
    // A window reaching past the edge is cut to the plane, as numpy's slicing does.
    rows = Math.min(whole(view.rows, 'number of rows', 1), R - rowStart);
    cols = Math.min(whole(view.cols, 'number of columns', 1), C - colStart);
  } else {
    refuse(`The view mode must be 'fit' or 'window', not ${JSON.stringify((view as { mode: unknown }).mode)}.`);
  }
  if (rows * cols > MAX_SHOWN_ELEMENTS) {
    refuse(`That view would show ${formatCount(rows * cols)} elements; at most ${formatCount(MAX_SHOWN_ELEMENTS)} are drawn at once, so use a larger stride or a smaller window.`);
  }

  // Storage strides in items: C order counts from the last axis, Fortran order from the first.
  const strides = new Array<bigint>(ndim);
  let s = 1n;
  for (let n = 0; n < ndim; n++) {
    const k = report.fortranOrder ? n : ndim - 1 - n;
    strides[k] = s;
    s *= shape[k];
  }
  if (rowAxis !== null) origin[rowAxis] = BigInt(rowStart);
  origin[colAxis] = BigInt(colStart);
  const first = origin.reduce((acc, i, k) => acc + i * strides[k], 0n);
  const itemsize = dtype.itemsize;
  const part = leaf.kind === 'c' ? request.part ?? 'abs' : null;
  if (part !== null && !['abs', 'arg', 'real', 'imag'].includes(part)) refuse(`The complex part must be abs, arg, real or imag, not ${JSON.stringify(part)}.`);
  const unitMatch = leaf.kind === 'M' || leaf.kind === 'm' ? /\[([^\]]*)\]$/.exec(leaf.str) : null;
  return {
    rowAxis, colAxis, origin,
    rowStart, rowStep: step, rows, colStart, colStep: step, cols,
    base: report.dataOffset + Number(first) * itemsize + offset,
    rowBytes: rowAxis === null ? 0 : Number(strides[rowAxis]) * itemsize * step,
    colBytes: Number(strides[colAxis]) * itemsize * step,
    leaf, field, part,
    unit: leaf.kind === 'M' || leaf.kind === 'm' ? unitMatch?.[1] ?? '' : null,
  };
}
