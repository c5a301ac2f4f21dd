// The data view's words, computed on the host (the webview only places text): what the shown elements are
// ("every 32nd row and column"), the statistics line, and the control labels.
import { ViewLabels, ViewStats } from '../../common/viewMessages';
import { formatCount } from '../../core/units';
import { Translate } from './translate';

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 32nd … */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${formatCount(n)}${suffix}`;
}

export interface ShownShape {
  mode: 'fit' | 'window';
  line: boolean;
  rows: number; cols: number; step: number;
  rowStart: number; colStart: number;
  planeRows: number; planeCols: number;
}

/** What the picture shows, in one phrase. */
export function shownLabel(s: ShownShape, t: Translate): string {
  const last = (start: number, count: number) => formatCount(start + (count - 1) * s.step);
  if (s.line) {
    if (s.step > 1) return t('every {0} element of {1}', ordinal(s.step), formatCount(s.planeCols));
    if (s.cols === s.planeCols) return t('all {0} elements', formatCount(s.cols));
    return t('elements {0}–{1} of {2}', formatCount(s.colStart), last(s.colStart, s.cols), formatCount(s.planeCols));
  }
  if (s.step > 1) return t('every {0} row and column of {1} × {2}', ordinal(s.step), formatCount(s.planeRows), formatCount(s.planeCols));
  if (s.rows === s.planeRows && s.cols === s.planeCols) return t('all {0} × {1} elements', formatCount(s.rows), formatCount(s.cols));
  return t('rows {0}–{1}, columns {2}–{3} of {4} × {5}', formatCount(s.rowStart), last(s.rowStart, s.rows),
    formatCount(s.colStart), last(s.colStart, s.cols), formatCount(s.planeRows), formatCount(s.planeCols));
}

/** A statistic as text: integers as they are, others with 6 significant digits (numpy's default print precision). */
export function statNumber(x: number | null): string {
  if (x === null) return '–';
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return String(x);
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : x < 0 ? '-inf' : 'nan';
  const r = Number(x.toPrecision(6));
  return Math.abs(r) >= 1e16 || (r !== 0 && Math.abs(r) < 1e-4) ? r.toExponential() : String(r);
}

/** "min … · max … · mean … · std … · NaN … · ±Inf … · zeros …" (the window's and the whole array's). */
export function statsParts(s: ViewStats, t: Translate): string {
  return [
    t('min {0}', statNumber(s.min)), t('max {0}', statNumber(s.max)), t('mean {0}', statNumber(s.mean)), t('std {0}', statNumber(s.std)),
    t('NaN {0}', formatCount(s.nan)), t('±Inf {0}', formatCount(s.posInf + s.negInf)), t('zeros {0}', formatCount(s.zeros)),
  ].join(' · ');
}

/** "min … · max … · mean … · std … · NaN … · ±Inf … · zeros … — of the N shown elements" */
export function statsLine(s: ViewStats, t: Translate): string {
  return t('{0} — of the {1} shown elements', statsParts(s, t), formatCount(s.count));
}

export function viewLabels(t: Translate): ViewLabels {
  return {
    title: t('Picture'), rowAxis: t('Rows'), colAxis: t('Columns'), lineAxis: t('Line along'), none: t('(a line)'),
    axis: t('Axis {0}'), index: t('Index on axis {0}'), colormap: t('Colormap'), range: t('Range'),
    rangeAuto: t('auto'), rangeRobust: t('robust (1–99 %)'), rangeTyped: t('typed'), low: t('Low'), high: t('High'),
    zoom: t('Zoom'), fit: t('fit'), oneToOne: t('1:1'), field: t('Field'), part: t('Complex part'),
    layout: t('Draw as'), layoutHeatmap: t('heatmap'), layoutRgb: t('RGB(A) image (H, W, C)'), layoutChw: t('RGB(A) image, channel first (C, H, W)'),
    table: t('Show the numbers as a table'), canvas: t('Picture of the shown elements; the cursor\'s element is described below. Arrow keys move the cursor (pan in 1:1).'),
    nan: t('NaN'), inf: t('±Inf (clamped, marked)'), reading: t('Reading…'),
    imageOutOfRange: t('Drawn as a heatmap of one channel: the shown values run from {0} to {1}, outside the [0, 1] of a float RGB(A) image. Choose "RGB(A) image" under Draw as to see them clipped.'),
    wholeOpen: t('Whole array…'), wholeStart: t('Start'), wholeCancel: t('Cancel'), wholeProgress: t('Whole-array statistics read so far'),
    wholeStaleFile: t('The file was read again, so the whole-array statistics were cleared; start them again for the new data.'),
    wholeStaleChoice: t('The field or complex part changed, so the whole-array statistics were cleared.'),
  };
}
