// The shape step: every spelling the issue lists is accepted, errors are the core's one sentence, and the
// live size line reads as specified for 64 GiB sparse and full allocation.
import * as assert from 'node:assert/strict';
import { isNpyError } from '../../../src/core/errors';
import { parseShape } from '../../../src/core/format/shape';
import { planZeroedNpy } from '../../../src/core/file/writer';
import { checkShape, createSummary, dtypeWords, sizeLine } from '../../../src/extension/model/sizeLine';
import { parseDtype } from '../../../src/core/format/dtype';
import { formatMessage } from '../../../src/extension/model/translate';
import { pythonJson, requireNumpy } from '../../helpers/python';

const t = formatMessage;
const GiB = 1n << 30n;
const big = { dtype: '<f8', text: '1024, 2048, 4096', order: 'C' as const, t };

describe('wizard shape validation and size line', () => {
  it('64 GiB sparse: "(1024, 2048, 4096) float64 · 8,589,934,592 elements · 64 GiB · sparse: about 4 KiB on disk"', () => {
    const c = checkShape({ ...big, allocate: 'sparse' });
    assert.equal(c.ok, true);
    assert.equal(c.severity, 'info');
    assert.equal(c.message, '(1024, 2048, 4096) float64 · 8,589,934,592 elements · 64 GiB · sparse: about 4 KiB on disk');
  });

  it('counts elements and bytes as numpy does', function () {
    requireNumpy(this);
    const np = pythonJson<{ size: number; nbytes: number }>(
      'import json, numpy as np\nd = np.dtype("<c16")\na = np.zeros((4, 8, 16), dtype=d, order="F")\nprint(json.dumps({"size": a.size, "nbytes": a.nbytes}))');
    const c = checkShape({ dtype: '<c16', text: '4x8x16', order: 'F', allocate: 'sparse', t });
    assert.equal(c.plan?.elementCount, BigInt(np.size));
    assert.equal(c.plan?.dataBytes, BigInt(np.nbytes));
    assert.ok(c.message.startsWith(`(4, 8, 16) complex128 · ${np.size} elements · ${np.nbytes / 1024} KiB`), c.message);
  });

  it('names the final shape and the dtype: (2,3)f8 with shape 10 is "(10, 2, 3) float64 · 60 elements · 480 B", as numpy makes it', function () {
    requireNumpy(this);
    const np = pythonJson<{ shape: number[]; dtype: string; size: number; nbytes: number }>(
      'import json, numpy as np\na = np.zeros(10, dtype="(2,3)f8")\nprint(json.dumps({"shape": list(a.shape), "dtype": a.dtype.name, "size": a.size, "nbytes": a.nbytes}))');
    const c = checkShape({ dtype: '(2,3)f8', text: '10', order: 'C', allocate: 'sparse', t });
    assert.ok(c.ok);
    assert.equal(`(${np.shape.join(', ')}) ${np.dtype} · ${np.size} elements · ${np.nbytes} B`, '(10, 2, 3) float64 · 60 elements · 480 B');
    assert.ok(c.message.startsWith('(10, 2, 3) float64 · 60 elements · 480 B · sparse: about'), c.message);
  });

  it('names dtypes as typed where numpy\'s name counts bits, and says big-endian', () => {
    const words = (s: string) => dtypeWords(parseDtype(s).dtype, t);
    assert.equal(words('S10'), 'S10');
    assert.equal(words('U5'), 'U5');
    assert.equal(words('V16'), 'V16');
    assert.equal(words('>i2'), 'int16 big-endian');
    assert.equal(words('|u1'), 'uint8');
    assert.equal(words('M8[ns]'), 'datetime64[ns]');
    assert.equal(words("[('x', '<f4'), ('y', '<i4')]"), 'struct of 2 fields, 8 bytes');
  });

  it('the last step summarises what will be created', () => {
    const plan = planZeroedNpy({ dtype: '<i2', shape: '3, 5', order: 'F' });
    assert.equal(createSummary({ plan, order: 'F', allocate: 'sparse', folder: '/data/arrays', t }),
      `Creates (3, 5) int16, Fortran order, ${plan.fileBytes} B (sparse) in /data/arrays.`);
    assert.equal(createSummary({ plan, order: 'C', allocate: 'full', folder: '/d', t }),
      `Creates (3, 5) int16, C order, ${plan.fileBytes} B (fully allocated) in /d.`);
  });

  it('full allocation with enough free space', () => {
    const c = checkShape({ ...big, allocate: 'full', freeBytes: 100n * GiB });
    assert.equal(c.ok, true);
    assert.equal(c.severity, 'info');
    assert.equal(c.message, '(1024, 2048, 4096) float64 · 8,589,934,592 elements · 64 GiB · full allocation: needs 64 GiB free (100 GiB free)');
  });

  it('full allocation with too little free space warns but does not block', () => {
    const c = checkShape({ ...big, allocate: 'full', freeBytes: 12n * GiB });
    assert.equal(c.ok, true);
    assert.equal(c.severity, 'warning');
    assert.equal(c.message, '(1024, 2048, 4096) float64 · 8,589,934,592 elements · 64 GiB · full allocation: needs 64 GiB free (only 12 GiB free)');
  });

  it('full allocation when statfs gave nothing', () => {
    const c = checkShape({ ...big, allocate: 'full' });
    assert.equal(c.message, '(1024, 2048, 4096) float64 · 8,589,934,592 elements · 64 GiB · full allocation: needs 64 GiB free');
  });

  it('sparse estimate rounds the header up to the file system block', () => {
    const plan = planZeroedNpy({ dtype: '<f8', shape: '10' });
    assert.equal(sizeLine({ plan, allocate: 'sparse', t, blockBytes: 65536 }).text, '(10,) float64 · 10 elements · 80 B · sparse: about 64 KiB on disk');
  });

  for (const text of ['1024, 2048, 4096', '(1024, 2048, 4096)', '1024x2048x4096', '1024,2048,4096']) {
    it(`accepts ${JSON.stringify(text)} as the same shape`, () => {
      const c = checkShape({ ...big, text, allocate: 'sparse' });
      assert.equal(c.ok, true, c.message);
      assert.deepEqual(c.plan?.shape, [1024n, 2048n, 4096n]);
    });
  }

  it('accepts () as one element', () => {
    const c = checkShape({ ...big, text: '()', allocate: 'sparse' });
    assert.equal(c.ok, true);
    assert.ok(c.message.startsWith('() float64 · 1 element · 8 B'), c.message);
  });

  it('accepts zero-length dimensions', () => {
    const c = checkShape({ ...big, text: '5, 0', allocate: 'sparse' });
    assert.equal(c.ok, true);
    assert.ok(c.message.startsWith('(5, 0) float64 · 0 elements · 0 B'), c.message);
  });

  it('asks for a shape instead of silently taking an empty box as a scalar', () => {
    const c = checkShape({ ...big, text: '  ', allocate: 'sparse' });
    assert.equal(c.ok, false);
    assert.equal(c.severity, 'info');
    assert.match(c.message, /\(\)/);
  });

  for (const text of ['3, -4', '3, 4.5', 'abc', '(3, 4', '3,,4']) {
    it(`refuses ${JSON.stringify(text)} with the core's sentence`, () => {
      const c = checkShape({ ...big, text, allocate: 'sparse' });
      assert.equal(c.ok, false);
      assert.equal(c.severity, 'error');
      let expected = '';
      try { parseShape(text); } catch (e) { if (isNpyError(e)) expected = e.message; }
      assert.ok(expected.length > 0, 'the core refuses it too');
      assert.equal(c.message, expected);
    });
  }

  it('refuses sizes Node cannot create, with the planner\'s sentence', () => {
    const c = checkShape({ ...big, text: '1000000000, 1000000000', allocate: 'sparse' });
    assert.equal(c.ok, false);
    assert.equal(c.severity, 'error');
    assert.doesNotMatch(c.message, /\n|at /);
  });
});
