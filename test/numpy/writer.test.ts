// numpy is the oracle for the writer: every file we create loads with np.load(mmap_mode='r') with the dtype,
// shape and order asked for, all zeros, and its header is byte-identical to numpy's own open_memmap.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeZeroedNpy, WriteResult } from '../../src/core/file/writer';
import { pythonJson, requireNumpy } from '../helpers/python';
import { leftoverDebris, makeTempDir, removeTempDir } from '../helpers/tmp';

interface Case { dtype: string; shape: string; pyShape: string; order: 'C' | 'F'; pyDtype?: string }

// dtype as the user types it (also given to np.dtype unless pyDtype says otherwise), shape spelling for us and
// the same shape as a Python literal for numpy.
const CASES: Case[] = [
  { dtype: 'f8', shape: '3,4', pyShape: '(3, 4)', order: 'C' },
  { dtype: '<f8', shape: '(3, 4)', pyShape: '(3, 4)', order: 'F' },
  { dtype: '>i2', shape: '5', pyShape: '(5,)', order: 'C' },
  { dtype: 'bool', shape: '()', pyShape: '()', order: 'C' },
  { dtype: 'c16', shape: '2x0x3', pyShape: '(2, 0, 3)', order: 'C' },
  { dtype: 'datetime64[ms]', shape: '7', pyShape: '(7,)', order: 'F' },
  { dtype: 'm8[s]', shape: '2,3', pyShape: '(2, 3)', order: 'F' },
  { dtype: 'S10', shape: '2,2', pyShape: '(2, 2)', order: 'F' },
  { dtype: 'U5', shape: '3', pyShape: '(3,)', order: 'C' },
  { dtype: 'V16', shape: '2', pyShape: '(2,)', order: 'C' },
  { dtype: 'float16', shape: '', pyShape: '()', order: 'C' },
  { dtype: 'u8', shape: '1000000000', pyShape: '(1000000000,)', order: 'C' },
  { dtype: "[('x', '<f4'), ('y', '<i4', (2,))]", shape: '(5,)', pyShape: '(5,)', order: 'C' },
  { dtype: "[('a', [('b', '>u2'), ('c', 'S3')]), ('d', '<f8', (2, 2))]", shape: '2,3', pyShape: '(2, 3)', order: 'F' },
  { dtype: "[('温度', '<f4'), ('t', '<M8[us]')]", shape: '4', pyShape: '(4,)', order: 'C' },
  { dtype: '(2,3)<f8', shape: '4', pyShape: '(4,)', order: 'C' },
  // A header over 65524 bytes: format 2.0.
  {
    dtype: `[${Array.from({ length: 4000 }, (_, i) => `('field_${String(i).padStart(5, '0')}', '<f4')`).join(', ')}]`,
    shape: '3', pyShape: '(3,)', order: 'C',
  },
];

const ORACLE = String.raw`
import ast, json, sys, warnings
import numpy as np
try:
    from numpy.lib import _format_impl as fmt
except ImportError:
    from numpy.lib import format as fmt
warnings.simplefilter('ignore')

def read_header(path):
    with open(path, 'rb') as f:
        version = fmt.read_magic(f)
        shape, fortran, dtype = fmt._read_array_header(f, version, max_header_size=1 << 24)
        return version, shape, fortran, dtype, f.tell()

out = []
for c in json.load(sys.stdin):
    spec = c['dtype']
    dt = np.dtype(ast.literal_eval(spec) if spec.lstrip().startswith('[') else spec)
    shape = tuple(ast.literal_eval(c['pyShape']))
    # numpy folds a subarray dtype into the array's shape (np.zeros(4, '(2,3)f8').shape == (4, 2, 3)).
    if dt.subdtype is not None:
        shape = shape + dt.shape
        dt = dt.base
    ref = c['path'] + '.ref'
    m = fmt.open_memmap(ref, mode='w+', dtype=dt, shape=shape, fortran_order=c['order'] == 'F')
    del m
    rv, rshape, rfortran, rdtype, roffset = read_header(ref)
    with open(ref, 'rb') as f:
        ref_header = f.read(roffset)
    import os
    ref_size = os.path.getsize(ref)
    os.remove(ref)

    version, hshape, fortran, hdtype, offset = read_header(c['path'])
    a = np.load(c['path'], mmap_mode='r', max_header_size=1 << 24)
    with open(c['path'], 'rb') as f:
        header = f.read(offset)
        nonzero = any(f.read(1 << 20)) if a.nbytes > (1 << 24) else any(f.read())
    out.append(dict(
        version='%d.%d' % version, shape=list(a.shape), fortran=bool(fortran), dtype_equal=bool(a.dtype == dt),
        dtype_str=a.dtype.str, itemsize=a.dtype.itemsize, nbytes=int(a.nbytes), offset=offset,
        is_memmap=isinstance(a, np.memmap) or a.size == 0,
        header_equal=header == ref_header, size_equal=os.path.getsize(c['path']) == ref_size,
        nonzero=bool(nonzero),
    ))
print(json.dumps(out))
`;

