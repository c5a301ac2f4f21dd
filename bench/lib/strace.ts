// Bytes a process (and its threads/children) actually read from one file, counted by the kernel's answer to
// each read-family syscall under `strace -f -y`. The fd is decoded to its path (-y), so reads of the process's
// own code and libraries are ignored. One trace file per thread (-ff) avoids interleaved <unfinished> lines.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from './time';

const READS = 'read,pread64,readv,preadv,preadv2';

export interface ReadCount { bytes: number; calls: number; maxEnd: number | null }

export function straceAvailable(): boolean {
  return spawnSync('strace', ['-V'], { stdio: 'ignore' }).status === 0;
}

/** Runs `c` under strace and sums the bytes returned by reads whose fd is `file`. */
export function countReads(c: Command, file: string): ReadCount {
  const real = realpathSync(file);
  const dir = mkdtempSync(join(tmpdir(), 'zeroed-npy-strace-'));
  try {
    const r = spawnSync('strace', ['-ff', '-qq', '-y', '-e', `trace=${READS}`, '-o', join(dir, 't'), c.cmd, ...c.args], {
      stdio: ['ignore', 'pipe', 'pipe'], env: c.env ?? process.env, encoding: 'utf8', maxBuffer: 64 << 20,
    });
    if (r.error) throw new Error(`strace could not start: ${r.error.message}`);
    if (r.status !== 0) throw new Error(`strace ${c.cmd} exited ${r.status}: ${r.stderr.trim()}`);
    let bytes = 0;
    let calls = 0;
    let maxEnd: number | null = null;
    // pread64(18</tmp/x.npy>, "\223NUMPY"..., 116, 12) = 116   |   read(3</tmp/x.npy>, "..."..., 4096) = 1024
    const re = /^(read|pread64|readv|preadv|preadv2)\(\d+<(.*?)>, .*\) += (-?\d+)/;
    for (const name of readdirSync(dir)) {
      for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
        const m = re.exec(line);
        if (!m || m[2] !== real) continue;
        const n = Number(m[3]);
        if (n <= 0) continue;
        bytes += n;
        calls++;
        const pos = m[1] === 'pread64' ? /, (\d+)\) += -?\d+$/.exec(line) : null;
        if (pos) maxEnd = Math.max(maxEnd ?? 0, Number(pos[1]) + n);
      }
    }
    return { bytes, calls, maxEnd };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
