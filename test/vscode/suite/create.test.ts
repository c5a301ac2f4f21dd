// zeroedNpy.create driven with arguments (no UI), and the interactive entry points cancelled with Escape.
// numpy checks every file: it loads, and its bytes equal np.save of a zero array of the same dtype/shape/order.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, freshDir, startThenEscape } from './extension';
import { py } from './numpy';

interface WriteResultJson {
  path: string; fileBytes: number | string; allocatedBytes: number | string | null; sparse: boolean;
  dataBytes: number | string; elementCount: number | string;
}

interface NumpyCheck { identical: boolean; loads: boolean; dtype: string; shape: number[]; fortran: boolean; allZero: boolean; size: number; allocated: number }

/** numpy's verdict on a created file, compared with np.save(np.zeros(shape, dtype, order)). */
function checkWithNumpy(file: string, dtype: string, shape: number[], order: 'C' | 'F'): NumpyCheck {
  return py<NumpyCheck>(`
import ast, io
p, dtext, shape, order = sys.argv[1], sys.argv[2], tuple(json.loads(sys.argv[3])), sys.argv[4]
dt = np.dtype(ast.literal_eval(dtext)) if dtext.startswith('[') else np.dtype(dtext)
buf = io.BytesIO()
np.save(buf, np.zeros(shape, dtype=dt, order=order))
a = np.load(p)
st = os.stat(p)
print(json.dumps({
  'identical': open(p, 'rb').read() == buf.getvalue(), 'loads': True, 'dtype': a.dtype.str,
  'shape': list(a.shape), 'fortran': bool(np.isfortran(a)), 'allZero': a.tobytes() == bytes(a.nbytes),
  'size': st.st_size, 'allocated': st.st_blocks * 512}))
`, file, dtype, JSON.stringify(shape), order);
}

const sha = async (file: string): Promise<string> => createHash('sha256').update(await fsp.readFile(file)).digest('hex');

async function create(args: Record<string, unknown>): Promise<WriteResultJson | undefined> {
  return vscode.commands.executeCommand<WriteResultJson | undefined>('zeroedNpy.create', args);
}

