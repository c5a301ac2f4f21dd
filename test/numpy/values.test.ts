// numpy is the oracle for readValues: np.save writes random data (random bytes viewed as floats, so NaNs,
// infinities, -0.0 and subnormals come up too) for a matrix of dtypes, shapes and orders; pages read with
// readValues must print each element exactly as numpy's str() prints the same element (U as repr(str), so
// quotes show; records as numpy's str(record) and field by field), reading no byte outside the page's elements.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { inspectNpy } from '../../src/core/file/inspect';
import { LONG_DOUBLE_TEXT } from '../../src/core/values/decode';
import { MISSING_TEXT, readValues } from '../../src/core/values/pages';
import { pythonJson, requireNumpy } from '../helpers/python';
import { makeTempDir, removeTempDir } from '../helpers/tmp';

// Python building `a`. `rb(n, dt)`: n random items of dtype dt made from random bytes.
const CASES: Record<string, string> = {
  'bool (13,)': "a = rng.integers(0, 2, 13).astype('?')",
  'i1 (4, 5) F': "a = np.asfortranarray(rb(20, 'i1').reshape(4, 5))",
  '<i2 (17,)': "a = rb(17, '<i2')",
  '>i4 (3, 7)': "a = rb(21, '>i4').reshape(3, 7)",
  '<i8 (2, 3, 4) F': "a = np.asfortranarray(rb(24, '<i8').reshape(2, 3, 4))",
  '>u8 (9,)': "a = rb(9, '>u8')",
  'u1 u2 u4': "a = rb(12, '<u4').reshape(3, 4)",
  '>u2 (5, 3) F': "a = np.asfortranarray(rb(15, '>u2').reshape(5, 3))",
  '<f2 random bits (40,)': "a = rb(40, '<f2')",
  '>f2 specials': "a = np.array([0.0, -0.0, 1.0, 65504, 6e-8, 1e-5, 999, 1000, 0.1, np.inf, -np.inf, np.nan, 2.0**-14, 3.0e-5], '>f2')",
  '<f4 random bits (6, 7) F': "a = np.asfortranarray(rb(42, '<f4').reshape(6, 7))",
  '<f4 thresholds': "a = np.array([1e-4, 1.0000001e-4, 99999990, 1e8, 16777216, 123456789, 0.1, 1/3, 3.4e38, 1e-45], '<f4')",
  '>f8 random bits (5, 8)': "a = rb(40, '>f8').reshape(5, 8)",
  '<f8 thresholds': "a = np.array([1e-4, 9.999999999999999e-05, 1e16, 9999999999999998.0, 0.1, 1/3, 5e-324, 1.7976931348623157e308, -0.0, 123.0], '<f8')",
  '<f8 random (4, 3, 2) F': "a = np.asfortranarray(rng.standard_normal((4, 3, 2)) * 10.0 ** rng.integers(-8, 20, (4, 3, 2)))",
  '<c8 random bits (11,)': "a = rb(11, '<c8')",
  '>c16 (3, 4) F': "a = np.asfortranarray((rng.standard_normal((3, 4)) + 1j * rng.standard_normal((3, 4))).astype('>c16'))",
  '<c16 zeros and signs': "a = np.array([0j, complex(-0.0, 2), complex(1, -0.0), complex(0.0, -0.0), complex(-0.0, -0.0), 1e20 + 1e-20j, complex(np.nan, np.inf), 2j, complex(np.inf, -np.inf)], '<c16')",
  '<M8[s] (6,)': "a = np.concatenate([rng.integers(-2**59, 2**59, 5), [np.iinfo('i8').min]]).view('<M8[s]')",
  '>M8[ns] (4, 2) F': "a = np.asfortranarray(rng.integers(-2**62, 2**62, 8).astype('>i8').view('>M8[ns]').reshape(4, 2))",
  '<M8[D] (7,)': "a = np.concatenate([rng.integers(-10**12, 10**12, 6), [np.iinfo('i8').min]]).view('<M8[D]')",
  '<M8 Y M W h m': "a = np.array([5], 'i8'); extra = ['Y', 'M', 'W', 'h', 'm']",
  '<M8 ms us ps fs as': "a = np.array([5], 'i8'); extra = ['ms', 'us', 'ps', 'fs', 'as']",
  '<M8[10s] and [3D]': "a = np.array([5], 'i8'); extra = ['10s', '3D', '25h']",
  '<m8[s] (5,)': "a = np.concatenate([rng.integers(-2**62, 2**62, 4), [np.iinfo('i8').min]]).view('<m8[s]')",
  '>m8 units': "a = np.array([5], 'i8'); extra = ['Y', 'M', 'W', 'D', 'h', 'm', 'ms', 'us', 'ns', 'ps', 'fs', 'as', '10s']; kind = 'm'",
  'S5 (7,)': "a = np.array([b'', b'a', b\"it's\", b'\\x00ab', b'a\\x00', b'\\xff\\\\\"', bytes(rng.integers(0, 256, 5, dtype='u1'))], 'S5')",
  '<U4 (3, 2) F': "a = np.asfortranarray(np.array(['', 'ab', \"it's\", 'é\\u200b', '\\x00x', '😀\\n'], '<U4').reshape(3, 2))",
  '>U3 (2,)': "a = np.array(['xyz', 'a\"b'], '>U3')",
  'V3 (5,)': "a = rb(15, 'u1').view('V3')",
  'struct nested, subarray, padding (3, 2) F': "a = np.asfortranarray(rb(6 * 80, 'u1').view(np.dtype({'names': ['x', 'y', 'z', 't', 'c', 's'], 'formats': ['<f4', ('>i2', (2, 2)), [('a', '?'), ('b', 'S2')], '<M8[s]', '<c8', '<U2'], 'offsets': [0, 8, 16, 24, 32, 40], 'itemsize': 80})).reshape(3, 2)); a['z']['a'] = a['z']['a'].view('u1') % 2; a['t'] = a['t'].view('i8') % 10**10; a['s'] = np.array(['ab', 'c', '', 'é', 'xy', 'q']).reshape(3, 2)",
  'struct without complex (5,)': "a = np.zeros(5, [('f', '<f8'), ('h', '>f2'), ('u', '<U3'), ('w', '<f8', (2,)), ('n', [('b', '?'), ('s', 'S2')]), ('d', '<M8[D]'), ('k', '<i8')]); a['f'] = rng.standard_normal(5) * 10.0 ** rng.integers(-6, 20, 5); a['h'] = [1000, 0.1, -0.0, np.inf, 3]; a['u'] = ['ab', '', \"it's\", 'x', 'é']; a['w'] = rng.random((5, 2)); a['n']['b'] = [1, 0, 1, 0, 1]; a['n']['s'] = [b'a', b'', b'\\x00b', b'zz', b'q']; a['d'] = rng.integers(-10**6, 10**6, 5); a['k'] = rng.integers(-2**62, 2**62, 5)",
  'struct subarrays of ints and bools (6,)': "a = np.zeros(6, [('i', '<i2', (3,)), ('b', '?', (2,)), ('u', '>u8', (2, 2))]); a['i'] = rb(18, '<i2').reshape(6, 3) // rng.integers(1, 3000, (6, 3)).astype('i2'); a['b'] = rng.integers(0, 2, (6, 2)); a['u'] = rb(24, '>u8').reshape(6, 2, 2) >> rng.integers(0, 64, (6, 2, 2)).astype('u8')",
  'struct of complex (40,)': "a = np.zeros(40, [('c', '<c16'), ('g', '>c8')]); a['c'] = rb(40, '<c16'); a['g'] = (rng.standard_normal(40) * 10.0 ** rng.integers(-9, 12, 40)) + 1j * rng.standard_normal(40) * 10.0 ** rng.integers(-9, 12, 40); a['c'][:6] = [0, 1 + 2j, 0.5j, complex(-0.0, -0.0), 0.123456789123 + 1e8j, complex(np.nan, -np.inf)]",
  'struct one field (4,)': "a = np.zeros(4, [('v', '<f8')]); a['v'] = rng.random(4)",
  '0-d f8': "a = np.array(rng.random())",
  'f8 (0, 3)': "a = np.zeros((0, 3))",
}

