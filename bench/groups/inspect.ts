// Group "inspect": a 1 KiB file and an 8 TiB sparse file. Ours in-process (inspectNpy) and as the CLI; numpy's
// header reader and np.load(mmap_mode='r') in-process, and np.load as `python3 -c`. The 8 TiB / 1 KiB ratio
// shows whether the cost depends on the file's size (goal ≈ 1). Bytes read: Node's read calls (FileHandle and
// fs.readSync) in-process, strace for every process.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath } from '../../test/helpers/cli';
import { inspectNpy, inspectNpySync } from '../../src/core/file/inspect';
import { WriteResult, writeZeroedNpy } from '../../src/core/file/writer';
import { timeRoundRobin } from '../lib/commands';
import type { BenchConfig, Measured } from '../lib/model';
import { numpyInProcessCommand, numpyInProcessEach, numpyLoadCommand } from '../lib/numpy';
import { countHandleReads } from '../lib/readCounter';
import { summarize } from '../lib/stats';
import { countReads } from '../lib/strace';
import { timeAsyncRoundRobin } from '../lib/time';

/** In-process rows are timed in this many blocks, ours and numpy's taken in turn. */
const INSPECT_BLOCKS = 5;

export interface InspectFile { id: string; label: string; dtype: string; shape: bigint[]; fileBytes: number; dataOffset: number; allocatedBytes: number; rows: Measured[] }

export const INSPECT_FILES = [
  { id: '1KiB', label: '1 KiB `<f8` (112,)', dtype: '<f8', shape: [112n] },
  { id: '8TiB', label: '8 TiB `<f8` (1099511627776,), sparse', dtype: '<f8', shape: [1n << 40n] },
];

export async function benchInspect(cfg: BenchConfig, log: (s: string) => void): Promise<InspectFile[]> {
  const files: Array<(typeof INSPECT_FILES)[number] & { path: string; w: WriteResult }> = [];
  for (const f of INSPECT_FILES) {
    const path = join(cfg.dir, `inspect-${f.id}.npy`);
    rmSync(path, { force: true });
    files.push({ ...f, path, w: await writeZeroedNpy({ path, dtype: f.dtype, shape: f.shape }) });
  }
  const rows = new Map<string, Measured[]>(files.map((f) => [f.id, []]));
  // In-process: ours (both files round-robin, so the 8 TiB ÷ 1 KiB ratio is not skewed by drift between them),
  // then numpy's header reader and np.load in their own python3 process, in blocks taken in turn, so that load
  // from elsewhere falls on ours and numpy alike (ours ÷ numpy's header reader is an issue 13 target).
  const ourFns = [
    ['ours', 'ours: inspectNpy', (p: string) => inspectNpy(p)],
    ['ours-sync', 'ours: inspectNpySync (the same without the promise)', async (p: string) => inspectNpySync(p)],
  ] as const;
  const numpyOps = [
    ['numpy-header', 'header', 'numpy: read_magic + read_array_header (header only)'],
    ['numpy-load', 'load', "numpy: np.load(mmap_mode='r')"],
  ] as const;
  const samples = new Map<string, number[]>();
  const key = (id: string, f: { path: string }): string => `${id} ${f.path}`;
  const add = (k: string, s: readonly number[]): void => { samples.set(k, [...(samples.get(k) ?? []), ...s]); };
  const perBlock = Math.ceil(cfg.inspectRuns / INSPECT_BLOCKS);
  log(`inspect: in-process, ${INSPECT_BLOCKS} blocks of ${perBlock} runs (ours, numpy header, numpy load)`);
  for (let b = 0; b < INSPECT_BLOCKS; b++) {
    const ours = await timeAsyncRoundRobin(ourFns.flatMap(([id, , fn]) => files.map((f) => ({ id: key(id, f), fn: () => fn(f.path) }))),
      { runs: perBlock, warmup: cfg.warmup });
    for (const [k, s] of ours) add(k, s);
    for (const [id, op] of numpyOps) {
      const np = numpyInProcessEach({ op, paths: files.map((f) => f.path), runs: perBlock, warmup: cfg.warmup });
      for (const f of files) add(key(id, f), np[f.path]!);
    }
  }
  for (const f of files) {
    for (const [id, label, fn] of ourFns) {
      const counted = await countHandleReads(() => fn(f.path));
      if (counted.result.bytesRead !== counted.bytes) throw new Error(`${id} says it read ${counted.result.bytesRead} bytes, the read layer saw ${counted.bytes}`);
      const s = samples.get(key(id, f))!;
      rows.get(f.id)!.push({ id, label, kind: 'in-process', samples: s, summary: summarize(s),
        bytesRead: counted.bytes, readCalls: counted.calls, readCountedBy: 'node:fs' });
    }
    for (const [id, op, label] of numpyOps) {
      const reads = countReads(numpyInProcessCommand({ op, path: f.path, runs: 1, warmup: 0 }), f.path);
      const s = samples.get(key(id, f))!;
      rows.get(f.id)!.push({ id, label, kind: 'in-process', samples: s, summary: summarize(s),
        bytesRead: reads.bytes, readCalls: reads.calls, readCountedBy: 'strace' });
    }
  }

  log('inspect: processes');
  const commands = files.flatMap((f) => [
    { id: `cli ${f.id}`, file: f, rowId: 'cli', label: 'ours: CLI `zeroed-npy inspect --json`',
      command: { cmd: process.execPath, args: [cliPath, 'inspect', f.path, '--json'] } },
    { id: `numpy-proc ${f.id}`, file: f, rowId: 'numpy-proc', label: "numpy: `python3 -c` np.load(mmap_mode='r')", command: numpyLoadCommand(f.path) },
  ]);
  const procs = timeRoundRobin(commands, cfg.procRuns, 1);
  for (const c of commands) {
    const m = procs.find((p) => p.id === c.id)!;
    const reads = countReads(c.command, c.file.path);
    rows.get(c.file.id)!.push({ ...m, id: c.rowId, bytesRead: reads.bytes, readCalls: reads.calls, readCountedBy: 'strace' });
  }
  for (const f of files) rmSync(f.path, { force: true });
  return files.map((f) => ({
    id: f.id, label: f.label, dtype: f.dtype, shape: f.shape, fileBytes: Number(f.w.fileBytes), dataOffset: f.w.header.length,
    allocatedBytes: Number(f.w.allocatedBytes), rows: rows.get(f.id)!,
  }));
}
