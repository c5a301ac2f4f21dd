// The .npz preview (zeroedNpy.npzPreview) inside VS Code on archives numpy wrote: np.savez, np.savez_compressed
// and a Zip64 one over 4 GiB (sparse, through numpy's zipfile path). Every member report agrees with what
// numpy reads from that member; a damaged archive gives the error page.
import * as assert from 'node:assert/strict';
import { promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAllEditors, freshDir, waitFor, ZeroedNpyApi } from './extension';
import { repoRoot } from '../../helpers/paths';
import { py } from './numpy';

interface MemberState {
  member: string; compression: string; method: number; compressedSize: number | string; uncompressedSize: number | string;
  status: string; error?: string; descr?: string; shape?: Array<number | string>; fortranOrder?: boolean;
  dataOffset?: number; objectData?: boolean; archiveBytesRead: number;
}
interface NpzState {
  kind?: string; uri: string; error?: string; renders: number; selected: number | null;
  members?: MemberState[]; zip64?: boolean; fileBytes?: number | string; bytesRead?: number;
  values?: {
    start: string; items: string[]; bytesRead: number; error?: string; unavailable?: string; gotoText: string; note?: string;
    grid?: { lead: string[]; row: string; col: string; cells: string[][] };
  };
  select(index: number): void;
  showValues(request: { start: string } | { goto: string }): void;
  showGrid(request: { lead: string[]; row: string; col: string }): void;
}
interface NumpyMember {
  name: string; method: number; compressed: string; uncompressed: string; descr: string; shape: string[];
  fortran: boolean; offset: number; object: boolean;
}

const str = (v: unknown): string => String(v);

function npzOf(a: ZeroedNpyApi, file: string): NpzState | undefined {
  return (a.previews() as NpzState[]).find((p) => p.kind === 'npz' && vscode.Uri.parse(p.uri).fsPath === vscode.Uri.file(file).fsPath);
}

async function openNpz(file: string): Promise<NpzState> {
  const a = await api();
  await waitFor(`the previous preview of ${path.basename(file)} to close`, () => (npzOf(a, file) ? undefined : true));
  await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(file), 'zeroedNpy.npzPreview');
  return waitFor(`a rendered .npz preview of ${path.basename(file)}`, () => {
    const p = npzOf(a, file);
    return p && p.renders > 0 ? p : undefined;
  });
}

/** numpy's reading of each member's header (zipfile + numpy.lib.format), never its data. */
function numpyMembers(file: string): NumpyMember[] {
  return py<NumpyMember[]>(`
import zipfile
try:
    from numpy.lib import _format_impl as F
except ImportError:
    from numpy.lib import format as F
out = []
with zipfile.ZipFile(sys.argv[1]) as zf:
    for info in zf.infolist():
        with zf.open(info.filename) as m:
            major, minor = F.read_magic(m)
            shape, fortran, dtype = F._read_array_header(m, (major, minor), max_header_size=10**9)
            offset = m.tell()
        d = F.dtype_to_descr(dtype)
        out.append(dict(name=info.filename, method=info.compress_type, compressed=str(info.compress_size),
            uncompressed=str(info.file_size), descr=d if isinstance(d, str) else repr(d), shape=[str(x) for x in shape],
            fortran=bool(fortran), offset=offset, object=bool(dtype.hasobject)))
print(json.dumps(out))`, file);
}

