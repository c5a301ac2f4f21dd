// Colour mapping without numpy: matplotlib's index arithmetic at its edges, painting, the diverging default.
// (test/numpy/plane.test.ts compares colour indices of random views with numpy and the tables with the data.)
import * as assert from 'node:assert/strict';
import { COLORMAP_NAMES, colormapRgb } from '../../src/common/colormaps';
import { BAD_INDEX, colourIndex, colourRangeProblem, defaultColouring, paintRgba } from '../../src/core/values/colormap';

describe('colormap: values to colours', () => {
  it('int(x · 256) with 1.0 → 255, below → 0, above → 255, ±Inf clamped, NaN bad, one value → 0', () => {
    assert.deepEqual([0, 0.5, 1, 255 / 256, 1 / 256 - 1e-12, -0.1, 1.1, Infinity, -Infinity].map((v) => colourIndex(v, 0, 1)),
      [0, 128, 255, 255, 0, 0, 255, 255, 0]);
    assert.equal(colourIndex(NaN, 0, 1), BAD_INDEX);
    assert.equal(colourIndex(7, 7, 7), 0);
    assert.equal(colourIndex(NaN, 7, 7), BAD_INDEX);
    assert.equal(colourIndex(-5, -10, 10), 64);
  });

  it('paints RGBA from the table, NaN in the bad colour', () => {
    const px = paintRgba([0, 1, NaN], 0, 1, 'gray');
    assert.deepEqual(Array.from(px), [0, 0, 0, 255, 255, 255, 255, 255, 160, 160, 160, 255]);
    const viridis = colormapRgb('viridis');
    assert.deepEqual(Array.from(paintRgba([0.5], 0, 1, 'viridis', undefined, [1, 2, 3, 4])), [...viridis.subarray(128 * 3, 128 * 3 + 3), 255]);
    for (const name of COLORMAP_NAMES) assert.equal(colormapRgb(name).length, 768);
  });

  it('both signs → coolwarm centred on zero; one sign → viridis over the range', () => {
    assert.deepEqual(defaultColouring(-2, 5), { map: 'coolwarm', vmin: -5, vmax: 5 });
    assert.deepEqual(defaultColouring(0, 5), { map: 'viridis', vmin: 0, vmax: 5 });
    assert.deepEqual(defaultColouring(-3, -1), { map: 'viridis', vmin: -3, vmax: -1 });
  });

  it('a hand-typed range is checked with one sentence', () => {
    assert.equal(colourRangeProblem(0, 1), null);
    assert.equal(colourRangeProblem(1, 1), null);
    assert.match(colourRangeProblem(2, 1)!, /lower end 2 is above its upper end 1/);
    assert.match(colourRangeProblem(NaN, 1)!, /two finite numbers/);
  });
});
