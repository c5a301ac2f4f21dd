// Group "full allocation": every block reserved, 1 and 2 GiB. Ours through its fallocate fast path and its
// portable chunked path (8 MiB zero writes), against util-linux `fallocate -l` and coreutils `dd if=/dev/zero … conv=fsync`
// (ours fsyncs too). Few repeats: the chunked and dd rows really write the bytes and the disk is shared.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fullAllocationSettings } from '../../src/core/allocate';
import { writeZeroedNpy } from '../../src/core/writer';
import { timeRoundRobin } from '../lib/commands';
import { GiB } from '../lib/model';
import type { BenchConfig, Measured } from '../lib/model';
import { summarize } from '../lib/stats';
import { timeAsync } from '../lib/time';

export interface FullCase { gib: number; rows: Measured[] }

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
      const rows: Measured[] = [];
      const ours = async (id: string, label: string, useFallocate: boolean, runs: number): Promise<void> => {
        fullAllocationSettings.useFallocate = useFallocate;
        let fileBytes = 0;
        let method: string | undefined;
        const s = await timeAsync(async () => {
          const r = await writeZeroedNpy({ path, dtype: '|u1', shape: [BigInt(dataBytes)], allocate: 'full' });
          fileBytes = Number(r.fileBytes);
          method = r.method;
        }, { runs, warmup: 0, setup: rm });
        const expected = useFallocate ? 'fallocate' : 'chunked';
        if (method !== expected) throw new Error(`${id}: the writer used ${method}, expected ${expected}`);
        rows.push({ id, label, kind: 'in-process', samples: s, summary: summarize(s), bytes: fileBytes, allocatedBytes: statSync(path).blocks * 512 });
        rm();
      };
      // fallocate reserves extents without writing data: cheap, so more repeats.
      await ours('ours-fallocate', 'ours: writeZeroedNpy allocate=full, fallocate path', true, cfg.procRuns);
      await ours('ours-chunked', 'ours: writeZeroedNpy allocate=full, chunked path (8 MiB writes)', false, cfg.fullRuns);

      const alloc = new Map<string, number>();
      const statAs = (id: string) => (): void => { alloc.set(id, statSync(path).blocks * 512); };
      const [fa] = timeRoundRobin([{ id: 'fallocate', label: 'util-linux: `fallocate -l`', setup: rm, after: statAs('fallocate'),
        command: { cmd: 'fallocate', args: ['-l', String(dataBytes), path] } }], cfg.procRuns, 0);
      const [dd] = timeRoundRobin([{ id: 'dd', label: 'coreutils: `dd if=/dev/zero bs=8M conv=fsync`', setup: rm, after: statAs('dd'),
        command: { cmd: 'dd', args: ['if=/dev/zero', `of=${path}`, `bs=${DD_BLOCK}`, `count=${dataBytes / DD_BLOCK}`, 'conv=fsync', 'status=none'] } }],
      cfg.fullRuns, 0);
      for (const m of [fa!, dd!]) rows.push({ ...m, bytes: dataBytes, allocatedBytes: alloc.get(m.id) });
      rm();
      out.push({ gib, rows });
    }
  } finally {
    Object.assign(fullAllocationSettings, saved);
  }
  return out;
}
