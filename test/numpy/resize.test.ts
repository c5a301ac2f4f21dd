// numpy is the judge of resize: files made by numpy (open_memmap, write_array with v2.0/v3.0 headers) and filled
// with random data through numpy's memmap are grown, shrunk, reshaped and fitted in place; numpy must then load
// the new shape (np.load with mmap_mode='r' and without), the data offset must not move, the old elements must be
// unchanged bit for bit and the new ones zero.
import * as assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { planResizeAt, resizeNpy, ResizeRequest } from '../../src/core/file/resize';
import { pythonJson, requireNumpy } from '../helpers/python';
import { makeTempDir, removeTempDir } from '../helpers/tmp';

interface Case {
  name: string;
  /** Python building the file at `path`: `a` is filled through open_memmap unless `write` writes it itself. */
  make: string;
  req: ResizeRequest;
  force?: boolean;
  /** After numpy made the file: append bytes, or cut it to keepData bytes of data. */
  after?: { append?: number; keepData?: number };
  expectShape: number[];
}

const memmap = (dtype: string, shape: string, fortran = false): string =>
  `m = fmt.open_memmap(path, mode='w+', dtype=np.dtype(${dtype}), shape=${shape}, fortran_order=${fortran ? 'True' : 'False'})\n` +
  'off, n = m.offset, m.nbytes\ndel m\n' +
  "with open(path, 'r+b') as f:\n    f.seek(off)\n    f.write(rng.integers(1, 255, n, dtype=np.uint8).tobytes())";

const CASES: Case[] = [
  { name: '<f8 (100, 3) C grow', make: memmap("'<f8'", '(100, 3)'), req: { shape: '250, 3' }, expectShape: [250, 3] },
  { name: '<f8 (100, 3) C shrink', make: memmap("'<f8'", '(100, 3)'), req: { shape: '60,3' }, force: true, expectShape: [60, 3] },
  { name: '<f8 (100, 3) C reshape (300,)', make: memmap("'<f8'", '(100, 3)'), req: { shape: '300' }, expectShape: [300] },
  { name: '<f8 (100, 3) C reshape (3, 10, 10)', make: memmap("'<f8'", '(100, 3)'), req: { shape: '3x10x10' }, expectShape: [3, 10, 10] },
  { name: '>i2 (4, 5, 6) F grow last axis', make: memmap("'>i2'", '(4, 5, 6)', true), req: { shape: '(4, 5, 9)' }, expectShape: [4, 5, 9] },
  { name: '>i2 (4, 5, 6) F shrink last axis', make: memmap("'>i2'", '(4, 5, 6)', true), req: { shape: '(4, 5, 2)' }, force: true, expectShape: [4, 5, 2] },
  { name: '>i2 (4, 5, 6) F reshape', make: memmap("'>i2'", '(4, 5, 6)', true), req: { shape: '(20, 6)' }, expectShape: [20, 6] },
  { name: 'struct (10,) grow', make: memmap("[('x', '<f4'), ('y', '<i4', (2,))]", '(10,)'), req: { shape: '25' }, expectShape: [25] },
  { name: 'nested struct (6, 2) F grow', make: memmap("[('a', [('b', '>u2'), ('c', 'S3')]), ('d', '<f8', (2,))]", '(6, 2)', true), req: { shape: '6, 5' }, expectShape: [6, 5] },
  { name: '<U5 (7, 2) F grow', make: memmap("'<U5'", '(7, 2)', true), req: { shape: '7, 4' }, expectShape: [7, 4] },
  { name: '|S3 (8,) shrink', make: memmap("'S3'", '(8,)'), req: { shape: '3' }, force: true, expectShape: [3] },
  { name: '<M8[ns] (5, 2) grow', make: memmap("'<M8[ns]'", '(5, 2)'), req: { shape: '12, 2' }, expectShape: [12, 2] },
  { name: '<m8[s] (5,) shrink to 0', make: memmap("'<m8[s]'", '(5,)'), req: { shape: '0' }, force: true, expectShape: [0] },
  { name: '<c16 (6,) reshape', make: memmap("'<c16'", '(6,)'), req: { shape: '2, 3' }, expectShape: [2, 3] },
  { name: '|b1 (0, 4) grow a zero-length axis', make: memmap("'?'", '(0, 4)'), req: { shape: '5, 4' }, expectShape: [5, 4] },
  { name: '<f2 0-d reshape to (1, 1)', make: memmap("'<f2'", '()'), req: { shape: '1, 1' }, expectShape: [1, 1] },
  { name: '<f8 (1, 1) reshape to 0-d', make: memmap("'<f8'", '(1, 1)'), req: { shape: '()' }, expectShape: [] },
  { name: 'v2.0 header grow', make: "a = rng.random((4, 3))\nwith open(path, 'wb') as f: fmt.write_array(f, a, version=(2, 0))", req: { shape: '40, 3' }, expectShape: [40, 3] },
  { name: 'v3.0 header (non-latin1 field) grow', make: "a = np.ones(3, dtype=[('温度', '<f4')])\nwith open(path, 'wb') as f: fmt.write_array(f, a)", req: { shape: '7' }, expectShape: [7] },
  { name: 'fit: 4 whole rows appended take their place', make: memmap("'<u2'", '(10, 3)'), req: { fit: true }, after: { append: 4 * 3 * 2 }, expectShape: [14, 3] },
  { name: 'fit: a torn file loses its partial row (force)', make: memmap("'<f4'", '(10, 3)'), req: { fit: true }, force: true, after: { keepData: 7 * 12 + 5 }, expectShape: [7, 3] },
  { name: 'fit: truncated to whole rows needs no force', make: memmap("'<f4'", '(10, 3)', true), req: { fit: true }, after: { keepData: 10 * 4 * 2 }, expectShape: [10, 2] },
];

