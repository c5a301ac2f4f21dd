// What the preview webview renders. The host computes every string (formatted numbers, localized labels);
// the webview only places them in the DOM, so it never needs the core or a number formatter.

/** Every value cell carries data-key="<one of these>" (tests inside VS Code read them). */
export const VALUE_KEYS = [
  'fileName', 'status', 'statusMessage',
  'dtypeName', 'dtypeDescription', 'descr', 'shape', 'ndim', 'order', 'elementCount',
  'headerBytes', 'dataBytes', 'expectedFileBytes', 'fileBytes', 'allocatedBytes', 'sparseRatio',
  'version', 'dataOffset', 'alignment', 'growthRoom',
] as const;
export type ValueKey = typeof VALUE_KEYS[number];

/** Keys shown in the heading above the tables; the rest live in sections. */
export const SUMMARY_KEYS = ['fileName', 'status', 'statusMessage'] as const;

export type BadgeKind = 'ok' | 'warning' | 'error' | 'info';
export interface Badge { kind: BadgeKind; text: string }

/**
 * A table of the report: one row per key in `keys`. `inline` puts more values into a key's row, after it
 * ("float64 · <f8 · little-endian, 8 bytes" is one row of three values, each still in its own data-key).
 * `collapsed`: format internals, shown closed (a <details>) so the first screen leads with what users ask.
 */
export interface ViewSection {
  id: string;
  title: string;
  keys: ValueKey[];
  inline?: Partial<Record<ValueKey, ValueKey[]>>;
  collapsed?: boolean;
}

export interface FieldRow { name: string; descr: string; offset: string; size: string; shape: string }

/** copy-python opens the file read-only (mmap_mode='r'); copy-python-rw is the writable form ('r+'). */
export type ActionId = 'copy-json' | 'copy-python' | 'copy-python-rw' | 'copy-rust' | 'create-like' | 'resize' | 'fit';
export const ACTION_IDS: readonly ActionId[] = ['copy-json', 'copy-python', 'copy-python-rw', 'copy-rust', 'create-like', 'resize', 'fit'];

export interface PreviewLabels {
  actions: Record<ActionId, string>;
  actionsRegion: string;
  /** The toolbar's Refresh button (reads the file again now) and its tooltip. */
  refresh: string;
  refreshTitle: string;
  fieldsTitle: string;
  fieldColumns: { name: string; descr: string; offset: string; size: string; shape: string };
  headerTitle: string;
}

/** One element in the Values table; texts are numpy's str() of the element. */
export interface ValueRow {
  /** N-d index "[3, 4, 5]" ("()" for a 0-d array). */
  position: string;
  /** C-order flat index, decimal. */
  index: string;
  text: string;
  /** Structured records: one text per field, in fieldNames order. */
  fields?: string[];
  /** Past the end of a truncated file. */
  missing?: boolean;
}

export interface ValuesLabels {
  title: string;
  navigation: string;
  previous: string;
  next: string;
  gotoLabel: string;
  gotoButton: string;
  gotoPlaceholder: string;
  indexColumn: string;
  valueColumn: string;
}

/** One cell of the values grid: numpy's text of the element, its C-order flat index and N-d index. */
export interface GridCell { text: string; index: string; position: string; missing?: boolean }

/** A labelled number box choosing the index on one leading axis (N-D arrays: every axis but the last two). */
export interface GridLeadBox { axis: number; index: string; max: string; label: string }

export interface GridLabels {
  rowsNav: string; colsNav: string;
  prevRows: string; nextRows: string; prevCols: string; nextCols: string;
  /** The group of leading-index boxes, and its button applying them. */
  leadGroup: string; leadApply: string;
  /** The grid's accessible name and its corner cell ("axis 0 ↓ · axis 1 →"). */
  caption: string; corner: string;
  /** Keyboard help for the grid: PageUp/PageDown, Alt+PageUp/Alt+PageDown. */
  keys: string;
}

/**
 * The values of a plane as a grid (arrays of 2 or more dimensions): rows along axis ndim − 2, columns along
 * axis ndim − 1, the other axes at `lead`. Positions are decimal strings (they can pass 2^53).
 */
export interface GridViewModel {
  lead: GridLeadBox[];
  row: string;
  col: string;
  rowHeaders: string[];
  colHeaders: string[];
  cells: GridCell[][];
  /** First row / column of the neighbouring pages, or null at the edge. */
  prevRow: string | null;
  nextRow: string | null;
  prevCol: string | null;
  nextCol: string | null;
  ui: GridLabels;
}

/** The Values section: one page of elements in numpy's C-order flat index (a.flat), whatever the file's order. */
export interface ValuesViewModel {
  /** Flat index of the first row, decimal. */
  start: string;
  /** "Elements 0–19 of 1,000 · 160 bytes read": numpy's 0-based flat indices, like the Index column. */
  summary: string;
  /** Extra line, e.g. that a Fortran-order file is shown in C order. */
  note?: string;
  rows: ValueRow[];
  /** Structured dtypes: the column names; null otherwise. */
  fieldNames: string[] | null;
  /** False for a 0-d array: its one value needs no Previous/Next or "Go to index". */
  paging: boolean;
  /** Flat index of the element "Go to index" jumped to (its row is marked); pages stay aligned to the page size. */
  target?: string;
  /** Start of the previous/next page, or null at either end. */
  prevStart: string | null;
  nextStart: string | null;
  /** Why no values are shown (object arrays, read errors): replaces the table. */
  unavailable?: string;
  /** One sentence refusing the last "Go to index" input. */
  error?: string;
  /** What the index box holds after this render. */
  gotoText: string;
  bytesRead: number;
  ui: ValuesLabels;
  /** 2 or more dimensions: the plane as a grid (rows is then empty and prevStart/nextStart null). */
  grid?: GridViewModel;
}

export interface PreviewViewModel {
  badge: Badge;
  values: Record<ValueKey, string>;
  /** Row labels ("Element count", …) for the keys shown in sections. */
  labels: Record<ValueKey, string>;
  sections: ViewSection[];
  fields: FieldRow[] | null;
  headerText: string;
  /** False for object arrays: a zeroed file cannot hold Python objects. */
  canCreateLike: boolean;
  /** False for object arrays (a pickle has no fixed size per element) and files not on a real disk (virtual file systems). */
  canResize: boolean;
  /** Truncated or trailing bytes, with a growth axis: offer "Fit to the Data on Disk". */
  canFit: boolean;
  ui: PreviewLabels;
  /** The first page of values (or why there are none); absent while not read yet. */
  valuesPage?: ValuesViewModel;
}

export interface ErrorViewModel {
  fileName: string;
  badge: Badge;
  /** One sentence; goes into #error-message. */
  message: string;
}
