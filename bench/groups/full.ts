// Group "full allocation": every block reserved, 1 and 2 GiB. Ours through its fallocate fast path and its
// portable chunked path (8 MiB zero writes), against util-linux `fallocate -l` and coreutils
// `dd if=/dev/zero … conv=fsync` (ours fsyncs too). Few repeats: the chunked and dd rows really write the bytes and the disk is shared.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fullAllocationSettings } from '../../src/core/file/allocate';
import { writeZeroedNpy } from '../../src/core/file/writer';
import { shown } from '../lib/commands';
import { GiB } from '../lib/model';
import type { BenchConfig, Measured } from '../lib/model';
import { summarize } from '../lib/stats';
import { Command, nowMs, runTimed } from '../lib/time';

export interface FullCase { gib: number; rows: Measured[] }

interface Step {
  id: string; label: string; kind: Measured['kind']; pair: 'reserve' | 'write';
  run?: () => Promise<number>; command?: Command;
}

/** Our writer with full allocation through one path; returns the elapsed ms. */
async function ours(path: string, dataBytes: number, useFallocate: boolean): Promise<number> {
  fullAllocationSettings.useFallocate = useFallocate;
  const t = nowMs();
  const r = await writeZeroedNpy({ path, dtype: '|u1', shape: [BigInt(dataBytes)], allocate: 'full' });
  const ms = nowMs() - t;
  const expected = useFallocate ? 'fallocate' : 'chunked';
  if (r.method !== expected) throw new Error(`the writer used ${r.method}, expected ${expected}`);
  return ms;
}

const DD_BLOCK = 8 << 20;

export async function benchFull(cfg: BenchConfig, log: (s: string) => void): Promise<FullCase[]> {
  const out: FullCase[] = [];
  const saved = { ...fullAllocationSettings };
  try {
    for (const gib of cfg.fullSizesGiB) {
      log(`full allocation ${gib} GiB`);
      const path = join(cfg.dir, `full-${gib}GiB.npy`);
      const rm = (): void => rmSync(path, { force: true });
      const dataBytes = gib * GiB;
      const ddArgs = ['if=/dev/zero', `of=${path}`, `bs=${DD_BLOCK}`, `count=${dataBytes / DD_BLOCK}`, 'conv=fsync', 'status=none'];
      const steps: Step[] = [
        { id: 'ours-fallocate', label: 'ours: writeZeroedNpy allocate=full, fallocate path', kind: 'in-process', pair: 'reserve',
          run: () => ours(path, dataBytes, true) },
        { id: 'fallocate', label: 'util-linux: `fallocate -l`', kind: 'process', pair: 'reserve',
          command: { cmd: 'fallocate', args: ['-l', String(dataBytes), path] } },
        { id: 'ours-chunked', label: 'ours: writeZeroedNpy allocate=full, chunked path (8 MiB writes)', kind: 'in-process', pair: 'write',
          run: () => ours(path, dataBytes, false) },
        { id: 'dd', label: 'coreutils: `dd if=/dev/zero bs=8M conv=fsync`', kind: 'process', pair: 'write', command: { cmd: 'dd', args: ddArgs } },
      ];
      // Each pair interleaved (ours, tool, ours, tool, …) so load from elsewhere falls on both alike. fallocate only
      // reserves extents, so that pair gets more repeats; the write pair really writes the bytes, so few.
      const samples = new Map<string, number[]>(steps.map((x) => [x.id, []]));
      const fileBytes = new Map<string, number>();
      const alloc = new Map<string, number>();
      for (const pair of ['reserve', 'write'] as const) {
        const runs = pair === 'reserve' ? cfg.procRuns : cfg.fullRuns;
        for (let i = 0; i < runs; i++) {
          for (const st of steps.filter((x) => x.pair === pair)) {
            rm();
            const ms = st.run ? await st.run() : runTimed(st.command!);
            samples.get(st.id)!.push(ms);
            const stat = statSync(path);
            fileBytes.set(st.id, stat.size);
            alloc.set(st.id, stat.blocks * 512);
            rm();
          }
        }
      }
      const rows: Measured[] = steps.map((st) => ({
        id: st.id, label: st.label, kind: st.kind, command: st.command ? shown(st.command) : undefined,
        samples: samples.get(st.id)!, summary: summarize(samples.get(st.id)!), bytes: fileBytes.get(st.id), allocatedBytes: alloc.get(st.id),
      }));
      rm();
      out.push({ gib, rows });
    }
  } finally {
    Object.assign(fullAllocationSettings, saved);
  }
  return out;
}