const MAKE = String.raw`
import json, sys
import numpy as np
try:
    from numpy.lib import _format_impl as fmt
except ImportError:
    from numpy.lib import format as fmt
rng = np.random.default_rng(7)
jobs = json.loads(sys.stdin.read())
out = []
for job in jobs:
    path = job['path']
    exec(job['make'], dict(np=np, fmt=fmt, rng=rng, path=path))
    with open(path, 'rb') as f:
        major, minor = fmt.read_magic(f)
        fmt._read_array_header(f, (major, minor))
        out.append(f.tell())
print(json.dumps(out))
`;

const CHECK = String.raw`
import json, sys
import numpy as np
try:
    from numpy.lib import _format_impl as fmt
except ImportError:
    from numpy.lib import format as fmt
out = []
for job in json.loads(sys.stdin.read()):
    r = {}
    with open(job['path'], 'rb') as f:
        version = fmt.read_magic(f)
        shape, fortran, dtype = fmt._read_array_header(f, version)
        r['offset'] = f.tell()
        r['itemsize'] = dtype.itemsize
    m = np.load(job['path'], mmap_mode='r')
    a = np.load(job['path'])
    r['shape'] = list(m.shape)
    r['loadShape'] = list(a.shape)
    r['fortran'] = bool(fortran)
    r['same'] = np.asarray(m).tobytes(order='A') == a.tobytes(order='A')
    out.append(r)
print(json.dumps(out))
`;

