// A short fuzz run on every test run (the long one is `npm run fuzz -- --iterations N`).
import assert from 'node:assert/strict';
import { HANG_BOUND_MS, runFuzz } from '../fuzz/properties';

describe('fuzz (short run)', function () {
  this.timeout(120_000);
  it('parser, header and inspector return or throw NpyError for every generated input', () => {
    const stats = runFuzz(300);
    assert.ok(stats.inputs >= 1500, `only ${stats.inputs} inputs`);
    assert.ok(stats.refused > 0 && stats.accepted > 0, 'the mutations never hit both outcomes');
    assert.ok(stats.slowestMs <= HANG_BOUND_MS);
    // A bound on retained memory, not a measurement: leaks of whole headers per input would blow it.
    assert.ok(stats.heapGrowthBytes < 256 * 1024 * 1024, `heap grew by ${stats.heapGrowthBytes} bytes`);
  });
});
