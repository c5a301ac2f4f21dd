// zeroedNpy.resize inside VS Code: driven with arguments (grow, shrink with force, reshape, fit), refusals that
// leave the file byte for byte untouched, an open preview showing the new shape, and the input box left with
// Escape. numpy writes every fixture and judges every result.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAllEditors, freshDir, openPreview, previewOf, startThenEscape, waitFor, workspaceDir } from './extension';
import { py } from './numpy';

interface ReportJson { shape: Array<number | string>; status: string; dataOffset: number; fileBytes: number | string }

const sha = async (file: string): Promise<string> => createHash('sha256').update(await fsp.readFile(file)).digest('hex');

/** An int32 array (rows, cols) of 0, 1, 2, … written by numpy's open_memmap, in C or Fortran order. */
function make(file: string, rows: number, cols: number, order: 'C' | 'F' = 'C'): void {
  py(`
from numpy.lib import format as F
m = F.open_memmap(sys.argv[1], mode='w+', dtype='<i4', shape=(int(sys.argv[2]), int(sys.argv[3])), fortran_order=sys.argv[4] == 'F')
m[...] = np.arange(m.size, dtype='<i4').reshape(m.shape, order=sys.argv[4])
m.flush()
print(1)`, file, String(rows), String(cols), order);
}

/** numpy's view after the resize: shape, offset, and the elements in memory order. */
function load(file: string): { shape: number[]; offset: number; flat: number[] } {
  return py(`
try:
    from numpy.lib import _format_impl as F
except ImportError:
    from numpy.lib import format as F
with open(sys.argv[1], 'rb') as f:
    v = F.read_magic(f); F._read_array_header(f, v); off = f.tell()
a = np.load(sys.argv[1], mmap_mode='r')
print(json.dumps({'shape': list(a.shape), 'offset': off, 'flat': np.asarray(a).ravel(order='K').astype(int).tolist()}))`, file);
}

async function resize(args: unknown): Promise<ReportJson | undefined> {
  return vscode.commands.executeCommand<ReportJson | undefined>('zeroedNpy.resize', args);
}

describe('zeroedNpy.resize with arguments', () => {
  afterEach(closeAllEditors);

  it('grows axis 0 in place: numpy loads the new shape, old values kept, new ones zero, offset unchanged', async () => {
    const file = path.join(await freshDir('grow'), 'a.npy');
    make(file, 4, 3);
    const before = load(file);
    const r = await resize({ uri: vscode.Uri.file(file), shape: '7, 3' });
    assert.ok(r, 'a report');
    assert.deepEqual(r.shape, [7, 3]);
    assert.equal(r.status, 'ok');
    const after = load(file);
    assert.deepEqual(after.shape, [7, 3]);
    assert.equal(after.offset, before.offset);
    assert.deepEqual(after.flat, [...before.flat, ...Array<number>(9).fill(0)]);
  });

  it('grows the last axis of a Fortran-order file, shrinks with force, reshapes', async () => {
    const file = path.join(await freshDir('forder'), 'f.npy');
    make(file, 3, 4, 'F');
    const before = load(file).flat;
    assert.deepEqual((await resize({ uri: file, shape: [3, 6] }))?.shape, [3, 6]);
    assert.deepEqual(load(file).flat, [...before, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual((await resize({ uri: file, shape: '3, 2', force: true }))?.shape, [3, 2]);
    assert.deepEqual(load(file).flat, before.slice(0, 6));
    assert.deepEqual((await resize({ uri: file, shape: '6' }))?.shape, [6]);
    const reshaped = load(file);
    assert.deepEqual([reshaped.shape, reshaped.flat], [[6], before.slice(0, 6)], 'a reshape keeps the bytes in place');
  });

  it('fit: a torn file gets the whole rows its data holds (force cuts the partial row)', async () => {
    const file = path.join(await freshDir('fit'), 't.npy');
    make(file, 10, 3);
    const st = await fsp.stat(file);
    await fsp.truncate(file, st.size - 3 * 4 * 3 - 5);
    const r = await resize({ uri: file, fit: true, force: true });
    assert.deepEqual(r?.shape, [6, 3]);
    assert.equal(r?.status, 'ok');
    assert.deepEqual(load(file).flat, Array.from({ length: 18 }, (_, i) => i));
  });

  it('refusals resolve undefined and leave the file byte for byte as it was', async () => {
    const dir = await freshDir('refuse');
    const file = path.join(dir, 'a.npy');
    make(file, 4, 3);
    const hash = await sha(file);
    assert.equal(await resize({ uri: file, shape: '4, 5' }), undefined, 'another axis');
    assert.equal(await resize({ uri: file, shape: '4, 3, 2' }), undefined, 'more dims and elements');
    assert.equal(await resize({ uri: file, shape: 'four' }), undefined, 'not a shape');
    assert.equal(await resize({ uri: file, shape: '3', fit: true }), undefined, 'both');
    assert.equal(await resize({ uri: file, shape: 7 }), undefined, 'a number is not a shape');
    assert.equal(await resize({ uri: file, shape: '2, 3', force: false }), undefined, 'force: false refuses a cut, asking nothing');
    assert.equal(await sha(file), hash);
    const obj = path.join(dir, 'o.npy');
    py('np.save(sys.argv[1], np.array([1, None], dtype=object), allow_pickle=True); print(1)', obj);
    const objHash = await sha(obj);
    assert.equal(await resize({ uri: obj, shape: '5' }), undefined, 'object array');
    assert.equal(await sha(obj), objHash);
    assert.equal(await resize({ uri: path.join(dir, 'missing.npy'), shape: '5' }), undefined, 'missing file');
    assert.deepEqual((await fsp.readdir(dir)).sort(), ['a.npy', 'o.npy']);
  });

  it('a relative path is a file of the workspace folder', async () => {
    const file = path.join(await freshDir('relative'), 'r.npy');
    make(file, 2, 3);
    const r = await resize({ uri: path.relative(workspaceDir(), file), shape: '4, 3' });
    assert.deepEqual(r?.shape, [4, 3]);
    assert.deepEqual(load(file).shape, [4, 3]);
  });

  it('an open preview shows the new shape after a resize', async () => {
    const file = path.join(await freshDir('preview'), 'p.npy');
    make(file, 5, 2);
    await openPreview(file);
    const a = await api();
    assert.deepEqual(previewOf(a, file)?.report?.shape, [5, 2]);
    await resize({ uri: vscode.Uri.file(file), shape: '50, 2' });
    await waitFor('the preview to show (50, 2)', () => {
      const shape = previewOf(a, file)?.report?.shape;
      return JSON.stringify(shape) === '[50,2]' ? true : undefined;
    });
  });

  it('with only a Uri it asks for the shape; Escape leaves the file untouched', async () => {
    const file = path.join(await freshDir('escape'), 'e.npy');
    make(file, 4, 3);
    const hash = await sha(file);
    assert.equal(await startThenEscape('zeroedNpy.resize', vscode.Uri.file(file)), undefined);
    assert.equal(await sha(file), hash);
  });
});
