// Case 5, cancellation: an AbortSignal fired from onProgress (chunked path mid-way, fast path before
// fallocate runs), and SIGINT/SIGTERM to a CLI mid full allocation.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { fallocatePath, fullAllocationSettings } from '../../src/core/file/allocate';
import { writeZeroedNpy } from '../../src/core/file/writer';
import { ensureCliBundle, startCli } from '../helpers/cli';
import { listDir, makeTempDir, removeTempDir } from '../helpers/tmp';
import { requireTool } from '../helpers/tools';
import { checkCliFault, checkCoreFault, plantOld } from './matrix';
import { failureOf, restoreAllocationSettings, waitForTempGrowth } from './run';

const MiB = 1024 * 1024;

describe('faults: cancellation', function () {
  this.timeout(30000);
  let dir: string;
  before(() => ensureCliBundle());
  beforeEach(() => { dir = makeTempDir(); });
  afterEach(() => {
    removeTempDir(dir);
    restoreAllocationSettings();
  });

  it('AbortSignal from onProgress mid chunked allocation, over an old file: cancelled, old file intact', async () => {
    fullAllocationSettings.useFallocate = false;
    fullAllocationSettings.chunkBytes = 256 * 1024;
    const target = join(dir, 'a.npy');
    const old = plantOld(target);
    const before = listDir(dir);
    const ac = new AbortController();
    const progress: number[] = [];
    const e = await failureOf(() => writeZeroedNpy({
      path: target, dtype: 'u1', shape: String(8 * MiB), allocate: 'full', overwrite: true, signal: ac.signal,
      onProgress: (d) => { progress.push(d); if (d >= 2 * MiB) ac.abort(); },
    }));
    checkCoreFault({ no: 5, name: 'abort mid chunks', target, before, old, errno: undefined, sentence: `Cancelled: ${target} was not created and nothing was changed.` }, e);
    // Aborted when 2 MiB were in place: not one chunk more was written.
    assert.equal(progress[progress.length - 1], 128 + 8 * 256 * 1024);
  });

  it('AbortSignal before fallocate runs (first progress call): cancelled, nothing allocated', async function () {
    requireTool(this, fallocatePath() !== undefined, 'needs util-linux fallocate for the fast path');
    const target = join(dir, 'a.npy');
    const before = listDir(dir);
    const ac = new AbortController();
    const progress: number[] = [];
    const e = await failureOf(() => writeZeroedNpy({
      path: target, dtype: 'u1', shape: String(64 * MiB), allocate: 'full', signal: ac.signal,
      onProgress: (d) => { progress.push(d); ac.abort(); },
    }));
    checkCoreFault({ no: 5, name: 'abort before fallocate', target, before, errno: undefined, sentence: `Cancelled: ${target} was not created and nothing was changed.` }, e);
    assert.deepEqual(progress, [128]);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} to the CLI mid chunked allocation, --force over an old file: one Cancelled line, old file intact`, async () => {
      const target = join(dir, 'big.npy');
      const old = plantOld(target);
      const before = listDir(dir);
      // 8 GiB of zero chunks (fast path off) takes seconds; the signal lands once the first chunks are written.
      const run = startCli(['create', target, '--dtype', 'u1', '--shape', String(8 * 1024 * MiB), '--allocate', 'full', '--force'],
        { env: { ...process.env, ZEROED_NPY_NO_FALLOCATE: '1' } });
      try {
        await waitForTempGrowth(dir, 128);
      } finally {
        run.child.kill(signal);
      }
      const r = await run.done;
      checkCliFault({ no: 5, name: `CLI ${signal} mid chunks`, target, before, old, errno: undefined, sentence: `Cancelled: ${target} was not created and nothing was changed.` }, r);
    });
  }
});
