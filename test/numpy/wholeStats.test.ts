// numpy is the oracle for the "Whole array" statistics (wholeStatsOracle.py): for random N-D arrays of float16/32/64
// with NaN/±Inf, int8…uint64, bool, datetime, complex parts and struct fields, in C and F order, wholeStatsFromFile
// gives numpy's counts and nanmin/nanmax exactly and mean/std to 1e-12 relative, whatever the chunk size (chunks of
// 7 bytes cut nearly every element in two); a truncated file gives the elements it holds; a cancel stops reading;
// no read is larger than the chunk (memory O(chunk)).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectNpy } from '../../src/core/file/inspect';
import { NpyError } from '../../src/core/errors';
import { ComplexPart } from '../../src/core/values/plane';
import { DEFAULT_CHUNK_BYTES, wholeStats, wholeStatsFromFile } from '../../src/core/values/wholeStats';
import { repoRoot } from '../helpers/paths';
import { pythonJson, requireNumpy } from '../helpers/python';
import { makeTempDir, removeTempDir } from '../helpers/tmp';
import { open } from 'node:fs/promises';

// One script: the shared random arrays and statistics, then this test's cases.
const ORACLE = ['randomArrays.py', 'wholeStatsOracle.py'].map((f) => readFileSync(join(repoRoot, 'test', 'numpy', f), 'utf8')).join('\n');

type Hex = string | null;
interface Expected { count: number; finite: number; nan: number; posInf: number; negInf: number; zeros: number; min: Hex; max: Hex; mean: Hex; std: Hex }
interface Case { name: string; path: string; elements: number; runs: Array<{ choice: { field?: string; part?: ComplexPart }; stats: Expected }> }

function one(hex: Hex): number | null {
  if (hex === null) return null;
  return Buffer.from(hex, 'hex').readDoubleLE(0);
}
function relClose(a: number | null, b: number | null, rel: number): boolean {
  if (a === null || b === null) return a === b;
  return Object.is(a, b) || Math.abs(a - b) <= rel * Math.abs(b);
}

