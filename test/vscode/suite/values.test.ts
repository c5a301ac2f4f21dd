// The Values section inside a real VS Code: numpy writes the files and prints the expected elements (str of
// a.flat[i], U as repr); the preview's page must match, and page forward / go to index / setting changes /
// file changes must show the right elements. Paging goes through previews()[i].showValues(), which hands
// the same message to the session that the webview's Previous/Next buttons and "Go to index" box post
// (the webview's DOM is not reachable from the extension host; the DOM side is tested in jsdom and UI tests).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, freshDir, openPreview, previewOf, PreviewState, waitFor } from './extension';
import { py } from './numpy';

interface GridState { lead: string[]; row: string; col: string; rowHeaders: string[]; colHeaders: string[]; cells: string[][] }

interface ValuesState extends PreviewState {
  values?: { start: string; items: string[]; bytesRead: number; error?: string; unavailable?: string; gotoText: string; target?: string; grid?: GridState };
  showValues(request: { start: string } | { goto: string }): void;
  showGrid(request: { lead: string[]; row: string; col: string }): void;
}

/** numpy's text of a[lead][row:row+16, col:col+8], memory-mapped so only those are read. */
function numpyGrid(file: string, lead: number[], row: number, col: number): string[][] {
  return py<string[][]>(`
a = np.load(sys.argv[1], mmap_mode='r')
lead, r, c = json.loads(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
b = a[tuple(lead)][r:r + 16, c:c + 8]
print(json.dumps([[str(x) for x in line] for line in b]))`, file, JSON.stringify(lead), String(row), String(col));
}

const range = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => String(from + i));

/** numpy's text of a.flat[start:start+count] (C order whatever the file's order), memory-mapped so only those are read. */
function numpyTexts(file: string, start: bigint, count: number): string[] {
  return py<string[]>(`
a = np.load(sys.argv[1], mmap_mode='r')
s, n = int(sys.argv[2]), int(sys.argv[3])
out = []
for i in range(s, min(s + n, a.size)):
    x = a[np.unravel_index(i, a.shape)] if a.ndim else a[()]
    out.append(repr(str(x)) if a.dtype.kind == 'U' else str(x))
print(json.dumps(out))`, file, String(start), String(count));
}

async function state(file: string): Promise<ValuesState> {
  return previewOf(await api(), file) as ValuesState;
}

/** Asks for a page the way the webview does and waits for the webview to have rendered it. */
async function page(file: string, request: { start: string } | { goto: string }, until: (s: ValuesState) => boolean): Promise<ValuesState> {
  const before = await state(file);
  before.showValues(request);
  return waitFor(`the values page for ${JSON.stringify(request)}`, async () => {
    const s = await state(file);
    return s && s.renders > before.renders && until(s) ? s : undefined;
  });
}

/** Asks for a grid page the way the webview's buttons and boxes do and waits for it to be rendered. */
async function grid(file: string, request: { lead: string[]; row: string; col: string }, until: (g: GridState) => boolean,
  whole: (s: ValuesState) => boolean = () => true): Promise<ValuesState> {
  const before = await state(file);
  before.showGrid(request);
  return waitFor(`the grid page for ${JSON.stringify(request)}`, async () => {
    const s = await state(file);
    return s && s.renders > before.renders && s.values?.grid && until(s.values.grid) && whole(s) ? s : undefined;
  });
}