interface Oracle {
  version: string; shape: number[]; fortran: boolean; dtype_equal: boolean; dtype_str: string; itemsize: number;
  nbytes: number; offset: number; is_memmap: boolean; header_equal: boolean; size_equal: boolean; nonzero: boolean;
}

describe('writer × numpy', function () {
  this.timeout(120000);
  let dir: string;
  before(function () { requireNumpy(this); });
  beforeEach(() => { dir = makeTempDir(); });
  afterEach(() => {
    try {
      assert.deepEqual(leftoverDebris(dir), []);
    } finally {
      removeTempDir(dir);
    }
  });

  it(`numpy loads all ${CASES.length} files as asked, all zeros, headers identical to open_memmap's`, async () => {
    const jobs = [];
    for (const [i, c] of CASES.entries()) {
      const path = join(dir, `case${i}.npy`);
      const r = await writeZeroedNpy({ path, dtype: c.dtype, shape: c.shape, order: c.order });
      jobs.push({ ...c, path, result: r });
    }
    const oracle = pythonJson<Oracle[]>(ORACLE, [], JSON.stringify(jobs, (key, v: unknown) => (key === 'result' ? undefined : v)));
    for (const [i, o] of oracle.entries()) {
      const job = jobs[i]!;
      const r: WriteResult = job.result;
      const dtype: string = job.dtype;
      const what: string = `case ${i} (${dtype.slice(0, 40)} ${jobs[i]!.shape} ${jobs[i]!.order})`;
      assert.equal(o.dtype_equal, true, `${what}: dtype ${o.dtype_str}`);
      assert.deepEqual(o.shape.map(BigInt), r.shape, `${what}: shape`);
      assert.equal(o.fortran, r.fortranOrder, `${what}: fortran_order`);
      assert.equal(o.itemsize, r.dtype.itemsize, `${what}: itemsize`);
      assert.equal(BigInt(o.nbytes), r.dataBytes, `${what}: data bytes`);
      assert.equal(o.offset, r.header.length, `${what}: data offset`);
      assert.equal(o.header_equal, true, `${what}: header bytes differ from numpy's`);
      assert.equal(o.size_equal, true, `${what}: file size differs from numpy's`);
      assert.equal(o.nonzero, false, `${what}: data must be all zero`);
      assert.equal(o.is_memmap, true, `${what}: memory-mapped`);
    }
    // The big-header and non-latin1 cases really exercised format 2.0 and 3.0.
    assert.equal(oracle[CASES.length - 1]!.version, '2.0');
    assert.equal(oracle[CASES.findIndex((c) => c.dtype.includes('温度'))]!.version, '3.0');
  });

  it('a 64 GiB sparse file is what numpy expects, and numpy can write into it', async () => {
    const path = join(dir, 'big.npy');
    const r = await writeZeroedNpy({ path, dtype: '<f8', shape: '1024,2048,4096' });
    const o = pythonJson<{ shape: number[]; dtype: string; last: number; after: number }>(String.raw`
import sys, json, numpy as np
a = np.load(sys.argv[1], mmap_mode='r+')
last = float(a[-1, -1, -1])
a[-1, -1, -1] = 42.0
a.flush()
del a
b = np.load(sys.argv[1], mmap_mode='r')
print(json.dumps(dict(shape=list(b.shape), dtype=b.dtype.str, last=last, after=float(b[-1, -1, -1]))))
`, [path]);
    assert.deepEqual(o.shape, [1024, 2048, 4096]);
    assert.equal(o.dtype, '<f8');
    assert.equal(o.last, 0);
    assert.equal(o.after, 42);
    assert.equal(r.fileBytes, (64n << 30n) + 128n);
  });
});
