// numpy is the oracle for .npz: archives written by np.savez, np.savez_compressed and a Zip64 one over 4 GiB
// (numpy's own zipfile path, made sparse and cheap: zero chunks become holes, their CRC is computed
// algebraically) report per member what numpy reads from that member's header, and the zip's own sizes.
import * as assert from 'node:assert/strict';
import { inspectNpz, NpzReport } from '../../src/core/npz/inspectNpz';
import { STREAM_CHUNK_BYTES } from '../../src/core/npz/countingReader';
import { readNpzMemberValues } from '../../src/core/npz/memberValues';
import { inspectNpy } from '../../src/core/file/inspect';
import { readValues } from '../../src/core/values/pages';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths';
import { pythonJson, requireNumpy } from '../helpers/python';
import { makeTempDir, removeTempDir } from '../helpers/tmp';

const ORACLE = String.raw`
import json, os, sys, warnings, zipfile
import numpy as np
try:
    from numpy.lib import _format_impl as fmt
except ImportError:
    from numpy.lib import format as fmt
warnings.simplefilter('ignore')
folder = sys.argv[1]
rng = np.random.default_rng(7)
arrays = dict(
    f8=rng.random((3, 4)),
    f4F=np.asfortranarray(rng.random((3, 5)).astype('<f4')),
    bi2=rng.integers(-99, 99, 6).astype('>i2'),
    scalar=np.array(2.5, dtype='<f2'),
    empty=np.zeros((0, 3), dtype='u1'),
    when=np.array(['2024-01-01', 'NaT'], dtype='datetime64[ms]'),
    text=np.array(['hello', 'wörld'], dtype='<U7'),
    rec=np.zeros(4, dtype=[('x', '<f4'), ('y', '>i4', (2,)), ('s', 'S3')]),
    obj=np.array([1, 'two', None], dtype=object),
    noise=rng.random(200000),
)
np.savez(os.path.join(folder, 'savez.npz'), *[arrays['f8'], arrays['bi2']], **{k: v for k, v in arrays.items() if k not in ('f8', 'bi2')})
np.savez_compressed(os.path.join(folder, 'compressed.npz'), **arrays)

# Over 4 GiB through numpy's writer path without writing 4 GiB (test/helpers/sparse_zip64.py).
sys.path.insert(0, sys.argv[2])
from sparse_zip64 import write_sparse_zip64
write_sparse_zip64(os.path.join(folder, 'zip64.npz'), 'after.npy', np.asfortranarray(np.arange(6, dtype='<i4').reshape(2, 3)))

out = {}
for name in ('savez.npz', 'compressed.npz', 'zip64.npz'):
    path = os.path.join(folder, name)
    members = []
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            with zf.open(info.filename) as m:
                major, minor = fmt.read_magic(m)
                shape, fortran, dtype = fmt._read_array_header(m, (major, minor), max_header_size=1 << 24)
                offset = m.tell()
            descr = fmt.dtype_to_descr(dtype)
            members.append(dict(name=info.filename, method=info.compress_type, compressed=str(info.compress_size),
                uncompressed=str(info.file_size), version='%d.%d' % (major, minor),
                descr=descr if isinstance(descr, str) else repr(descr), shape=[str(d) for d in shape],
                fortran=bool(fortran), offset=offset, object=bool(dtype.hasobject)))
    # np.load's own view of the same keys (names without .npy), header-only: dtype/shape/fortran via the lazy NpzFile.
    with np.load(path, allow_pickle=False) as z:
        keys = sorted(z.files)
    out[name] = dict(path=path, size=str(os.path.getsize(path)), members=members, keys=keys)
print(json.dumps(out))
`;

interface OracleMember {
  name: string; method: number; compressed: string; uncompressed: string; version: string; descr: string;
  shape: string[]; fortran: boolean; offset: number; object: boolean;
}
interface OracleArchive { path: string; size: string; members: OracleMember[]; keys: string[] }

