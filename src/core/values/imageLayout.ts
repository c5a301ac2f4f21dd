// Arrays that are pictures: (…, H, W, 3|4) of uint8 (or of floats meant to lie in [0, 1]) are RGB/RGBA images;
// with channelFirst, (…, 3|4, H, W). Any axes before the image's are batch axes (the view's slider picks one
// index on each). An image is read as one plane per channel through readPlane (same budget, same cancel), then
// packed into canvas RGBA by imageRgba (imagePixels.ts), as matplotlib's imshow shows uint8 (as is) and float RGB(A) data
// (clipped to [0, 1], then int(x · 255)).
import { NpyReport } from '../types';
import { dtypeOfReport } from './pages';
import { ImageScale } from './imagePixels';
import { PlaneRequest, PlaneView } from './plane';

export interface ImageLayout {
  channels: 3 | 4;
  channelAxis: number;
  rowAxis: number;
  colAxis: number;
  /** Axes before the image's own: one index each picks the image. */
  batchAxes: number[];
  channelFirst: boolean;
  /** uint8 bytes are shown as they are; floats are taken as [0, 1] intensities. */
  scale: ImageScale;
}

/** The image layout of `report`, or null when it does not look like an image (then draw a heatmap). */
export function detectImage(report: NpyReport, options: { channelFirst?: boolean } = {}): ImageLayout | null {
  const shape = report.shape;
  const ndim = shape.length;
  if (ndim < 3 || report.objectData) return null;
  const d = dtypeOfReport(report);
  const scale = d.kind === 'u' && d.itemsize === 1 ? 'uint8' : d.kind === 'f' && d.itemsize <= 8 ? 'unit-float' : null;
  if (scale === null) return null;
  const channelFirst = options.channelFirst === true;
  const channelAxis = channelFirst ? ndim - 3 : ndim - 1;
  const channels = Number(shape[channelAxis]);
  if (channels !== 3 && channels !== 4) return null;
  const [rowAxis, colAxis] = channelFirst ? [ndim - 2, ndim - 1] : [ndim - 3, ndim - 2];
  if (shape[rowAxis] === 0n || shape[colAxis] === 0n) return null;
  return { channels, channelAxis, rowAxis, colAxis, batchAxes: Array.from({ length: ndim - 3 }, (_, k) => k), channelFirst, scale };
}

/** One PlaneRequest per channel (R, G, B[, A]) of the image at `batchIndex` (one index per batch axis). */
export function imageRequests(layout: ImageLayout, batchIndex: ReadonlyArray<number | bigint>, view?: PlaneView): PlaneRequest[] {
  return Array.from({ length: layout.channels }, (_, ch) => {
    const index: Array<number | bigint> = new Array(layout.batchAxes.length + 3).fill(0);
    layout.batchAxes.forEach((axis, k) => { index[axis] = batchIndex[k] ?? 0; });
    index[layout.channelAxis] = ch;
    return { rowAxis: layout.rowAxis, colAxis: layout.colAxis, index, view };
  });
}
