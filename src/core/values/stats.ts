// Statistics of the shown elements (a Plane's values, or any float64 numbers), defined as numpy computes them
// on x = the same elements as a float64 array (np.asarray(view, np.float64)):
//   count   x.size                       finite  np.isfinite(x).sum()
//   nan     np.isnan(x).sum()            posInf  np.isposinf(x).sum()     negInf  np.isneginf(x).sum()
//   zeros   (x == 0).sum()               (−0.0 counts as zero)
//   min     np.nanmin(x)   max  np.nanmax(x)   — over the finite values and ±Inf; null when every value is NaN
//   mean    np.mean(x[np.isfinite(x)])   std  np.std(x[np.isfinite(x)])  (population, ddof=0) — null when
//           no value is finite. ±Inf are counted, not averaged: one Inf would make the mean meaningless.
// mean and std are computed in two passes with compensated (Neumaier) sums about a shift (the first finite
// value), so they agree with numpy's pairwise sums to about 1e-15 relative. A StatsAccumulator takes values chunk by chunk (the "Whole array"
// action, memory O(chunk)) and merges chunks with Chan's formula.
// percentile(x, q) is np.percentile(x[np.isfinite(x)], q) with numpy's default 'linear' method, including
// its interpolation formula (_lerp); robustRange gives the 1st and 99th.

export interface WindowStats {
  count: number;
  finite: number;
  nan: number;
  posInf: number;
  negInf: number;
  zeros: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  std: number | null;
}

export class StatsAccumulator {
  private count = 0;
  private nan = 0;
  private posInf = 0;
  private negInf = 0;
  private zeros = 0;
  private min = Infinity;
  private max = -Infinity;
  // Running moments are kept about a shift K (the first finite value): chunk means near 1e9 would otherwise
  // round to 1e-7 and spoil the merged spread.
  private shift = NaN;
  private n = 0;      // finite values so far
  private mean = 0;   // of (x − K) over the finite values so far
  private m2 = 0;     // Σ (x − mean)² of the finite values so far

  add(values: ArrayLike<number>): this {
    // Locals in the loops, and the compensated sums written out: a whole array runs ~10^9 elements through here,
    // and the same arithmetic through fields and a Sum object took several times as long.
    let nan = 0, posInf = 0, negInf = 0, zeros = 0, min = this.min, max = this.max, shift = this.shift;
    let s = 0, c = 0, n = 0;
    const length = values.length;
    for (let i = 0; i < length; i++) {
      const x = values[i];
      if (x !== x) { nan++; continue; }
      if (x < min) min = x;
      if (x > max) max = x;
      if (x === Infinity) posInf++;
      else if (x === -Infinity) negInf++;
      else {
        if (x === 0) zeros++;
        if (shift !== shift) shift = x;
        // Neumaier's compensated sum of x − shift.
        const y = x - shift;
        const t = s + y;
        c += Math.abs(s) >= Math.abs(y) ? (s - t) + y : (y - t) + s;
        s = t;
        n++;
      }
    }
    this.count += length;
    this.nan += nan; this.posInf += posInf; this.negInf += negInf; this.zeros += zeros;
    this.min = min; this.max = max; this.shift = shift;
    if (n === 0) return this;
    const mean = (s + c) / n;
    let s2 = 0, c2 = 0;
    for (let i = 0; i < length; i++) {
      const x = values[i];
      if (x - x === 0) { // finite
        const d = (x - shift) - mean;
        const y = d * d;
        const t = s2 + y;
        c2 += Math.abs(s2) >= Math.abs(y) ? (s2 - t) + y : (y - t) + s2;
        s2 = t;
      }
    }
    // Chan et al.: merge this chunk's (n, mean, M2) into the running ones.
    const total = this.n + n;
    const delta = mean - this.mean;
    this.m2 = this.m2 + (s2 + c2) + (this.n === 0 ? 0 : delta * delta * (this.n * n / total));
    this.mean = this.n === 0 ? mean : this.mean + delta * (n / total);
    this.n = total;
    return this;
  }

  result(): WindowStats {
    const any = this.count > this.nan;
    return {
      count: this.count, finite: this.n, nan: this.nan, posInf: this.posInf, negInf: this.negInf, zeros: this.zeros,
      min: any ? this.min : null, max: any ? this.max : null,
      mean: this.n > 0 ? this.shift + this.mean : null,
      std: this.n > 0 ? Math.sqrt(this.m2 / this.n) : null,
    };
  }
}

/** Statistics of `values` as defined in the header. */
export function computeStats(values: ArrayLike<number>): WindowStats {
  return new StatsAccumulator().add(values).result();
}

/** The finite values, sorted ascending (for percentiles: sort once, ask many). */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) n++;
  const out = new Float64Array(n);
  for (let i = 0, j = 0; i < values.length; i++) if (Number.isFinite(values[i])) out[j++] = values[i];
  return out.sort();
}

/** np.percentile(sorted, q) for ascending `sorted` (method 'linear'); null when empty. q in [0, 100]. */
export function percentileOfSorted(sorted: Float64Array, q: number): number | null {
  if (!(q >= 0 && q <= 100)) throw new RangeError(`percentile must be between 0 and 100, not ${q}`);
  const n = sorted.length;
  if (n === 0) return null;
  const virtual = (n - 1) * (q / 100);
  const below = Math.floor(virtual);
  const above = Math.min(below + 1, n - 1);
  const t = virtual - below;
  const a = sorted[below];
  const b = sorted[above];
  // numpy's _lerp: a + (b − a)·t, but b − (b − a)·(1 − t) from t ≥ 0.5 on (monotonic and exact at t = 1).
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** np.percentile(x[np.isfinite(x)], q); null when no value is finite. */
export function percentile(values: ArrayLike<number>, q: number): number | null {
  return percentileOfSorted(sortedFinite(values), q);
}

/** The "robust" colour range: the 1st and 99th percentiles of the finite values; null when none is finite. */
export function robustRange(values: ArrayLike<number>): { low: number; high: number } | null {
  const sorted = sortedFinite(values);
  const low = percentileOfSorted(sorted, 1);
  const high = percentileOfSorted(sorted, 99);
  return low === null || high === null ? null : { low, high };
}
