// Image channel planes → canvas RGBA, as matplotlib's imshow shows uint8 (as is) and float RGB(A) data (clipped
// to [0, 1], then int(x · 255)). No imports: the webview paints with exactly this code (imageLayout.ts, which
// plans the reads, pulls in the Node-side reader).

/** uint8 bytes are shown as they are; floats are taken as [0, 1] intensities. */
export type ImageScale = 'uint8' | 'unit-float';

/** Whether float channels fit the [0, 1] reading (NaN aside); if not, a heatmap says more than a clipped image. */
export function fitsUnitRange(channels: ReadonlyArray<ArrayLike<number>>): boolean {
  return channels.every((c) => { for (let i = 0; i < c.length; i++) if (c[i] < 0 || c[i] > 1) return false; return true; });
}

/** Canvas RGBA from 3 or 4 channel planes of equal length; alpha 255 for RGB, NaN as transparent black. */
export function imageRgba(channels: ReadonlyArray<ArrayLike<number>>, scale: ImageScale, out?: Uint8ClampedArray): Uint8ClampedArray {
  const n = channels[0]?.length ?? 0;
  const px = out ?? new Uint8ClampedArray(n * 4);
  const byte = (v: number): number => (scale === 'uint8' ? v : Math.trunc(Math.min(1, Math.max(0, v)) * 255));
  for (let i = 0; i < n; i++) {
    let nan = false;
    for (let ch = 0; ch < 4; ch++) {
      const v = ch < channels.length ? channels[ch][i] : scale === 'uint8' ? 255 : 1;
      if (v !== v) { nan = true; break; }
      px[i * 4 + ch] = byte(v);
    }
    if (nan) px.fill(0, i * 4, i * 4 + 4);
  }
  return px;
}
