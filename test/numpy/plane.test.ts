// numpy is the oracle for the picture's numbers (planeOracle.py): for random arrays of every numeric dtype,
// both byte orders, C and F order, 1-D to 4-D, with NaN/±Inf/zeros/NaT and int64 beyond 2^53, and random view
// requests (axes in either order, indices with negatives, strides, windows past the edge, lines, struct fields,
// complex parts), readPlaneFromFile and the preview's reader thread must give numpy's a[idx][::k, ::k] (or
// window) as float64 exactly — |z| and arg z within 2 ulps of numpy (libm's hypot/atan2 may differ in the last
// bit) — within the read budget; computeStats/percentile must equal numpy's to 1e-12 relative, and colour
// indices must equal matplotlib's normalisation computed in numpy.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectNpy } from '../../src/core/file/inspect';
import { colourIndices } from '../../src/core/values/colormap';
import { PlaneRequest } from '../../src/core/values/plane';
import { COLORMAP_HEX, COLORMAP_NAMES, colormapRgb } from '../../src/common/colormaps';
import { MERGE_GAP_BYTES, Plane, readPlaneFromFile } from '../../src/core/values/planeReader';
import { PlaneWorker } from '../../src/core/values/planeWorkerClient';
import { NpyReport } from '../../src/core/types';
import { computeStats, percentile } from '../../src/core/values/stats';
import { repoRoot } from '../helpers/paths';
import { pythonJson, requireNumpy } from '../helpers/python';
import { makeTempDir, removeTempDir } from '../helpers/tmp';

// One script: the shared random arrays and statistics, then this test's cases.
const ORACLE = ['randomArrays.py', 'planeOracle.py'].map((f) => readFileSync(join(repoRoot, 'test', 'numpy', f), 'utf8')).join('\n');

type Hex = string | null;
interface View {
  request: PlaneRequest; rows: number; cols: number; values: string; approximate: boolean;
  stats: { count: number; finite: number; nan: number; posInf: number; negInf: number; zeros: number; min: Hex; max: Hex; mean: Hex; std: Hex; p1: Hex; p99: Hex };
  range: [string, string]; colours: number[];
}
interface Case { name: string; path: string; fortran: boolean; views: View[] }

function floats(hex: string): Float64Array {
  const b = Buffer.from(hex, 'hex');
  return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
}
function one(hex: Hex): number | null {
  return hex === null ? null : floats(hex)[0];
}
function same(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}
/** Within `ulps` units in the last place of b, in float32 or float64. */
function near(a: number, b: number, ulps: number, single: boolean): boolean {
  if (same(a, b)) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const e = Math.max(Math.floor(Math.log2(Math.abs(b) || Number.MIN_VALUE)), single ? -149 : -1074);
  return Math.abs(a - b) <= ulps * 2 ** (e - (single ? 23 : 52));
}
function relClose(a: number | null, b: number | null, rel: number): boolean {
  if (a === null || b === null) return a === b;
  return same(a, b) || Math.abs(a - b) <= rel * Math.abs(b);
}

