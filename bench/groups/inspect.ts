// Group "inspect": a 1 KiB file and an 8 TiB sparse file. Ours in-process (inspectNpy) and as the CLI; numpy's
// header reader and np.load(mmap_mode='r') in-process, and np.load as `python3 -c`. The 8 TiB / 1 KiB ratio
// shows whether the cost depends on the file's size (goal ≈ 1). Bytes read: FileHandle layer in-process,
// strace for every process.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath } from '../../test/helpers/cli';
import { inspectNpy } from '../../src/core/inspect';
import { writeZeroedNpy } from '../../src/core/writer';
import { timeRoundRobin } from '../lib/commands';
import type { BenchConfig, Measured } from '../lib/model';
import { numpyInProcess, numpyInProcessCommand, numpyLoadCommand } from '../lib/numpy';
import { countHandleReads } from '../lib/readCounter';
import { summarize } from '../lib/stats';
import { countReads } from '../lib/strace';
import { timeAsync } from '../lib/time';

export interface InspectFile { id: string; label: string; dtype: string; shape: bigint[]; fileBytes: number; dataOffset: number; allocatedBytes: number; rows: Measured[] }

export const INSPECT_FILES = [
  { id: '1KiB', label: '1 KiB `<f8` (112,)', dtype: '<f8', shape: [112n] },
  { id: '8TiB', label: '8 TiB `<f8` (1099511627776,), sparse', dtype: '<f8', shape: [1n << 40n] },
];

export async function benchInspect(cfg: BenchConfig, log: (s: string) => void): Promise<InspectFile[]> {
  const out: InspectFile[] = [];
  for (const f of INSPECT_FILES) {
    log(`inspect ${f.id}`);
    const path = join(cfg.dir, `inspect-${f.id}.npy`);
    rmSync(path, { force: true });
    const w = await writeZeroedNpy({ path, dtype: f.dtype, shape: f.shape });
    const rows: Measured[] = [];

    const s = await timeAsync(() => inspectNpy(path), { runs: cfg.runs, warmup: cfg.warmup });
    const counted = await countHandleReads(() => inspectNpy(path));
    if (counted.result.bytesRead !== counted.bytes) throw new Error(`inspectNpy says it read ${counted.result.bytesRead} bytes, FileHandle saw ${counted.bytes}`);
    rows.push({ id: 'ours', label: 'ours: inspectNpy', kind: 'in-process', samples: s, summary: summarize(s),
      bytesRead: counted.bytes, readCalls: counted.calls, readCountedBy: 'FileHandle' });

    for (const [id, op, label] of [
      ['numpy-header', 'header', 'numpy: read_magic + read_array_header (header only)'],
      ['numpy-load', 'load', "numpy: np.load(mmap_mode='r')"],
    ] as const) {
      const np = numpyInProcess({ op, path, runs: cfg.runs, warmup: cfg.warmup });
      const reads = countReads(numpyInProcessCommand({ op, path, runs: 1, warmup: 0 }), path);
      rows.push({ id, label, kind: 'in-process', samples: np.samples_ms, summary: summarize(np.samples_ms),
        bytesRead: reads.bytes, readCalls: reads.calls, readCountedBy: 'strace' });
    }

    const cli = { cmd: process.execPath, args: [cliPath, 'inspect', path, '--json'] };
    const npLoad = numpyLoadCommand(path);
    const procs = timeRoundRobin([
      { id: 'cli', label: 'ours: CLI `zeroed-npy inspect --json`', command: cli },
      { id: 'numpy-proc', label: "numpy: `python3 -c` np.load(mmap_mode='r')", command: npLoad },
    ], cfg.procRuns, 1);
    for (const p of procs) {
      const reads = countReads(p.id === 'cli' ? cli : npLoad, path);
      rows.push({ ...p, bytesRead: reads.bytes, readCalls: reads.calls, readCountedBy: 'strace' });
    }
    out.push({ ...f, fileBytes: Number(w.fileBytes), dataOffset: w.header.length, allocatedBytes: Number(w.allocatedBytes), rows });
  }
  for (const f of INSPECT_FILES) rmSync(join(cfg.dir, `inspect-${f.id}.npy`), { force: true });
  return out;
}
