// The Values section of an array of 2 or more dimensions: a grid of the plane of the last two axes, the other
// axes at chosen indices. Where a request (Previous/Next rows or columns, the leading-index boxes, "Go to index")
// lands, and the strings the webview shows. Pages are 16 rows × 8 columns, aligned to multiples of that size, so
// paging and jumps agree (like the list's pages, reportView.ts).
import { GridLabels, ValuesViewModel } from '../../common/viewModel';
import { NpyReport } from '../../core/types';
import { formatCount } from '../../core/units';
import { parseIndex, unravelIndex } from '../../core/values/elementIndex';
import { GridPage } from '../../core/values/grid';
import { errorSentence, pageStartOf, valuesLabels } from './reportView';
import { Translate } from './translate';

/** Rows and columns per grid page: fits beside the picture at 1400 px for short numbers, scrolls sideways otherwise. */
export const GRID_ROWS = 16;
export const GRID_COLS = 8;

export interface GridPosition {
  /** One index per leading axis (all but the last two). */
  lead: bigint[];
  row: bigint;
  col: bigint;
}

export type GridRequest =
  | { start: bigint }
  | { goto: string }
  /** Lead as typed in the boxes (numpy negatives allowed); row and column as the paging buttons post them. */
  | { lead: readonly string[]; row: bigint; col: bigint };

export interface GridExtra { error?: string; gotoText?: string; target?: bigint }

type Shape = Pick<NpyReport, 'shape' | 'elementCount'>;

export function hasGrid(r: Pick<NpyReport, 'shape'>): boolean {
  return r.shape.length >= 2;
}

/** The top-left page of the first plane. */
export function gridOrigin(r: Pick<NpyReport, 'shape'>): GridPosition {
  return { lead: r.shape.slice(0, -2).map(() => 0n), row: 0n, col: 0n };
}

/**
 * A position moved inside the array (a re-read after the file changed may have shrunk it): each leading index at
 * most its axis's last, row and column on the last page that exists; a different number of axes starts over.
 */
export function clampGrid(p: GridPosition, r: Pick<NpyReport, 'shape'>): GridPosition {
  const n = r.shape.length;
  if (p.lead.length !== n - 2) return gridOrigin(r);
  const last = (v: bigint, size: bigint) => (size === 0n ? 0n : v < size ? v : size - 1n);
  return {
    lead: p.lead.map((v, k) => last(v, r.shape[k])),
    row: pageStartOf(last(p.row, r.shape[n - 2]), GRID_ROWS),
    col: pageStartOf(last(p.col, r.shape[n - 1]), GRID_COLS),
  };
}

/** The page holding an N-d index. */
function pageOf(idx: readonly bigint[]): GridPosition {
  const n = idx.length;
  return { lead: idx.slice(0, n - 2), row: pageStartOf(idx[n - 2], GRID_ROWS), col: pageStartOf(idx[n - 1], GRID_COLS) };
}

/** A leading index as typed in its box: a whole number, negatives counting from the end as in numpy. */
function leadIndex(text: string, axis: number, size: bigint): bigint {
  const s = text.trim();
  if (!/^[+-]?\d{1,20}$/.test(s)) throw new Error(`'${s.length > 20 ? s.slice(0, 20) + '…' : s}' is not a whole number; enter an index for axis ${axis}.`);
  const n = BigInt(s);
  const v = n < 0n ? n + size : n;
  if (v < 0n || v >= size) throw new Error(`Index ${n} is out of range for axis ${axis}, which has size ${formatCount(size)}.`);
  return v;
}

/**
 * Where a request lands: "Go to index" (flat or N-d) shows the page holding that element, marked, its text kept;
 * a flat start (the test API's Previous/Next) the page holding it; the boxes and paging buttons their position.
 * A refused input keeps `current` with one sentence and the text to correct.
 */
export function gridTarget(request: GridRequest, r: Shape, current: GridPosition): { pos: GridPosition; extra: GridExtra } {
  try {
    if ('goto' in request) {
      const target = parseIndex(request.goto, r.shape);
      return { pos: pageOf(unravelIndex(target, r.shape)), extra: { gotoText: request.goto, target } };
    }
    if ('start' in request) {
      const flat = r.elementCount > 0n && request.start >= r.elementCount ? r.elementCount - 1n : request.start;
      return { pos: pageOf(unravelIndex(flat, r.shape)), extra: {} };
    }
    const n = r.shape.length;
    if (request.lead.length !== n - 2) throw new Error(`Enter ${n - 2} leading index${n - 2 === 1 ? '' : 'es'}.`);
    const lead = request.lead.map((text, k) => leadIndex(text, k, r.shape[k]));
    return { pos: clampGrid({ lead, row: request.row, col: request.col }, r), extra: {} };
  } catch (e) {
    return { pos: current, extra: { error: errorSentence(e), ...('goto' in request ? { gotoText: request.goto } : {}) } };
  }
}

