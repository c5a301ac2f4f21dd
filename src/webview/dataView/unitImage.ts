// Float images are RGB(A) by default only while their shown channels lie in [0, 1] (issue 11): checked when the
// first image view is read, before anything is drawn; otherwise channel 0 is shown as a heatmap with one sentence.
import { ViewLabels } from '../../common/viewMessages';
import { fitsUnitRange } from '../../core/values/imagePixels';
import { Doc, el } from '../dom';
import { fmt } from './drawing';
import { ndim, view } from './state';

/** A float image by default whose shown channels leave [0, 1] (NaN aside): not an RGB image after all. */
export function notUnitImage(): boolean {
  const s = view.start!;
  const c = view.choices!;
  if (s.channels === 1 || view.setup?.kind !== 'f' || c.layoutChosen || c.layout !== 'rgb') return false;
  const n = s.rows * s.cols;
  return !fitsUnitRange(Array.from({ length: s.channels }, (_, ch) => view.values.subarray(ch * n, (ch + 1) * n)));
}

/** Shows channel 0 of the same image as a heatmap (the channel axis gets an index slider) and says why; `rebuild` asks again. */
export function heatmapInstead(doc: Doc, range: { low: number; high: number }, rebuild: (doc: Doc) => void): void {
  const c = view.choices!;
  const n = ndim();
  Object.assign(c, { layout: 'heatmap', rowAxis: n - 3, colAxis: n - 2, outOfRange: range });
  c.index[n - 1] = '0';
  doc.getElementById('view-image-note')?.remove();
  doc.querySelector('#data-view figure')?.before(el(doc, 'p', outOfRangeText(view.setup!.ui, range), { id: 'view-image-note' }));
  rebuild(doc);
}

export function outOfRangeText(ui: ViewLabels, r: { low: number; high: number }): string {
  return ui.imageOutOfRange.replace('{0}', fmt(r.low)).replace('{1}', fmt(r.high));
}