describe('zeroedNpy.create with every value given', () => {
  const cases: Array<{ dtype: string; shape: string; dims: number[]; order: 'C' | 'F'; numpyDtype: string }> = [
    { dtype: '<f4', shape: '3, 4', dims: [3, 4], order: 'F', numpyDtype: '<f4' },
    { dtype: 'float64', shape: '(2, 3, 4)', dims: [2, 3, 4], order: 'C', numpyDtype: 'float64' },
    { dtype: '>i2', shape: '5x0x7', dims: [5, 0, 7], order: 'C', numpyDtype: '>i2' },
    { dtype: 'U3', shape: '()', dims: [], order: 'C', numpyDtype: 'U3' },
    { dtype: "[('x', '<f4'), ('y', '<i4', (2,))]", shape: '6', dims: [6], order: 'C', numpyDtype: "[('x', '<f4'), ('y', '<i4', (2,))]" },
  ];
  for (const c of cases) {
    it(`writes ${c.dtype} ${c.shape} order ${c.order} exactly as numpy saves zeros`, async () => {
      const dir = await freshDir('create');
      const r = await create({ folder: dir, dtype: c.dtype, shape: c.shape, order: c.order, name: 'made.npy', overwrite: false, allocate: 'sparse' });
      assert.ok(r, 'a WriteResult');
      assert.equal(r.path, path.join(dir, 'made.npy'));
      const np = checkWithNumpy(r.path, c.numpyDtype, c.dims, c.order);
      assert.deepEqual(np.shape, c.dims);
      assert.ok(np.allZero, 'all zero');
      assert.ok(np.identical, 'byte-identical to np.save of zeros');
      assert.equal(String(r.fileBytes), String(np.size));
      assert.equal(String(r.allocatedBytes), String(np.allocated), 'allocatedBytes = fstat blocks x 512');
      assert.deepEqual(await fsp.readdir(dir), ['made.npy'], 'no temp file left');
    });
  }

  it('creates 8 GiB sparse: numpy memory-maps it, almost nothing is allocated', async () => {
    const dir = await freshDir('big');
    const r = await create({ folder: vscode.Uri.file(dir), dtype: 'f8', shape: '1024, 1024, 1024', order: 'C', name: 'big.npy', overwrite: false, allocate: 'sparse' });
    assert.ok(r);
    const np = py<{ shape: number[]; zero: boolean; size: number; allocated: number }>(`
p = sys.argv[1]
a = np.load(p, mmap_mode='r')
st = os.stat(p)
print(json.dumps({'shape': list(a.shape), 'zero': bool(a[0, 0, 0] == 0 and a[-1, -1, -1] == 0 and a[512, 7, 9] == 0),
  'size': st.st_size, 'allocated': st.st_blocks * 512}))`, r.path);
    assert.deepEqual(np.shape, [1024, 1024, 1024]);
    assert.ok(np.zero);
    assert.equal(String(r.fileBytes), String(np.size));
    assert.equal(String(r.allocatedBytes), String(np.allocated));
    assert.equal(r.sparse, true);
    assert.ok(np.allocated < 1024 * 1024, `allocated ${np.allocated} bytes for an 8 GiB file`);
  });

  it('refuses an existing file without overwrite and leaves it intact', async () => {
    const dir = await freshDir('exists');
    const file = path.join(dir, 'keep.npy');
    py('np.save(sys.argv[1], np.ones((4, 4))); print(1)', file);
    const before = await sha(file);
    const r = await create({ folder: dir, dtype: '<i1', shape: '2', order: 'C', name: 'keep.npy', overwrite: false, allocate: 'sparse' });
    assert.equal(r, undefined);
    assert.equal(await sha(file), before, 'file unchanged');
    assert.deepEqual(await fsp.readdir(dir), ['keep.npy']);
  });

  it('replaces an existing file with overwrite: true', async () => {
    const dir = await freshDir('replace');
    const file = path.join(dir, 'old.npy');
    py('np.save(sys.argv[1], np.ones((4, 4))); print(1)', file);
    const r = await create({ folder: dir, dtype: '<i1', shape: '2, 2', order: 'C', name: 'old.npy', overwrite: true, allocate: 'full' });
    assert.ok(r);
    const np = checkWithNumpy(file, '<i1', [2, 2], 'C');
    assert.ok(np.identical && np.allZero);
    assert.deepEqual(await fsp.readdir(dir), ['old.npy']);
  });

  it('a script\'s name is used exactly as given: spaces at either end are kept, not trimmed', async () => {
    const dir = await freshDir('spaced');
    const r = await create({ folder: dir, dtype: '<i1', shape: '2', order: 'C', name: ' spaced .npy ', overwrite: false, allocate: 'sparse' });
    assert.ok(r);
    assert.deepEqual(await fsp.readdir(dir), [' spaced .npy ']);
    assert.ok(checkWithNumpy(path.join(dir, ' spaced .npy '), '<i1', [2], 'C').identical);
  });

  for (const [what, args] of [
    ['a bad dtype', { dtype: 'float7', shape: '3' }],
    ['a bad shape', { dtype: '<f8', shape: '3, -4' }],
    ['an object dtype', { dtype: 'O', shape: '3' }],
    ['a name with a path separator', { dtype: '<f8', shape: '3', name: '../escape.npy' }],
  ] as const) {
    it(`refuses ${what}: no file, nothing left behind`, async () => {
      const dir = await freshDir('bad');
      const r = await create({ folder: dir, order: 'C', name: 'bad.npy', overwrite: false, allocate: 'sparse', ...args });
      assert.equal(r, undefined);
      assert.deepEqual(await fsp.readdir(dir), [], 'folder still empty');
      assert.ok(!existsSync(path.join(path.dirname(dir), 'escape.npy')));
    });
  }
});

describe('interactive entry points', () => {
  afterEach(closeAllEditors);

  it('explorer: zeroedNpy.create with a folder Uri starts the wizard; Escape leaves nothing', async () => {
    const dir = await freshDir('explorer');
    assert.equal(await startThenEscape('zeroedNpy.create', vscode.Uri.file(dir)), undefined);
    assert.deepEqual(await fsp.readdir(dir), []);
  });

  it('zeroedNpy.createLike with a .npy Uri starts the pre-filled wizard; Escape leaves nothing', async () => {
    const dir = await freshDir('like');
    const file = path.join(dir, 'model.npy');
    py('np.save(sys.argv[1], np.zeros((2, 5), dtype=">u4")); print(1)', file);
    assert.equal(await startThenEscape('zeroedNpy.createLike', vscode.Uri.file(file)), undefined);
    assert.deepEqual(await fsp.readdir(dir), ['model.npy']);
  });
});
