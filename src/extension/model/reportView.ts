// NpyReport → the strings the webview shows. Everything a person reads is formatted here, once.
import { ErrorViewModel, PreviewViewModel, ValueKey, Badge, FieldRow, ValuesLabels, ValuesViewModel, ViewSection } from '../../common/viewModel';
import { NpyErrorCode, isNpyError } from '../../core/errors';
import { growthReach } from '../../core/file/inspect';
import { shapeRepr } from '../../core/format/shape';
import { DtypeField, NpyReport } from '../../core/types';
import { formatBytes, formatCount } from '../../core/units';
import { parseIndex } from '../../core/values/elementIndex';
import { ValuesPage } from '../../core/values/pages';
import { Translate } from './translate';

/** "64 GiB (68,719,476,736 bytes)"; small sizes are exact already ("128 B"). */
export function bytesWithExact(n: bigint | number, t: Translate): string {
  const short = formatBytes(n);
  return BigInt(n) < 1024n ? short : t('{0} ({1} bytes)', short, formatCount(n));
}

export function statusBadge(r: Pick<NpyReport, 'status' | 'statusBytes' | 'objectData'>, t: Translate): Badge {
  if (r.objectData) return { kind: 'info', text: t('object data never loaded') };
  switch (r.status) {
    case 'ok': return { kind: 'ok', text: t('valid') };
    case 'truncated':
      return { kind: 'error', text: r.statusBytes === 1n ? t('truncated by 1 byte') : t('truncated by {0} bytes', formatCount(r.statusBytes)) };
    case 'trailing-bytes':
      return { kind: 'warning', text: r.statusBytes === 1n ? t('1 trailing byte') : t('{0} trailing bytes', formatCount(r.statusBytes)) };
  }
}

/** How much of the file's logical size is backed by disk blocks. */
export function sparseRatio(fileBytes: bigint, allocatedBytes: bigint | null, t: Translate): string {
  if (allocatedBytes === null) return t('unknown (the file system does not say)');
  if (fileBytes === 0n) return t('empty file');
  if (allocatedBytes >= fileBytes) return t('not sparse: fully allocated');
  if (allocatedBytes === 0n) return t('fully sparse: no blocks allocated');
  const pct = (Number(allocatedBytes) / Number(fileBytes)) * 100;
  const shown = pct < 0.01 ? '< 0.01' : pct >= 10 ? pct.toFixed(0) : pct.toPrecision(2);
  return t('sparse: {0} % allocated', shown);
}

/** Sparseness means something only when fewer bytes are allocated than the file holds. */
export function isSparse(fileBytes: bigint, allocatedBytes: bigint | null): boolean {
  return allocatedBytes !== null && allocatedBytes < fileBytes;
}

function alignmentText(a: NpyReport['alignment'], t: Translate): string {
  return a === 'other' ? t('not aligned to 16 bytes') : t('{0} bytes', a);
}

/** What one step along the growth axis adds, in words: rows of a C-order matrix, columns of a Fortran one. */
function growthUnit(r: Pick<NpyReport, 'shape' | 'fortranOrder'>, t: Translate): string {
  if (r.shape.length === 1) return t('elements');
  if (!r.fortranOrder) return t('rows');
  return r.shape.length === 2 ? t('columns') : t('entries');
}

/** "axis 0 can grow in place to 10^21 rows": the largest length the header's spare room can spell. */
export function growthText(r: NpyReport, t: Translate): string {
  const reach = growthReach(r);
  if (reach === null || r.growthAxis === null) return t('none (0-d array)');
  const unit = growthUnit(r, t);
  if (reach.unlimited) return t('axis {0} can grow in place to any length numpy allows', r.growthAxis);
  // Up to 10^digits − 1; written as a power of ten once the number stops being readable.
  const most = reach.digits > 6 ? t('10^{0} − 1', reach.digits) : formatCount(10n ** BigInt(reach.digits) - 1n);
  return t('axis {0} can grow in place up to {1} {2} ({3} spare header bytes)', r.growthAxis, most, unit, r.growthRoom);
}