function assertMatchesNumpy(state: NpzState, file: string): void {
  assert.equal(state.error, undefined, `no error page: ${state.error}`);
  const np = numpyMembers(file);
  const members = state.members ?? [];
  assert.deepEqual(members.map((m) => m.member), np.map((m) => m.name));
  for (const [i, o] of np.entries()) {
    const m = members[i]!;
    const what = m.member;
    assert.equal(m.status, 'ok', `${what}: ${m.error ?? ''}`);
    assert.equal(m.method, o.method, `${what}: method`);
    assert.equal(m.compression, o.method === 0 ? 'stored' : 'deflated', `${what}: compression`);
    assert.equal(str(m.compressedSize), o.compressed, `${what}: compressed size`);
    assert.equal(str(m.uncompressedSize), o.uncompressed, `${what}: uncompressed size`);
    assert.equal(m.descr, o.descr, `${what}: descr`);
    assert.deepEqual(m.shape?.map(str), o.shape, `${what}: shape`);
    assert.equal(m.fortranOrder, o.fortran, `${what}: fortran_order`);
    assert.equal(m.dataOffset, o.offset, `${what}: data offset`);
    assert.equal(m.objectData, o.object, `${what}: object`);
  }
}

describe('preview of .npz archives', () => {
  let dir: string;
  let files: { savez: string; compressed: string; zip64: string; damaged: string; text: string };
  before(async () => {
    dir = await freshDir('npz');
    files = {
      savez: path.join(dir, 'savez.npz'), compressed: path.join(dir, 'compressed.npz'), zip64: path.join(dir, 'zip64.npz'),
      damaged: path.join(dir, 'damaged.npz'), text: path.join(dir, 'text.npz'),
    };
    py(`
a = dict(f8=np.arange(12.0).reshape(3, 4), f4F=np.asfortranarray(np.ones((2, 3), dtype='<f4')),
         be=np.arange(5, dtype='>i2'), rec=np.zeros(2, dtype=[('x', '<f4'), ('<b>', 'S3')]),
         obj=np.array([1, 'a'], dtype=object), scalar=np.array(1.5))
np.savez(sys.argv[1], **a)
np.savez_compressed(sys.argv[2], **a)
# Over 4 GiB without writing it (test/helpers/sparse_zip64.py).
sys.path.insert(0, sys.argv[5])
from sparse_zip64 import write_sparse_zip64
write_sparse_zip64(sys.argv[3], 'small.npy', np.arange(3))
# Damaged: the archive cut short (its end record and directory are gone).
data = open(sys.argv[1], 'rb').read()
open(sys.argv[4], 'wb').write(data[: len(data) // 2])
print(1)`, files.savez, files.compressed, files.zip64, files.damaged, path.join(repoRoot, 'test', 'helpers'));
    await fsp.writeFile(files.text, 'this is not a zip archive\n');
  });
  afterEach(closeAllEditors);

  it('a file called back\\slash.npz is named in full and opens with the .npz preview by default', async () => {
    const file = path.join(dir, 'back\\slash.npz');
    py('np.savez(sys.argv[1], a=np.zeros(3)); print(1)', file);
    const state = await openNpz(file) as NpzState & { title?: string };
    assert.ok(state.members?.length === 1, 'the archive was read');
    await closeAllEditors();
    // What a click in the Explorer does: VS Code picks the editor by the selector (`*.npz` stopped at the backslash).
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(file));
    const input = await waitFor('an editor for back\\slash.npz', () => vscode.window.tabGroups.activeTabGroup.activeTab?.input);
    assert.ok(input instanceof vscode.TabInputCustom, `a custom editor, not ${input?.constructor.name}`);
    assert.equal(input.viewType, 'zeroedNpy.npzPreview');
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.label, 'back\\slash.npz');
  });

  it('np.savez: every stored member as numpy reads it', async () => {
    const s = await openNpz(files.savez);
    assertMatchesNumpy(s, files.savez);
    assert.ok(s.members!.every((m) => m.compression === 'stored'));
    assert.equal(s.members!.find((m) => m.member === 'obj.npy')?.objectData, true, 'object member reported, never unpickled');
    assert.equal(s.selected, null);
  });

  it('np.savez_compressed: every deflated member as numpy reads it', async () => {
    const s = await openNpz(files.compressed);
    assertMatchesNumpy(s, files.compressed);
    assert.ok(s.members!.every((m) => m.compression === 'deflated'));
  });

  it('a Zip64 archive over 4 GiB, reading a few dozen KiB of it', async () => {
    const s = await openNpz(files.zip64);
    assertMatchesNumpy(s, files.zip64);
    assert.equal(s.zip64, true);
    assert.ok(BigInt(str(s.fileBytes)) > 1n << 32n, 'over 4 GiB');
    assert.ok(BigInt(str(s.members![0]!.uncompressedSize)) > 1n << 32n, 'a member over 4 GiB');
    assert.ok((s.bytesRead ?? Infinity) <= 66 * 1024 + 512, `read ${s.bytesRead} bytes`);
  });

  it('a truncated archive and a text file get the error page, one sentence each', async () => {
    for (const [file, pattern] of [[files.damaged, /not a zip archive, or it is truncated/], [files.text, /not a zip archive/]] as const) {
      const s = await openNpz(file);
      assert.equal(s.members, undefined);
      assert.match(s.error ?? '', pattern);
      assert.doesNotMatch(s.error ?? '', /\n|\bat .*:\d+:\d+/, 'no stack trace');
      await closeAllEditors();
    }
  });

  describe('paging a member\'s values', () => {
    /** numpy's text of z[key].flat[start:start+count] (U as repr(str), as the .npy preview shows it). */
    function numpyTexts(file: string, key: string, start: number, count: number): string[] {
      return py<string[]>(`
with np.load(sys.argv[1]) as z:
    a = z[sys.argv[2]]
s, n = int(sys.argv[3]), int(sys.argv[4])
out = []
for i in range(s, min(s + n, a.size)):
    x = a[np.unravel_index(i, a.shape)] if a.ndim else a[()]
    out.append(repr(str(x)) if a.dtype.kind == 'U' else str(x))
print(json.dumps(out))`, file, key, String(start), String(count));
    }

    /** Does what the webview's click or paging does, and waits for the page it asked for to be rendered. */
    async function act(file: string, doIt: (s: NpzState) => void, until: (s: NpzState) => boolean): Promise<NpzState> {
      const a = await api();
      const before = npzOf(a, file)!;
      doIt(before);
      return waitFor('the member page', () => {
        const s = npzOf(a, file);
        return s && s.renders > before.renders && until(s) ? s : undefined;
      });
    }

    /** numpy's text of z[key][lead][row:row+16, col:col+8]. */
    function numpyGrid(file: string, key: string, lead: number[], row: number, col: number): string[][] {
      return py<string[][]>(`
with np.load(sys.argv[1]) as z:
    a = z[sys.argv[2]]
lead, r, c = json.loads(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
print(json.dumps([[str(x) for x in line] for line in a[tuple(lead)][r:r + 16, c:c + 8]]))`, file, key, JSON.stringify(lead), String(row), String(col));
    }

    for (const kind of ['savez', 'savez_compressed'] as const) {
      it(`np.${kind}: a 2-D member as a grid (rows, columns, Go to, a refused index keeps the page), a 3-D one by plane, a 1-D one as a list`, async () => {
        const file = path.join(dir, `paging-${kind}.npz`);
        py(`
rng = np.random.default_rng(5)
getattr(np, sys.argv[2])(sys.argv[1], first=np.arange(3), big=np.asfortranarray(rng.standard_normal((60, 50)).astype('<f4')),
    words=np.array(['a', "it's", 'w\u00f6rd'] * 30, dtype='<U5'), cube=np.arange(3 * 20 * 10, dtype='>i2').reshape(3, 20, 10))
print(1)`, file, kind);
        const opened = await openNpz(file);
        const big = opened.members!.findIndex((m) => m.member === 'big.npy');
        const first = await act(file, (s) => s.select(big), (s) => s.selected === big && s.values?.grid?.row === '0');
        assert.deepEqual(first.values!.grid!.cells, numpyGrid(file, 'big', [], 0, 0));
        // Fortran order: one read per grid column of 16 adjacent elements.
        if (kind === 'savez') assert.equal(first.values!.bytesRead, 30 + 16 * 8 * 4, 'a stored member: its local header and the 128 shown elements');
        else assert.match(first.values!.note ?? '', /^Inflated .* of the compressed member, from its start, to reach this page\.$/);

        const mid = await act(file, (s) => s.showGrid({ lead: [], row: '16', col: '8' }), (s) => s.values?.grid?.row === '16' && s.values.grid.col === '8');
        assert.deepEqual(mid.values!.grid!.cells, numpyGrid(file, 'big', [], 16, 8));
        // [59, 49] is on the page of rows 48–59 and columns 48–49; the typed text stays in the box.
        const last = await act(file, (s) => s.showValues({ goto: '59, 49' }), (s) => s.values?.grid?.row === '48' && s.values.grid.col === '48');
        assert.deepEqual(last.values!.grid!.cells, numpyGrid(file, 'big', [], 48, 48));
        assert.equal(last.values!.gotoText, '59, 49');
        const refused = await act(file, (s) => s.showValues({ goto: '60, 0' }), (s) => s.values?.error !== undefined);
        assert.deepEqual([refused.values!.grid!.row, refused.values!.grid!.col], ['48', '48'], 'the page shown stays');
        assert.equal(refused.values!.gotoText, '60, 0', 'the refused text stays to be corrected');
        assert.doesNotMatch(refused.values!.error!, /\n|\bat .*:\d+:\d+/, 'one sentence');

        const cube = opened.members!.findIndex((m) => m.member === 'cube.npy');
        await act(file, (s) => s.select(cube), (s) => s.selected === cube && s.values?.grid?.row === '0');
        const plane = await act(file, (s) => s.showGrid({ lead: ['-1'], row: '16', col: '0' }), (s) => s.values?.grid?.lead[0] === '2');
        assert.deepEqual(plane.values!.grid!.cells, numpyGrid(file, 'cube', [2], 16, 0));

        const words = opened.members!.findIndex((m) => m.member === 'words.npy');
        const w = await act(file, (s) => s.select(words), (s) => s.selected === words && s.values?.start === '0');
        assert.equal(w.values!.grid, undefined, 'a 1-D member keeps the list');
        assert.deepEqual(w.values!.items, numpyTexts(file, 'words', 0, 20));
      });
    }
  });
});

