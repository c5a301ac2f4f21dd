// Live previews inside a real VS Code: a job writing through a memory map (np.load(p, mmap_mode='r+') then
// flush()) raises no file-watcher event, so the visible preview's stat poll must notice it; the page, the
// "Go to index" text and its marked row stay. The Refresh button (snapshot.refresh() posts the same message)
// re-reads at once. numpy writes every file and says what each element and the allocated size are.
import * as assert from 'node:assert/strict';
import { utimesSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAllEditors, freshDir, openPreview, previewOf, PreviewState, waitFor } from './extension';
import { numpyView, py, writeThroughMemmap } from './numpy';

interface LiveState extends PreviewState {
  kind?: string;
  selected?: number | null;
  values?: { start: string; items: string[]; bytesRead: number; gotoText: string; target?: string; grid?: { row: string; col: string; cells: string[][] } };
  polls: number;
  showValues(request: { start: string } | { goto: string }): void;
  select(index: number): void;
  refresh(): void;
}

async function state(file: string): Promise<LiveState> {
  const s = previewOf(await api(), file) as LiveState | undefined;
  if (!s) throw new Error(`no preview of ${path.basename(file)}`);
  return s;
}

/** numpy's str() of a.flat[start:start+count], read through a read-only memory map. */
function numpyTexts(file: string, start: number, count: number): string[] {
  return py<string[]>(`
a = np.load(sys.argv[1], mmap_mode='r')
s, n = int(sys.argv[2]), int(sys.argv[3])
print(json.dumps([str(a.flat[i]) for i in range(s, min(s + n, a.size))]))`, file, String(start), String(count));
}

