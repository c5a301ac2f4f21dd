// Cases 2 and 7, ENOSPC: a 4 MiB tmpfs and a 32 MiB ext4 image. Full allocation is refused up front when the
// free space cannot hold it; when the disk fills up meanwhile (another program, simulated by filling it from
// the first progress callback) both the fallocate fast path and the chunked path meet the kernel's ENOSPC.
// Also a header into a completely full file system, and --force over an old file that must survive.
import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fallocatePath, fullAllocationSettings } from '../../src/core/file/allocate';
import { freeSpace, fsErrorSentence } from '../../src/core/file/fsErrors';
import { planZeroedNpy, writeZeroedNpy } from '../../src/core/file/writer';
import { ensureCliBundle } from '../helpers/cli';
import { leftoverDebris, listDir } from '../helpers/tmp';
import { requireTool } from '../helpers/tools';
import { checkCliFault, checkCoreFault, plantOld } from './matrix';
import { TestMount } from './mounts';
import { failureOf, restoreAllocationSettings, runCliWith } from './run';

const MiB = 1024 * 1024;
type Path = 'fallocate' | 'chunked';

function usePath(path: Path): void {
  fullAllocationSettings.useFallocate = path === 'fallocate';
  fullAllocationSettings.chunkBytes = 256 * 1024;
}

/** The sentence the writer must give, with the free space it finds after the failure (call right after it). */
async function sentence(target: string, shape: string, allocate: 'sparse' | 'full'): Promise<string> {
  const bytes = planZeroedNpy({ dtype: 'u1', shape }).fileBytes;
  const space = await freeSpace(dirname(target));
  assert.ok(space, 'statfs reports free space here');
  return fsErrorSentence('ENOSPC', { action: 'create', path: target, bytes, allocate, space });
}

for (const kind of ['tmpfs', 'ext4'] as const) {
  describe(`faults: ENOSPC on a small ${kind}`, function () {
    this.timeout(20000);
    let fs: TestMount | undefined;
    const size = kind === 'tmpfs' ? 4 * MiB : 32 * MiB;
    before(function () {
      ensureCliBundle();
      fs = TestMount.create(this, kind, `${size / MiB}m`);
    });
    afterEach(() => {
      restoreAllocationSettings();
      fs?.clear();
    });
    after(() => fs?.unmount());
    const m = (): TestMount => fs as TestMount;
    const pathSkip = (ctx: Mocha.Context, path: Path): void => {
      if (path === 'fallocate') requireTool(ctx, fallocatePath() !== undefined, 'needs util-linux fallocate for the fast path');
    };

    for (const path of ['fallocate', 'chunked'] as const) {
      // Bug fixed: the chunked path wrote zeros until the disk was full (every other program on it then failed
      // too) and only then gave up; now nothing is written when the free space cannot hold the file.
      it(`${path}: a file twice the free space is refused before any data is written`, async function () {
        pathSkip(this, path);
        usePath(path);
        const target = join(m().dir, 'big.npy');
        const shape = String(2 * size);
        const before = listDir(m().dir);
        const free = m().freeBytes();
        const progress: number[] = [];
        const e = await failureOf(() => writeZeroedNpy({ path: target, dtype: 'u1', shape, allocate: 'full', onProgress: (d) => progress.push(d) }));
        checkCoreFault({ no: 2, name: `${kind} 2x free, ${path}`, target, before, errno: 'ENOSPC', sentence: await sentence(target, shape, 'full') }, e);
        assert.deepEqual(progress, [], 'no progress: refused up front');
        assert.equal(m().freeBytes(), free, 'free space as before');
      });

      it(`${path}: the disk fills up meanwhile → the kernel's ENOSPC, space given back`, async function () {
        pathSkip(this, path);
        usePath(path);
        const target = join(m().dir, 'race.npy');
        const shape = String(size / 2);
        const before = listDir(m().dir);
        let freeWhenFull = -1n;
        let tempHeld = 0n;
        const e = await failureOf(() => writeZeroedNpy({
          path: target, dtype: 'u1', shape, allocate: 'full',
          onProgress: () => {
            if (freeWhenFull >= 0n) return;
            // The temp file and the lock naming it (.<name>.zeroed-npy-lock): both go when the create fails.
            tempHeld = leftoverDebris(m().dir).reduce((sum, n) => sum + BigInt(statSync(join(m().dir, n)).blocks) * 512n, 0n);
            m().fill('other-program.bin');
            freeWhenFull = m().freeBytes();
          },
        }));
        before.push('other-program.bin');
        before.sort();
        checkCoreFault({ no: 2, name: `${kind} filled meanwhile, ${path}`, target, before, errno: 'ENOSPC', sentence: await sentence(target, shape, 'full') }, e);
        // Everything the failed attempt held is free again: its header block(s) from before the disk filled up,
        // and whatever fallocate or the zero chunks got hold of afterwards.
        assert.ok(tempHeld > 0n, 'the temp file held the header (and the lock its text) when the disk filled up');
        assert.equal(m().freeBytes(), freeWhenFull + tempHeld);
      });

      it(`${path}, --force over an old file, disk fills up meanwhile: the old file stays`, async function () {
        pathSkip(this, path);
        usePath(path);
        const target = join(m().dir, 'old.npy');
        const old = plantOld(target);
        const shape = String(size / 2);
        const before = [...listDir(m().dir), 'other-program.bin'].sort();
        let filled = false;
        const e = await failureOf(() => writeZeroedNpy({
          path: target, dtype: 'u1', shape, allocate: 'full', overwrite: true,
          onProgress: () => { if (!filled) { m().fill('other-program.bin'); filled = true; } },
        }));
        checkCoreFault({ no: 7, name: `${kind} --force, filled meanwhile, ${path}`, target, before, old, errno: 'ENOSPC', sentence: await sentence(target, shape, 'full') }, e);
      });

      it(`${path}, CLI --force over an old file, file larger than the free space: the old file stays`, async function () {
        pathSkip(this, path);
        const target = join(m().dir, 'old.npy');
        const old = plantOld(target);
        const shape = String(2 * size);
        const before = listDir(m().dir);
        const env = { ...process.env, ZEROED_NPY_NO_FALLOCATE: path === 'chunked' ? '1' : '0' };
        const r = runCliWith(['create', target, '--dtype', 'u1', '--shape', shape, '--allocate', 'full', '--force'], { env });
        checkCliFault({ no: 7, name: `${kind} --force 2x free, ${path}`, target, before, old, errno: 'ENOSPC', sentence: await sentence(target, shape, 'full') }, r);
      });
    }

    if (kind === 'tmpfs') {
      // Bug fixed: this sentence said "(the file needs 4 KiB) … or use sparse allocation" to a sparse create.
      it('sparse into a completely full file system: ENOSPC on the header, a sentence that fits sparse', async () => {
        const target = join(m().dir, 'a.npy');
        m().fill();
        assert.equal(m().freeBytes(), 0n, 'completely full');
        const before = listDir(m().dir);
        const e = await failureOf(() => writeZeroedNpy({ path: target, dtype: 'f8', shape: '1024,2048,4096' }));
        const msg = checkCoreFault({
          no: 2, name: 'tmpfs full, header, sparse', target, before, errno: 'ENOSPC',
          sentence: await sentence(target, '1024,2048,4096', 'sparse'),
        }, e).message;
        assert.match(msg, /no room even for the header/);
        assert.doesNotMatch(msg, /sparse allocation|needs 64 GiB/);
      });

      it('CLI --force over an old file into a completely full file system: the old file stays', async () => {
        const target = join(m().dir, 'old.npy');
        const old = plantOld(target);
        m().fill();
        const before = listDir(m().dir);
        const r = runCliWith(['create', target, '--dtype', 'f8', '--shape', '1024,2048,4096', '--force']);
        checkCliFault({
          no: 7, name: 'tmpfs full, header, --force', target, before, old, errno: 'ENOSPC',
          sentence: await sentence(target, '1024,2048,4096', 'sparse'),
        }, r);
      });
    }
  });
}

