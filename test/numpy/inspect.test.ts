// numpy is the oracle for inspect: files written by np.save / write_array / open_memmap (random data, many
// dtypes, shapes, orders and header versions) report what numpy's own header reader says.
import * as assert from 'node:assert/strict';
import { appendFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { inspectNpy } from '../../src/core/file/inspect';
import { pythonJson, requireNumpy } from '../helpers/python';
import { makeTempDir, removeTempDir } from '../helpers/tmp';

// Each case is Python code building `a` (an array) and optionally `version` (for write_array) or `memmap`
// (shape/dtype for open_memmap, data never written).
const CASES: Record<string, string> = {
  'f8 (3, 4) C': "a = rng.random((3, 4))",
  'f4 (3, 4) F': "a = np.asfortranarray(rng.random((3, 4)).astype('<f4'))",
  '>f8 (3, 4) F': "a = np.asfortranarray(rng.random((3, 4)).astype('>f8'))",
  '>i2 (5,)': "a = rng.integers(-999, 999, 5).astype('>i2')",
  'bool 0-d': "a = np.array(True)",
  'f2 0-d': "a = np.array(1.5, dtype='<f2')",
  'f8 (0,)': "a = np.zeros((0,))",
  'u1 (2, 0, 3)': "a = np.zeros((2, 0, 3), dtype='u1')",
  'c16 (2, 2)': "a = (rng.random((2, 2)) + 1j).astype('<c16')",
  'M8[ns] (3,)': "a = np.array(['2024-01-01', '2025-06-30', 'NaT'], dtype='datetime64[ns]')",
  'm8[s] (3,)': "a = np.array([1, 2, 3], dtype='timedelta64[s]')",
  'S5 (4,)': "a = np.array([b'a', b'bb', b'ccc', b'ddddd'], dtype='S5')",
  'U10 (2,)': "a = np.array(['hello', 'wörld'], dtype='<U10')",
  'V8 (3,)': "a = np.zeros(3, dtype='V8')",
  'i8 (2, 3, 4) C': "a = rng.integers(0, 9, (2, 3, 4))",
  'u8 (2, 3, 4) F': "a = np.asfortranarray(rng.integers(0, 9, (2, 3, 4)).astype('u8'))",
  'struct (5,)': "a = np.zeros(5, dtype=[('x', '<f4'), ('y', '<i4', (2,))])",
  'struct padded': "a = np.zeros(3, dtype=np.dtype({'names': ['a', 'b'], 'formats': ['u1', '>f8'], 'offsets': [0, 8], 'itemsize': 24}))",
  'nested struct (2, 3) F': "a = np.asfortranarray(np.zeros((2, 3), dtype=[('a', [('b', '>u2'), ('c', 'S3')]), ('d', '<f8', (2, 2))]))",
  'v2.0 f8 (7,)': "a = rng.random(7); version = (2, 0)",
  'v3.0 f8 (7,)': "a = rng.random(7); version = (3, 0)",
  'v3.0 unicode field': "a = np.zeros(2, dtype=[('温度', '<f4')])",
  'v2.0 big header': "a = np.zeros(2, dtype=[('f%05d' % i, '<f4') for i in range(5000)])",
  'memmap 8 TiB': "memmap = dict(dtype='<f8', shape=(1 << 40,))",
  'memmap 1e12 u1 F': "memmap = dict(dtype='u1', shape=(1000, 1000000000), fortran_order=True)",
};

const ORACLE = String.raw`
import json, os, sys, warnings
import numpy as np
try:
    from numpy.lib import _format_impl as fmt
except ImportError:
    from numpy.lib import format as fmt
warnings.simplefilter('ignore')
rng = np.random.default_rng(12345)
folder, cases = sys.argv[1], json.loads(sys.stdin.read())
out = {}
for i, (name, code) in enumerate(cases.items()):
    path = os.path.join(folder, 'case%02d.npy' % i)
    env = dict(np=np, rng=rng)
    exec(code, env)
    if 'memmap' in env:
        m = fmt.open_memmap(path, mode='w+', **env['memmap'])
        del m
    else:
        with open(path, 'wb') as f:
            fmt.write_array(f, env['a'], version=env.get('version'), allow_pickle=False)
    with open(path, 'rb') as f:
        major, minor = fmt.read_magic(f)
        shape, fortran, dtype = fmt._read_array_header(f, (major, minor), max_header_size=1 << 24)
        offset = f.tell()
    descr = fmt.dtype_to_descr(dtype)
    count = int(np.prod(shape, dtype=object)) if shape else 1
    out[name] = dict(path=path, version='%d.%d' % (major, minor), descr=descr if isinstance(descr, str) else repr(descr),
        dtype_str=dtype.str, shape=[str(d) for d in shape], fortran=bool(fortran), itemsize=dtype.itemsize,
        count=str(count), data_bytes=str(count * dtype.itemsize), offset=offset, size=str(os.path.getsize(path)),
        fields=None if dtype.names is None else list(dtype.names))
print(json.dumps(out))
`;

interface Oracle {
  path: string; version: string; descr: string; dtype_str: string; shape: string[]; fortran: boolean; itemsize: number;
  count: string; data_bytes: string; offset: number; size: string; fields: string[] | null;
}

describe('inspect × numpy', function () {
  this.timeout(120000);
  let dir: string;
  let oracle: Record<string, Oracle>;
  before(function () {
    requireNumpy(this);
    dir = makeTempDir();
    oracle = pythonJson<Record<string, Oracle>>(ORACLE, [dir], JSON.stringify(CASES));
  });
  after(() => { if (dir) removeTempDir(dir); });

  for (const name of Object.keys(CASES)) {
    it(`reports what numpy reads: ${name}`, async () => {
      const o = oracle[name]!;
      const r = await inspectNpy(o.path);
      assert.equal(r.version, o.version, 'version');
      assert.equal(r.descr, o.descr, 'descr');
      assert.equal(r.fortranOrder, o.fortran, 'fortran_order');
      assert.deepEqual(r.shape.map(String), o.shape, 'shape');
      assert.equal(r.itemsize, o.itemsize, 'itemsize');
      assert.equal(r.elementCount, BigInt(o.count), 'element count');
      assert.equal(r.dataBytes, BigInt(o.data_bytes), 'data bytes');
      assert.equal(r.dataOffset, o.offset, 'data offset (file position after numpy read the header)');
      assert.equal(r.headerLength, o.offset - (o.version === '1.0' ? 10 : 12), 'header length');
      assert.equal(r.fileBytes, BigInt(o.size), 'file size');
      assert.equal(r.status, 'ok', r.statusMessage);
      assert.equal(r.bytesRead, r.dataOffset, 'only the header is read');
      assert.equal(r.objectData, false);
      if (o.dtype_str.startsWith('|V') && o.fields) {
        assert.deepEqual(r.fields?.filter((f) => f.name !== '').map((f) => f.name), o.fields, 'field names');
      } else {
        assert.equal(r.fields, null);
        assert.equal(r.descr, o.dtype_str, 'plain descr is dtype.str');
      }
      const ndim = o.shape.length;
      assert.equal(r.growthAxis, ndim === 0 ? null : o.fortran ? ndim - 1 : 0);
      assert.equal(r.alignment, 64);
    });
  }

  it('an 8 TiB sparse file (numpy open_memmap) inspects reading exactly dataOffset bytes', async () => {
    const o = oracle['memmap 8 TiB']!;
    const r = await inspectNpy(o.path);
    assert.equal(r.fileBytes, (8n << 40n) + BigInt(o.offset));
    assert.equal(r.bytesRead, o.offset);
    assert.ok(r.allocatedBytes !== null && r.allocatedBytes <= 8192n, `allocated ${r.allocatedBytes}`);
  });

  it('truncated and trailing-bytes numpy files give the right status and counts', async () => {
    const o = oracle['i8 (2, 3, 4) C']!;
    const size = Number(o.size);
    truncateSync(o.path, size - 40);
    let r = await inspectNpy(o.path);
    assert.equal(r.status, 'truncated');
    assert.equal(r.statusBytes, 40n);
    assert.equal(r.statusMessage, 'Truncated: 40 bytes of data are missing.');
    truncateSync(o.path, size);
    appendFileSync(o.path, Buffer.alloc(3000, 1));
    r = await inspectNpy(o.path);
    assert.equal(r.status, 'trailing-bytes');
    assert.equal(r.statusBytes, 3000n);
    assert.match(r.statusMessage, /3,000 bytes/);
    assert.equal(BigInt(statSync(o.path).size), r.fileBytes);
  });

  it('object arrays (np.save with allow_pickle): objectData, the pickle is never read', async () => {
    const path = join(dir, 'objects.npy');
    const o = pythonJson<{ offset: number; size: number; descr: string }>(String.raw`
import sys, json, numpy as np
try:
    from numpy.lib import _format_impl as fmt
except ImportError:
    from numpy.lib import format as fmt
a = np.array([{'a': 1}, 'text', None, 3.5], dtype=object)
np.save(sys.argv[1], a, allow_pickle=True)
with open(sys.argv[1], 'rb') as f:
    v = fmt.read_magic(f)
    shape, fortran, dtype = fmt._read_array_header(f, v)
    offset = f.tell()
import os
print(json.dumps(dict(offset=offset, size=os.path.getsize(sys.argv[1]), descr=dtype.str)))
`, [path]);
    const r = await inspectNpy(path);
    assert.equal(r.objectData, true);
    assert.equal(r.descr, o.descr);
    assert.deepEqual(r.shape, [4n]);
    assert.equal(r.dataOffset, o.offset);
    assert.equal(r.bytesRead, o.offset);
    assert.equal(r.dataBytes, BigInt(o.size - o.offset));
    assert.match(r.statusMessage, /pickle/);
  });
});
