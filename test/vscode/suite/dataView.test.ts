// The data view's host side inside a real VS Code: views are asked for through previews()[i].requestView, the
// same message the webview's controls post, and the numbers the host posted (recorded in the snapshot as sent
// in view-rows) must equal numpy's slice of the same file exactly (compared as float64 bytes, written by numpy).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { api, closeAllEditors, freshDir, openPreview, previewOf, PreviewState, waitFor } from './extension';
import { py } from './numpy';

interface ViewRequestArgs {
  id: number; rowAxis: number | null; colAxis: number; index: string[]; mode: 'fit' | 'window';
  row0: number; col0: number; width: number; height: number; field?: string; part?: string; channelAxis?: number;
}
interface ViewState extends PreviewState {
  view: {
    unavailable?: string; error?: string;
    done?: { id: number; rows: number; cols: number; channels: number; step: number; label: string; statsText: string; bytesRead: number; values: Float64Array };
  };
  requestView(r: ViewRequestArgs): void;
}

let nextId = 1000;

async function view(file: string, r: Omit<ViewRequestArgs, 'id'>): Promise<NonNullable<ViewState['view']['done']>> {
  const a = await api();
  // The webview asks for its own first view after the report; a request sent before it would be superseded by it.
  await waitFor(`the webview's first view of ${file}`, () => (previewOf(a, file) as ViewState | undefined)?.view.done, 60_000);
  // A late file-watcher event for the file just written re-renders the page, and the webview's fresh request
  // supersedes ours (as a newer request should): then ask again, at most three times.
  for (let attempt = 1; ; attempt++) {
    const id = nextId++;
    const before = (previewOf(a, file) as ViewState).view.done;
    (previewOf(a, file) as ViewState).requestView({ ...r, id });
    const outcome = await waitFor(`view ${id} of ${file}`, () => {
      const s = previewOf(a, file) as ViewState | undefined;
      if (s?.view.error) throw new Error(s.view.error);
      const done = s?.view.done;
      if (done?.id === id) return done;
      // Superseded: another view than ours (the webview's, after a re-render) was finished since we asked.
      return done !== undefined && done !== before && attempt < 3 ? 'superseded' : undefined;
    }, 60_000);
    if (outcome !== 'superseded') return outcome;
  }
}

/** numpy's elements of `expr` (a slice of a, memory-mapped) as float64, via a raw file (exact, NaN included). */
function numpySlice(file: string, expr: string, out: string): Float64Array {
  py(`a = np.load(sys.argv[1], mmap_mode='r')
v = np.ascontiguousarray(${expr}, dtype=np.float64)
v.tofile(sys.argv[2]); print(json.dumps(list(v.shape)))`, file, out);
  const b = readFileSync(out);
  return new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8);
}

/** Threads of this extension host named for the data view's reader (Linux names them after the worker, 15 characters). */
function readerThreads(): number {
  return readdirSync('/proc/self/task').filter((t) => {
    try {
      return readFileSync(`/proc/self/task/${t}/comm`, 'utf8').startsWith('zeroed-npy plan');
    } catch {
      return false; // the thread ended while we looked
    }
  }).length;
}

