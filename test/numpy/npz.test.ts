// numpy is the oracle for .npz: archives written by np.savez, np.savez_compressed and a Zip64 one over 4 GiB
// (numpy's own zipfile path, made sparse and cheap: zero chunks become holes, their CRC is computed
// algebraically) report per member what numpy reads from that member's header, and the zip's own sizes.
import * as assert from 'node:assert/strict';
import { inspectNpz, NpzReport } from '../../src/core/npz/inspectNpz';
import { STREAM_CHUNK_BYTES } from '../../src/core/npz/countingReader';
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
