// "Whole array" statistics through the real preview inside VS Code: started and cancelled through
// previews()[i].requestWhole, the same messages the webview's Start and Cancel buttons post. The result equals
// numpy's over every element; progress comes a few times a second at most; Cancel stops before the end; a new
// report makes the result stale.
import * as assert from 'node:assert/strict';
import { api, closeAllEditors, freshDir, openPreview, previewOf, PreviewState, waitFor } from './extension';
import { py } from './numpy';

interface Whole {
  state: 'idle' | 'running' | 'done' | 'cancelled' | 'error' | 'stale';
  id?: number; text?: string; bytesRead?: number; totalBytes?: number; largestRead?: number; progressPosts: number;
  stats?: { count: number; nan: number; posInf: number; negInf: number; zeros: number; min: number | null; max: number | null; mean: number | null; std: number | null };
}
interface WholeState extends PreviewState {
  view: { done?: unknown; whole?: Whole };
  requestWhole(r: { type: 'view-whole-start'; id: number; field?: string; part?: string } | { type: 'view-whole-cancel'; id: number }): void;
  refresh(): void;
}

let nextId = 5000;

async function state(file: string): Promise<WholeState> {
  return previewOf(await api(), file) as WholeState;
}

/** Starts a run once the page's first view is done; a late watcher refresh (stale) starts it again. */
async function start(file: string, choice: { field?: string; part?: string }, until: (w: Whole) => boolean): Promise<{ id: number; whole: Whole }> {
  await waitFor(`the first view of ${file}`, async () => (await state(file))?.view.done, 60_000);
  for (let attempt = 1; ; attempt++) {
    const id = nextId++;
    (await state(file)).requestWhole({ type: 'view-whole-start', id, ...choice });
    const whole = await waitFor(`whole run ${id}`, async () => {
      const w = (await state(file)).view.whole;
      if (w?.id !== id) return undefined;
      if (w.state === 'stale' && attempt < 3) return w;
      if (w.state === 'error') throw new Error(w.text);
      return until(w) ? w : undefined;
    }, 100_000);
    if (whole.state !== 'stale' || attempt >= 3) return { id, whole };
  }
}

describe('preview whole-array statistics (host)', function () {
  this.timeout(200_000);
  let dir: string;
  before(async () => { dir = await freshDir('wholeStats'); });
  afterEach(() => closeAllEditors());

  it('equals numpy over every element of a complex part of a 3-D Fortran array, in chunks of at most 1 MiB', async () => {
    const file = `${dir}/c16.npy`;
    const want = py<{ count: number; nan: number; posInf: number; zeros: number; min: number; max: string; mean: number; std: number }>(`
rng = np.random.default_rng(11)
a = (rng.standard_normal((40, 100, 90)) + 1j * rng.standard_normal((40, 100, 90))).astype('>c16')
a.real[1, 2, 3] = np.nan; a.real[4, 5, 6] = np.inf; a.real[7, 8, 9] = 0
a = np.asfortranarray(a)
np.save(sys.argv[1], a)
x = a.real.astype('f8').ravel(); f = x[np.isfinite(x)]
print(json.dumps({'count': int(x.size), 'nan': int(np.isnan(x).sum()), 'posInf': int(np.isposinf(x).sum()), 'zeros': int((x == 0).sum()),
  'min': float(np.nanmin(x)), 'max': str(np.nanmax(x)), 'mean': float(f.mean()), 'std': float(f.std())}))`, file);
    await openPreview(file);
    const { whole } = await start(file, { part: 'real' }, (w) => w.state === 'done');
    const s = whole.stats!;
    assert.deepEqual({ count: s.count, nan: s.nan, posInf: s.posInf, zeros: s.zeros, min: s.min, max: s.max },
      { count: want.count, nan: want.nan, posInf: want.posInf, zeros: want.zeros, min: want.min, max: want.max === 'inf' ? Infinity : Number(want.max) });
    assert.ok(Math.abs(s.mean! - want.mean) <= 1e-12 * Math.abs(want.mean), `mean ${s.mean} vs ${want.mean}`);
    assert.ok(Math.abs(s.std! - want.std) <= 1e-12 * want.std, `std ${s.std} vs ${want.std}`);
    assert.equal(whole.bytesRead, 360_000 * 16);
    assert.equal(whole.largestRead, 1024 * 1024, 'memory O(chunk): reads of at most 1 MiB');
    assert.match(whole.text!, /^Whole array, real: min .* · NaN 1 · ±Inf 1 · zeros 1 — of all 360,000 elements\.$/);

    // A new report (the Refresh button) makes that result stale.
    (await state(file)).refresh();
    await waitFor('the result marked stale', async () => (await state(file)).view.whole?.state === 'stale' || undefined);
  });

  it('posts progress a few times a second at most, and Cancel stops before the end with what was read', async () => {
    // 2 GiB of zeros, sparse: long enough to cancel midway.
    const file = py<string>(`
from numpy.lib import format as F
p = sys.argv[1] + '/zeros.npy'
with open(p, 'wb') as f:
    F.write_array_header_1_0(f, {'descr': '<f8', 'fortran_order': False, 'shape': (1 << 15, 1 << 13)})
    f.truncate(f.tell() + (1 << 31))
print(json.dumps(p))`, dir);
    await openPreview(file);
    const t0 = Date.now();
    const { id, whole } = await start(file, {}, (w) => w.state === 'running' && (w.bytesRead ?? 0) > 0);
    assert.equal(whole.totalBytes, 2 ** 31);
    (await state(file)).requestWhole({ type: 'view-whole-cancel', id });
    const stopped = await waitFor('the cancel', async () => {
      const w = (await state(file)).view.whole;
      return w?.id === id && w.state !== 'running' ? w : undefined;
    });
    const elapsed = Date.now() - t0;
    assert.equal(stopped.state, 'cancelled');
    assert.ok(stopped.bytesRead! > 0 && stopped.bytesRead! < 2 ** 31, `read ${stopped.bytesRead} of ${2 ** 31}`);
    assert.match(stopped.text!, /^Cancelled after reading .+ of 2 GiB\.$/);
    // The first progress (0 bytes) at once, then at most one per 200 ms.
    assert.ok(stopped.progressPosts <= 2 + elapsed / 200 + 2, `${stopped.progressPosts} progress messages`);
  });
});