/** "128 bytes (118 of them header text)": everything before the data, the same wording as the CLI. */
export function headerSizeText(r: Pick<NpyReport, 'dataOffset' | 'headerLength'>, t: Translate): string {
  return t('{0} bytes ({1} of them header text)', formatCount(r.dataOffset), formatCount(r.headerLength));
}

/**
 * numpy's repr names, not bit counts: "S24" (numpy's name is "bytes192"), "U40" ("str1280"), "V16" ("void128");
 * a struct is named by what it is. Plain types keep numpy's name ("float64").
 */
export function dtypeDisplayName(r: Pick<NpyReport, 'dtypeName' | 'descr' | 'fields' | 'itemsize'>, t: Translate): string {
  if (r.fields) {
    return r.fields.length === 1 ? t('struct of 1 field, {0} bytes', formatCount(r.itemsize))
      : t('struct of {0} fields, {1} bytes', r.fields.length, formatCount(r.itemsize));
  }
  const flexible = /^[<>|=]?([SUV]\d+)$/.exec(r.descr);
  return flexible ? flexible[1] : r.dtypeName;
}

/** The plain words after the name, without repeating it ("float64, little-endian, 8 bytes" → "little-endian, 8 bytes"). */
export function dtypeWords(r: Pick<NpyReport, 'dtypeName' | 'dtypeDescription' | 'fields' | 'descr'>, t: Translate): string {
  if (r.fields) return '';
  const u = /^[<>|=]?U(\d+)$/.exec(r.descr);
  if (u) return t('unicode, {0} characters, {1}', formatCount(BigInt(u[1])), byteOrderWords(r.descr, t));
  const s = /^[<>|=]?S(\d+)$/.exec(r.descr);
  if (s) return t('bytes, {0} characters', formatCount(BigInt(s[1])));
  const prefix = `${r.dtypeName}, `;
  return r.dtypeDescription.startsWith(prefix) ? r.dtypeDescription.slice(prefix.length) : r.dtypeDescription;
}

function byteOrderWords(descr: string, t: Translate): string {
  const n = Number(/\d+/.exec(descr)?.[0] ?? '0') * 4;
  return descr.startsWith('>') ? t('big-endian, {0} bytes', formatCount(n)) : t('little-endian, {0} bytes', formatCount(n));
}

export function fieldRows(fields: readonly DtypeField[], t: Translate): FieldRow[] {
  return fields.map((f) => ({
    name: f.name === '' ? t('(padding)') : f.title ? `${f.name} (${f.title})` : f.name,
    descr: f.descr,
    offset: formatCount(f.offset),
    size: formatBytes(f.size),
    shape: f.shape.length === 0 ? '—' : shapeRepr(f.shape.map((d) => BigInt(d))),
  }));
}

export function reportLabels(t: Translate): Record<ValueKey, string> {
  return {
    fileName: t('File'), status: t('Status'), statusMessage: t('Details'),
    dtypeName: t('dtype'), dtypeDescription: t('In words'), descr: t('descr'), shape: t('Shape'), ndim: t('Dimensions'),
    order: t('Order'), elementCount: t('Elements'),
    headerBytes: t('Header'), dataBytes: t('Data (logical size)'), expectedFileBytes: t('Expected file size'),
    fileBytes: t('File size'), allocatedBytes: t('On disk'), sparseRatio: t('Sparse ratio'),
    version: t('Format version'), dataOffset: t('Data offset'), alignment: t('Alignment'), growthRoom: t('Growth room'),
  };
}

export interface ReportViewOptions {
  /** The file is on a real disk (file: scheme), where the core can resize it in place. */
  resizable?: boolean;
  /** The name to show: the URI path's last segment (the core's path-based name differs for a "back\slash.npy" on Windows). */
  fileName?: string;
}

