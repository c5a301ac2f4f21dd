// The "Whole array" statistics' words (host side): what a run reads, progress, the result line and a cancel.
import * as assert from 'node:assert/strict';
import { formatMessage as t } from '../../../src/extension/model/translate';
import { wholeCancelledText, wholeProgressText, wholeReadsText, wholeResultText } from '../../../src/extension/model/wholeStatsText';

const stats = { count: 2000, nan: 3, posInf: 1, negInf: 1, zeros: 7, min: -2.5, max: 1e20, mean: 0.125, std: 1.5 };

describe('whole-array statistics text', () => {
  it('says how many bytes a run reads: all of the data, or the elements a truncated file holds', () => {
    assert.equal(wholeReadsText({ elementCount: 2n ** 37n, presentElements: 2 ** 37, totalBytes: 2 ** 40, field: null, part: null }, t),
      'Reads 1 TiB — all of the array\'s data.');
    assert.equal(wholeReadsText({ elementCount: 2000n, presentElements: 777, totalBytes: 3108, field: null, part: null }, t),
      'Reads 3.04 KiB — the 777 elements the truncated file holds of the array\'s 2,000.');
  });

  it('progress in bytes and whole percent', () => {
    assert.equal(wholeProgressText(512 * 2 ** 20, 2 ** 40, t), 'Read 512 MiB of 1 TiB (0 %)');
    assert.equal(wholeProgressText(2 ** 39, 2 ** 40, t), 'Read 512 GiB of 1 TiB (50 %)');
  });

  it('the result line names the field and part, all elements or the ones present, and rounded integers', () => {
    assert.equal(wholeResultText(stats, { elementCount: 2000n, presentElements: 2000, totalBytes: 16000, field: null, part: null, approximate: false }, t),
      'Whole array: min -2.5 · max 1e+20 · mean 0.125 · std 1.5 · NaN 3 · ±Inf 2 · zeros 7 — of all 2,000 elements.');
    assert.equal(wholeResultText(stats, { elementCount: 2500n, presentElements: 2000, totalBytes: 16000, field: 'z', part: 'abs', approximate: true }, t),
      'Whole array, field \'z\', |z|: min -2.5 · max 1e+20 · mean 0.125 · std 1.5 · NaN 3 · ±Inf 2 · zeros 7 — of the 2,000 elements the truncated file holds; the other 500 are missing. Some 64-bit integers lie beyond ±2^53 and were rounded to the nearest float64.');
  });

  it('a cancel says how much was read', () => {
    assert.equal(wholeCancelledText(3 * 2 ** 20, 2 ** 40, t), 'Cancelled after reading 3 MiB of 1 TiB.');
  });
});
