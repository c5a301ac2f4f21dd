// What the Resize .npy… box says under the shape as it is typed, and what the confirmation of a cut says. Pure:
// plans come from the core (planResizeAt), words from the translator.
import { ResizePlan } from '../../core/file/resize';
import { shapeRepr } from '../../core/format/shape';
import { formatBytes, formatCount } from '../../core/units';
import { Translate } from './translate';

/** "150,000 rows" along axis 0, "3 indices along axis 2" along the last axis of a Fortran-order array. */
function along(n: bigint, axis: number, t: Translate): string {
  if (axis === 0) return n === 1n ? t('1 row') : t('{0} rows', formatCount(n));
  return n === 1n ? t('1 index along axis {0}', axis) : t('{0} indices along axis {1}', formatCount(n), axis);
}

/** One line for the box: what accepting would do. `cuts` is true when data would be lost (confirmation needed). */
export function resizeLine(p: ResizePlan, t: Translate): { text: string; cuts: boolean } {
  const axis = p.growthAxis ?? 0;
  const cut = p.cutBytes > 0n;
  const cutTail = cut ? t(' · cuts {0} off the end — that data is lost', formatBytes(p.cutBytes)) : '';
  switch (p.kind) {
    case 'unchanged':
      return cut
        ? { text: t('keeps the shape {0}{1}', shapeRepr(p.newShape), cutTail), cuts: true }
        : { text: t('the shape is already {0}; nothing to change', shapeRepr(p.newShape)), cuts: false };
    case 'reshape':
      return { text: t('reshape: same {0} elements · the header only', formatCount(p.newShape.reduce((a, b) => a * b, 1n))), cuts: false };
    case 'grow': {
      const logical = formatBytes(p.newDataBytes - p.oldDataBytes);
      let text = p.newFileBytes > p.oldFileBytes
        ? t('adds {0} · +{1} logical · sparse, no disk space', along(p.rowsChanged, axis, t), logical)
        : t('adds {0} · +{1} logical · the data is already on disk', along(p.rowsChanged, axis, t), logical);
      // A truncated file: the bytes it lacks of its present rows become zeros too.
      const missing = BigInt(p.dataOffset) + p.oldDataBytes - p.oldFileBytes;
      if (missing > 0n) text += t(' · the {0} missing from the present rows become zeros', formatBytes(missing));
      return { text: text + cutTail, cuts: cut };
    }
    case 'shrink':
      return cut
        ? { text: t('drops {0} — their data is lost ({1})', along(p.rowsChanged, axis, t), formatBytes(p.cutBytes)), cuts: true }
        : { text: t('drops {0}, which the file does not hold anyway · the header only', along(p.rowsChanged, axis, t)), cuts: false };
  }
}

/** The modal that must be accepted before data is cut. The safe choice comes first, so Enter keeps the file. */
export function cutConfirmation(p: ResizePlan, fileName: string, t: Translate): { message: string; detail: string; keep: string; cut: string } {
  const axis = p.growthAxis ?? 0;
  const shrink = p.kind === 'shrink' && !p.fit;
  const message = shrink
    ? t('Shrink {0} from {1} to {2}? The last {3} are lost.', fileName, shapeRepr(p.oldShape), shapeRepr(p.newShape), along(p.rowsChanged, axis, t))
    : t('Cut {0} off the end of {1}? That data is lost.', formatBytes(p.cutBytes), fileName);
  return {
    message,
    detail: t('{0} of data past the new end are cut off. A job that has the file memory-mapped crashes (SIGBUS) if it touches the cut part; growing is safe for it.', formatBytes(p.cutBytes)),
    keep: t('Keep the File as It Is'),
    cut: shrink ? t('Shrink and Lose the Data') : t('Cut and Lose the Data'),
  };
}
