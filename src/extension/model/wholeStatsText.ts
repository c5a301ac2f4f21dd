// The "Whole array" statistics' words, computed on the host: what a run reads (said before it starts), its
// progress, its result line and why it stopped.
import { ViewStats } from '../../common/viewMessages';
import { formatBytes, formatCount } from '../../core/units';
import { statsParts } from './dataViewText';
import { Translate } from './translate';

export interface WholeScope {
  elementCount: bigint;
  presentElements: number;
  totalBytes: number;
  field: string | null;
  part: string | null;
}

/** "Reads 1 TiB — all of the array's data." (a truncated file: the elements it holds). */
export function wholeReadsText(s: WholeScope, t: Translate): string {
  if (BigInt(s.presentElements) < s.elementCount) {
    return t('Reads {0} — the {1} elements the truncated file holds of the array\'s {2}.', formatBytes(s.totalBytes), formatCount(s.presentElements), formatCount(s.elementCount));
  }
  return t('Reads {0} — all of the array\'s data.', formatBytes(s.totalBytes));
}

/** "Read 512 MiB of 1 TiB (50 %)" */
export function wholeProgressText(bytesRead: number, totalBytes: number, t: Translate): string {
  const percent = totalBytes > 0 ? Math.floor((bytesRead / totalBytes) * 100) : 100;
  return t('Read {0} of {1} ({2} %)', formatBytes(bytesRead), formatBytes(totalBytes), percent);
}

function scopeName(s: WholeScope, t: Translate): string {
  const part = s.part === null ? '' : s.part === 'abs' ? '|z|' : s.part === 'arg' ? 'arg z' : s.part;
  if (s.field !== null && part) return t('Whole array, field \'{0}\', {1}', s.field, part);
  if (s.field !== null) return t('Whole array, field \'{0}\'', s.field);
  if (part) return t('Whole array, {0}', part);
  return t('Whole array');
}

/** "Whole array: min … · … — of all N elements" (and the truncated file's or rounded integers' sentence). */
export function wholeResultText(stats: ViewStats, s: WholeScope & { approximate: boolean }, t: Translate): string {
  const truncated = BigInt(stats.count) < s.elementCount;
  const of = truncated
    ? t('of the {0} elements the truncated file holds; the other {1} are missing.', formatCount(stats.count), formatCount(s.elementCount - BigInt(stats.count)))
    : t('of all {0} elements.', formatCount(stats.count));
  const note = s.approximate ? ` ${t('Some 64-bit integers lie beyond ±2^53 and were rounded to the nearest float64.')}` : '';
  return `${scopeName(s, t)}: ${statsParts(stats, t)} — ${of}${note}`;
}

/** "Cancelled after reading 3 MiB of 1 TiB." */
export function wholeCancelledText(bytesRead: number, totalBytes: number, t: Translate): string {
  return t('Cancelled after reading {0} of {1}.', formatBytes(bytesRead), formatBytes(totalBytes));
}