describe('preview values', () => {
  let dir: string;
  before(async () => { dir = await freshDir('values'); });
  afterEach(async () => {
    await vscode.workspace.getConfiguration('zeroedNpy').update('valuesPerPage', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('a 3-D Fortran float32 array: the grid of a plane as numpy prints it; rows, columns, the leading index and Go to', async () => {
    const file = `${dir}/f.npy`;
    py(`np.save(sys.argv[1], np.asfortranarray(np.random.default_rng(3).standard_normal((3, 37, 20)).astype('<f4'))); print(1)`, file);
    const first = await openPreview(file) as ValuesState;
    assert.ok(first.values?.grid, 'a 3-D array gets the grid with the report');
    assert.deepEqual(first.values.grid, { lead: ['0'], row: '0', col: '0', rowHeaders: range(0, 16), colHeaders: range(0, 8), cells: numpyGrid(file, [0], 0, 0) });
    assert.equal(first.values.bytesRead, 16 * 8 * 4, 'exactly the 128 shown elements\' bytes');

    // Next rows, then next columns (20 columns: 16–19 is the last page), as the webview's buttons post them.
    const down = await grid(file, { lead: ['0'], row: '16', col: '0' }, (g) => g.row === '16');
    assert.deepEqual(down.values!.grid!.cells, numpyGrid(file, [0], 16, 0));
    const right = await grid(file, { lead: ['0'], row: '32', col: '16' }, (g) => g.row === '32' && g.col === '16');
    assert.deepEqual(right.values!.grid!.cells, numpyGrid(file, [0], 32, 16), 'the corner page: 5 rows × 4 columns');
    assert.equal(right.values!.bytesRead, 5 * 4 * 4);
    // The leading-index box as typed: numpy's -1 is the last plane; the rows and columns shown stay.
    const last = await grid(file, { lead: ['-1'], row: '32', col: '16' }, (g) => g.lead[0] === '2');
    assert.deepEqual(last.values!.grid!.cells, numpyGrid(file, [2], 32, 16));
    const refusedBox = await grid(file, { lead: ['3'], row: '32', col: '16' }, () => true, (s) => s.values?.error !== undefined);
    assert.equal(refusedBox.values!.error, 'Index 3 is out of range for axis 0, which has size 3.');
    assert.equal(refusedBox.values!.grid!.lead[0], '2', 'a refused box keeps the plane shown');

    // Go to [1, 20, 9]: plane 1, the page of rows 16–31 and columns 8–15, that cell marked, the text kept.
    const flat = py<number>('print(json.dumps(int(np.ravel_multi_index((1, 20, 9), (3, 37, 20)))))');
    const jumped = await page(file, { goto: '1, 20, 9' }, (s) => s.values?.target === String(flat));
    assert.deepEqual([jumped.values!.grid!.lead, jumped.values!.grid!.row, jumped.values!.grid!.col], [['1'], '16', '8']);
    assert.deepEqual(jumped.values!.grid!.cells, numpyGrid(file, [1], 16, 8));
    assert.equal(jumped.values!.gotoText, '1, 20, 9');
    const refused = await page(file, { goto: '3, 0, 0' }, (s) => s.values?.error !== undefined && s.values.gotoText === '3, 0, 0');
    assert.match(refused.values!.error!, /out of range for axis 0/);
    assert.equal(refused.values!.grid!.row, '16', 'a refused index keeps the page');

    // The file is rewritten on disk (same shape, new numbers): the re-read keeps the plane and the page.
    const before = refused.values!.grid!.cells[0][0];
    py(`np.save(sys.argv[1], np.asfortranarray(np.random.default_rng(4).standard_normal((3, 37, 20)).astype('<f4'))); print(1)`, file);
    const reread = await waitFor('the re-read after the rewrite', async () => {
      const s = await state(file);
      return s.values?.grid && s.values.grid.cells[0][0] !== before ? s : undefined;
    });
    assert.deepEqual([reread.values!.grid!.lead, reread.values!.grid!.row, reread.values!.grid!.col], [['1'], '16', '8']);
    assert.deepEqual(reread.values!.grid!.cells, numpyGrid(file, [1], 16, 8));
  });

  it('a 1 TiB sparse 2-D array: the grid at "Go to -1" reads only its own bytes', async () => {
    const file = py<string>(`
from numpy.lib import format as F
p = sys.argv[1] + '/huge2.npy'
m = F.open_memmap(p, mode='w+', dtype='<f8', shape=(1 << 20, 1 << 17))
m[-1, -1] = 2.5
m[(1 << 20) - 5, (1 << 17) - 3] = -1.25
m.flush()
print(json.dumps(p))`, dir);
    const opened = await openPreview(file) as ValuesState;
    assert.equal(opened.values!.bytesRead, 16 * 8 * 8);
    const end = await page(file, { goto: '-1' }, (s) => s.values?.target === String((1n << 37n) - 1n));
    const g = end.values!.grid!;
    assert.deepEqual([g.row, g.col], [String((1 << 20) - 16), String((1 << 17) - 8)]);
    assert.deepEqual(g.cells, numpyGrid(file, [], (1 << 20) - 16, (1 << 17) - 8));
    assert.equal(g.cells[15][7], '2.5');
    assert.equal(end.values!.bytesRead, 16 * 8 * 8, 'one 64-byte read per grid row, nothing more');
  });

  it('follows zeroedNpy.valuesPerPage and keeps the page when the file changes on disk', async () => {
    const file = `${dir}/c.npy`;
    py(`np.save(sys.argv[1], np.arange(100, dtype='>i8') * 3); print(1)`, file);
    await openPreview(file);
    await page(file, { start: '40' }, (s) => s.values?.start === '40');
    const a = await api();
    const before = await state(file);
    await vscode.workspace.getConfiguration('zeroedNpy').update('valuesPerPage', 7, vscode.ConfigurationTarget.Global);
    const seven = await waitFor('a page of 7', () => {
      const s = previewOf(a, file) as ValuesState | undefined;
      return s && s.renders > before.renders && s.values?.items.length === 7 ? s : undefined;
    });
    // Pages stay aligned to the page size: the page of 7 that holds element 40 starts at 35.
    assert.equal(seven.values!.start, '35');
    assert.deepEqual(seven.values!.items, numpyTexts(file, 35n, 7));
    assert.equal(seven.values!.bytesRead, 7 * 8);

    py(`np.save(sys.argv[1], np.arange(100, dtype='<f8') / 8); print(1)`, file);
    const changed = await waitFor('the re-read after the change', () => {
      const s = previewOf(a, file) as ValuesState | undefined;
      return s && s.report?.descr === '<f8' && s.values?.items[0] !== seven.values!.items[0] ? s : undefined;
    });
    assert.equal(changed.values!.start, '35', 'the same page after the re-read');
    assert.deepEqual(changed.values!.items, numpyTexts(file, 35n, 7));
  });

  it('decodes datetimes, strings and records as numpy prints them', async () => {
    const files = py<Record<string, string>>(`
d = sys.argv[1]
out = {}
out['dt'] = d + '/dt.npy'; np.save(out['dt'], np.array(['2026-11-25T10:00:00', 'NaT', '1969-07-20T20:17:40'], dtype='>M8[s]'))
out['u'] = d + '/u.npy'; np.save(out['u'], np.array(['héllo', "it's", ''], dtype='<U6'))
out['td'] = d + '/td.npy'; np.save(out['td'], np.array([5, -1], dtype='<m8[D]'))
print(json.dumps(out))`, dir);
    for (const [name, file] of Object.entries(files)) {
      const s = await openPreview(file) as ValuesState;
      assert.deepEqual(s.values?.items, numpyTexts(file, 0n, 20), name);
      await closeAllEditors();
    }
    const rec = `${dir}/rec.npy`;
    const texts = py<string[]>(`
a = np.zeros(2, dtype=[('x', '<f2'), ('y', '<i2', (2,))]); a['x'] = [0.5, -2]; a['y'] = [[1, 2], [3, 4]]
np.save(sys.argv[1], a)
print(json.dumps(['(' + str(r['x']) + ', ' + str(list(map(int, r['y']))) + ')' for r in a]))`, rec);
    assert.deepEqual((await openPreview(rec) as ValuesState).values?.items, texts);
  });

  it('a 0-d array: its one value, no paging', async () => {
    const file = `${dir}/scalar.npy`;
    py(`np.save(sys.argv[1], np.float32(-1.5)); print(1)`, file);
    const s = await openPreview(file) as ValuesState;
    assert.deepEqual(s.values?.items, numpyTexts(file, 0n, 20));
    assert.equal(s.values?.start, '0');
  });

  it('a 1 TiB sparse file: the page reads at most its own bytes; object arrays are never read', async () => {
    const files = py<Record<string, string>>(`
from numpy.lib import format as F
d = sys.argv[1]
big = d + '/huge.npy'
with open(big, 'wb') as f:
    F.write_array_header_1_0(f, {'descr': '<f8', 'fortran_order': False, 'shape': (1 << 37,)})
    f.truncate(f.tell() + (1 << 40))
obj = d + '/obj.npy'
np.save(obj, np.array([{'a': 1}, None], dtype=object), allow_pickle=True)
print(json.dumps({'big': big, 'obj': obj}))`, dir);
    const big = await openPreview(files.big) as ValuesState;
    assert.deepEqual(big.values?.items, numpyTexts(files.big, 0n, 20));
    assert.ok(big.values!.bytesRead <= 20 * 8, `read ${big.values!.bytesRead} bytes`);
    // "Go to -1": the last page aligned to 20 (2^37 = 20·6871947673 + 12, so it holds the last 12 elements).
    const lastStart = ((1n << 37n) - 1n) / 20n * 20n;
    const end = await page(files.big, { goto: '-1' }, (s) => s.values?.target === String((1n << 37n) - 1n));
    assert.equal(end.values!.start, String(lastStart));
    assert.deepEqual(end.values!.items, numpyTexts(files.big, lastStart, 20));
    assert.equal(end.values!.items.length, 12);
    assert.equal(end.values!.bytesRead, 12 * 8);
    await closeAllEditors();
    const obj = await openPreview(files.obj) as ValuesState;
    assert.deepEqual(obj.values?.items, []);
    assert.match(obj.values?.unavailable ?? '', /never reads or unpickles/);
  });
});
