// The Resize .npy… box's live line and the confirmation of a cut, for every kind of plan the core makes.
import * as assert from 'node:assert/strict';
import { parseDtype } from '../../../src/core/format/dtype';
import { buildHeader, parseHeader } from '../../../src/core/format/header';
import { planResize } from '../../../src/core/file/resize';
import { cutConfirmation, resizeLine } from '../../../src/extension/model/resizeText';
import { formatMessage as t } from '../../../src/extension/model/translate';

function plan(dtype: string, shape: bigint[], fileRows: bigint, req: { shape?: string; fit?: boolean }, fortran = false) {
  const h = parseHeader(buildHeader(parseDtype(dtype).dtype, shape, fortran));
  const row = BigInt(h.dtype.itemsize) * shape.filter((_, i) => i !== (fortran ? shape.length - 1 : 0)).reduce((a, b) => a * b, 1n);
  return planResize(h, BigInt(h.dataOffset) + fileRows * row, req, 'data.npy');
}

describe('resize: the live line and the confirmation', () => {
  it('says what accepting would do, for each kind of plan', () => {
    assert.deepEqual(resizeLine(plan('<f8', [100000n, 3n], 100000n, { shape: '250000, 3' }), t),
      { text: 'adds 150,000 rows · +3.43 MiB logical · sparse, no disk space', cuts: false });
    assert.deepEqual(resizeLine(plan('<f8', [1000n, 1000n], 1000n, { shape: '1000000' }), t),
      { text: 'reshape: same 1,000,000 elements · the header only', cuts: false });
    assert.deepEqual(resizeLine(plan('<f8', [100000n, 3n], 100000n, { shape: '40000, 3' }), t),
      { text: 'drops 60,000 rows — their data is lost (1.37 MiB)', cuts: true });
    assert.deepEqual(resizeLine(plan('<f8', [10n, 3n], 10n, { shape: '10, 3' }), t),
      { text: 'the shape is already (10, 3); nothing to change', cuts: false });
    assert.deepEqual(resizeLine(plan('<i2', [4n, 5n, 6n], 6n, { shape: '4, 5, 9' }, true), t),
      { text: 'adds 3 indices along axis 2 · +120 B logical · sparse, no disk space', cuts: false });
  });

  it('growing a truncated file says its missing bytes become zeros too', () => {
    const h = parseHeader(buildHeader(parseDtype('<u2').dtype, [10n, 3n], false));
    const p = planResize(h, BigInt(h.dataOffset) + 50n, { shape: '12, 3' });
    assert.deepEqual(resizeLine(p, t), { text: 'adds 2 rows · +12 B logical · sparse, no disk space · the 10 B missing from the present rows become zeros', cuts: false });
  });

  it('fit: rows already on disk are taken in without new space; a truncated file drops rows it does not hold', () => {
    assert.deepEqual(resizeLine(plan('<u2', [10n, 3n], 14n, { fit: true }), t),
      { text: 'adds 4 rows · +24 B logical · the data is already on disk', cuts: false });
    assert.deepEqual(resizeLine(plan('<u2', [10n, 3n], 7n, { fit: true }), t),
      { text: 'drops 3 rows, which the file does not hold anyway · the header only', cuts: false });
  });

  it('the confirmation names the rows lost and the memory-map warning; the safe choice comes first', () => {
    const c = cutConfirmation(plan('<f8', [250000n, 768n], 250000n, { shape: '60000, 768' }), 'data.npy', t);
    assert.equal(c.message, 'Shrink data.npy from (250000, 768) to (60000, 768)? The last 190,000 rows are lost.');
    assert.match(c.detail, /^1\.09 GiB of data past the new end are cut off\. A job that has the file memory-mapped crashes \(SIGBUS\) if it touches the cut part/);
    assert.deepEqual([c.keep, c.cut], ['Keep the File as It Is', 'Shrink and Lose the Data']);
    // Fit of a torn file cuts only the partial row the header never counted: said as a cut, not a shrink.
    const h = parseHeader(buildHeader(parseDtype('<u2').dtype, [10n, 3n], false));
    const torn = cutConfirmation(planResize(h, BigInt(h.dataOffset) + 7n * 6n + 5n, { fit: true }), 'torn.npy', t);
    assert.deepEqual([torn.message, torn.cut], ['Cut 5 B off the end of torn.npy? That data is lost.', 'Cut and Lose the Data']);
  });
});