describe('faults: ENOSPC from a file system out of inodes (tmpfs nr_inodes=8)', function () {
  this.timeout(20000);
  let fs: TestMount | undefined;
  before(function () {
    ensureCliBundle();
    fs = TestMount.create(this, 'tmpfs', '4m', 'nr_inodes=8');
  });
  afterEach(() => fs?.clear());
  after(() => fs?.unmount());
  const m = (): TestMount => fs as TestMount;

  // Bug fixed: this said "the disk is full, with no room even for the header" with megabytes free.
  it('sparse, no inode left: says it is the file count, not the space', async () => {
    const target = join(m().dir, 'a.npy');
    assert.ok(m().exhaustInodes() > 0);
    const before = listDir(m().dir);
    const e = await failureOf(() => writeZeroedNpy({ path: target, dtype: 'f8', shape: '10' }));
    const msg = checkCoreFault({ no: 2, name: 'tmpfs no inodes, sparse', target, before, errno: 'ENOSPC', sentence: await sentence(target, '10', 'sparse') }, e).message;
    assert.match(msg, /no free inodes/);
    assert.ok((m().freeBytes()) > 1024n * 1024n, 'megabytes are free');
  });

  it('CLI --force --allocate full over an old file, no inode left: the old file stays', async () => {
    const target = join(m().dir, 'old.npy');
    const old = plantOld(target);
    m().exhaustInodes();
    const before = listDir(m().dir);
    const r = runCliWith(['create', target, '--dtype', 'f8', '--shape', '10', '--force', '--allocate', 'full']);
    checkCliFault({ no: 7, name: 'tmpfs no inodes, --force full', target, before, old, errno: 'ENOSPC', sentence: await sentence(target, '10', 'full') }, r);
    assert.match(r.stderr, /no free inodes/);
  });
});

describe('faults: free space that a file system does not report', () => {
  // Some FUSE and network file systems answer statfs with 0 blocks in all; "0 B free" there is made up and must
  // never refuse a full allocation. /proc answers the same way, so it stands in for them.
  it('freeSpace is undefined for a file system with 0 blocks (/proc), a number for a real one', async function () {
    requireTool(this, process.platform === 'linux', 'needs Linux /proc');
    assert.equal(await freeSpace('/proc'), undefined);
    const real = await freeSpace(__dirname);
    assert.ok(real && real.freeBytes > 0n && real.blockBytes > 0n, JSON.stringify(real, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  });
});