/**
 * The first screen leads with what a user asks first: the heading (name, status), then one compact summary
 * (dtype, shape, elements, logical size, file size, on disk). Format internals sit in a closed "Format"
 * section after the values. (The data view of issue 11 goes between the summary and the Values.)
 */
export function reportToViewModel(r: NpyReport, t: Translate, opts: ReportViewOptions = {}): PreviewViewModel {
  const badge = statusBadge(r, t);
  const ndim = r.shape.length;
  const values: Record<ValueKey, string> = {
    fileName: opts.fileName ?? r.fileName,
    status: badge.text,
    statusMessage: r.statusMessage,
    dtypeName: dtypeDisplayName(r, t),
    dtypeDescription: dtypeWords(r, t),
    descr: r.descr,
    shape: shapeRepr(r.shape),
    ndim: ndim === 0 ? t('0-d (one element)') : t('{0}-D', ndim),
    order: r.fortranOrder ? t('Fortran (column-major)') : t('C (row-major)'),
    elementCount: formatCount(r.elementCount),
    headerBytes: headerSizeText(r, t),
    dataBytes: r.objectData ? t('{0}, a pickle (never read)', bytesWithExact(r.dataBytes, t)) : bytesWithExact(r.dataBytes, t),
    expectedFileBytes: bytesWithExact(r.expectedFileBytes, t),
    fileBytes: bytesWithExact(r.fileBytes, t),
    allocatedBytes: r.allocatedBytes === null ? t('unknown (the file system does not say)') : bytesWithExact(r.allocatedBytes, t),
    sparseRatio: sparseRatio(r.fileBytes, r.allocatedBytes, t),
    version: r.version,
    dataOffset: t('data starts at byte {0}', formatCount(r.dataOffset)),
    alignment: alignmentText(r.alignment, t),
    growthRoom: r.objectData ? '' : growthText(r, t),
  };
  // A shape only dims can tell apart (the 1-element 0-d, 1-D, 2-D …) gets its number of dimensions inline.
  const overview: ViewSection = {
    id: 'overview', title: t('Summary'),
    keys: ['dtypeName', 'shape', 'elementCount', 'dataBytes', 'fileBytes', 'allocatedBytes'],
    inline: {
      dtypeName: ['descr', 'dtypeDescription'],
      shape: ['ndim', 'order'],
      allocatedBytes: isSparse(r.fileBytes, r.allocatedBytes) ? ['sparseRatio'] : [],
    },
  };
  const format: ViewSection = {
    id: 'format', title: t('Format'), collapsed: true,
    keys: ['version', 'headerBytes', 'alignment', 'expectedFileBytes', ...(r.objectData ? [] : ['growthRoom' as const])],
    inline: { headerBytes: ['dataOffset'] },
  };
  return {
    badge, values, labels: reportLabels(t),
    sections: [overview, format],
    fields: r.fields ? fieldRows(r.fields, t) : null,
    headerText: r.headerText,
    canCreateLike: !r.objectData,
    canResize: opts.resizable === true && !r.objectData,
    canFit: opts.resizable === true && !r.objectData && r.status !== 'ok' && r.growthAxis !== null,
    ui: {
      actions: {
        'copy-json': t('Copy Report as JSON'), 'copy-python': t('Copy Python Snippet'),
        'copy-python-rw': t('Copy Python Snippet (Writable)'), 'copy-rust': t('Copy Rust Snippet'),
        'create-like': t('Create Zeroed .npy Like This…'), resize: t('Resize…'), fit: t('Fit to the Data on Disk'),
      },
      actionsRegion: t('Actions'),
      refresh: t('Refresh'), refreshTitle: t('Read the file again now'),
      fieldsTitle: t('Fields'),
      fieldColumns: { name: t('Name'), descr: t('descr'), offset: t('Offset (bytes)'), size: t('Size'), shape: t('Subarray shape') },
      headerTitle: t('Raw header'),
    },
  };
}