/** numpy's str() of the 16 × 8 grid a[row:row+16, col:col+8] of a 2-D array. */
function numpyGrid(file: string, row: number, col: number): string[][] {
  return py<string[][]>(`
a = np.load(sys.argv[1], mmap_mode='r')
r, c = int(sys.argv[2]), int(sys.argv[3])
print(json.dumps([[str(x) for x in line] for line in a[r:r + 16, c:c + 8]]))`, file, String(row), String(col));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('live previews: changes through a memory map, and Refresh', () => {
  let dir: string;
  before(async () => { dir = await freshDir('live'); });
  afterEach(closeAllEditors);

  it('a[100, 202] = 9.0 through np.load(mmap_mode="r+") + flush() shows within seconds, on the same grid page with the Go text kept', async () => {
    const file = path.join(dir, 'grid.npy');
    py(`np.save(sys.argv[1], np.zeros((200, 300), dtype='<f8')); print(1)`, file);
    await openPreview(file);
    const opened = await state(file);
    opened.showValues({ goto: '100, 202' });
    const flat = 100 * 300 + 202;
    const jumped = await waitFor('the jump to [100, 202]', async () => {
      const s = await state(file);
      return s.values?.target === String(flat) ? s : undefined;
    });
    // The grid page holding [100, 202]: rows 96–111, columns 200–207; the cell is row 4, column 2 of it.
    const g = jumped.values!.grid!;
    assert.deepEqual([g.row, g.col], ['96', '200']);
    assert.equal(g.cells[4][2], '0.0');

    writeThroughMemmap(file, '100, 202', '9.0');
    const expected = numpyGrid(file, 96, 200);
    assert.equal(expected[4][2], '9.0', 'numpy reads the new value back');
    const after = await waitFor('the preview to show 9.0 at [100, 202]', async () => {
      const s = await state(file);
      return s.values?.grid?.cells[4]?.[2] === '9.0' ? s : undefined;
    }, 15_000);
    assert.deepEqual(after.values!.grid!.cells, expected);
    assert.deepEqual([after.values!.grid!.row, after.values!.grid!.col], ['96', '200'], 'the grid page stays');
    assert.equal(after.values!.gotoText, '100, 202', 'the Go text stays');
    assert.equal(after.values!.target, String(flat), 'the marked cell stays');
    assert.ok(after.polls > jumped.polls, 'the change poll ran');
  });

  it('filling 100 rows of a 4.8 GB sparse file: the allocated size grows to what os.stat says', async () => {
    const file = path.join(dir, 'sparse.npy');
    py(`
a = np.lib.format.open_memmap(sys.argv[1], mode='w+', dtype='<f8', shape=(20000, 30000))
del a
print(1)`, file);
    const opened = await openPreview(file) as LiveState;
    const before = numpyView(file);
    assert.equal(String(opened.report?.allocatedBytes), before.allocatedBytes);
    assert.ok(Number(before.allocatedBytes) < 1 << 20, `sparse to start with (${before.allocatedBytes} bytes allocated)`);

    py(`
a = np.load(sys.argv[1], mmap_mode='r+')
a[:100] = np.arange(30000) / 4
a.flush()
del a
print(1)`, file);
    const now = numpyView(file);
    assert.ok(Number(now.allocatedBytes) >= 100 * 30000 * 8, `numpy's write allocated the rows (${now.allocatedBytes})`);
    const grown = await waitFor('the preview to show the allocated size os.stat gives', async () => {
      const s = await state(file);
      return String(s.report?.allocatedBytes) === numpyView(file).allocatedBytes ? s : undefined;
    }, 15_000);
    assert.deepEqual(grown.values!.grid!.cells, numpyGrid(file, 0, 0), 'and the values are the new ones');
    assert.equal(grown.report?.fileBytes, opened.report?.fileBytes, 'the size is unchanged');
  });

  it("a watcher event while the file is as the last read saw it re-reads nothing; a new mtime does", async () => {
    const file = path.join(dir, 'touched.npy');
    py(`np.save(sys.argv[1], np.arange(10, dtype='<i4')); print(1)`, file);
    // Whole seconds, so setting the same times again leaves the stamp (mtime in ns, size, blocks) exactly as it was.
    const t = Math.floor(Date.now() / 1000) - 60;
    utimesSync(file, t, t);
    const opened = await openPreview(file);
    utimesSync(file, t, t); // an attribute change: the watcher reports it, the stamp is the same
    await sleep(2500); // the event's delivery and the 150 ms debounce: a negative check, nothing here is timed
    assert.equal((await state(file)).renders, opened.renders, 'no re-read (no render) for an event that changed nothing');
    utimesSync(file, t + 10, t + 10);
    await waitFor('a re-read for the new mtime', async () => ((await state(file)).renders > opened.renders ? true : undefined), 15_000);
  });

  it('nothing changes: stats go on, nothing is re-read; Refresh re-reads at once keeping the page; hidden: no stats', async () => {
    const file = path.join(dir, 'quiet.npy');
    py(`np.save(sys.argv[1], np.arange(1000, dtype='<i4')); print(1)`, file);
    await openPreview(file);
    (await state(file)).showValues({ start: '500' });
    const paged = await waitFor('page 500', async () => {
      const s = await state(file);
      return s.values?.start === '500' ? s : undefined;
    });
    const quiet = await waitFor('three more stats', async () => {
      const s = await state(file);
      return s.polls >= paged.polls + 3 ? s : undefined;
    }, 15_000);
    assert.equal(quiet.renders, paged.renders, 'no re-read (no render) while the file is unchanged');

    quiet.refresh();
    const refreshed = await waitFor('the refresh to render', async () => {
      const s = await state(file);
      return s.renders > quiet.renders ? s : undefined;
    });
    assert.equal(refreshed.values!.start, '500', 'Refresh keeps the page');
    assert.deepEqual(refreshed.values!.items, numpyTexts(file, 500, 20));

    // Another editor in front of the preview hides it: the poll stops.
    const other = path.join(dir, 'other.txt');
    await vscode.workspace.fs.writeFile(vscode.Uri.file(other), new TextEncoder().encode('x'));
    await vscode.window.showTextDocument(vscode.Uri.file(other), { preview: false });
    await sleep(500); // let the view-state change arrive
    const hidden = (await state(file)).polls;
    await sleep(4000); // nearly three poll intervals: a negative check, nothing here is timed
    assert.equal((await state(file)).polls, hidden, 'no stat while hidden');
    // Closing the text editor shows the preview again: polling resumes, and the page is still 500.
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor('stats again once shown', async () => ((await state(file)).polls > hidden ? true : undefined), 15_000);
    assert.equal((await state(file)).values?.start, '500');
  });

  it('.npz: Refresh and a rewrite keep the selected member and its page; a shrunk member shows its last page', async () => {
    const file = path.join(dir, 'pair.npz');
    py(`np.savez(sys.argv[1], a=np.zeros(5), b=np.arange(100, dtype='<i8')); print(1)`, file);
    const a = await api();
    await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(file), 'zeroedNpy.npzPreview');
    const npz = () => (a.previews() as LiveState[]).find((p) => p.kind === 'npz' && vscode.Uri.parse(p.uri).fsPath === file);
    await waitFor('the .npz preview', () => (npz()?.renders ? true : undefined));
    npz()!.select(1);
    await waitFor('member b', () => (npz()?.values ? true : undefined));
    npz()!.showValues({ goto: '65' });
    const paged = await waitFor('the page of element 65', () => (npz()?.values?.start === '60' ? npz() : undefined));
    paged.refresh();
    const refreshed = await waitFor('the refresh', () => (npz()!.renders > paged.renders ? npz() : undefined));
    assert.equal(refreshed.selected, 1);
    assert.equal(refreshed.values!.start, '60');
    assert.equal(refreshed.values!.gotoText, '65');

    py(`np.savez(sys.argv[1], a=np.zeros(5), b=np.arange(50, dtype='<i8') * 2); print(1)`, file);
    const shrunk = await waitFor('the shrunk member', () => (npz()?.values?.items[0] === '80' ? npz() : undefined), 15_000);
    assert.equal(shrunk.selected, 1, 'the member stays selected');
    assert.equal(shrunk.values!.start, '40', 'the last page of 50 elements');
    assert.deepEqual(shrunk.values!.items, py<string[]>(`import zipfile
b = np.load(sys.argv[1])['b']
print(json.dumps([str(x) for x in b[40:60]]))`, file));
  });
});
