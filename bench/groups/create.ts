// Group "create": a 64 GiB and a 1 TiB all-zero array, sparse. Ours in-process (writeZeroedNpy) and as the CLI;
// numpy's open_memmap(mode='w+') in-process and as `python3 -c`; the floor: the same header, then ftruncate
// (in-process) or `truncate -s` (process). Allocated bytes are stat blocks × 512 after the last run.
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { cliPath } from '../../test/helpers/cli';
import { planZeroedNpy, writeZeroedNpy } from '../../src/core/file/writer';
import { timeRoundRobin } from '../lib/commands';
import type { BenchConfig, Measured } from '../lib/model';
import { numpyCreateCommand, numpyInProcess } from '../lib/numpy';
import { summarize } from '../lib/stats';
import { timeAsyncRoundRobin } from '../lib/time';

export interface CreateCase {
  id: string; label: string; dtype: string; shape: bigint[];
  headerBytes: number; fileBytes: number; rows: Measured[];
}

export const CREATE_CASES = [
  { id: '64GiB', label: '64 GiB `<f8` (1024, 2048, 4096)', dtype: '<f8', shape: [1024n, 2048n, 4096n] },
  { id: '1TiB', label: '1 TiB `<f8` (16384, 16384, 512)', dtype: '<f8', shape: [16384n, 16384n, 512n] },
];

const allocated = (p: string): number => statSync(p).blocks * 512;
const rm = (p: string): void => rmSync(p, { force: true });

export async function benchCreate(cfg: BenchConfig, log: (s: string) => void): Promise<CreateCase[]> {
  const out: CreateCase[] = [];
  for (const c of CREATE_CASES) {
    log(`create ${c.id}`);
    const plan = planZeroedNpy({ dtype: c.dtype, shape: c.shape });
    const size = Number(plan.fileBytes);
    const path = join(cfg.dir, `create-${c.id}.npy`);
    const rows: Measured[] = [];
    // The least a program can do: open, write the header, ftruncate, close (same Node API as ours).
    const floor = async (sync: boolean): Promise<void> => {
      const h = await open(path, 'w');
      await h.write(plan.header, 0, plan.header.length, 0);
      await h.truncate(size);
      if (sync) await h.sync();
      await h.close();
    };
    const alloc = new Map<string, number>();
    const inproc = [
      { id: 'ours', label: 'ours: writeZeroedNpy (validate, temp file, header, ftruncate, fsync, link into place)',
        fn: () => writeZeroedNpy({ path, dtype: c.dtype, shape: c.shape }) },
      { id: 'floor', label: 'floor: open, write header, ftruncate, close (Node)', fn: () => floor(false) },
      { id: 'floor-fsync', label: 'floor + fsync (what ours adds for durability)', fn: () => floor(true) },
    ].map((x) => ({ ...x, setup: () => rm(path), after: () => { alloc.set(x.id, allocated(path)); } }));
    const samples = await timeAsyncRoundRobin(inproc, { runs: cfg.runs, warmup: cfg.warmup });
    for (const x of inproc) {
      const s = samples.get(x.id)!;
      rows.push({ id: x.id, label: x.label, kind: 'in-process', samples: s, summary: summarize(s), allocatedBytes: alloc.get(x.id) });
    }

    const np = numpyInProcess({ op: 'create', path, dtype: c.dtype, shape: c.shape, runs: cfg.runs, warmup: cfg.warmup });
    rows.push({ id: 'numpy', label: "numpy: open_memmap(mode='w+') (header, seek, 1 byte at the end)", kind: 'in-process',
      samples: np.samples_ms, summary: summarize(np.samples_ms), allocatedBytes: np.allocated });
    if (np.size !== size) throw new Error(`numpy made ${np.size} bytes, ours ${size}`);

    const shapeArg = c.shape.join(',');
    const statAs = (id: string) => (): void => {
      const st = statSync(path);
      if (st.size !== size) throw new Error(`${id} made ${st.size} bytes, expected ${size}`);
      alloc.set(id, st.blocks * 512);
    };
    const procs = timeRoundRobin([
      { id: 'cli', label: 'ours: CLI `zeroed-npy create`', setup: () => rm(path), after: statAs('cli'),
        command: { cmd: process.execPath, args: [cliPath, 'create', path, '--dtype', c.dtype, '--shape', shapeArg] } },
      { id: 'numpy-proc', label: "numpy: `python3 -c` open_memmap(mode='w+')", setup: () => rm(path), after: statAs('numpy-proc'),
        command: numpyCreateCommand(path, c.dtype, c.shape) },
      // Floor as a process: the header is written (untimed), then coreutils sizes the file.
      { id: 'truncate', label: 'floor: `truncate -s` after writing the header', after: statAs('truncate'),
        setup: () => { rm(path); writeFileSync(path, plan.header); },
        command: { cmd: 'truncate', args: ['-s', String(size), path] } },
    ], cfg.procRuns, 1);
    for (const p of procs) rows.push({ ...p, allocatedBytes: alloc.get(p.id) });
    rm(path);
    out.push({ ...c, headerBytes: plan.header.length, fileBytes: size, rows });
  }
  return out;
}
