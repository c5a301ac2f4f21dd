// NpzReport → the strings the .npz preview shows, plus its page. Pure (no `vscode`): the host passes
// vscode.l10n.t, tests pass formatMessage. A member's full report reuses the .npy preview's mapping.
import { Badge, BadgeKind, ValuesViewModel } from '../common/viewModel';
import { NpzErrorViewModel, NpzMemberDetail, NpzViewModel, NpzMemberRow } from '../common/npzMessages';
import { isNpyError } from '../core/errors';
import { NpzMember, NpzReport } from '../core/npz/inspectNpz';
import { MemberGridPage, MemberReadCost, MemberValuesPage } from '../core/npz/memberValues';
import { shapeRepr } from '../core/format/shape';
import { NpyReport } from '../core/types';
import { formatBytes, formatCount } from '../core/units';
import { buildPageHtml, InlineAssets } from './model/html';
import { errorSentence, reportToViewModel, statusBadge, ValuesContext, valuesToViewModel } from './model/reportView';
import { Translate } from './model/translate';
import { GridExtra, gridToViewModel } from './model/valuesGrid';

/** The report's status sentence as it applies to a member: the "file" is the member inside the archive. */
export function memberStatusMessage(r: NpyReport, t: Translate): string {
  const n = (b: bigint): string => (b === 1n ? t('1 byte') : t('{0} bytes', formatCount(b)));
  if (r.objectData) return t('The member holds a pickle of Python objects ({0}); it was not read and cannot be previewed.', n(r.dataBytes));
  switch (r.status) {
    case 'truncated': return t('Truncated: the member is missing {0} of the data its header describes.', n(r.statusBytes));
    case 'trailing-bytes': return t('Trailing bytes: {0} follow the data in the member; numpy ignores them.', n(r.statusBytes));
    case 'ok': return t('Valid: the member holds the header and exactly {0} of data.', n(r.dataBytes));
  }
}

function memberStatus(m: NpzMember, t: Translate): Badge {
  if (m.report) return statusBadge(m.report, t);
  switch (m.errorCode) {
    case 'not-npy': return { kind: 'warning', text: t('not a .npy') };
    case 'unsupported-compression': return { kind: 'warning', text: t('unsupported compression') };
    case 'encrypted': return { kind: 'warning', text: t('encrypted') };
    case 'damaged-member': return { kind: 'error', text: t('damaged') };
    default: return { kind: 'error', text: t('bad header') };
  }
}

function methodText(m: NpzMember, t: Translate): string {
  return m.compression === 'stored' ? t('stored') : m.compression === 'deflated' ? t('deflated') : t('method {0}', m.method);
}

export function memberRow(m: NpzMember, index: number, t: Translate): NpzMemberRow {
  const r = m.report;
  const badge = memberStatus(m, t);
  return {
    index, name: m.name,
    dtype: r ? r.descr : '—',
    shape: r ? shapeRepr(r.shape) : '—',
    order: r ? (r.fortranOrder ? 'F' : 'C') : '—',
    uncompressed: formatBytes(m.uncompressedSize),
    compressed: formatBytes(m.compressedSize),
    method: methodText(m, t),
    status: badge.text, statusKind: badge.kind,
    detail: r ? memberStatusMessage(r, t) : m.error ?? '',
  };
}

export function npzToViewModel(z: NpzReport, t: Translate): NpzViewModel {
  const bad = z.members.filter((m) => !m.report).length;
  const warn = z.members.filter((m) => m.report && m.report.status !== 'ok').length;
  const kind: BadgeKind = bad > 0 ? 'warning' : warn > 0 ? 'warning' : 'ok';
  const count = z.entryCount === 1 ? t('1 member') : t('{0} members', formatCount(z.entryCount));
  const badgeText = bad > 0 ? t('{0} of {1} members unreadable', formatCount(bad), formatCount(z.members.length))
    : warn > 0 ? t('{0} of {1} members with size problems', formatCount(warn), formatCount(z.members.length)) : count;
  const unlisted = z.entryCount - z.members.length;
  return {
    fileName: z.fileName,
    badge: { kind, text: badgeText },
    summary: z.zip64 ? t('{0} archive, {1}, Zip64', formatBytes(z.fileBytes), count) : t('{0} archive, {1}', formatBytes(z.fileBytes), count),
    readNote: t('Read {0} bytes: the zip directory and each member\'s header only.', formatCount(z.bytesRead)),
    members: z.members.map((m, i) => memberRow(m, i, t)),
    unlisted: unlisted > 0 ? t('… and {0} more members not listed', formatCount(unlisted)) : null,
    ui: {
      membersTitle: t('Members'),
      columns: {
        name: t('Name'), dtype: t('dtype'), shape: t('Shape'), order: t('Order'), uncompressed: t('Uncompressed'),
        compressed: t('Compressed'), method: t('Method'), status: t('Status'),
      },
      showMember: t('Show the header of {0}'),
      selectHint: t('Select a member to see its full header report.'),
      refresh: t('Refresh'), refreshTitle: t('Read the archive again now'), toolbar: t('Archive'),
    },
  };
}

