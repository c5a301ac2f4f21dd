// The points of the data view's line plot; heatmap and image pixels come from the core's colormap.ts and
// imageLayout.ts (pure, no Node APIs), so the webview colours exactly as the numpy-checked code does.

/** Canvas points (x, y) of a line plot of `values` in a width × height box, y up; NaN breaks the line (null). */
export function linePoints(values: Float64Array, width: number, height: number, low: number, high: number): Array<[number, number] | null> {
  const n = values.length;
  const span = high > low ? high - low : 1;
  const out: Array<[number, number] | null> = [];
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x !== x) { out.push(null); continue; }
    const t = Math.min(1, Math.max(0, (x - low) / span));
    out.push([n === 1 ? width / 2 : (i * (width - 1)) / (n - 1), (height - 1) * (1 - t)]);
  }
  return out;
}

/**
 * Canvas RGBA from 3 or 4 channel planes, as the core's imageRgba (imageLayout.ts) packs them: uint8 as is, floats
 * clipped to [0, 1] then int(x · 255) (imshow), NaN transparent black. A copy because imageLayout.ts imports the
 * Node-side reader; the jsdom test checks both agree.
 */
export function packImage(channels: ReadonlyArray<ArrayLike<number>>, uint8: boolean, out: Uint8ClampedArray): void {
  const n = channels[0]?.length ?? 0;
  for (let i = 0; i < n; i++) {
    let nan = false;
    for (let ch = 0; ch < 4; ch++) {
      const v = ch < channels.length ? channels[ch][i] : uint8 ? 255 : 1;
      if (v !== v) { nan = true; break; }
      out[i * 4 + ch] = uint8 ? v : Math.trunc(Math.min(1, Math.max(0, v)) * 255);
    }
    if (nan) out.fill(0, i * 4, i * 4 + 4);
  }
}
