// The data view's part of the preview protocol (issue 11): the webview asks for a plane or line of the array
// sized to its canvas, the host reads only those elements and answers with rows as they arrive, then the
// statistics. Every request carries an id; the webview ignores answers to older ids (a newer request also
// aborts the older read on the host).
import type { WindowStats } from '../core/values/stats';

/** What the webview needs to build the controls; posted after each report. */
export interface ViewSetup {
  /** Axis lengths, decimal (they can exceed 2^53). */
  shape: string[];
  /** Fields that hold one number per element (structured dtypes); empty otherwise. */
  fields: string[];
  complex: boolean;
  /** numpy's kind letter of the numbers drawn ('u' uint8 images are 0–255, 'f' ones 0–1). */
  kind: string;
  /** (…, H, W, 3|4) uint8 (or float) arrays are drawn as RGB(A) by default (floats only while the shown values lie in [0, 1]). */
  image: boolean;
  /** Why the array has no numeric view (strings, objects, 0-d, empty, not a local file): replaces the view. */
  unavailable?: string;
  /** The "Whole array" statistics, when offered: what a run reads ("Reads 1 TiB — all of the array's data."). */
  whole?: { reads: string };
  ui: ViewLabels;
}

export interface ViewLabels {
  title: string;
  rowAxis: string;
  colAxis: string;
  lineAxis: string;
  none: string;
  axis: string;
  index: string;
  colormap: string;
  range: string;
  rangeAuto: string;
  rangeRobust: string;
  rangeTyped: string;
  low: string;
  high: string;
  zoom: string;
  fit: string;
  oneToOne: string;
  field: string;
  part: string;
  layout: string;
  layoutHeatmap: string;
  layoutRgb: string;
  layoutChw: string;
  table: string;
  canvas: string;
  nan: string;
  inf: string;
  reading: string;
  /** Why a float image is drawn as a heatmap: {0} and {1} are the smallest and largest shown value (NaN aside). */
  imageOutOfRange: string;
  /** "Whole array" statistics: the button, Start / Cancel, and why an old result was cleared. */
  wholeOpen: string;
  wholeStart: string;
  wholeCancel: string;
  wholeProgress: string;
  wholeStaleFile: string;
  wholeStaleChoice: string;
}

export interface ViewRequest {
  type: 'view-request';
  id: number;
  /** null: a line along colAxis. */
  rowAxis: number | null;
  colAxis: number;
  /** One index per axis, decimal; the shown axes' entries are ignored. */
  index: string[];
  mode: 'fit' | 'window';
  /** 1:1: the first shown row and column. */
  row0: number;
  col0: number;
  /** The canvas size in pixels: fit picks the stride, 1:1 the window. */
  width: number;
  height: number;
  field?: string;
  part?: 'abs' | 'arg' | 'real' | 'imag';
  /** Images: the axis of the 3 or 4 colour channels; the same plane is read once per channel. */
  channelAxis?: number;
}

/** The layout of a view, known before any element is read. */
export interface ViewStart {
  type: 'view-start';
  id: number;
  rows: number;
  cols: number;
  /** Positions along the row/column axis of the first shown row/column, and the step between shown ones. */
  rowStart: number;
  colStart: number;
  step: number;
  /** Length of the row and column axes (the whole plane). */
  planeRows: number;
  planeCols: number;
  /** The full index of element (0, 0), decimal. */
  origin: string[];
  rowAxis: number | null;
  colAxis: number;
  /** "every 32nd row and column", "rows 0–511, columns 0–511", … */
  label: string;
  /** Images: the number of channels read (1 otherwise). */
  channels: number;
}

export interface ViewRows {
  type: 'view-rows';
  id: number;
  /** Images: which channel these rows belong to (0 otherwise). */
  channel: number;
  firstRow: number;
  rowCount: number;
  /** rowCount × cols numbers, row-major. */
  values: Float64Array;
}

/** The core's statistics of the shown elements, as posted (the finite count stays on the host). */
export type ViewStats = Omit<WindowStats, 'finite'>;