const ORACLE = String.raw`
import json, sys
import numpy as np
rng = np.random.default_rng(20261125)
folder, cases = sys.argv[1], json.loads(sys.stdin.read())
def rb(n, dt):
    dt = np.dtype(dt)
    return np.frombuffer(rng.integers(0, 256, n * dt.itemsize, dtype='u1').tobytes(), dtype=dt).copy()

def leaf(v, dt, in_record):
    s = repr(str(v)) if dt.kind == 'U' else str(v)
    return "'" + s + "'" if in_record and dt.kind == 'M' else s

def value(v, dt, in_record):
    if dt.subdtype is not None:
        base = dt.subdtype[0]
        def level(x):
            return '[' + ', '.join(level(y) for y in x) + ']' if x.ndim else value(x[()], base, in_record)
        return level(np.asarray(v))
    if dt.names is not None:
        return record(v, dt)
    return leaf(v, dt, in_record)

def record(v, dt):
    parts = [value(v[n], dt.fields[n][0], True) for n in dt.names]
    return '(' + parts[0] + ',)' if len(parts) == 1 else '(' + ', '.join(parts) + ')'

def expected(a, start, count):
    n = a.size
    flat = a.reshape(-1) if a.ndim else a.reshape(1)  # C-order logical, whatever the memory order
    items = []
    for i in range(start, min(start + count, n)):
        x = flat[i]
        # A whole record is compared with numpy's own str(record) (complex fields print array-style there).
        item = {'text': str(x) if a.dtype.names is not None else value(x, a.dtype, False)}
        if a.dtype.names is not None:
            item['fields'] = [{'name': f, 'text': value(x[f], a.dtype.fields[f][0], False)} for f in a.dtype.names]
        items.append(item)
    return items

out = {}
for name, code in cases.items():
    env = {'np': np, 'rng': rng, 'rb': rb}
    exec(code, env)
    arrays = [(name, env['a'])]
    if 'extra' in env:
        kind = env.get('kind', 'M')
        vals = np.concatenate([rng.integers(-10**9, 10**9, 5), [0, -1, np.iinfo('i8').min]]).astype('i8')
        arrays = [(name + ' [' + u + ']', vals.view(np.dtype(('<' if kind == 'M' else '>') + kind + '8[' + u + ']'))) for u in env['extra']]
    for label, a in arrays:
        path = folder + '/' + str(len(out)) + '.npy'
        np.save(path, a)
        n = a.size
        starts = sorted({0, n // 2, max(0, n - 3)}) if n else [0]
        out[label] = {'path': path, 'fortran': bool(a.flags.f_contiguous and not a.flags.c_contiguous), 'itemsize': a.dtype.itemsize,
                      'pages': [{'start': s, 'count': 7, 'items': expected(a, s, 7)} for s in starts]}
print(json.dumps(out))
`;