function sameNumbers(actual: Float64Array, expected: Float64Array, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: element count`);
  assert.deepEqual(Buffer.from(actual.buffer, actual.byteOffset, actual.byteLength), Buffer.from(expected.buffer, expected.byteOffset, expected.byteLength), what);
}

describe('preview data view (host)', function () {
  this.timeout(120_000);
  let dir: string;
  before(async () => { dir = await freshDir('dataView'); });
  afterEach(() => closeAllEditors());

  it('sends numpy\'s elements for a fit view, a plane of a 3-D Fortran array and a 1:1 window', async () => {
    const grid = `${dir}/sin.npy`;
    const cube = `${dir}/cube.npy`;
    py(`y, x = np.mgrid[0:300, 0:700]
np.save(sys.argv[1], np.sin(x / 37.0) * np.cos(y / 23.0))
c = np.asfortranarray(np.random.default_rng(7).standard_normal((4, 50, 60)).astype('>f4'))
c[1, 7, 3] = np.nan; c[2, 7, 5] = np.inf
np.save(sys.argv[2], c); print(1)`, grid, cube);
    await openPreview(grid);
    // 700 columns into 512 pixels: every 2nd row and column.
    const fit = await view(grid, { rowAxis: 0, colAxis: 1, index: ['0', '0'], mode: 'fit', row0: 0, col0: 0, width: 512, height: 384 });
    assert.equal(fit.step, 2);
    assert.equal(fit.label, 'every 2nd row and column of 300 × 700');
    sameNumbers(fit.values, numpySlice(grid, 'a[::2, ::2]', `${dir}/fit.bin`), 'a[::2, ::2]');
    assert.match(fit.statsText, /of the 52,500 shown elements$/);

    const win = await view(grid, { rowAxis: 0, colAxis: 1, index: ['0', '0'], mode: 'window', row0: 10, col0: 100, width: 64, height: 32 });
    assert.equal(win.label, 'rows 10–41, columns 100–163 of 300 × 700');
    sameNumbers(win.values, numpySlice(grid, 'a[10:42, 100:164]', `${dir}/win.bin`), 'a[10:42, 100:164]');

    // A window reaching past the plane is cut to it, as numpy's slicing is.
    const edge = await view(grid, { rowAxis: 0, colAxis: 1, index: ['0', '0'], mode: 'window', row0: 290, col0: 650, width: 512, height: 384 });
    sameNumbers(edge.values, numpySlice(grid, 'a[290:, 650:]', `${dir}/edge.bin`), 'a[290:, 650:]');
    await closeAllEditors();

    await openPreview(cube);
    const plane = await view(cube, { rowAxis: 0, colAxis: 2, index: ['0', '7', '0'], mode: 'fit', row0: 0, col0: 0, width: 512, height: 384 });
    sameNumbers(plane.values, numpySlice(cube, 'a[:, 7, :]', `${dir}/plane.bin`), 'a[:, 7, :] (Fortran order, big-endian float32, NaN and inf)');
    assert.match(plane.statsText, /NaN 1 · ±Inf 1/);
    // A line: axis 1 at a[3, :, 59] (negative index counts from the end).
    const line = await view(cube, { rowAxis: null, colAxis: 1, index: ['3', '0', '-1'], mode: 'fit', row0: 0, col0: 0, width: 512, height: 1 });
    sameNumbers(line.values, numpySlice(cube, 'a[3, :, -1]', `${dir}/line.bin`), 'a[3, :, -1]');
    assert.equal(line.label, 'all 50 elements');
  });

  it('draws an (H, W, 3) uint8 image as three channel planes; strings get one sentence', async () => {
    const img = `${dir}/rgb.npy`;
    const txt = `${dir}/s.npy`;
    py(`y, x = np.mgrid[0:40, 0:50]
np.save(sys.argv[1], np.stack([x * 5, y * 6, (x + y) * 2], axis=-1).astype(np.uint8))
np.save(sys.argv[2], np.array(['a', 'bc'])); print(1)`, img, txt);
    await openPreview(img);
    const rgb = await view(img, { rowAxis: 0, colAxis: 1, index: ['0', '0', '0'], mode: 'fit', row0: 0, col0: 0, width: 512, height: 384, channelAxis: 2 });
    assert.equal(rgb.channels, 3);
    sameNumbers(rgb.values, numpySlice(img, 'np.moveaxis(a, -1, 0)', `${dir}/rgb.bin`), 'channel-major planes of the image');
    await closeAllEditors();
    const s = await openPreview(txt) as ViewState;
    const why = await waitFor('the sentence for strings', async () => (previewOf(await api(), txt) as ViewState | undefined)?.view.unavailable);
    assert.match(why, /strings .* no numeric value to draw/);
    assert.doesNotMatch(why, /\n/);
    assert.ok(s);
  });

  it('a 1 TiB sparse float64 plane in fit mode at 512 × 512 reads at most 8 MiB', async () => {
    const big = py<string>(`
from numpy.lib import format as F
p = sys.argv[1] + '/tib.npy'
with open(p, 'wb') as f:
    F.write_array_header_1_0(f, {'descr': '<f8', 'fortran_order': False, 'shape': (1 << 19, 1 << 18)})
    f.truncate(f.tell() + (1 << 40))
print(json.dumps(p))`, dir);
    await openPreview(big);
    const fit = await view(big, { rowAxis: 0, colAxis: 1, index: ['0', '0'], mode: 'fit', row0: 0, col0: 0, width: 512, height: 512 });
    assert.equal(fit.step, 1024);
    assert.equal(fit.rows * fit.cols, 512 * 256);
    assert.ok(fit.bytesRead <= 8 * 1024 * 1024, `read ${fit.bytesRead} bytes`);
    sameNumbers(fit.values, numpySlice(big, 'a[::1024, ::1024]', `${dir}/tib.bin`), 'a[::1024, ::1024]');
    // Read by the preview's reader thread, which ends with the preview (the OS thread carries the worker's name).
    assert.equal(readerThreads(), 1, 'one reader thread while the preview is open');
    await closeAllEditors();
    await waitFor('the reader thread to end after the preview closed', () => (readerThreads() === 0 ? true : undefined), 10_000);
  });

  it('the cursor\'s element comes back as numpy prints it (float32 0.1 is "0.1", not 0.10000000149011612)', async () => {
    const file = `${dir}/f4.npy`;
    py(`np.save(sys.argv[1], (np.arange(12, dtype='<f4') / 10).reshape(3, 4)); print(1)`, file);
    await openPreview(file);
    const a = await api();
    // The webview's own cursor asks for its element too (the last answer is what the snapshot keeps): ask until ours is it.
    const got = await waitFor('the element text', () => {
      const s = previewOf(a, file) as ElementState | undefined;
      if (s?.view.element?.index.join(',') === '0,1') return s.view.element;
      s?.requestElement(['0', '1']);
      return undefined;
    });
    assert.deepEqual(got, { index: ['0', '1'], text: py<string>('a = np.load(sys.argv[1]); print(json.dumps(str(a[0, 1])))', file) });
    assert.equal(got.text, '0.1');
  });
});

interface ElementState extends ViewState {
  view: ViewState['view'] & { element?: { index: string[]; text: string } };
  requestElement(index: string[]): void;
}
