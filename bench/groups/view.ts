// Group "view" (issue 11): the data view's fit view of a 1 TiB sparse float64 plane drawn at 512 × 512 (every
// 725th row and column: 262,144 reads of 8 bytes, 5,800 bytes apart) next to a 1 KiB array's view, in-process
// through what the preview's host calls: PlaneWorker.read (synchronous preads in a worker thread), timed from
// the call to the first rows delivered and to the whole plane. Round-robin, one run of each in turn:
// - "first view of a new file": a fresh sparse file (made untimed before the run, so no page of it is cached,
//   as when a job has just created it) and a fresh PlaneWorker (the thread start is part of a preview's first view);
// - "again": the same file and thread once more (a redraw: colormap, Refresh);
// - the async readPlaneFromFile the preview used before, for reference (fewer runs: seconds each).
// A view of a few reads (the 1 KiB one) is read on the calling thread: PlaneWorker starts no thread for it.
// Bytes read and read calls are the reader's own count (test/unit/planeWorker.test.ts checks it against strace).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { inspectNpy } from '../../src/core/file/inspect';
import { writeZeroedNpy } from '../../src/core/file/writer';
import { NpyReport } from '../../src/core/types';
import { fitStride, PlaneRequest } from '../../src/core/values/plane';
import { Plane, readPlaneFromFile } from '../../src/core/values/planeReader';
import { PlaneWorker } from '../../src/core/values/planeWorkerClient';
import type { BenchConfig, Measured } from '../lib/model';
import { summarize } from '../lib/stats';
import { nowMs } from '../lib/time';

export interface ViewGroup {
  /** The view's size in pixels and what it shows of each file. */
  width: number; height: number;
  files: Array<{ id: string; label: string; rows: number; cols: number; stride: number; shown: number }>;
  rows: Measured[];
}

const SIDE = 512;
const FILES = [
  { id: '1KiB', label: '1 KiB `<f8` (8, 14)', shape: [8n, 14n] },
  { id: '1TiB', label: '1 TiB `<f8` (370727, 370727), sparse', shape: [370727n, 370727n] },
] as const;

interface Sample { first: number; whole: number; plane: Plane }

async function timedView(read: (o: { onRows: () => void }) => Promise<Plane>): Promise<Sample> {
  let first = NaN;
  const t0 = nowMs();
  const plane = await read({ onRows: () => { if (Number.isNaN(first)) first = nowMs() - t0; } });
  return { first, whole: nowMs() - t0, plane };
}

export async function benchView(cfg: BenchConfig, log: (s: string) => void): Promise<ViewGroup> {
  const made = new Map<string, { path: string; report: NpyReport; request: PlaneRequest }>();
  let fresh = 0;
  const make = async (id: (typeof FILES)[number]['id']): Promise<{ path: string; report: NpyReport; request: PlaneRequest }> => {
    const f = FILES.find((x) => x.id === id)!;
    const path = join(cfg.dir, `view-${id}-${fresh++}.npy`);
    await writeZeroedNpy({ path, dtype: '<f8', shape: [...f.shape] });
    const stride = fitStride(Number(f.shape[0]), Number(f.shape[1]), SIDE, SIDE);
    return { path, report: await inspectNpy(path), request: { view: { mode: 'fit', stride } } };
  };
  for (const f of FILES) made.set(f.id, await make(f.id));
  const samples = new Map<string, Sample[]>();
  const add = (id: string, s: Sample): void => { samples.set(id, [...(samples.get(id) ?? []), s]); };
  const warm = new PlaneWorker();
  const asyncRuns = Math.min(3, cfg.runs);
  log(`view: ${cfg.warmup} + ${cfg.runs} rounds (1 KiB, 1 TiB new file, 1 TiB again; the async path in ${asyncRuns} of them)`);
  try {
    for (let i = 0; i < cfg.warmup + cfg.runs; i++) {
      const keep = i >= cfg.warmup;
      const small = made.get('1KiB')!;
      const w1 = new PlaneWorker();
      const s1 = await timedView((o) => w1.read(small.path, small.report, small.request, o));
      w1.dispose();
      // A new 1 TiB file, made before the clock starts; the previous one removed.
      rmSync(made.get('1TiB')!.path, { force: true });
      const big = await make('1TiB');
      made.set('1TiB', big);
      const w2 = new PlaneWorker();
      const s2 = await timedView((o) => w2.read(big.path, big.report, big.request, o));
      w2.dispose();
      const s3 = await timedView((o) => warm.read(big.path, big.report, big.request, o));
      if (keep) { add('1KiB', s1); add('1TiB-new', s2); add('1TiB-again', s3); }
      if (keep && i - cfg.warmup < asyncRuns) add('1TiB-async', await timedView((o) => readPlaneFromFile(big.path, big.report, big.request, o)));
    }
  } finally {
    warm.dispose();
    for (const m of made.values()) rmSync(m.path, { force: true });
  }
  const rowsOf = (key: string, label: string): Measured[] => {
    const s = samples.get(key)!;
    const p = s[0]!.plane;
    const counts = { bytesRead: p.bytesRead, readCalls: p.readCalls, readCountedBy: 'report' as const };
    const first = s.map((x) => x.first);
    const whole = s.map((x) => x.whole);
    return [
      { id: `${key}-first`, label: `${label}: first rows`, kind: 'in-process', samples: first, summary: summarize(first), ...counts },
      { id: `${key}-whole`, label: `${label}: whole view`, kind: 'in-process', samples: whole, summary: summarize(whole), ...counts },
    ];
  };
  return {
    width: SIDE, height: SIDE,
    files: FILES.map((f) => {
      const p = samples.get(f.id === '1KiB' ? '1KiB' : '1TiB-new')![0]!.plane;
      return { id: f.id, label: f.label, rows: p.rows, cols: p.cols, stride: p.rowStep, shown: p.rows * p.cols };
    }),
    rows: [
      ...rowsOf('1KiB', '1 KiB, first view (a new PlaneWorker; one read, done on the calling thread)'),
      ...rowsOf('1TiB-new', '1 TiB, first view of a new file (new reader thread, nothing cached)'),
      ...rowsOf('1TiB-again', '1 TiB, the same view again (same thread and file)'),
      ...rowsOf('1TiB-async', '1 TiB, async `readPlaneFromFile` (the path before the reader thread), file cached'),
    ],
  };
}