interface Expected { path: string; fortran: boolean; itemsize: number; pages: Array<{ start: number; count: number; items: Array<{ text: string; fields?: Array<{ name: string; text: string }> }> }> }

describe('readValues against numpy (str of each element)', function () {
  let dir: string;
  let cases: Record<string, Expected>;

  before(function () {
    requireNumpy(this);
    dir = makeTempDir();
    cases = pythonJson<Record<string, Expected>>(ORACLE, [dir], JSON.stringify(CASES));
  });
  after(() => { if (dir) removeTempDir(dir); });

  it('prints every element of every page as numpy does and reads only the page', async function () {
    const failures: string[] = [];
    let compared = 0;
    for (const [name, c] of Object.entries(cases)) {
      const report = await inspectNpy(c.path);
      assert.equal(report.fortranOrder, c.fortran, `${name}: order`);
      for (const p of c.pages) {
        const page = await readValues(c.path, report, { start: BigInt(p.start), count: p.count });
        assert.equal(page.items.length, p.items.length, `${name} @${p.start}: item count`);
        page.items.forEach((item, k) => {
          compared++;
          const want = p.items[k];
          if (item.text !== want.text) failures.push(`${name} flat ${p.start + k}: got ${item.text} want ${want.text}`);
          if (want.fields) assert.deepEqual(item.fields, want.fields, `${name} flat ${p.start + k}: fields`);
        });
        // Exactly the page's bytes, in one read for C order and at most one per element for Fortran order.
        assert.equal(page.bytesRead, c.itemsize * p.items.length, `${name} @${p.start}: bytes read`);
        assert.equal(page.pageBytes, c.itemsize * p.items.length);
        if (!c.fortran && p.items.length > 0) assert.equal(page.reads, 1, `${name}: one read in C order`);
        assert.ok(page.reads <= p.items.length, `${name}: reads ${page.reads} ≤ items ${p.items.length}`);
      }
    }
    assert.deepEqual(failures, [], `${failures.length} of ${compared} elements differ`);
    assert.ok(compared > 400, `compared ${compared} elements`);
  });
});