/** The selected member's full report (the .npy preview's view model), or its error. */
export function memberDetail(z: NpzReport, index: number, t: Translate): NpzMemberDetail | null {
  const m = z.members[index];
  if (!m) return null;
  const title = t('Member {0}', m.name);
  const actions = { 'copy-json': t('Copy Report as JSON'), 'copy-python': t('Copy Python Snippet'), 'copy-rust': t('Copy Rust Snippet') };
  const head = { index, title, actions, actionsRegion: t('Actions') };
  if (!m.report) return { ...head, report: null, error: m.error, badge: memberStatus(m, t) };
  const report = reportToViewModel(m.report, t);
  report.values = { ...report.values, statusMessage: memberStatusMessage(m.report, t) };
  // Inside an archive the "file" is the uncompressed member: say so in the size rows' labels.
  report.labels = { ...report.labels, fileBytes: t('Member size (uncompressed)'), expectedFileBytes: t('Expected member size') };
  // There is no disk allocation for a member, and nothing to create from here (the row says what it is).
  report.sections = report.sections.map((s) => ({ ...s, keys: s.keys.filter((k) => k !== 'allocatedBytes' && k !== 'sparseRatio') }));
  return { ...head, report, error: null, badge: report.badge };
}

/**
 * A member's page → the .npy preview's Values section. The summary counts archive bytes read (local header and
 * stored or compressed bytes); a deflated member's note says how much was inflated to reach the page.
 */
export function memberValuesToViewModel(r: NpyReport, page: MemberValuesPage, c: ValuesContext, t: Translate): ValuesViewModel {
  return withInflateNote(valuesToViewModel(r, { ...page, bytesRead: page.archiveBytesRead }, c, t), page, t);
}

/** A grid page of a member (2 or more dimensions), counted in archive bytes like a list page. */
export function memberGridToViewModel(r: NpyReport, page: MemberGridPage, extra: GridExtra, t: Translate): ValuesViewModel {
  return withInflateNote(gridToViewModel(r, { ...page, bytesRead: page.archiveBytesRead }, extra, t), page, t);
}

function withInflateNote(model: ValuesViewModel, page: MemberReadCost, t: Translate): ValuesViewModel {
  if (page.inflatedBytes !== null) {
    const inflated = t('Inflated {0} of the compressed member, from its start, to reach this page.', formatBytes(page.inflatedBytes));
    model.note = model.note ? `${model.note} ${inflated}` : inflated;
  }
  return model;
}

export function npzErrorToViewModel(fileName: string, e: unknown, t: Translate): NpzErrorViewModel {
  const message = errorSentence(e);
  if (isNpyError(e) && e.code === 'not-zip') return { fileName, badge: { kind: 'error', text: t('not a zip archive') }, message };
  if (isNpyError(e) && e.code === 'bad-archive') return { fileName, badge: { kind: 'error', text: t('damaged archive') }, message };
  return { fileName, badge: { kind: 'error', text: t('cannot read') }, message };
}

export interface NpzHtmlInput {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  /** preview.css (the shared look) and npz.css (the member table). */
  styleUris: string[];
  title: string;
  loadingText: string;
  lang?: string;
  /** The texts of the script and stylesheets, to write into the page (model/html.ts). */
  inline?: InlineAssets;
}

/** The .npz page: the .npy preview's page (model/html.ts) with its own stylesheets and body class. */
export function buildNpzHtml(p: NpzHtmlInput): string {
  return buildPageHtml({ ...p, bodyClass: 'npz' });
}