export function gridLabels(ndim: number, t: Translate): GridLabels {
  return {
    rowsNav: t('Rows'), colsNav: t('Columns'),
    prevRows: t('Previous {0} rows', GRID_ROWS), nextRows: t('Next {0} rows', GRID_ROWS),
    prevCols: t('Previous {0} columns', GRID_COLS), nextCols: t('Next {0} columns', GRID_COLS),
    leadGroup: t('Plane shown (index on each leading axis)'), leadApply: t('Show Plane'),
    caption: t('Values of the plane: rows along axis {0}, columns along axis {1}', ndim - 2, ndim - 1),
    corner: t('{0} ↓ {1} →', `ax${ndim - 2}`, `ax${ndim - 1}`),
    keys: t('PageUp/PageDown: rows · Alt+PageUp/Alt+PageDown: columns'),
  };
}

/** "[3, :, :]": the plane shown, in numpy's slicing. */
export function planeText(lead: readonly bigint[]): string {
  return `[${[...lead.map(String), ':', ':'].join(', ')}]`;
}

/**
 * A grid the core read → the Values section: numpy's texts in rows × columns, the row and column indices as
 * headers, the neighbouring pages, the leading-index boxes, and one summary line saying what is shown.
 */
export function gridToViewModel(r: Pick<NpyReport, 'shape' | 'elementCount'>, page: GridPage, extra: GridExtra, t: Translate): ValuesViewModel {
  const n = r.shape.length;
  const rows = page.cells.length;
  const cols = rows > 0 ? page.cells[0].length : 0;
  const read = page.bytesRead === 1 ? t('1 byte read') : t('{0} bytes read', formatCount(page.bytesRead));
  const span = (first: bigint, count: number, total: bigint) => (count === 1 ? t('{0} of {1}', formatCount(first), formatCount(total))
    : t('{0}–{1} of {2}', formatCount(first), formatCount(first + BigInt(count - 1)), formatCount(total)));
  const where = t('rows {0} × columns {1}', span(page.row, rows, page.planeRows), span(page.col, cols, page.planeCols));
  const summary = r.elementCount === 0n ? t('The array has no elements.')
    : n > 2 ? t('Plane {0}: {1} · {2}', planeText(page.lead), where, read)
      : t('{0} · {1}', where.charAt(0).toUpperCase() + where.slice(1), read);
  // Pages are aligned to the page size, so the previous one starts a page before and the next one a page after.
  const prev = (from: bigint, size: number) => (from > 0n ? pageStartOf(from - 1n, size).toString() : null);
  const next = (from: bigint, size: number, total: bigint) => (from + BigInt(size) < total ? (from + BigInt(size)).toString() : null);
  const model: ValuesViewModel = {
    start: page.cells[0]?.[0]?.index.toString() ?? '0',
    summary,
    rows: [],
    fieldNames: null,
    paging: true,
    prevStart: null,
    nextStart: null,
    gotoText: extra.gotoText ?? '',
    bytesRead: page.bytesRead,
    ui: valuesLabels(t, n),
    grid: {
      lead: page.lead.map((v, k) => ({
        axis: k, index: v.toString(), max: (r.shape[k] - 1n).toString(),
        label: t('Index on axis {0} (0–{1})', k, formatCount(r.shape[k] - 1n)),
      })),
      row: page.row.toString(),
      col: page.col.toString(),
      rowHeaders: Array.from({ length: rows }, (_, i) => (page.row + BigInt(i)).toString()),
      colHeaders: Array.from({ length: cols }, (_, j) => (page.col + BigInt(j)).toString()),
      cells: page.cells.map((line) => line.map((c) => ({
        text: c.text, index: c.index.toString(), position: c.position, ...(c.missing ? { missing: true } : {}),
      }))),
      prevRow: prev(page.row, GRID_ROWS),
      nextRow: next(page.row, GRID_ROWS, page.planeRows),
      prevCol: prev(page.col, GRID_COLS),
      nextCol: next(page.col, GRID_COLS, page.planeCols),
      ui: gridLabels(n, t),
    },
  };
  if (extra.target !== undefined) model.target = extra.target.toString();
  if (extra.error) model.error = extra.error;
  return model;
}