describe('the picture of a selected .npz member', function () {
  this.timeout(120_000);
  interface ViewDone { id: number; rows: number; cols: number; step: number; channels: number; bytesRead: number; values: Float64Array }
  interface PictureState extends NpzState {
    view: { unavailable?: string; error?: string; done?: ViewDone; element?: { index: string[]; text: string }; whole?: { id?: number; state: string; text?: string; bytesRead?: number; stats?: { count: number; min: number | null; max: number | null; mean: number | null } } };
    requestView(r: Record<string, unknown>): void;
    requestWhole(r: { type: 'view-whole-start'; id: number }): void;
    requestElement(index: string[]): void;
    refresh(): void;
  }
  let dir: string;
  let nextId = 5000;
  before(async () => { dir = await freshDir('npzPicture'); });
  afterEach(() => closeAllEditors());

  const state = async (file: string): Promise<PictureState> => npzOf(await api(), file) as PictureState;

  /** Asks for a view exactly as the webview does; asks again if a re-render's own request superseded ours. */
  async function view(file: string, r: Record<string, unknown>): Promise<ViewDone> {
    for (let attempt = 1; ; attempt++) {
      const id = nextId++;
      const before = (await state(file)).view.done;
      (await state(file)).requestView({ ...r, id });
      const outcome = await waitFor(`view ${id}`, async () => {
        const s = await state(file);
        if (s.view.error) throw new Error(s.view.error);
        const done = s.view.done;
        if (done?.id === id) return done;
        return done !== undefined && done !== before && attempt < 3 ? 'superseded' : undefined;
      }, 60_000);
      if (outcome !== 'superseded') return outcome;
    }
  }

  /** numpy's z[key][expr] as float64 bytes (exact, through a raw file). */
  function numpyPart(file: string, key: string, expr: string): Buffer {
    const out = path.join(dir, 'expected.bin');
    py(`with np.load(sys.argv[1]) as z:
    a = z[sys.argv[2]]
np.ascontiguousarray(${expr}, dtype=np.float64).tofile(sys.argv[3]); print(1)`, file, key, out);
    return readFileSync(out);
  }
  const bytesOf = (v: Float64Array): Buffer => Buffer.from(v.buffer, v.byteOffset, v.byteLength);

  async function selectMember(file: string, name: string): Promise<PictureState> {
    const s = await state(file);
    const index = s.members!.findIndex((m) => m.member === name);
    s.select(index);
    // The webview builds the member's picture and asks for its first view by itself.
    return waitFor(`the first view of ${name}`, async () => {
      const now = await state(file);
      return now.selected === index && (now.view.done || now.view.unavailable) ? now : undefined;
    }, 60_000);
  }

  it('np.savez: a stored 2-D float member is read in place and its views are numpy\'s slices; switching members rebuilds the view', async () => {
    const file = path.join(dir, 'stored.npz');
    py(`y, x = np.mgrid[0:300, 0:700]
np.savez(sys.argv[1], first=np.arange(5, dtype='<i2'), grid=np.sin(x / 37.0) * np.cos(y / 23.0)); print(1)`, file);
    await openNpz(file);
    const s = await selectMember(file, 'grid.npy');
    assert.equal(s.view.unavailable, undefined);
    const fit = await view(file, { rowAxis: 0, colAxis: 1, index: ['0', '0'], mode: 'fit', row0: 0, col0: 0, width: 512, height: 384 });
    assert.equal(fit.step, 2);
    assert.deepEqual(bytesOf(fit.values), numpyPart(file, 'grid', 'a[::2, ::2]'), 'fit view = a[::2, ::2]');
    const win = await view(file, { rowAxis: 0, colAxis: 1, index: ['0', '0'], mode: 'window', row0: 10, col0: 100, width: 64, height: 32 });
    assert.deepEqual(bytesOf(win.values), numpyPart(file, 'grid', 'a[10:42, 100:164]'), '1:1 window = a[10:42, 100:164]');
    // A 32 × 64 window of rows 5,600 bytes apart: the rows' bytes, never the member (1.68 MB).
    assert.ok(win.bytesRead <= 2 * 32 * 64 * 8 + 32 * 4096, `read ${win.bytesRead} bytes`);
    // The cursor's exact text: one element decoded at the member's place in the archive.
    (await state(file)).requestElement(['3', '5']);
    const element = await waitFor('the element text', async () => {
      const e = (await state(file)).view.element;
      return e?.index.join(',') === '3,5' ? e : undefined;
    });
    assert.equal(element.text, py<string>(`with np.load(sys.argv[1]) as z:
    print(json.dumps(str(z['grid'][3, 5])))`, file));

    const first = await selectMember(file, 'first.npy');
    await waitFor('the view of first.npy', async () => ((await state(file)).view.done?.cols === 5 ? true : undefined));
    assert.deepEqual(bytesOf((await state(file)).view.done!.values), numpyPart(file, 'first', 'a'), 'the 1-D member as a line');
    assert.equal(first.view.unavailable, undefined);
  });

  it('whole-array statistics of a stored member read only that member\'s bytes, in place, and equal numpy\'s', async () => {
    const file = path.join(dir, 'whole.npz');
    py(`rng = np.random.default_rng(5)
np.savez(sys.argv[1], before=np.full(1000, 1e9), grid=rng.standard_normal((200, 300)), after=np.full(1000, -1e9)); print(1)`, file);
    await openNpz(file);
    await selectMember(file, 'grid.npy');
    const id = nextId++;
    (await state(file)).requestWhole({ type: 'view-whole-start', id });
    const whole = await waitFor('the whole-array result', async () => {
      const w = (await state(file)).view.whole;
      if (w?.id === id && w.state === 'error') throw new Error(w.text);
      return w?.id === id && w.state === 'done' ? w : undefined;
    }, 60_000);
    const want = py<{ min: number; max: number; mean: number }>(`with np.load(sys.argv[1]) as z:
    a = z['grid']
print(json.dumps({'min': float(a.min()), 'max': float(a.max()), 'mean': float(a.mean())}))`, file);
    // The neighbours' ±1e9 would show in min, max and mean if a byte of them were counted.
    assert.equal(whole.stats!.count, 60_000);
    assert.equal(whole.stats!.min, want.min);
    assert.equal(whole.stats!.max, want.max);
    assert.ok(Math.abs(whole.stats!.mean! - want.mean) <= 1e-12 * Math.max(1, Math.abs(want.mean)), `mean ${whole.stats!.mean} vs ${want.mean}`);
    assert.equal(whole.bytesRead, 60_000 * 8);
  });

  it('live: the archive rewritten with the member at another place redraws numpy\'s new numbers', async () => {
    const file = path.join(dir, 'live.npz');
    py(`np.savez(sys.argv[1], first=np.arange(3.0), grid=np.arange(40.0).reshape(5, 8)); print(1)`, file);
    await openNpz(file);
    await selectMember(file, 'grid.npy');
    const whole = { rowAxis: 0, colAxis: 1, index: ['0', '0'], mode: 'fit', row0: 0, col0: 0, width: 64, height: 64 };
    assert.deepEqual(bytesOf((await view(file, whole)).values), numpyPart(file, 'grid', 'a'));
    // A bigger first member moves grid's bytes further into the archive: the view must follow it there.
    py(`np.savez(sys.argv[1], first=np.ones(5000), grid=-np.arange(40.0).reshape(5, 8) / 3); print(1)`, file);
    (await state(file)).refresh();
    const expected = numpyPart(file, 'grid', 'a');
    await waitFor('the redrawn view', async () => {
      const done = (await state(file)).view.done;
      return done && bytesOf(done.values).equals(expected) ? true : undefined;
    }, 60_000);
    assert.deepEqual(bytesOf((await view(file, whole)).values), expected);
  });

  it('np.savez_compressed: one sentence instead of the picture, and the values table stays', async () => {
    const file = path.join(dir, 'compressed.npz');
    py(`np.savez_compressed(sys.argv[1], grid=np.arange(600.0).reshape(20, 30)); print(1)`, file);
    await openNpz(file);
    const s = await selectMember(file, 'grid.npy');
    assert.equal(s.view.unavailable, 'grid.npy is compressed (np.savez_compressed), so its elements cannot be read in place; the picture is drawn for stored members only (np.savez), and the values table above reads this one page by page.');
    assert.equal(s.view.done, undefined);
    assert.deepEqual(s.values!.grid!.cells, py<string[][]>(`with np.load(sys.argv[1]) as z:
    print(json.dumps([[str(x) for x in row] for row in z['grid'][:16, :8]]))`, file));
  });

  it('a stored member shorter than its header: one sentence, never the next member\'s bytes drawn as data', async () => {
    const file = path.join(dir, 'short.npz');
    py(`import io, zipfile
b = io.BytesIO(); np.save(b, np.arange(10.0))
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED) as z:
    z.writestr('short.npy', b.getvalue()[:-7 * 8]); z.writestr('next.npy', b.getvalue())
print(1)`, file);
    await openNpz(file);
    const s = await selectMember(file, 'short.npy');
    assert.equal(s.view.unavailable, 'short.npy holds less data than its header describes, so the picture is not drawn: its missing elements would be read from the archive\'s next bytes.');
  });
});