/** The "Go to index" hint names what to type: "index" for 1-D, "flat index or i, j" for 2-D, and so on. */
export function gotoPlaceholder(ndim: number, t: Translate): string {
  if (ndim <= 1) return t('index');
  const letters = ['i', 'j', 'k', 'l', 'm', 'n'];
  return t('flat index or {0}', ndim <= letters.length ? letters.slice(0, ndim).join(', ') : 'i, j, k, …');
}

export function valuesLabels(t: Translate, ndim = 1): ValuesLabels {
  return {
    title: t('Values'), navigation: t('Pages of values'), previous: t('Previous'), next: t('Next'),
    gotoLabel: t('Go to index'), gotoButton: t('Go'), gotoPlaceholder: gotoPlaceholder(ndim, t),
    indexColumn: t('Index'), valueColumn: t('Value'),
  };
}

export interface ValuesContext {
  /** Elements per page (the zeroedNpy.valuesPerPage setting). */
  pageSize: number;
  /** A refused "Go to index" and what was typed. */
  error?: string;
  gotoText?: string;
  /** The element a successful "Go to index" asked for (its row is marked). */
  target?: bigint;
}

/** The page holding `index`: pages start at multiples of the page size, so Previous/Next and "go to -1" agree. */
export function pageStartOf(index: bigint, pageSize: number): bigint {
  const step = BigInt(Math.max(1, pageSize));
  return index < 0n ? 0n : (index / step) * step;
}

/**
 * Where Previous/Next (a start) or "Go to index" (the text as typed) lands, shared by the .npy and .npz previews:
 * the page holding the element, aligned to the page size, its row marked and the text kept; a refused text keeps
 * the page shown (`current`) with the sentence and the text to correct; past the end, the last page.
 */
export function valuesTarget(request: { start: bigint } | { goto: string }, r: Pick<NpyReport, 'shape' | 'elementCount'>, pageSize: number, current: bigint):
{ start: bigint; extra: { error?: string; gotoText?: string; target?: bigint } } {
  let start: bigint;
  let extra: { error?: string; gotoText?: string; target?: bigint } = {};
  if ('goto' in request) {
    try {
      const target = parseIndex(request.goto, r.shape);
      start = pageStartOf(target, pageSize);
      extra = { gotoText: request.goto, target };
    } catch (e) {
      start = current;
      extra = { error: errorSentence(e), gotoText: request.goto };
    }
  } else {
    start = pageStartOf(request.start, pageSize);
  }
  if (r.elementCount > 0n && start >= r.elementCount) start = pageStartOf(r.elementCount - 1n, pageSize);
  return { start, extra };
}

/**
 * A page the core read → the Values section: numpy's texts, the N-d index of each row, paging targets. Counting
 * is numpy's, from 0, in the summary as in the Index column ("Elements 100–119 of 8,589,934,592").
 */
export function valuesToViewModel(r: Pick<NpyReport, 'elementCount' | 'fortranOrder' | 'shape' | 'fields'>, page: ValuesPage, c: ValuesContext, t: Translate): ValuesViewModel {
  const total = r.elementCount;
  const n = page.items.length;
  const fieldNames = page.items.find((i) => i.fields)?.fields?.map((f) => f.name) ?? null;
  const last = page.start + BigInt(n);
  const read = page.bytesRead === 1 ? t('1 byte read') : t('{0} bytes read', formatCount(page.bytesRead));
  const summary = total === 0n ? t('The array has no elements.')
    : r.shape.length === 0 ? t('The only element (a 0-d array) · {0}', read)
      : n === 1 ? t('Element {0} of {1} · {2}', formatCount(page.start), formatCount(total), read)
        : t('Elements {0}–{1} of {2} · {3}', formatCount(page.start), formatCount(last - 1n), formatCount(total), read);
  const model: ValuesViewModel = {
    start: page.start.toString(),
    summary,
    rows: page.items.map((i) => ({
      position: i.position, index: i.index.toString(), text: i.text,
      ...(i.fields ? { fields: i.fields.map((f) => f.text) } : {}),
      ...(i.missing ? { missing: true } : {}),
    })),
    fieldNames,
    paging: r.shape.length > 0,
    prevStart: page.start > 0n ? pageStartOf(page.start - 1n, c.pageSize).toString() : null,
    nextStart: last < total ? last.toString() : null,
    gotoText: c.gotoText ?? '',
    bytesRead: page.bytesRead,
    ui: valuesLabels(t, r.shape.length),
  };
  if (c.target !== undefined) model.target = c.target.toString();
  if (r.fortranOrder && r.shape.length > 1) model.note = t('Listed in C order (numpy\'s a.flat) although the file stores them in Fortran order.');
  if (c.error) model.error = c.error;
  return model;
}