function assertMatchesNumpy(r: NpzReport, o: OracleArchive): void {
  assert.equal(r.fileBytes, BigInt(o.size));
  assert.equal(r.entryCount, o.members.length);
  assert.deepEqual(r.members.map((m) => m.name), o.members.map((m) => m.name), 'members in central-directory order');
  assert.deepEqual(r.members.map((m) => m.name.replace(/\.npy$/, '')).sort(), o.keys, 'np.load keys');
  for (const [i, om] of o.members.entries()) {
    const m = r.members[i]!;
    const what = `${m.name}: `;
    assert.equal(m.error, null, what + m.error);
    const rep = m.report!;
    assert.equal(m.method, om.method, `${what}method`);
    assert.equal(m.compression, om.method === 0 ? 'stored' : 'deflated', `${what}compression`);
    assert.equal(m.compressedSize, BigInt(om.compressed), `${what}compressed size`);
    assert.equal(m.uncompressedSize, BigInt(om.uncompressed), `${what}uncompressed size`);
    assert.equal(rep.version, om.version, `${what}version`);
    assert.equal(rep.descr, om.descr, `${what}descr`);
    assert.deepEqual(rep.shape.map(String), om.shape, `${what}shape`);
    assert.equal(rep.fortranOrder, om.fortran, `${what}fortran_order`);
    assert.equal(rep.dataOffset, om.offset, `${what}data offset`);
    assert.equal(rep.objectData, om.object, `${what}object`);
    // numpy writes members exactly header + data: the uncompressed size is what the header promises.
    assert.equal(rep.status, 'ok', `${what}${rep.statusMessage}`);
    if (!om.object) assert.equal(rep.expectedFileBytes, BigInt(om.uncompressed), `${what}expected size`);
  }
}

describe('npz × numpy', function () {
  this.timeout(120000);
  let dir: string;
  let oracle: Record<string, OracleArchive>;
  before(function () {
    requireNumpy(this);
    dir = makeTempDir('zeroed-npy-npz-numpy-');
    oracle = pythonJson<Record<string, OracleArchive>>(ORACLE, [dir, join(repoRoot, 'test', 'helpers')]);
  });
  after(() => { if (dir) removeTempDir(dir); });

  it('np.savez: every stored member reports what numpy reads from its header', async () => {
    const o = oracle['savez.npz']!;
    const r = await inspectNpz(o.path);
    assertMatchesNumpy(r, o);
    assert.ok(r.members.every((m) => m.compression === 'stored'));
    assert.ok(r.members.some((m) => m.name === 'arr_0.npy') && r.members.some((m) => m.name === 'arr_1.npy'), 'positional arrays');
    const obj = r.members.find((m) => m.name === 'obj.npy')!;
    assert.equal(obj.report?.objectData, true, 'object member: the pickle is reported, never read');
    // Stored members: the local header twice plus exactly the header bytes, never a byte of data.
    for (const m of r.members) assert.equal(m.bytesRead, 60 + m.report!.dataOffset, m.name);
  });

  it('np.savez_compressed: deflated members inflate only their first chunk', async () => {
    const o = oracle['compressed.npz']!;
    const r = await inspectNpz(o.path);
    assertMatchesNumpy(r, o);
    assert.ok(r.members.every((m) => m.compression === 'deflated'));
    const noise = r.members.find((m) => m.name === 'noise.npy')!;
    assert.ok(noise.compressedSize > 1000000n, `noise compresses to ${noise.compressedSize}`);
    for (const m of r.members) assert.ok(m.bytesRead <= 30 + 2 * STREAM_CHUNK_BYTES, `${m.name} read ${m.bytesRead}`);
  });

  it('a Zip64 archive over 4 GiB: exact sizes, and a few dozen KiB read', async () => {
    const o = oracle['zip64.npz']!;
    const r = await inspectNpz(o.path);
    assertMatchesNumpy(r, o);
    assert.equal(r.zip64, true);
    assert.ok(r.fileBytes > 1n << 32n);
    const big = r.members[0]!;
    assert.ok(big.uncompressedSize > 1n << 32n);
    assert.equal(big.zip64, true, 'sizes over 4 GiB: a Zip64 extra field in the directory');
    assert.equal(r.members[1]!.zip64, true, 'the second member starts beyond 4 GiB: a Zip64 offset');
    assert.equal(r.members[1]!.report?.fortranOrder, true);
    // The end-record search (65,577 bytes) dominates; the rest is the directory and two headers.
    assert.ok(r.bytesRead <= 66 * 1024 + 512, `read ${r.bytesRead} of ${r.fileBytes}`);
  });
});

