// Small file systems the fault tests can fill, make read-only and throw away: a tmpfs, or an ext4 image on a
// loop device. Mounting needs root (or CAP_SYS_ADMIN): without it the tests skip, or FAIL under CI=true.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, removeTempDir } from '../helpers/tmp';
import { requireTool } from '../helpers/tools';

function sh(cmd: string, args: readonly string[]): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}`;
  return { ok: r.status === 0, out: out.split('\n').map((l) => l.trim()).filter(Boolean).join(' ') };
}

export class TestMount {
  /** The mount point (empty file system apart from ext4's lost+found). */
  readonly dir: string;
  private readonly base: string;
  private mounted = false;

  private constructor(base: string) {
    this.base = base;
    this.dir = join(base, 'mnt');
    mkdirSync(this.dir);
  }

  /**
   * Mounts a tmpfs of `size` (mount's syntax: "4m") or, with kind 'ext4', a fresh ext4 image of that size on a
   * loop device. Calls requireTool on failure (skip, or fail under CI=true) and returns undefined then.
   */
  static create(ctx: Mocha.Context, kind: 'tmpfs' | 'ext4', size: string, tmpfsOptions = ''): TestMount | undefined {
    const m = new TestMount(makeTempDir('zeroed-npy-faults-'));
    let r: { ok: boolean; out: string };
    if (kind === 'tmpfs') {
      r = sh('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755${tmpfsOptions ? `,${tmpfsOptions}` : ''}`, 'tmpfs', m.dir]);
    } else {
      const img = join(m.base, 'fs.img');
      r = sh('truncate', ['-s', size, img]);
      if (r.ok) r = sh('mkfs.ext4', ['-q', '-F', '-b', '4096', '-m', '0', img]);
      if (r.ok) r = sh('mount', ['-o', 'loop', img, m.dir]);
    }
    if (!r.ok) {
      removeTempDir(m.base);
      requireTool(ctx, false, `needs to mount a ${size} ${kind} (run as root with mount${kind === 'ext4' ? ', mkfs.ext4 and a loop device' : ''}): ${r.out}`);
      return undefined;
    }
    m.mounted = true;
    return m;
  }

  remount(mode: 'ro' | 'rw'): void {
    const r = sh('mount', ['-o', `remount,${mode}`, this.dir]);
    assert.ok(r.ok, `mount -o remount,${mode} ${this.dir}: ${r.out}`);
  }

  /** Empties the file system (read-write again first) so each test starts from the same state. */
  clear(): void {
    this.remount('rw');
    for (const name of readdirSync(this.dir)) {
      if (name !== 'lost+found') rmSync(join(this.dir, name), { recursive: true, force: true });
    }
  }

  /** Bytes that a root process can still allocate (root may use ext4's reserved blocks). */
  freeBytes(): bigint {
    const s = statfsSync(this.dir, { bigint: true });
    return s.bfree * s.bsize;
  }

  /** Writes `name` until the file system says ENOSPC; returns the bytes written. Asserts it is full then. */
  fill(name = 'filler.bin'): number {
    const fd = openSync(join(this.dir, name), 'wx');
    const chunk = Buffer.alloc(64 * 1024, 0xaa);
    let total = 0;
    try {
      for (let size = chunk.length; size >= 1; size = Math.floor(size / 2)) {
        for (;;) {
          try {
            total += writeSync(fd, chunk, 0, size);
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code === 'ENOSPC') break;
            throw e;
          }
        }
      }
    } finally {
      closeSync(fd);
    }
    return total;
  }

  /** Creates empty files until the file system has no inode left; returns how many. */
  exhaustInodes(): number {
    for (let i = 0; ; i++) {
      try {
        closeSync(openSync(join(this.dir, `inode-${i}`), 'wx'));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOSPC') return i;
        throw e;
      }
    }
  }

  /** Unmounts (lazily if still busy, so an after() hook never leaves a mount behind) and removes the folder. */
  unmount(): void {
    if (this.mounted) {
      let r = sh('umount', [this.dir]);
      if (!r.ok) r = sh('umount', ['-l', this.dir]);
      assert.ok(r.ok, `umount ${this.dir}: ${r.out}`);
      this.mounted = false;
    }
    removeTempDir(this.base);
  }
}