describe('readValues floats against numpy, in bulk', function () {
  let dir: string;
  before(function () { requireNumpy(this); dir = makeTempDir(); });
  after(() => { if (dir) removeTempDir(dir); });

  // Every float16 bit pattern, and random float32/complex64/float64 bits: shortest digits, ties and cutoffs.
  for (const [label, code] of [
    ['all 65,536 float16 values', "a = np.arange(65536, dtype='<u2').view('<f2')"],
    ['30,000 random float32 bit patterns', "a = rng.integers(0, 2**32, 30000, dtype='u8').astype('<u4').view('<f4')"],
    ['10,000 random complex64 bit patterns', "a = rng.integers(0, 2**32, 20000, dtype='u8').astype('>u4').view('>c8')"],
    ['20,000 random float64 bit patterns', "a = rng.integers(0, 2**63, 20000, dtype='u8').view('<f8') * rng.choice([-1.0, 1.0], 20000)"],
  ] as const) {
    it(label, async function () {
      const path = join(dir, `${label.length}.npy`);
      const texts = pythonJson<string[]>(String.raw`
import json, sys
import numpy as np
rng = np.random.default_rng(7)
env = {'np': np, 'rng': rng}
exec(sys.argv[2], env)
a = env['a']
np.save(sys.argv[1], a)
print(json.dumps([str(x) for x in a]))`, [path, code]);
      const report = await inspectNpy(path);
      const got: string[] = [];
      for (let start = 0n; start < report.elementCount; start += 1000n) {
        const page = await readValues(path, report, { start, count: 1000 });
        got.push(...page.items.map((i) => i.text));
      }
      const diffs = got.map((g, i) => g === texts[i] ? '' : `#${i}: got ${g} want ${texts[i]}`).filter(Boolean);
      assert.deepEqual(diffs.slice(0, 10), [], `${diffs.length} of ${texts.length} differ`);
      assert.equal(got.length, texts.length);
    });
  }
});

describe('readValues on special files (numpy-written)', function () {
  let dir: string;
  before(function () { requireNumpy(this); dir = makeTempDir(); });
  after(() => { if (dir) removeTempDir(dir); });

  it('a 1 TiB sparse file: each page reads at most one page of bytes and shows zeros', async function () {
    const path = join(dir, 'big.npy');
    pythonJson(String.raw`
import json, sys
import numpy as np
try:
    from numpy.lib import _format_impl as fmt
except ImportError:
    from numpy.lib import format as fmt
m = fmt.open_memmap(sys.argv[1], mode='w+', dtype='<f8', shape=(1 << 17, 1 << 20))
m[12345, 678] = 2.5
m.flush()
print(json.dumps(True))`, [path]);
    const report = await inspectNpy(path);
    assert.equal(report.dataBytes, 1n << 40n);
    const at = 12345n * (1n << 20n) + 678n;
    for (const start of [0n, at - 3n, report.elementCount - 20n]) {
      const page = await readValues(path, report, { start, count: 20 });
      assert.equal(page.items.length, 20);
      assert.ok(page.bytesRead <= 20 * 8, `read ${page.bytesRead} bytes`);
      assert.equal(page.reads, 1);
      for (const item of page.items) assert.equal(item.text, item.index === at ? '2.5' : '0.0');
    }
  });

  it('a truncated file shows the elements past its end as missing', async function () {
    const path = join(dir, 'cut.npy');
    const texts = pythonJson<string[]>(String.raw`
import json, os, sys
import numpy as np
a = np.arange(10, dtype='<i4') * 7
np.save(sys.argv[1], a)
os.truncate(sys.argv[1], os.path.getsize(sys.argv[1]) - 4 * 4 - 2)
print(json.dumps([str(x) for x in a[:5]]))`, [path]);
    const report = await inspectNpy(path);
    assert.equal(report.status, 'truncated');
    const page = await readValues(path, report, { start: 0n, count: 10 });
    assert.deepEqual(page.items.slice(0, 5).map((i) => i.text), texts);
    assert.deepEqual(page.items.slice(5).map((i) => i.text), Array(5).fill(MISSING_TEXT));
    assert.ok(page.items.slice(5).every((i) => i.missing === true));
    assert.equal(page.bytesRead, 5 * 4 + 2);
  });

  it('long doubles are not guessed; object arrays are refused without reading', async function () {
    const g = join(dir, 'g.npy');
    const o = join(dir, 'o.npy');
    pythonJson(String.raw`
import json, sys
import numpy as np
np.save(sys.argv[1], np.ones(3, dtype=np.longdouble))
np.save(sys.argv[2], np.array([1, 'x', None], dtype=object), allow_pickle=True)
print(json.dumps(True))`, [g, o]);
    const page = await readValues(g, await inspectNpy(g), { start: 0n, count: 3 });
    assert.deepEqual(page.items.map((i) => i.text), Array(3).fill(LONG_DOUBLE_TEXT));
    await assert.rejects(readValues(o, await inspectNpy(o), { start: 0n, count: 3 }),
      (e: Error) => e.name === 'NpyError' && /never reads/.test(e.message) && !e.message.includes('\n'));
  });
});