// Member values: the same arrays saved by np.save (the .npy path, checked against numpy's own str() in
// values.test.ts) and inside np.savez / np.savez_compressed archives; every page of a member — first, middle,
// last — must decode to exactly what the .npy path gives, and a stored member's page reads only its local
// header and the page's bytes.
const VALUES_ORACLE = String.raw`
import json, os, sys
import numpy as np
folder = sys.argv[1]
rng = np.random.default_rng(11)
rec = np.zeros(57, dtype=[('x', '<f4'), ('y', '>i4', (2,)), ('s', 'S3'), ('u', '<U4'), ('n', [('b', '?'), ('d', '<M8[s]')])])
rec['x'] = rng.standard_normal(57); rec['y'] = rng.integers(-999, 999, (57, 2)); rec['s'] = [b'ab', b'', b"q'"] * 19
rec['u'] = ['h\u00e9', '', 'wo"r', 'x'] * 14 + ['z']; rec['n']['b'] = rng.integers(0, 2, 57); rec['n']['d'] = rng.integers(0, 10**9, 57)
arrays = dict(
    f8=rng.standard_normal((40, 31)) * 10.0 ** rng.integers(-9, 12, (40, 31)),
    f4F=np.asfortranarray(rng.random((23, 17)).astype('<f4')),
    bi2=rng.integers(-30000, 30000, 301).astype('>i2'),
    c16=(rng.standard_normal(77) + 1j * rng.standard_normal(77)).astype('<c16'),
    flags=rng.integers(0, 2, 90).astype('?'),
    when=rng.integers(-10**12, 10**12, 45).view('<M8[ms]'),
    text=np.array(['hello', 'w\u00f6rld', "it's", '', 'a"b'] * 13, dtype='<U6'),
    raw=np.array([b'a', b'\x00b', b'xyz\xff', b''] * 11, dtype='S4'),
    rec=rec,
    scalar=np.array(2.5, dtype='<f2'),
    noise=rng.random(300000),
)
for k, v in arrays.items():
    np.save(os.path.join(folder, k + '.npy'), v)
np.savez(os.path.join(folder, 'stored.npz'), **arrays)
np.savez_compressed(os.path.join(folder, 'deflated.npz'), **arrays)
print(json.dumps(sorted(arrays)))
`;

describe('npz member values × numpy', function () {
  this.timeout(120000);
  let dir: string;
  let names: string[];
  before(function () {
    requireNumpy(this);
    dir = makeTempDir('zeroed-npy-npz-values-');
    names = pythonJson<string[]>(VALUES_ORACLE, [dir]);
  });
  after(() => { if (dir) removeTempDir(dir); });

  for (const archive of ['stored.npz', 'deflated.npz']) {
    it(`${archive === 'stored.npz' ? 'np.savez' : 'np.savez_compressed'}: first, middle and last pages of every member decode as the same array's .npy`, async () => {
      const z = await inspectNpz(join(dir, archive));
      assert.deepEqual(z.members.map((m) => m.name).sort(), names.map((n) => `${n}.npy`));
      let pages = 0;
      for (const m of z.members) {
        const npyPath = join(dir, m.name);
        const npy = await inspectNpy(npyPath);
        const total = npy.elementCount;
        assert.equal(m.report!.elementCount, total, m.name);
        const starts = [...new Set([0n, total / 2n, total > 7n ? total - 7n : 0n])];
        for (const start of starts) {
          const want = await readValues(npyPath, npy, { start, count: 20 });
          const got = await readNpzMemberValues(join(dir, archive), m, { start, count: 20 });
          const what = `${archive} ${m.name} from ${start}`;
          assert.ok(want.items.length > 0, what);
          assert.deepEqual(got.items, want.items, what);
          assert.equal(got.start, want.start, what);
          if (archive === 'stored.npz') {
            assert.equal(got.archiveBytesRead, 30 + want.bytesRead, `${what}: the local header and the page's bytes only`);
            assert.equal(got.reads, want.reads, `${what}: as many reads as the .npy path`);
          } else {
            assert.ok(got.inflatedBytes! >= m.report!.dataOffset + want.bytesRead, what);
          }
          pages++;
        }
      }
      assert.ok(pages >= 3 * names.length - 2, `${pages} pages compared`);
    });
  }

  it('np.savez_compressed: a middle page of a 2.4 MB member reads about half of its compressed bytes, not all', async () => {
    const z = await inspectNpz(join(dir, 'deflated.npz'));
    const m = z.members.find((x) => x.name === 'noise.npy')!;
    const page = await readNpzMemberValues(join(dir, 'deflated.npz'), m, { start: 150000n, count: 20 });
    const ratio = page.archiveBytesRead / Number(m.compressedSize);
    assert.ok(ratio > 0.4 && ratio < 0.6, `read ${page.archiveBytesRead} of ${m.compressedSize} compressed bytes`);
  });
});