/** No values to show (object arrays, unreadable data): one sentence instead of the table. */
export function valuesUnavailable(sentence: string, t: Translate): ValuesViewModel {
  return {
    start: '0', summary: '', rows: [], fieldNames: null, paging: false, prevStart: null, nextStart: null, unavailable: sentence,
    gotoText: '', bytesRead: 0, ui: valuesLabels(t),
  };
}

const FORMAT_CODES: ReadonlySet<NpyErrorCode> = new Set<NpyErrorCode>([
  'not-npy', 'bad-version', 'bad-header', 'bad-literal', 'bad-dtype', 'object-dtype', 'header-too-large', 'bad-shape',
  'too-large-numpy',
]);

/** The error page: a badge saying what kind of failure, and the core's (or our) one sentence. */
export function errorToViewModel(fileName: string, e: unknown, t: Translate): ErrorViewModel {
  // The preview was opened on a file that existed: gone now means deleted or moved, not a mistyped path.
  if (isNpyError(e) && e.errno === 'ENOENT') {
    return { fileName, badge: { kind: 'error', text: t('file gone') }, message: t('{0} was deleted or moved; the preview shows it again if it comes back.', fileName) };
  }
  const message = errorSentence(e);
  if (isNpyError(e) && FORMAT_CODES.has(e.code)) return { fileName, badge: { kind: 'error', text: t('not an .npy file') }, message };
  return { fileName, badge: { kind: 'error', text: t('cannot read') }, message };
}

/** One sentence from anything thrown; never a stack trace. */
export function errorSentence(e: unknown): string {
  if (e instanceof Error) return e.message.split('\n')[0] || e.name;
  return String(e);
}

/** The page shown, as the test API reports it (numbers as decimal strings where they can exceed 2^53). */
export interface ValuesSnapshot {
  start: string;
  items: string[];
  bytesRead: number;
  /** The refused "Go to index" sentence, if the last one was refused. */
  error?: string;
  /** Why no values are shown (object arrays, read errors). */
  unavailable?: string;
  /** What the "Go to index" box holds, and the element a successful jump marked. */
  gotoText: string;
  target?: string;
  /** What the page says besides its summary (a compressed .npz member: how much was inflated to reach it). */
  note?: string;
  /** 2 or more dimensions: the grid shown (items then holds its cells row by row). */
  grid?: { lead: string[]; row: string; col: string; rowHeaders: string[]; colHeaders: string[]; cells: string[][] };
}

/** The Values page as the test API reports it (the .npy and .npz previews alike). */
export function valuesSnapshot(v: ValuesViewModel): ValuesSnapshot {
  const g = v.grid;
  const cells = g?.cells.map((line) => line.map((c) => c.text));
  return {
    start: v.start, items: cells ? cells.flat() : v.rows.map((r) => r.text), bytesRead: v.bytesRead, gotoText: v.gotoText,
    ...(g && cells ? { grid: { lead: g.lead.map((b) => b.index), row: g.row, col: g.col, rowHeaders: g.rowHeaders, colHeaders: g.colHeaders, cells } } : {}),
    ...(v.target !== undefined ? { target: v.target } : {}), ...(v.note !== undefined ? { note: v.note } : {}),
    ...(v.error !== undefined ? { error: v.error } : {}), ...(v.unavailable !== undefined ? { unavailable: v.unavailable } : {}),
  };
}
