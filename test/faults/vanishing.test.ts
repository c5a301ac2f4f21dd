// Extra faults: the temp file, or the whole folder, deleted by another program mid full allocation.
// Bug fixed: a deleted temp file was reported as "the folder … does not exist" although the folder was there.
import { mkdirSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fullAllocationSettings } from '../../src/core/file/allocate';
import { fsErrorSentence } from '../../src/core/file/fsErrors';
import { writeZeroedNpy } from '../../src/core/file/writer';
import { leftoverTempFiles, listDir, makeTempDir, removeTempDir } from '../helpers/tmp';
import { checkCoreFault, plantOld } from './matrix';
import { failureOf, restoreAllocationSettings } from './run';

describe('faults: files vanishing mid-allocation', function () {
  this.timeout(20000);
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
    fullAllocationSettings.useFallocate = false;
    fullAllocationSettings.chunkBytes = 256 * 1024;
  });
  afterEach(() => {
    removeTempDir(dir);
    restoreAllocationSettings();
  });

  it('the temp file is deleted by another program, --force over an old file: says so, old file intact', async () => {
    const target = join(dir, 'a.npy');
    const old = plantOld(target);
    const before = listDir(dir);
    let deleted = false;
    const e = await failureOf(() => writeZeroedNpy({
      path: target, dtype: 'u1', shape: String(4 << 20), allocate: 'full', overwrite: true,
      onProgress: () => {
        if (deleted) return;
        for (const n of leftoverTempFiles(dir)) unlinkSync(join(dir, n));
        deleted = true;
      },
    }));
    checkCoreFault({
      no: 8, name: 'temp deleted by another program', target, before, old, errno: 'ENOENT',
      sentence: `Cannot create ${target}: its unfinished temp file was deleted by another program before it was complete, so nothing was changed; try again.`,
    }, e);
  });

  it('the whole folder is deleted meanwhile: the folder does not exist', async () => {
    const sub = join(dir, 'sub');
    const target = join(sub, 'a.npy');
    const before: string[] = [];
    let deleted = false;
    mkdirSync(sub);
    const e = await failureOf(() => writeZeroedNpy({
      path: target, dtype: 'u1', shape: String(4 << 20), allocate: 'full',
      onProgress: () => { if (!deleted) { rmSync(sub, { recursive: true }); deleted = true; } },
    }));
    // The folder is gone, so the common "lists what it listed before" check runs on a re-created, empty one.
    mkdirSync(sub);
    checkCoreFault({
      no: 8, name: 'folder deleted meanwhile', target, before, errno: 'ENOENT',
      sentence: fsErrorSentence('ENOENT', { action: 'create', path: target }),
    }, e);
  });
});
