// The data view's reader thread (PlaneWorker, synchronous preads in a worker) against the async path it replaces
// in the preview: the same values (compared as bytes, NaN payloads included), counters and sentences, for every
// numeric dtype, both orders and every kind of view; rows as they are read; a newer read or an AbortSignal
// cancels; dispose() leaves no thread; the 1 TiB fit view's reads, counted by the kernel (strace).
// numpy's own slices are compared in test/numpy/plane.test.ts.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countReads, straceAvailable } from '../../bench/lib/strace';
import { isNpyError } from '../../src/core/errors';
import { inspectBytes, inspectNpy } from '../../src/core/file/inspect';
import { writeZeroedNpy } from '../../src/core/file/writer';
import { dtypeFromDescr } from '../../src/core/format/dtype';
import { buildHeader } from '../../src/core/format/header';
import { parsePyLiteral } from '../../src/core/format/pyliteral';
import { NpyReport } from '../../src/core/types';
import { fitStride, PlaneRequest } from '../../src/core/values/plane';
import { MERGE_GAP_BYTES, Plane, PlaneRows, readPlaneFromFile } from '../../src/core/values/planeReader';
import { readPlaneFromFileSync, readPlaneSync } from '../../src/core/values/planeReaderSync';
import { PlaneWorker } from '../../src/core/values/planeWorkerClient';
import { commandExists, requireTool } from '../helpers/tools';
import { makeTempDir, removeTempDir } from '../helpers/tmp';

/** A .npy file of `descr` and `shape` holding `data`; its report. */
function npyFile(path: string, descr: string, shape: bigint[], fortran: boolean, data: Uint8Array): NpyReport {
  const dtype = dtypeFromDescr(descr.startsWith('[') ? parsePyLiteral(descr) : { type: 'str', value: descr }).dtype;
  const header = buildHeader(dtype, shape, fortran);
  const bytes = new Uint8Array(header.length + data.length);
  bytes.set(header, 0);
  bytes.set(data, header.length);
  writeFileSync(path, bytes);
  return inspectBytes(bytes, BigInt(bytes.length), null, path);
}

/** Deterministic bytes (xorshift), so every float bit pattern, NaN payloads and ±Inf included, turns up. */
function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** The first `n` bytes of a file, as hex. */
function headerHex(path: string, n: number): string {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(n);
    readSync(fd, b, 0, n, 0);
    return b.toString('hex');
  } finally {
    closeSync(fd);
  }
}

const bytesOf = (v: Float64Array): Buffer => Buffer.from(v.buffer, v.byteOffset, v.byteLength);

function samePlane(got: Plane, want: Plane, what: string): void {
  assert.deepEqual([got.rows, got.cols, got.rowStart, got.rowStep, got.colStart, got.colStep], [want.rows, want.cols, want.rowStart, want.rowStep, want.colStart, want.colStep], `${what}: extent`);
  assert.ok(bytesOf(got.values).equals(bytesOf(want.values)), `${what}: values differ`);
  assert.deepEqual([got.bytesRead, got.readCalls, got.missing, got.approximate, got.shownBytes], [want.bytesRead, want.readCalls, want.missing, want.approximate, want.shownBytes], `${what}: counters`);
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof Error, String(e));
    return e;
  }
  assert.fail('no rejection');
}

const until = async (what: string, ok: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(ok(), `gave up waiting for ${what}`);
};

