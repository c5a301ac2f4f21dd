// Clipboard snippets: the Python path literal is read back by Python itself; the Rust one follows Rust's
// escape rules and names the element type ndarray-npy views.
import * as assert from 'node:assert/strict';
import { pythonSnippet, rustElementType, rustSnippet, rustStr } from '../../../src/extension/model/snippets';
import { pythonJson, requireNumpy } from '../../helpers/python';

const nasty = ["/data/it's \"here\"\\x.npy", 'C:\\Users\\me\\zeros_f8_4.npy', '/tmp/ünï\tcødé\n.npy', "/a/'/b.npy"];

describe('Python snippet', () => {
  it('np.load(<path literal>, mmap_mode=\'r+\') whose literal Python reads back as the exact path', function () {
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
    assert.ok(got.every((g) => g.mmap === 'r+'));
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

  it('uses view_mut_npy on a memmap2 MmapMut with the mapped type and dimension', () => {
    const s = rustSnippet({ path: '/d/zeros.npy', descr: '<f8', shape: [1024n, 2048n, 4096n], fortranOrder: false, objectData: false });
    assert.match(s, /use memmap2::MmapMut;/);
    assert.match(s, /use ndarray_npy::ViewMutNpyExt;/);
    assert.match(s, /MmapMut::map_mut\(&file\)/);
    assert.match(s, /ArrayViewMut::<f64, Ix3>::view_mut_npy\(&mut mmap\)\?;/);
    assert.match(s, /open\("\/d\/zeros\.npy"\)/);
  });

  it('falls back to a comment when no element type fits', () => {
    const s = rustSnippet({ path: '/x.npy', descr: '>i4', shape: [5n], fortranOrder: false, objectData: false });
    assert.match(s, /\/\/ >i4 has no element type/);
    assert.match(s, /\/\/ let mut view = ArrayViewMut::<T, Ix1>/);
  });

  it('pulls in num-complex for complex data and IxDyn beyond 6 dimensions', () => {
    const s = rustSnippet({ path: '/x.npy', descr: '<c8', shape: [1n, 1n, 1n, 1n, 1n, 1n, 2n], fortranOrder: true, objectData: false });
    assert.match(s, /use num_complex::Complex;/);
    assert.match(s, /ArrayViewMut::<Complex<f32>, IxDyn>/);
  });
});
