// The data view's words: ordinals, what the picture shows, and the statistics line.
import * as assert from 'node:assert/strict';
import { ordinal, shownLabel, statNumber, statsLine } from '../../../src/extension/model/dataViewText';
import { formatMessage as t } from '../../../src/extension/model/translate';

describe('data view text', () => {
  it('writes English ordinals', () => {
    const cases: Array<[number, string]> = [[1, '1st'], [2, '2nd'], [3, '3rd'], [4, '4th'], [11, '11th'], [12, '12th'], [13, '13th'],
      [21, '21st'], [32, '32nd'], [103, '103rd'], [111, '111th'], [1024, '1,024th']];
    for (const [n, text] of cases) assert.equal(ordinal(n), text);
  });

  it('says what the picture shows: a stride, the whole plane, a window, a line', () => {
    const base = { mode: 'fit' as const, line: false, rowStart: 0, colStart: 0, planeRows: 4096, planeCols: 8192 };
    assert.equal(shownLabel({ ...base, rows: 128, cols: 256, step: 32 }, t), 'every 32nd row and column of 4,096 × 8,192');
    assert.equal(shownLabel({ ...base, rows: 4096, cols: 8192, step: 1 }, t), 'all 4,096 × 8,192 elements');
    assert.equal(shownLabel({ ...base, mode: 'window', rows: 10, cols: 20, step: 1, rowStart: 5, colStart: 100 }, t), 'rows 5–14, columns 100–119 of 4,096 × 8,192');
    assert.equal(shownLabel({ ...base, line: true, rows: 1, cols: 512, step: 16 }, t), 'every 16th element of 8,192');
    assert.equal(shownLabel({ ...base, mode: 'window', line: true, rows: 1, cols: 10, step: 1, colStart: 3 }, t), 'elements 3–12 of 8,192');
  });

  it('prints the statistics of the shown elements', () => {
    const line = statsLine({ count: 6, nan: 1, posInf: 1, negInf: 0, zeros: 2, min: -0.5, max: Infinity, mean: 1 / 3, std: 2, finite: 4 } as never, t);
    assert.equal(line, 'min -0.5 · max inf · mean 0.333333 · std 2 · NaN 1 · ±Inf 1 · zeros 2 — of the 6 shown elements');
    assert.equal(statNumber(null), '–');
    assert.equal(statNumber(1e20), '1e+20');
    assert.equal(statNumber(1.23456789e-7), '1.23457e-7');
    assert.equal(statNumber(42), '42');
  });
});