describe('plane reader thread (PlaneWorker): the async path\'s planes, off the main thread', function () {
  this.timeout(120_000);
  let dir: string;
  let worker: PlaneWorker;
  /** A 1 TiB sparse float64 file whose 512 × 512 fit view is 262,144 reads of 8 bytes, 5,800 bytes apart. */
  let tib: string;
  let tibReport: NpyReport;
  const tibStride = fitStride(370727, 370727, 512, 512);
  before(async () => {
    dir = makeTempDir();
    worker = new PlaneWorker(0); // every view in the thread, however small
    tib = join(dir, 'tib.npy');
    await writeZeroedNpy({ path: tib, dtype: '<f8', shape: [370727n, 370727n] });
    tibReport = await inspectNpy(tib);
  });
  after(() => {
    worker?.dispose();
    if (dir) removeTempDir(dir);
  });

  it('equals readPlaneFromFile (and the synchronous loop) for every numeric dtype, C and F order, fits, windows, lines, fields and complex parts', async () => {
    const dtypes = ['<f8', '>f4', '<f2', '<i8', '>i2', '|i1', '|u1', '|b1', '<u8', '>u4', '<c16', '>c8', '<M8[ms]', '>m8[s]',
      "[('s', '|S3'), ('x', '>f8'), ('y', '<i2')]"];
    const shape = [5n, 90n, 70n];
    const requests: PlaneRequest[] = [
      {},
      { view: { mode: 'fit', stride: 3 } },
      { rowAxis: 2, colAxis: 0, index: [0, -7, 0], view: { mode: 'fit', stride: 2 } },
      { rowAxis: 0, colAxis: 1, index: [0, 0, 33], view: { mode: 'window', row0: 1, col0: 40, rows: 50, cols: 70 } },
      { rowAxis: null, colAxis: 1, index: [4, 0, -1] },
      { view: { mode: 'window', row0: 80, col0: 60, rows: 64, cols: 64 } },
    ];
    let compared = 0;
    for (const [k, descr] of dtypes.entries()) {
      for (const fortran of [false, true]) {
        const path = join(dir, `d${k}${fortran ? 'F' : 'C'}.npy`);
        const itemsize = dtypeFromDescr(descr.startsWith('[') ? parsePyLiteral(descr) : { type: 'str', value: descr }).dtype.itemsize;
        let data = noise(5 * 90 * 70 * itemsize, k * 7919 + (fortran ? 1 : 0) + 1);
        if (descr === '|b1') data = data.map((b) => b & 1);
        const report = npyFile(path, descr, shape, fortran, data);
        const variants: PlaneRequest[] = descr.includes('c')
          ? requests.flatMap((r) => (['abs', 'arg', 'real', 'imag'] as const).map((part) => ({ ...r, part })))
          : descr.startsWith('[') ? requests.flatMap((r) => [r, { ...r, field: 'y' }]) : requests;
        for (const request of variants) {
          const what = `${descr} ${fortran ? 'F' : 'C'} ${JSON.stringify(request)}`;
          const want = await readPlaneFromFile(path, report, request);
          samePlane(await worker.read(path, report, request), want, `${what} (thread)`);
          samePlane(readPlaneFromFileSync(path, report, request), want, `${what} (synchronous loop)`);
          compared += want.values.length;
        }
      }
    }
    assert.equal(worker.started, 1, 'one thread for all these reads');
    assert.ok(compared > 100_000, `compared ${compared} elements`);
  });

  it('posts rows as they are read: the first batch one row, then in order, the plane covered exactly once', async () => {
    const path = join(dir, 'counting.npy');
    const report = npyFile(path, '<f8', [300n, 200n], false, new Uint8Array(Float64Array.from({ length: 60_000 }, (_, i) => i).buffer));
    const seen: Array<[number, number]> = [];
    const plane = await worker.read(path, report, {}, { onRows: (r: PlaneRows) => {
      seen.push([r.firstRow, r.rowCount]);
      assert.equal(r.values.length, r.rowCount * 200);
      for (let i = 0; i < r.values.length; i++) assert.equal(r.values[i], r.firstRow * 200 + i);
    } });
    assert.deepEqual(seen[0], [0, 1]);
    assert.ok(seen.length > 2, `${seen.length} batches`);
    let next = 0;
    for (const [first, count] of seen) { assert.equal(first, next); next += count; }
    assert.equal(next, plane.rows);
  });

  it('a newer read cancels the older, an AbortSignal cancels, and the same thread serves the next read', async () => {
    const path = join(dir, 'small.npy');
    const report = npyFile(path, '<f8', [4n, 5n], false, new Uint8Array(Float64Array.from({ length: 20 }, (_, i) => i * 1.5).buffer));
    const started = worker.started;
    const older = worker.read(tib, tibReport, { view: { mode: 'fit', stride: tibStride } });
    const newer = worker.read(path, report, {});
    const e = await rejection(older);
    assert.ok(isNpyError(e) && e.code === 'cancelled', e.message);
    assert.equal(e.message, 'The view was cancelled before all of it was read.');
    assert.deepEqual(Array.from((await newer).values), Array.from({ length: 20 }, (_, i) => i * 1.5));

    const ac = new AbortController();
    let rowsAfterAbort = 0;
    const aborted = worker.read(tib, tibReport, { view: { mode: 'fit', stride: tibStride } }, {
      signal: ac.signal, onRows: () => { if (ac.signal.aborted) rowsAfterAbort++; else ac.abort(); },
    });
    assert.equal((await rejection(aborted) as { code?: string }).code, 'cancelled');
    const again = await worker.read(path, report, { view: { mode: 'fit', stride: 2 } });
    assert.deepEqual(Array.from(again.values), [0, 3, 6, 15, 18, 21]);
    assert.equal(rowsAfterAbort, 0, 'no rows delivered after the abort');
    const before = new AbortController();
    before.abort();
    assert.equal((await rejection(worker.read(path, report, {}, { signal: before.signal })) as { code?: string }).code, 'cancelled');
    assert.equal(worker.started, started, 'no new thread');
  });

  it('a view of a few merged reads is read on the calling thread (no thread started), exactly as readPlaneFromFile; a bigger one in the thread', async () => {
    const w = new PlaneWorker();
    try {
      const path = join(dir, 'kib.npy');
      const report = npyFile(path, '<f8', [8n, 14n], false, noise(8 * 14 * 8, 11));
      const plane = join(dir, 'plane.npy');
      const planeReport = npyFile(plane, '>f4', [300n, 700n], false, noise(300 * 700 * 4, 12));
      const window: PlaneRequest = { view: { mode: 'window', row0: 10, col0: 100, rows: 20, cols: 64 } };
      samePlane(await w.read(path, report, {}), await readPlaneFromFile(path, report, {}), '1 KiB');
      const win = await w.read(plane, planeReport, window);
      samePlane(win, await readPlaneFromFile(plane, planeReport, window), 'a 20-row window');
      assert.ok(win.readCalls <= 20, `${win.readCalls} reads for 20 rows`);
      assert.equal(w.started, 0, 'no thread for these');
      // A newer read cancels one on the calling thread too.
      const older = w.read(path, report, {});
      const newer = w.read(plane, planeReport, window);
      assert.equal((await rejection(older) as { code?: string }).code, 'cancelled');
      samePlane(await newer, win, 'the newer read');
      const fit = await w.read(tib, tibReport, { view: { mode: 'fit', stride: fitStride(370727, 370727, 64, 64) } });
      assert.equal(fit.readCalls, 64 * 64);
      assert.equal(w.started, 1, 'the thread for 4,096 reads');
    } finally {
      w.dispose();
    }
  });

  it('the synchronous loop asks before every read: cancelled after 100 reads, it made exactly 100', () => {
    let reads = 0;
    assert.throws(() => readPlaneSync((_p, length, into) => { reads++; into.fill(0, 0, length); return length; }, tibReport,
      { view: { mode: 'fit', stride: tibStride } }, { isCancelled: () => reads >= 100 }), (e: unknown) => isNpyError(e) && e.code === 'cancelled');
    assert.equal(reads, 100);
  });

  it('dispose() ends the thread: the read in flight rejects as cancelled, nothing is left running, later reads are refused', async () => {
    const w = new PlaneWorker();
    let first!: () => void;
    const firstRows = new Promise<void>((r) => { first = r; });
    const inFlight = w.read(tib, tibReport, { view: { mode: 'fit', stride: tibStride } }, { onRows: () => first() });
    await firstRows;
    w.dispose();
    assert.equal((await rejection(inFlight) as { code?: string }).code, 'cancelled');
    await until('the thread to exit', () => w.exited === 1);
    assert.equal(w.started, 1);
    assert.equal((await rejection(w.read(tib, tibReport, {})) as { code?: string }).code, 'cancelled');
    assert.equal(w.started, 1, 'a disposed reader starts no thread');
  });

  it('errors are readPlaneFromFile\'s one sentence: a missing file, a folder, a refused view (refused before any thread work)', async () => {
    const folder = join(dir, 'folder.npy');
    mkdirSync(folder);
    const small: PlaneRequest = { view: { mode: 'fit', stride: tibStride } };
    for (const [path, request] of [[join(dir, 'nope.npy'), small], [folder, small], [tib, { ...small, field: 'x' }], [tib, {}]] as const) {
      const want = await rejection(readPlaneFromFile(path, tibReport, request));
      const got = await rejection(worker.read(path, tibReport, request));
      assert.ok(isNpyError(got), `${path}: ${got.message}`);
      assert.equal(got.message, want.message);
      assert.equal(got.code, (want as { code?: string }).code);
      assert.doesNotMatch(got.message, /\n| {4}at /);
    }
  });

  it('a truncated file gives NaN past its end, also when it shrinks mid-view; a file removed mid-view is read whole through its open descriptor', async () => {
    const cut = join(dir, 'cut.npy');
    const report = npyFile(cut, '<f8', [3n, 4n], false, new Uint8Array(Float64Array.from({ length: 12 }, (_, i) => i).buffer));
    truncateSync(cut, Number(report.expectedFileBytes) - 20);
    const p = await worker.read(cut, report, {});
    samePlane(p, await readPlaneFromFile(cut, report, {}), 'truncated');
    assert.equal(p.missing, 3);
    assert.deepEqual(Array.from(p.values.subarray(8)), [8, NaN, NaN, NaN]);

    // Fresh sparse files (never a copy: copying a 1 TiB sparse file may write every zero).
    const shrinking = join(dir, 'shrinking.npy');
    await writeZeroedNpy({ path: shrinking, dtype: '<f8', shape: [370727n, 370727n] });
    const shrunk = await worker.read(shrinking, tibReport, { view: { mode: 'fit', stride: tibStride } }, {
      onRows: (r) => { if (r.firstRow === 0) truncateSync(shrinking, tibReport.dataOffset); },
    });
    const nan = shrunk.values.reduce((n, v) => n + (Number.isNaN(v) ? 1 : 0), 0);
    assert.ok(shrunk.missing > 0 && shrunk.missing === nan, `${shrunk.missing} missing, ${nan} NaN`);
    assert.ok(shrunk.values.subarray(0, 512).every((v) => v === 0), 'the first row was read before the cut');

    const removed = join(dir, 'removed.npy');
    await writeZeroedNpy({ path: removed, dtype: '<f8', shape: [370727n, 370727n] });
    const whole = await worker.read(removed, tibReport, { view: { mode: 'fit', stride: tibStride } }, {
      onRows: (r) => { if (r.firstRow === 0) rmSync(removed); },
    });
    assert.equal(whole.missing, 0);
    assert.equal(whole.readCalls, 512 * 512);
    assert.ok(whole.values.every((v) => v === 0));
  });

  it('fileOffset: a .npy stored at an offset inside another file (an .npz member) reads as the .npy itself', async () => {
    const alone = join(dir, 'alone.npy');
    const report = npyFile(alone, '>i4', [40n, 30n], true, noise(40 * 30 * 4, 99));
    const npy = readFileSync(alone);
    const inside = join(dir, 'inside.bin');
    writeFileSync(inside, Buffer.concat([noise(1000, 5), npy, noise(500, 6)]));
    for (const request of [{}, { view: { mode: 'fit', stride: 3 } }, { view: { mode: 'window', row0: 30, col0: 20, rows: 20, cols: 20 } }] as PlaneRequest[]) {
      const want = await readPlaneFromFile(alone, report, request);
      samePlane(await worker.read(inside, report, request, { fileOffset: 1000 }), want, `thread ${JSON.stringify(request)}`);
      samePlane(await readPlaneFromFile(inside, report, request, { fileOffset: 1000 }), want, `async ${JSON.stringify(request)}`);
    }
  });

  it('the 1 TiB fit view at 512 × 512: 262,144 reads of 8 bytes (2 MiB ≤ 8 MiB), no more calls than elements', async () => {
    const plane = await worker.read(tib, tibReport, { view: { mode: 'fit', stride: tibStride } });
    assert.deepEqual([plane.rows, plane.cols], [512, 512]);
    assert.equal(plane.readCalls, 512 * 512);
    assert.equal(plane.bytesRead, 512 * 512 * 8);
    assert.ok(plane.bytesRead <= 8 * 1024 * 1024);
    assert.ok(plane.values.every((v) => v === 0));
    // Merging applies in the thread as in readPlane: close elements share a read, within 2 × shown + 4 KiB a read.
    const near = join(dir, 'near.npy');
    const report = npyFile(near, '<f8', [64n, 4096n], false, noise(64 * 4096 * 8, 3));
    for (const stride of [1, 3, 100]) {
      const p = await worker.read(near, report, { view: { mode: 'fit', stride } });
      samePlane(p, await readPlaneFromFile(near, report, { view: { mode: 'fit', stride } }), `stride ${stride}`);
      assert.ok(stride === 100 ? p.readCalls <= p.rows * p.cols : p.readCalls < p.rows * p.cols / 100, `stride ${stride}: ${p.readCalls} reads for ${p.rows * p.cols} elements`);
      assert.ok(p.bytesRead <= 2 * p.shownBytes + MERGE_GAP_BYTES * p.readCalls, `stride ${stride}: ${p.bytesRead} B in ${p.readCalls}`);
    }
  });

  it('reading a new sparse file\'s fit view brings one page per read into the page cache, not the rows around them (fincore)', async function () {
    requireTool(this, process.platform === 'linux' && commandExists('fincore'), 'needs fincore (util-linux) on Linux to count cached pages');
    // Rows as wide as the 1 TiB file's (elements 5,800 bytes apart, as in its 512 × 512 fit view) but only 7,250 of
    // them (21.5 GB): 10 shown rows of 512, and fincore has 5 million pages to look at, not 268 million.
    const path = join(dir, 'fresh.npy');
    await writeZeroedNpy({ path, dtype: '<f8', shape: [7250n, 370727n] });
    const report = await inspectNpy(path);
    const plane = await worker.read(path, report, { view: { mode: 'fit', stride: fitStride(7250, 370727, 512, 512) } });
    assert.deepEqual([plane.rows, plane.cols, plane.readCalls], [10, 512, 5120]);
    const page = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim());
    const resident = Number(execFileSync('fincore', ['--bytes', '--noheadings', '--output', 'RES', path], { encoding: 'utf8' }).trim());
    // Read in ascending order the kernel reads ahead along each row: 905,041 pages measured for the 1 TiB file's
    // 262,144 reads (3.5 a read), 3.7 GB allocated, zeroed and cached.
    assert.ok(resident <= (plane.readCalls + 64) * page, `${resident / page} pages cached for ${plane.readCalls} reads`);
    rmSync(path);
  });

  it('what the thread reports it read is what the kernel saw (strace on a process reading a 64 × 64 fit view of the 1 TiB file)', function () {
    requireTool(this, process.platform === 'linux' && straceAvailable(), 'needs strace on Linux to count the reads (apt-get install -y strace)');
    const client = join(__dirname, '..', '..', 'src', 'core', 'values', 'planeWorkerClient.js');
    const inspect = join(__dirname, '..', '..', 'src', 'core', 'file', 'inspect.js');
    const script = `
const fs = require('fs');
const { PlaneWorker } = require(${JSON.stringify(client)});
const { inspectBytes } = require(${JSON.stringify(inspect)});
const [path, hex, size, stride] = process.argv.slice(1);
const report = inspectBytes(Buffer.from(hex, 'hex'), BigInt(size), null, path);
const w = new PlaneWorker();
w.read(path, report, { view: { mode: 'fit', stride: Number(stride) } }).then((p) => {
  process.stdout.write(JSON.stringify({ bytesRead: p.bytesRead, readCalls: p.readCalls, rows: p.rows, cols: p.cols }));
  w.dispose();
}, (e) => { console.error(e.message); process.exit(1); });`;
    // The child gets the header's bytes, so the only reads of the file it makes are the view's.
    const args = ['-e', script, tib, headerHex(tib, tibReport.dataOffset), String(tibReport.fileBytes), String(fitStride(370727, 370727, 64, 64))];
    const counted = countReads({ cmd: process.execPath, args }, tib);
    // countReads keeps no stdout: the same view once more, untraced, for the numbers the thread reports.
    const r = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as { bytesRead: number; readCalls: number; rows: number; cols: number };
    assert.deepEqual([r.rows, r.cols], [64, 64]);
    assert.equal(r.readCalls, 64 * 64);
    assert.equal(counted.calls, r.readCalls, 'read calls the kernel saw on the file');
    assert.equal(counted.bytes, r.bytesRead, 'bytes the kernel returned from the file');
  });
});