describe('plane views, statistics and colour indices against numpy', function () {
  let dir: string;
  let cases: Case[];

  before(function () {
    requireNumpy(this);
    dir = makeTempDir();
    cases = pythonJson<Case[]>(ORACLE, [dir, '20261201']);
  });
  after(() => { if (dir) removeTempDir(dir); });

  /** Every view of every case through `read`: numpy's elements exactly, within the byte and read-call budget. */
  async function checkViews(read: (path: string, report: NpyReport, request: PlaneRequest) => Promise<Plane>): Promise<void> {
    const failures: string[] = [];
    let views = 0;
    let elements = 0;
    for (const c of cases) {
      const report = await inspectNpy(c.path);
      assert.equal(report.fortranOrder, c.fortran, `${c.name}: order`);
      for (const v of c.views) {
        const label = `${c.name} ${JSON.stringify(v.request)}`;
        const plane = await read(c.path, report, v.request);
        views++;
        assert.equal(plane.rows, v.rows, `${label}: rows`);
        assert.equal(plane.cols, v.cols, `${label}: cols`);
        assert.equal(plane.approximate, v.approximate, `${label}: approximate`);
        const want = floats(v.values);
        const fuzzy = plane.part === 'abs' || plane.part === 'arg';
        const single = plane.leaf.itemsize === 8 && plane.leaf.kind === 'c';
        for (let i = 0; i < want.length; i++) {
          elements++;
          // complex64's |z| and arg z are float32 results in numpy: ours must be float32 values too.
          const ok = fuzzy ? near(plane.values[i], want[i], 2, single) && (!single || same(Math.fround(plane.values[i]), plane.values[i])) : same(plane.values[i], want[i]);
          if (!ok) failures.push(`${label} #${i}: got ${plane.values[i]} want ${want[i]}`);
        }
        const n = v.rows * v.cols;
        assert.ok(plane.readCalls >= 1 && plane.readCalls <= n, `${label}: ${plane.readCalls} reads for ${n} elements`);
        assert.ok(plane.bytesRead >= plane.shownBytes, `${label}: read ${plane.bytesRead} < shown ${plane.shownBytes}`);
        assert.ok(plane.bytesRead <= 2 * plane.shownBytes + MERGE_GAP_BYTES * plane.readCalls, `${label}: read ${plane.bytesRead} bytes in ${plane.readCalls} calls for ${plane.shownBytes}`);
        assert.equal(plane.shownBytes, n * plane.leaf.itemsize);
      }
    }
    assert.deepEqual(failures.slice(0, 10), [], `${failures.length} of ${elements} elements differ`);
    assert.ok(views > 1500 && elements > 50000, `compared ${views} views, ${elements} elements`);
  }

  it('reads exactly the elements numpy slices, within the byte and read-call budget', async function () {
    await checkViews((path, report, request) => readPlaneFromFile(path, report, request));
  });

  it('the preview\'s reader thread (PlaneWorker, synchronous preads) reads the same: numpy\'s elements, within the budget', async function () {
    const worker = new PlaneWorker(0); // every view in the thread, however small
    try {
      await checkViews((path, report, request) => worker.read(path, report, request));
      assert.equal(worker.started, 1);
    } finally {
      worker.dispose();
    }
  });

  it('statistics and percentiles equal numpy (nanmin/nanmax, mean/std of the finite values) to 1e-12', function () {
    const failures: string[] = [];
    for (const c of cases) {
      for (const v of c.views) {
        const values = floats(v.values);
        const got = computeStats(values);
        const s = v.stats;
        const label = `${c.name} ${JSON.stringify(v.request)}`;
        for (const k of ['count', 'finite', 'nan', 'posInf', 'negInf', 'zeros'] as const) {
          if (got[k] !== s[k]) failures.push(`${label}: ${k} ${got[k]} want ${s[k]}`);
        }
        if (!relClose(got.min, one(s.min), 0) || !relClose(got.max, one(s.max), 0)) failures.push(`${label}: min/max ${got.min} ${got.max}`);
        if (!relClose(got.mean, one(s.mean), 1e-12)) failures.push(`${label}: mean ${got.mean} want ${one(s.mean)}`);
        if (!relClose(got.std, one(s.std), 1e-12)) failures.push(`${label}: std ${got.std} want ${one(s.std)}`);
        if (!relClose(percentile(values, 1), one(s.p1), 1e-12)) failures.push(`${label}: p1 ${percentile(values, 1)} want ${one(s.p1)}`);
        if (!relClose(percentile(values, 99), one(s.p99), 1e-12)) failures.push(`${label}: p99 ${percentile(values, 99)} want ${one(s.p99)}`);
      }
    }
    assert.deepEqual(failures.slice(0, 10), [], `${failures.length} differ`);
  });

  it('colour indices equal matplotlib\'s Normalize + 256-colour lookup computed in numpy', function () {
    let compared = 0;
    for (const c of cases) {
      for (const v of c.views) {
        const [lo, hi] = v.range.map((h) => one(h)!);
        const got = Array.from(colourIndices(floats(v.values), lo, hi));
        assert.deepEqual(got, v.colours, `${c.name} ${JSON.stringify(v.request)}`);
        compared += got.length;
      }
    }
    assert.ok(compared > 50000, `compared ${compared}`);
  });

  it('the colormap tables are matplotlib\'s cmap(np.arange(256), bytes=True), rebuilt from the published data', function () {
    const tables = pythonJson<Record<string, string>>(readFileSync(join(repoRoot, 'test', 'numpy', 'colormapTables.py'), 'utf8'));
    assert.deepEqual(Object.keys(tables).sort(), [...COLORMAP_NAMES].sort());
    for (const name of COLORMAP_NAMES) {
      assert.equal(COLORMAP_HEX[name], tables[name], name);
      assert.equal(colormapRgb(name).length, 768);
    }
    // Published anchors: viridis starts at #440154, coolwarm at (58, 76, 192), gray runs 0 to 255.
    assert.deepEqual(Array.from(colormapRgb('viridis').subarray(0, 3)), [0x44, 0x01, 0x54]);
    assert.deepEqual(Array.from(colormapRgb('coolwarm').subarray(0, 3)), [58, 76, 192]);
    assert.deepEqual(Array.from(colormapRgb('gray').subarray(765)), [255, 255, 255]);
  });
});
