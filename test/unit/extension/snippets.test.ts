// Clipboard snippets: the Python path literal is read back by Python itself; the Rust one follows Rust's
// escape rules and names the element type ndarray-npy views.
import * as assert from 'node:assert/strict';
import { pythonSnippet, rustElementType, rustSnippet, rustStr } from '../../../src/extension/model/snippets';
import { join } from 'node:path';
import { pythonJson, requireNumpy, runPython } from '../../helpers/python';
import { makeTempDir, removeTempDir } from '../../helpers/tmp';

const nasty = ["/data/it's \"here\"\\x.npy", 'C:\\Users\\me\\zeros_f8_4.npy', '/tmp/ünï\tcødé\n.npy', "/a/'/b.npy"];

describe('Python snippet', function () {
  this.timeout(20000);
  it('np.load(<path literal>, mmap_mode=\'r\') whose literal Python reads back as the exact path', function () {
    requireNumpy(this);
    const snippets = nasty.map((path) => pythonSnippet({ path, objectData: false, dtypeName: 'float64', shape: [2n, 3n], fortranOrder: false }));
    // Parse each snippet with Python's own parser and pull out the np.load call's first argument.
    const got = pythonJson<Array<{ path: string; mmap: string }>>(`
import ast, json, sys
out = []
for src in sys.argv[1:]:
    calls = [n for n in ast.walk(ast.parse(src)) if isinstance(n, ast.Call) and getattr(n.func, 'attr', '') == 'load']
    c = calls[0]
    out.append({'path': ast.literal_eval(c.args[0]), 'mmap': [ast.literal_eval(k.value) for k in c.keywords if k.arg == 'mmap_mode'][0]})
print(json.dumps(out))`, snippets);
    assert.deepEqual(got.map((g) => g.path), nasty);
    assert.ok(got.every((g) => g.mmap === 'r'), 'read-only by default');
  });

  it('run by numpy: the default opens the file read-only, the writable form writes through to the file', function () {
    requireNumpy(this);
    const dir = makeTempDir();
    try {
      const file = join(dir, "it's.npy");
      runPython('import sys, numpy as np\nnp.save(sys.argv[1], np.arange(6, dtype="<f8").reshape(2, 3))', [file]);
      const r = { path: file, objectData: false, dtypeName: 'float64', shape: [2n, 3n], fortranOrder: false };
      const run = (snippet: string) => pythonJson<{ writeable: boolean; refused: boolean; after: number }>(`
import json, sys, numpy as np
ns = {}
exec(sys.argv[1], ns)
a = ns['a']
refused = False
try:
    a[0, 0] = 42.0
    a.flush()
except ValueError:
    refused = True
del a, ns
print(json.dumps({'writeable': bool(np.load(sys.argv[2], mmap_mode='r').flags.writeable), 'refused': refused,
                  'after': float(np.load(sys.argv[2])[0, 0])}))`, [snippet, file]);
      const readOnly = run(pythonSnippet(r));
      assert.equal(readOnly.refused, true, 'assigning into the read-only map raises');
      assert.equal(readOnly.after, 0, 'the file is unchanged');
      const writable = run(pythonSnippet(r, { writable: true }));
      assert.equal(writable.refused, false);
      assert.equal(writable.after, 42, 'the writable form changes the file');
      assert.match(pythonSnippet(r, { writable: true }), /mmap_mode='r\+'\) {2}# float64, shape \(2, 3\), C order; writable/);
    } finally {
      removeTempDir(dir);
    }
  });

  it('object arrays: no memory map, and a warning about unpickling', () => {
    const s = pythonSnippet({ path: '/x.npy', objectData: true, dtypeName: 'object', shape: [3n], fortranOrder: false });
    assert.doesNotMatch(s, /mmap_mode/);
    assert.match(s, /allow_pickle=True/);
    assert.match(s, /trust/);
  });
});

describe('Rust snippet', () => {
  it('escapes a path into a Rust string literal', () => {
    assert.equal(rustStr('C:\\a "b"\n'), '"C:\\\\a \\"b\\"\\n"');
    assert.equal(rustStr('x\u0001y'), '"x\\u{1}y"');
    assert.equal(rustStr('ünï'), '"ünï"');
  });

  it('maps numpy descrs to ndarray-npy element types', () => {
    assert.equal(rustElementType('<f8'), 'f64');
    assert.equal(rustElementType('<f4'), 'f32');
    assert.equal(rustElementType('|u1'), 'u8');
    assert.equal(rustElementType('|b1'), 'bool');
    assert.equal(rustElementType('<c16'), 'Complex<f64>');
    assert.equal(rustElementType('>f8'), undefined, 'views need native byte order');
    assert.equal(rustElementType('<f2'), undefined);
    assert.equal(rustElementType('toString'), undefined);
  });

  it('views read-only: view_npy on a memmap2 Mmap with the mapped type and dimension; the writable form in a comment', () => {
    const s = rustSnippet({ path: '/d/zeros.npy', descr: '<f8', shape: [1024n, 2048n, 4096n], fortranOrder: false, objectData: false });
    assert.match(s, /use memmap2::Mmap;/);
    assert.match(s, /use ndarray_npy::ViewNpyExt;/);
    assert.match(s, /let mmap = unsafe \{ Mmap::map\(&file\)\? \};/);
    assert.match(s, /ArrayView::<f64, Ix3>::view_npy\(&mmap\)\?;/);
    assert.match(s, /let path = "\/d\/zeros\.npy";/);
    assert.doesNotMatch(s, /^[^/]*(write\(true\)|MmapMut|view_mut_npy)/m, 'nothing writable outside comments');
    assert.match(s, /\/\/ map it with MmapMut::map_mut and use ArrayViewMut::view_mut_npy/);
  });

  it('big-endian numbers: a copy read with ReadNpyExt (which swaps bytes); no view', () => {
    const s = rustSnippet({ path: '/x.npy', descr: '>i4', shape: [5n], fortranOrder: false, objectData: false });
    assert.match(s, /let a = Array::<i32, Ix1>::read_npy\(File::open\(path\)\?\)\?;/);
    assert.match(s, /use ndarray_npy::ReadNpyExt;/);
    assert.doesNotMatch(s, /Mmap/);
  });

  it('object arrays: says ndarray-npy cannot read them at all (no ReadNpyExt advice); strings say what to do instead', () => {
    const o = rustSnippet({ path: '/x.npy', descr: '|O', shape: [3n], fortranOrder: false, objectData: true });
    assert.match(o, /ndarray-npy cannot read object arrays/);
    assert.doesNotMatch(o, /read a copy|read_npy|view_npy\(/);
    const u = rustSnippet({ path: '/x.npy', descr: '<U5', shape: [3n], fortranOrder: false, objectData: false });
    assert.match(u, /<U5: ndarray-npy has no element type for it/);
    assert.match(u, /ReadableElement/);
    assert.doesNotMatch(u, /read a copy/);
  });

  it('pulls in num-complex for complex data and IxDyn beyond 6 dimensions', () => {
    const s = rustSnippet({ path: '/x.npy', descr: '<c8', shape: [1n, 1n, 1n, 1n, 1n, 1n, 2n], fortranOrder: true, objectData: false });
    assert.match(s, /use num_complex::Complex;/);
    assert.match(s, /ArrayView::<Complex<f32>, IxDyn>::view_npy/);
  });
});