describe('resize × numpy', function () {
  this.timeout(120000);
  let dir: string;
  before(function () { requireNumpy(this); });
  beforeEach(() => { dir = makeTempDir(); });
  afterEach(() => removeTempDir(dir));

  it(`${CASES.length} cases: numpy loads the new shape, the offset stays, old bytes unchanged, new bytes zero`, async () => {
    const jobs = CASES.map((c, i) => ({ path: join(dir, `case${i}.npy`), make: c.make }));
    const offsets = pythonJson<number[]>(MAKE, [], JSON.stringify(jobs));
    const before: Buffer[] = [];
    for (const [i, c] of CASES.entries()) {
      const path = jobs[i]!.path;
      if (c.after?.append) appendFileSync(path, Buffer.alloc(c.after.append, 0xab));
      if (c.after?.keepData !== undefined) truncateSync(path, offsets[i]! + c.after.keepData);
      before.push(readFileSync(path));
      copyFileSync(path, `${path}.orig`);
    }
    for (const [i, c] of CASES.entries()) {
      const path = jobs[i]!.path;
      const plan = await planResizeAt(path, c.req);
      const r = await resizeNpy({ path, ...c.req, force: c.force });
      assert.deepEqual(r.plan.newShape.map(Number), c.expectShape, c.name);
      assert.deepEqual(plan.newShape, r.plan.newShape, `${c.name}: planResizeAt plans what resizeNpy does`);
      assert.equal(r.report.status, 'ok', `${c.name}: ${r.report.statusMessage}`);
    }
    const checked = pythonJson<Array<{ offset: number; itemsize: number; shape: number[]; loadShape: number[]; fortran: boolean; same: boolean }>>(CHECK, [], JSON.stringify(jobs));
    for (const [i, c] of CASES.entries()) {
      const got = checked[i]!;
      const what = c.name;
      assert.deepEqual(got.shape, c.expectShape, `${what}: shape numpy sees (mmap)`);
      assert.deepEqual(got.loadShape, c.expectShape, `${what}: shape numpy sees (np.load)`);
      assert.ok(got.same, `${what}: np.load and the memmap agree`);
      assert.equal(got.offset, offsets[i], `${what}: the data offset did not move`);
      const old = before[i]!;
      const now = readFileSync(jobs[i]!.path);
      const off = offsets[i]!;
      const newData = c.expectShape.reduce((a, b) => a * b, 1) * got.itemsize;
      assert.equal(now.length, off + newData, `${what}: file size`);
      // Old bytes where they were (as many as both hold), zeros after.
      const kept = Math.min(old.length, now.length) - off;
      assert.ok(now.subarray(off, off + kept).equals(old.subarray(off, off + kept)), `${what}: old data bit for bit`);
      assert.ok(now.subarray(off + kept).every((b) => b === 0), `${what}: new elements are zero`);
    }
  });

  it('growing a 64 GiB sparse file to 128 GiB adds no allocated block, and numpy maps the new shape', async () => {
    const path = join(dir, 'big.npy');
    pythonJson(MAKE, [], JSON.stringify([{ path, make: "m = fmt.open_memmap(path, mode='w+', dtype='<f8', shape=(1024, 2048, 4096))\nm[5, 6, 7] = 42.0\nm.flush()\ndel m" }]));
    const blocksBefore = statSync(path).blocks;
    const r = await resizeNpy({ path, shape: '2048, 2048, 4096' });
    assert.equal(r.report.fileBytes, 128n * 1024n ** 3n + BigInt(r.report.dataOffset));
    assert.equal(statSync(path).blocks, blocksBefore, 'no block allocated by growing');
    const seen = pythonJson<{ shape: number[]; v: number; far: number }>(String.raw`
import json, sys
import numpy as np
m = np.load(sys.argv[1], mmap_mode='r')
print(json.dumps(dict(shape=list(m.shape), v=float(m[5, 6, 7]), far=float(m[2047, 2047, 4095]))))
`, [path]);
    assert.deepEqual(seen, { shape: [2048, 2048, 4096], v: 42, far: 0 });
  });

  it('a header written without growth room is refused with the characters missing, and numpy still loads the untouched file', async () => {
    const path = join(dir, 'tight.npy');
    // HEADER_LEN = the dict text + "\n" only: no growth padding, no alignment padding (numpy reads it anyway).
    pythonJson(MAKE, [], JSON.stringify([{ path, make: String.raw`
text = "{'descr': '<f8', 'fortran_order': False, 'shape': (9,), }\n".encode('latin1')
with open(path, 'wb') as f:
    f.write(b'\x93NUMPY\x01\x00' + len(text).to_bytes(2, 'little') + text + np.arange(9, dtype='<f8').tobytes())
` }]));
    const old = readFileSync(path);
    await assert.rejects(resizeNpy({ path, shape: '10' }), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'no-room');
      assert.match(e.message, /needs 1 more character than its 58,/);
      return true;
    });
    assert.ok(readFileSync(path).equals(old), 'the file is byte for byte untouched');
    // Shrinking to a single digit fits, and is still refused without force (it cuts).
    await assert.rejects(resizeNpy({ path, shape: '8' }), /Not resized/);
    const loaded = pythonJson<number[]>("import json, sys\nimport numpy as np\nprint(json.dumps(np.load(sys.argv[1]).tolist()))", [path]);
    assert.deepEqual(loaded, [0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
