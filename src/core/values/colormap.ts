// Values → colours exactly as matplotlib's imshow maps float64 data with Normalize(vmin, vmax) and a 256-entry
// colormap: x = (v − vmin) / (vmax − vmin) (all of them 0 when vmin == vmax), then Colormap.__call__'s
// index: i = int(x · 256), x · 256 == 256 counting as 255, below 0 → 0 and from 256 on → 255 (the "under" and
// "over" colours default to the ends), NaN → the "bad" colour (BAD_INDEX here). ±Inf therefore clamp to the
// ends; the view marks them separately. The tables (src/common/colormaps.ts) hold no Node APIs, so the host
// and the webview can both use this file: the host for tests and for pixels it sends, the webview to recolour
// without asking the host.
import { COLORMAPS, ColormapName, colormapRgb } from '../../common/colormaps';

export const COLOUR_COUNT = 256;
export const BAD_INDEX = -1;

/** Why (vmin, vmax) cannot be a colour range, or null when it can (matplotlib raises for vmin > vmax). */
export function colourRangeProblem(vmin: number, vmax: number): string | null {
  if (!Number.isFinite(vmin) || !Number.isFinite(vmax)) return 'The colour range needs two finite numbers.';
  if (vmin > vmax) return `The colour range's lower end ${vmin} is above its upper end ${vmax}; swap them.`;
  return null;
}

/** The colour index of one value: 0…255, or BAD_INDEX for NaN. */
export function colourIndex(v: number, vmin: number, vmax: number): number {
  if (v !== v) return BAD_INDEX;
  if (vmin === vmax) return 0;
  const xa = ((v - vmin) / (vmax - vmin)) * COLOUR_COUNT;
  if (xa < 0) return 0;
  if (xa >= COLOUR_COUNT) return COLOUR_COUNT - 1;
  return Math.trunc(xa);
}

/** colourIndex for every value, into `out` (allocated when not given). */
export function colourIndices(values: ArrayLike<number>, vmin: number, vmax: number, out = new Int16Array(values.length)): Int16Array {
  for (let i = 0; i < values.length; i++) out[i] = colourIndex(values[i], vmin, vmax);
  return out;
}

/** RGBA pixels (canvas ImageData order) for `values`; NaN gets `bad` (default: opaque light gray). */
export function paintRgba(values: ArrayLike<number>, vmin: number, vmax: number, map: ColormapName,
  out = new Uint8ClampedArray(values.length * 4), bad: readonly [number, number, number, number] = [160, 160, 160, 255]): Uint8ClampedArray {
  const table = colormapRgb(map);
  for (let i = 0; i < values.length; i++) {
    const k = colourIndex(values[i], vmin, vmax);
    const o = i * 4;
    if (k === BAD_INDEX) { out[o] = bad[0]; out[o + 1] = bad[1]; out[o + 2] = bad[2]; out[o + 3] = bad[3]; continue; }
    out[o] = table[k * 3]; out[o + 1] = table[k * 3 + 1]; out[o + 2] = table[k * 3 + 2]; out[o + 3] = 255;
  }
  return out;
}

/**
 * The default map and range for values spanning [min, max]: the diverging map centred on zero when the range
 * holds both signs (so zero is the middle colour), else the sequential default.
 */
export function defaultColouring(min: number, max: number): { map: ColormapName; vmin: number; vmax: number } {
  if (min < 0 && max > 0) {
    const m = Math.max(-min, max);
    return { map: COLORMAPS.diverging, vmin: -m, vmax: m };
  }
  return { map: COLORMAPS.sequential, vmin: min, vmax: max };
}
