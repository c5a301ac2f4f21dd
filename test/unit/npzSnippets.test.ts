// A .npz member's copy snippets: the Python one is run by Python itself on an archive numpy wrote (with a
// hostile archive path) and must load exactly that member; the Rust one names the member for NpzReader::by_name
// and says plainly when ndarray-npy cannot read it (object arrays, other element types).
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { inspectNpz } from '../../src/core/npz/inspectNpz';
import { npzKey, npzPythonSnippet, npzRustSnippet } from '../../src/extension/model/npzSnippets';
import { pythonJson, requireNumpy, runPython } from '../helpers/python';
import { makeTempDir, removeTempDir } from '../helpers/tmp';

describe('npz member snippets', function () {
  this.timeout(30000);
  let dir: string | undefined;
  after(() => { if (dir) removeTempDir(dir); });

  it('np.load(<archive>)[<key>] loads exactly that member, whatever the archive is called', async function () {
    requireNumpy(this);
    dir = makeTempDir('zeroed-npy-npzsnip-');
    const archive = join(dir, "it's \"odd\"\\ ünï.npz");
    runPython(`
import sys, numpy as np
np.savez_compressed(sys.argv[1], x=np.arange(6.0).reshape(2, 3), **{'odd name.npy': np.array([1, 2], dtype='>i2')})
`, [archive]);
    const r = await inspectNpz(archive);
    for (const m of r.members) {
      const snippet = npzPythonSnippet(archive, m.name, m.report!);
      assert.doesNotMatch(snippet, /mmap_mode/, 'a member cannot be memory-mapped');
      // Run the snippet as written, then report what `a` holds.
      const got = pythonJson<{ repr: string; dtype: string }>(`${snippet}\nimport json\nprint(json.dumps({'repr': repr(a.tolist()), 'dtype': a.dtype.str}))`);
      const want = pythonJson<{ repr: string; dtype: string }>(`
import json, sys, numpy as np
with np.load(sys.argv[1]) as z:
    a = z[sys.argv[2]]
print(json.dumps({'repr': repr(a.tolist()), 'dtype': a.dtype.str}))`, [archive, npzKey(m.name)]);
      assert.deepEqual(got, want, m.name);
    }
    assert.deepEqual(r.members.map((m) => npzKey(m.name)).sort(), ['odd name.npy', 'x'], 'the keys np.load lists (one .npy stripped)');
  });

  it('object members: allow_pickle only with a warning; Rust says ndarray-npy cannot read them', () => {
    const obj = { objectData: true, dtypeName: 'object', descr: '|O', shape: [3n], fortranOrder: false };
    const py = npzPythonSnippet('/a.npz', 'o.npy', obj);
    assert.match(py, /allow_pickle=True/);
    assert.match(py, /trust/);
    const rs = npzRustSnippet('/a.npz', 'o.npy', obj);
    assert.match(rs, /ndarray-npy cannot read object arrays/);
    assert.doesNotMatch(rs, /ReadNpyExt/);
  });

  it('Rust: NpzReader::by_name with the member name, typed where ndarray-npy has the element type', () => {
    const f8 = npzRustSnippet('C:\\d\\"a".npz', 'x.npy', { objectData: false, dtypeName: 'float64', descr: '<f8', shape: [2n, 3n], fortranOrder: false });
    assert.match(f8, /NpzReader::new\(File::open\("C:\\\\d\\\\\\"a\\".npz"\)\?\)\?/);
    assert.match(f8, /let a: Array<f64, Ix2> = npz\.by_name\("x\.npy"\)\?;/);
    const s = npzRustSnippet('/a.npz', 's.npy', { objectData: false, dtypeName: '<U5', descr: '<U5', shape: [4n], fortranOrder: false });
    assert.match(s, /<U5 is not an element type ndarray-npy reads/);
    assert.match(s, /^ {4}\/\/ let a: Array<T, Ix1>/m, 'the typed line is left commented out');
  });
});
