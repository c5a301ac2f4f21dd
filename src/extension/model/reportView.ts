// NpyReport → the strings the webview shows. Everything a person reads is formatted here, once.
import { ErrorViewModel, PreviewViewModel, ValueKey, Badge, FieldRow, ValuesLabels, ValuesViewModel } from '../../common/viewModel';
import { NpyErrorCode, isNpyError } from '../../core/errors';
import { growthReach } from '../../core/file/inspect';
import { shapeRepr } from '../../core/format/shape';
import { DtypeField, NpyReport } from '../../core/types';
import { formatBytes, formatCount } from '../../core/units';
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

function alignmentText(a: NpyReport['alignment'], t: Translate): string {
  return a === 'other' ? t('not aligned to 16 bytes') : t('{0} bytes', a);
}

function growthText(r: NpyReport, t: Translate): string {
  const reach = growthReach(r);
  if (reach === null || r.growthAxis === null) return t('none (0-d array)');
  return reach.unlimited
    ? t('axis {0} can grow in place to any size numpy allows ({1} spare header bytes)', r.growthAxis, r.growthRoom)
    : t('axis {0} can grow in place up to {1} ({2} spare header bytes)', r.growthAxis, formatCount(10n ** BigInt(reach.digits) - 1n), r.growthRoom);
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
    headerBytes: t('Header'), dataBytes: t('Data (logical)'), expectedFileBytes: t('Expected file size'),
    fileBytes: t('Actual file size'), allocatedBytes: t('Allocated on disk'), sparseRatio: t('Sparse ratio'),
    version: t('Format version'), dataOffset: t('Data offset'), alignment: t('Alignment'), growthRoom: t('Growth room'),
  };
}

/** resizable: the file is on a real disk (file: scheme), where the core can resize it in place. */
export function reportToViewModel(r: NpyReport, t: Translate, opts: { resizable?: boolean } = {}): PreviewViewModel {
  const badge = statusBadge(r, t);
  const values: Record<ValueKey, string> = {
    fileName: r.fileName,
    status: badge.text,
    statusMessage: r.statusMessage,
    dtypeName: r.dtypeName,
    dtypeDescription: r.dtypeDescription,
    descr: r.descr,
    shape: shapeRepr(r.shape),
    ndim: String(r.shape.length),
    order: r.fortranOrder ? t('Fortran (column-major)') : t('C (row-major)'),
    elementCount: formatCount(r.elementCount),
    headerBytes: bytesWithExact(r.dataOffset, t),
    dataBytes: bytesWithExact(r.dataBytes, t),
    expectedFileBytes: bytesWithExact(r.expectedFileBytes, t),
    fileBytes: bytesWithExact(r.fileBytes, t),
    allocatedBytes: r.allocatedBytes === null ? t('unknown') : bytesWithExact(r.allocatedBytes, t),
    sparseRatio: sparseRatio(r.fileBytes, r.allocatedBytes, t),
    version: r.version,
    dataOffset: t('byte {0}', formatCount(r.dataOffset)),
    alignment: alignmentText(r.alignment, t),
    growthRoom: growthText(r, t),
  };
  return {
    badge, values, labels: reportLabels(t),
    sections: [
      { id: 'array', title: t('Array'), keys: ['dtypeName', 'dtypeDescription', 'descr', 'shape', 'ndim', 'order', 'elementCount'] },
      { id: 'sizes', title: t('Sizes'), keys: ['headerBytes', 'dataBytes', 'expectedFileBytes', 'fileBytes', 'allocatedBytes', 'sparseRatio'] },
      { id: 'format', title: t('Format'), keys: ['version', 'dataOffset', 'alignment', 'growthRoom'] },
    ],
    fields: r.fields ? fieldRows(r.fields, t) : null,
    headerText: r.headerText,
    canCreateLike: !r.objectData,
    canResize: opts.resizable === true && !r.objectData,
    canFit: opts.resizable === true && !r.objectData && r.status !== 'ok' && r.growthAxis !== null,
    ui: {
      actions: {
        'copy-json': t('Copy Report as JSON'), 'copy-python': t('Copy Python Snippet'), 'copy-rust': t('Copy Rust Snippet'),
        'create-like': t('Create Zeroed .npy Like This…'), resize: t('Resize…'), fit: t('Fit to the Data on Disk'),
      },
      actionsRegion: t('Actions'),
      fieldsTitle: t('Fields'),
      fieldColumns: { name: t('Name'), descr: t('descr'), offset: t('Offset (bytes)'), size: t('Size'), shape: t('Subarray shape') },
      headerTitle: t('Raw header'),
    },
  };
}

