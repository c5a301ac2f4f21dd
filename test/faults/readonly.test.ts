// Case 4, EROFS: a tmpfs remounted read-only, with and without an old file at the target.
import { join } from 'node:path';
import { fsErrorSentence } from '../../src/core/file/fsErrors';
import { planZeroedNpy, writeZeroedNpy } from '../../src/core/file/writer';
import { ensureCliBundle } from '../helpers/cli';
import { listDir } from '../helpers/tmp';
import { checkCliFault, checkCoreFault, plantOld } from './matrix';
import { TestMount } from './mounts';
import { failureOf, runCliWith } from './run';

function expected(target: string, shape: string, allocate: 'sparse' | 'full'): string {
  const bytes = planZeroedNpy({ dtype: 'f8', shape }).fileBytes;
  return fsErrorSentence('EROFS', { action: 'create', path: target, bytes, allocate });
}

describe('faults: read-only file system', function () {
  this.timeout(20000);
  let fs: TestMount | undefined;
  before(function () {
    ensureCliBundle();
    fs = TestMount.create(this, 'tmpfs', '4m');
  });
  afterEach(() => fs?.clear());
  after(() => fs?.unmount());
  const m = (): TestMount => fs as TestMount;

  for (const allocate of ['sparse', 'full'] as const) {
    it(`remount,ro, no old file, ${allocate}: EROFS`, async () => {
      const target = join(m().dir, 'a.npy');
      m().remount('ro');
      const before = listDir(m().dir);
      const e = await failureOf(() => writeZeroedNpy({ path: target, dtype: 'f8', shape: '100', allocate }));
      checkCoreFault({ no: 4, name: `tmpfs ro, ${allocate}`, target, before, errno: 'EROFS', sentence: expected(target, '100', allocate) }, e);
    });

    it(`remount,ro over an old file, CLI --force, ${allocate}: EROFS, old file intact`, () => {
      const target = join(m().dir, 'old.npy');
      const old = plantOld(target);
      m().remount('ro');
      const before = listDir(m().dir);
      const r = runCliWith(['create', target, '--dtype', 'f8', '--shape', '100', '--force', '--allocate', allocate]);
      checkCliFault({ no: 4, name: `tmpfs ro, --force, ${allocate}`, target, before, old, errno: 'EROFS', sentence: expected(target, '100', allocate) }, r);
    });
  }
});
