// The points of the data view's line plot; heatmap and image pixels come from the core's colormap.ts and
// imagePixels.ts (pure, no Node APIs), so the webview colours exactly as the numpy-checked code does.

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