export function valuesLabels(t: Translate): ValuesLabels {
  return {
    title: t('Values'), navigation: t('Pages of values'), previous: t('Previous'), next: t('Next'),
    gotoLabel: t('Go to index'), gotoButton: t('Go'), gotoPlaceholder: t('flat index or i, j, k'),
    indexColumn: t('Index'), valueColumn: t('Value'),
  };
}

export interface ValuesContext {
  /** Elements per page (the zeroedNpy.valuesPerPage setting). */
  pageSize: number;
  /** A refused "Go to index" and what was typed. */
  error?: string;
  gotoText?: string;
}

/** A page the core read → the Values section: numpy's texts, the N-d index of each row, paging targets. */
export function valuesToViewModel(r: Pick<NpyReport, 'elementCount' | 'fortranOrder' | 'shape' | 'fields'>, page: ValuesPage, c: ValuesContext, t: Translate): ValuesViewModel {
  const total = r.elementCount;
  const n = page.items.length;
  const step = BigInt(Math.max(1, c.pageSize));
  const fieldNames = page.items.find((i) => i.fields)?.fields?.map((f) => f.name) ?? null;
  const first = page.start + 1n;
  const last = page.start + BigInt(n);
  const read = page.bytesRead === 1 ? t('1 byte read') : t('{0} bytes read', formatCount(page.bytesRead));
  const summary = total === 0n ? t('The array has no elements.')
    : n === 1 && total === 1n ? t('The only element · {0}', read)
      : t('Elements {0}–{1} of {2} · {3}', formatCount(first), formatCount(last), formatCount(total), read);
  const model: ValuesViewModel = {
    start: page.start.toString(),
    summary,
    rows: page.items.map((i) => ({
      position: i.position, index: i.index.toString(), text: i.text,
      ...(i.fields ? { fields: i.fields.map((f) => f.text) } : {}),
      ...(i.missing ? { missing: true } : {}),
    })),
    fieldNames,
    prevStart: page.start > 0n ? (page.start > step ? page.start - step : 0n).toString() : null,
    nextStart: last < total ? last.toString() : null,
    gotoText: c.gotoText ?? '',
    bytesRead: page.bytesRead,
    ui: valuesLabels(t),
  };
  if (r.fortranOrder && r.shape.length > 1) model.note = t('Listed in C order (numpy\'s a.flat) although the file stores them in Fortran order.');
  if (c.error) model.error = c.error;
  return model;
}

/** No values to show (object arrays, unreadable data): one sentence instead of the table. */
export function valuesUnavailable(sentence: string, t: Translate): ValuesViewModel {
  return {
    start: '0', summary: '', rows: [], fieldNames: null, prevStart: null, nextStart: null, unavailable: sentence,
    gotoText: '', bytesRead: 0, ui: valuesLabels(t),
  };
}

const FORMAT_CODES: ReadonlySet<NpyErrorCode> = new Set<NpyErrorCode>([
  'not-npy', 'bad-version', 'bad-header', 'bad-literal', 'bad-dtype', 'object-dtype', 'header-too-large', 'bad-shape',
  'too-large-numpy',
]);

/** The error page: a badge saying what kind of failure, and the core's (or our) one sentence. */
export function errorToViewModel(fileName: string, e: unknown, t: Translate): ErrorViewModel {
  const message = errorSentence(e);
  if (isNpyError(e) && FORMAT_CODES.has(e.code)) return { fileName, badge: { kind: 'error', text: t('not an .npy file') }, message };
  return { fileName, badge: { kind: 'error', text: t('cannot read') }, message };
}

/** One sentence from anything thrown; never a stack trace. */
export function errorSentence(e: unknown): string {
  if (e instanceof Error) return e.message.split('\n')[0] || e.name;
  return String(e);
}
