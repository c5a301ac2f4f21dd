// Group "crowded folder": does a create cost more next to 300,000 other files (an ML dataset folder) than in an
// empty folder? Ours as the CLI and in-process (writeZeroedNpy), 64 GiB sparse, each timed round-robin with the
// same create in an empty folder, so the ratio crowded ÷ empty is measured side by side (issue 13: ≤ 1.05×).
// The 300,000 empty files are made once per run in the bench folder and removed at the end (both timed).
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath } from '../../test/helpers/cli';
import { planZeroedNpy, writeZeroedNpy } from '../../src/core/file/writer';
import { timeRoundRobin } from '../lib/commands';
import type { BenchConfig, Measured } from '../lib/model';
import { summarize } from '../lib/stats';
import { nowMs, timeAsyncRoundRobin } from '../lib/time';

export const CROWDED_FILES = 300_000;

export interface CrowdedGroup {
  files: number;
  /** Wall time to make the empty files, and to remove the folder afterwards (ms; context, not a result). */
  makeMs: number;
  removeMs: number;
  label: string;
  fileBytes: number;
  rows: Measured[];
}

const CASE = { label: '64 GiB `<f8` (1024, 2048, 4096)', dtype: '<f8', shape: [1024n, 2048n, 4096n] };

/** `count` empty files named like a dataset's samples: open(O_CREAT) + close each, nothing written. */
function makeEmptyFiles(dir: string, count: number): void {
  mkdirSync(dir);
  for (let i = 0; i < count; i++) closeSync(openSync(join(dir, `sample-${String(i).padStart(6, '0')}.npy`), 'w'));
}

export async function benchCrowdedFolder(cfg: BenchConfig, log: (s: string) => void): Promise<CrowdedGroup> {
  const empty = join(cfg.dir, 'empty-folder');
  const crowded = join(cfg.dir, 'crowded-folder');
  const size = Number(planZeroedNpy({ dtype: CASE.dtype, shape: CASE.shape }).fileBytes);
  mkdirSync(empty);
  log(`crowded folder: making ${CROWDED_FILES.toLocaleString('en-US')} empty files`);
  let t = nowMs();
  try {
    makeEmptyFiles(crowded, CROWDED_FILES);
    const makeMs = nowMs() - t;
    log(`crowded folder: made them in ${(makeMs / 1000).toFixed(1)} s`);
    const folders = [['empty', empty], ['crowded', crowded]] as const;
    const target = (dir: string): string => join(dir, 'created.npy');
    const rm = (dir: string) => (): void => rmSync(target(dir), { force: true });
    const check = (dir: string) => (): void => {
      const st = statSync(target(dir));
      if (st.size !== size) throw new Error(`the create in ${dir} made ${st.size} bytes, expected ${size}`);
    };

    log('crowded folder: ours in-process');
    const inproc = folders.map(([id, dir]) => ({ id: `ours-${id}`, setup: rm(dir), after: check(dir),
      fn: () => writeZeroedNpy({ path: target(dir), dtype: CASE.dtype, shape: CASE.shape }) }));
    const samples = await timeAsyncRoundRobin(inproc, { runs: cfg.runs, warmup: cfg.warmup });
    const rows: Measured[] = folders.map(([id]) => {
      const s = samples.get(`ours-${id}`)!;
      return { id: `ours-${id}`, label: `ours: writeZeroedNpy, ${id} folder`, kind: 'in-process', samples: s, summary: summarize(s) };
    });

    log('crowded folder: CLI');
    rows.push(...timeRoundRobin(folders.map(([id, dir]) => ({
      id: `cli-${id}`, label: `ours: CLI \`zeroed-npy create\`, ${id} folder`, setup: rm(dir), after: check(dir),
      command: { cmd: process.execPath, args: [cliPath, 'create', target(dir), '--dtype', CASE.dtype, '--shape', CASE.shape.join(',')] },
    })), cfg.procRuns, 1));

    // No debris in either folder: the target and, in the crowded one, the samples; no temp or lock left behind.
    for (const [id, dir] of folders) {
      const n = readdirSync(dir).length;
      const expected = (id === 'crowded' ? CROWDED_FILES : 0) + 1;
      if (n !== expected) throw new Error(`the ${id} folder holds ${n} entries after the creates, expected ${expected}`);
    }
    t = nowMs();
    rmSync(crowded, { recursive: true, force: true });
    const removeMs = nowMs() - t;
    log(`crowded folder: removed it in ${(removeMs / 1000).toFixed(1)} s`);
    return { files: CROWDED_FILES, makeMs, removeMs, label: CASE.label, fileBytes: size, rows };
  } finally {
    rmSync(crowded, { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
  }
}