export interface ViewDone {
  type: 'view-done';
  id: number;
  stats: ViewStats;
  /** Smallest and largest finite shown value; null when none is finite. */
  finite: { low: number; high: number } | null;
  /** 1st and 99th percentile of the finite shown values; null when none is finite. */
  robust: { low: number; high: number } | null;
  /** "min … max … mean … std … NaN … of the N shown elements" */
  statsText: string;
  /** Extra sentence: rounded int64 values, elements past the end of a truncated file. */
  note?: string;
  bytesRead: number;
}

export type ViewHostMessage =
  | { type: 'view-setup'; setup: ViewSetup }
  | ViewStart
  | ViewRows
  | ViewDone
  /** A request refused or failed: one sentence. */
  | { type: 'view-error'; id: number; message: string }
  /** The element under the cursor as numpy prints it (answer to view-element). */
  | { type: 'view-element-text'; index: string[]; text: string }
  | WholeHostMessage;

/**
 * "Whole array" statistics: after the user saw what it reads (ViewSetup.whole) and pressed Start, the host
 * streams progress (a few times a second at most), then the result line, or one sentence (failure or cancel).
 * Messages carry the run's id; the webview drops those of other runs.
 */
export type WholeHostMessage =
  | { type: 'view-whole-progress'; id: number; bytesRead: number; totalBytes: number; text: string }
  | { type: 'view-whole-done'; id: number; stats: ViewStats; text: string }
  | { type: 'view-whole-error'; id: number; message: string };

export type WholeRequest =
  | { type: 'view-whole-start'; id: number; field?: string; part?: ViewRequest['part'] }
  | { type: 'view-whole-cancel'; id: number };

/** Checks a whole-array request from the webview (the host re-checks field and part against the report). */
export function isWholeRequest(m: unknown): m is WholeRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as { type?: unknown; id?: unknown; field?: unknown; part?: unknown };
  if (!whole(r.id, Number.MAX_SAFE_INTEGER)) return false;
  if (r.type === 'view-whole-cancel') return true;
  return r.type === 'view-whole-start' && (r.field === undefined || (typeof r.field === 'string' && r.field.length <= 1000))
    && (r.part === undefined || PARTS.includes(r.part as string));
}

/** The webview asks for the exact text of the element under the cursor (the canvas holds float64 approximations). */
export interface ElementRequest { type: 'view-element'; index: string[] }

/** Checks a view-element request (the host re-checks the index against the shape). */
export function isElementRequest(m: unknown): m is ElementRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Partial<Record<keyof ElementRequest, unknown>>;
  return r.type === 'view-element' && Array.isArray(r.index) && r.index.length <= MAX_AXES_ELEMENT
    && r.index.every((i) => typeof i === 'string' && /^\d{1,20}$/.test(i));
}

const MAX_AXES_ELEMENT = 64;

const PARTS = ['abs', 'arg', 'real', 'imag'];
const MAX_AXES = 64;
const MAX_PIXELS = 4096;

function whole(v: unknown, max: number): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= max;
}

/** Checks a view-request from the webview (the host re-checks everything against the report). */
export function isViewRequest(m: unknown): m is ViewRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Partial<Record<keyof ViewRequest, unknown>>;
  return r.type === 'view-request' && whole(r.id, Number.MAX_SAFE_INTEGER)
    && (r.rowAxis === null || whole(r.rowAxis, MAX_AXES)) && whole(r.colAxis, MAX_AXES)
    && Array.isArray(r.index) && r.index.length <= MAX_AXES && r.index.every((i) => typeof i === 'string' && /^-?\d{1,20}$/.test(i))
    && (r.mode === 'fit' || r.mode === 'window') && whole(r.row0, Number.MAX_SAFE_INTEGER) && whole(r.col0, Number.MAX_SAFE_INTEGER)
    && whole(r.width, MAX_PIXELS) && whole(r.height, MAX_PIXELS) && (r.width as number) > 0 && (r.height as number) > 0
    && (r.field === undefined || (typeof r.field === 'string' && r.field.length <= 1000))
    && (r.part === undefined || PARTS.includes(r.part as string))
    && (r.channelAxis === undefined || whole(r.channelAxis, MAX_AXES));
}