describe('whole-array statistics against numpy', function () {
  this.timeout(120000);
  let dir: string;
  let cases: Case[];

  before(function () {
    requireNumpy(this);
    dir = makeTempDir();
    cases = pythonJson<Case[]>(ORACLE, [dir, '20261201']);
  });
  after(() => { if (dir) removeTempDir(dir); });

  it('equals numpy over every element, for every dtype, order, field and part, at any chunk size', async () => {
    const failures: string[] = [];
    let runs = 0;
    for (const c of cases) {
      const report = await inspectNpy(c.path);
      for (const run of c.runs) {
        // Tiny chunks on the small arrays (a read per few bytes would take long on the 2.4 MB one).
        for (const chunkBytes of c.elements > 10000 ? [4096, 100000, DEFAULT_CHUNK_BYTES] : [7, 64, 4096, DEFAULT_CHUNK_BYTES]) {
          const label = `${c.name} ${JSON.stringify(run.choice)} chunk ${chunkBytes}`;
          const r = await wholeStatsFromFile(c.path, report, { ...run.choice, chunkBytes });
          runs++;
          const e = run.stats;
          const s = r.stats;
          for (const k of ['count', 'finite', 'nan', 'posInf', 'negInf', 'zeros'] as const) {
            if (s[k] !== e[k]) failures.push(`${label}: ${k} ${s[k]} ≠ ${e[k]}`);
          }
          // complex64 |z| and arg z are computed in double and rounded to float32, numpy's in float32 libm: an
          // element may differ by 2 ulp of float32 (as in plane.test.ts): min/max by as much, mean and std by at most
          // that much of the root mean square (≤ |mean| + std).
          const f32 = r.leaf.kind === 'c' && r.leaf.itemsize === 8 && (r.part === 'abs' || r.part === 'arg');
          const rms = Math.abs(one(e.mean) ?? 0) + (one(e.std) ?? 0);
          const close = (a: number | null, b: number | null): boolean => f32
            ? (a === null || b === null ? a === b : Math.abs(a - b) <= 2 ** -22 * rms)
            : relClose(a, b, 1e-12);
          const extreme = (a: number | null, b: number | null): boolean => (f32 ? relClose(a, b, 2 ** -22) : Object.is(a, b));
          if (!extreme(s.min, one(e.min))) failures.push(`${label}: min ${s.min} ≠ ${one(e.min)}`);
          if (!extreme(s.max, one(e.max))) failures.push(`${label}: max ${s.max} ≠ ${one(e.max)}`);
          if (!close(s.mean, one(e.mean))) failures.push(`${label}: mean ${s.mean} ≠ ${one(e.mean)}`);
          if (!close(s.std, one(e.std))) failures.push(`${label}: std ${s.std} ≠ ${one(e.std)}`);
          assert.equal(s.count, c.elements, `${label}: every element present is counted`);
          // Memory O(chunk): no read asks for more than one chunk; all the present bytes are read once.
          assert.ok(r.largestRead <= chunkBytes, `${label}: largest read ${r.largestRead} > chunk ${chunkBytes}`);
          assert.equal(r.bytesRead, r.totalBytes, `${label}: bytes read`);
          assert.equal(r.totalBytes, c.elements * report.itemsize, `${label}: total bytes`);
        }
      }
    }
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} mismatches`);
    assert.ok(runs >= 400, `${runs} runs`);
  });

  it('the big array is read in chunks of exactly the chunk size (memory O(chunk))', async () => {
    const big = cases.find((c) => c.name.startsWith('f8 (500, 600)'))!;
    const report = await inspectNpy(big.path);
    const r = await wholeStatsFromFile(big.path, report, { chunkBytes: 256 * 1024 });
    assert.equal(r.largestRead, 256 * 1024);
    assert.equal(r.readCalls, Math.ceil(2_400_000 / (256 * 1024)));
    assert.equal(r.bytesRead, 2_400_000);
  });

  it('a truncated file gives the statistics of the elements it holds, and says how many there are', async () => {
    const t = cases.find((c) => c.name.startsWith('truncated'))!;
    const report = await inspectNpy(t.path);
    assert.equal(report.status, 'truncated');
    const r = await wholeStatsFromFile(t.path, report, { chunkBytes: 100 });
    assert.equal(r.presentElements, 777);
    assert.equal(r.elementCount, 2000n);
    assert.equal(r.stats.count, 777);
    assert.equal(r.bytesRead, 777 * 4);
  });

  it('Cancel stops reading: fewer bytes than the total, and NpyError "cancelled"', async () => {
    const big = cases.find((c) => c.name.startsWith('f8 (500, 600)'))!;
    const report = await inspectNpy(big.path);
    const controller = new AbortController();
    let read = 0;
    const handle = await open(big.path, 'r');
    try {
      const source = { read: async (position: number, length: number) => {
        const b = new Uint8Array(length);
        const { bytesRead } = await handle.read(b, 0, length, position);
        read += bytesRead;
        return b.subarray(0, bytesRead);
      } };
      let progress = 0;
      await assert.rejects(wholeStats(source, report, {
        chunkBytes: 64 * 1024, signal: controller.signal, progressIntervalMs: 0,
        onProgress: (p) => { progress++; assert.equal(p.totalBytes, 2_400_000); if (p.bytesRead >= 3 * 64 * 1024) controller.abort(); },
      }), (e) => e instanceof NpyError && e.code === 'cancelled');
      // Three chunks, then one last report of what was read when the cancel was seen.
      assert.equal(progress, 4);
      // The chunk in flight when Cancel came may finish; nothing after it is asked for.
      assert.ok(read <= 4 * 64 * 1024, `read ${read} bytes after cancel`);
      assert.ok(read < 2_400_000);
    } finally {
      await handle.close();
    }
  });
});
