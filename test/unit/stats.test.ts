// Window statistics by hand-checkable cases (numpy's values for them in the comments); the numpy tier checks
// random views against numpy itself.
import * as assert from 'node:assert/strict';
import { computeStats, percentile, robustRange, StatsAccumulator } from '../../src/core/values/stats';

describe('stats: window statistics', () => {
  it('counts NaN, ±Inf and zeros; min/max as nanmin/nanmax; mean/std over the finite values', () => {
    const s = computeStats([1, 2, 3, 4, NaN, Infinity, -Infinity, 0, -0]);
    const { mean, std, ...counts } = s;
    assert.deepEqual(counts, { count: 9, finite: 6, nan: 1, posInf: 1, negInf: 1, zeros: 2, min: -Infinity, max: Infinity });
    // np.mean / np.std of [1, 2, 3, 4, 0, -0.0]: 1.6666666666666667, 1.4907119849998596
    assert.ok(Math.abs(mean! - 1.6666666666666667) <= 1e-15 * 1.67, String(mean));
    assert.ok(Math.abs(std! - 1.4907119849998596) <= 1e-15 * 1.5, String(std));
  });

  it('nothing finite: mean/std null; all NaN: min/max null too; empty: all counts 0', () => {
    assert.deepEqual([computeStats([Infinity, NaN]).min, computeStats([Infinity, NaN]).mean], [Infinity, null]);
    const nan = computeStats([NaN, NaN]);
    assert.deepEqual([nan.min, nan.max, nan.mean, nan.std, nan.nan], [null, null, null, null, 2]);
    assert.deepEqual(computeStats([]), { count: 0, finite: 0, nan: 0, posInf: 0, negInf: 0, zeros: 0, min: null, max: null, mean: null, std: null });
  });

  it('chunk by chunk equals all at once (Chan merge), even with a large offset', () => {
    const xs = Float64Array.from({ length: 10000 }, (_, i) => 1e9 + Math.sin(i) * 3);
    const whole = computeStats(xs);
    const acc = new StatsAccumulator();
    for (let i = 0; i < xs.length; i += 777) acc.add(xs.subarray(i, i + 777));
    const parts = acc.result();
    assert.equal(parts.count, whole.count);
    assert.ok(Math.abs(parts.mean! - whole.mean!) <= 1e-12 * whole.mean!);
    assert.ok(Math.abs(parts.std! - whole.std!) <= 1e-12 * whole.std!, `${parts.std} ${whole.std}`);
    // Catastrophic cancellation would show here: the spread is 3 around 1e9.
    assert.ok(Math.abs(whole.std! - 3 / Math.SQRT2) < 0.01, String(whole.std));
  });

  it('percentile is numpy\'s linear method over the finite values', () => {
    assert.equal(percentile([4, 1, 3, 2, NaN, Infinity], 1), 1.03);   // np.percentile([1,2,3,4], 1)
    assert.equal(percentile([4, 1, 3, 2], 99), 3.9699999999999998);   // np.percentile([1,2,3,4], 99)
    assert.equal(percentile([5], 50), 5);
    assert.equal(percentile([NaN], 50), null);
    assert.deepEqual(robustRange([0, 10]), { low: 0.1, high: 9.9 });
    assert.throws(() => percentile([1], 101), /between 0 and 100/);
  });
});
