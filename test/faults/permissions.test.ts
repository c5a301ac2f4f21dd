// Case 3, EACCES/EPERM: `chattr +i` (ext4's immutable flag stops even root) on the folder and on the old file
// itself, and a CLI child running as user nobody in a folder it may not write (chmod 555) or not even enter.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fsErrorSentence } from '../../src/core/file/fsErrors';
import { planZeroedNpy, writeZeroedNpy } from '../../src/core/file/writer';
import { ensureCliBundle } from '../helpers/cli';
import { listDir, makeTempDir, removeTempDir } from '../helpers/tmp';
import { requireTool } from '../helpers/tools';
import { checkCliFault, checkCoreFault, plantOld } from './matrix';
import { canRunAsNobody } from './nobody';
import { failureOf, runCliWith } from './run';

function expected(errno: string, target: string, shape: string, allocate: 'sparse' | 'full'): string {
  const bytes = planZeroedNpy({ dtype: 'f8', shape }).fileBytes;
  return fsErrorSentence(errno, { action: 'create', path: target, bytes, allocate });
}

describe('faults: EACCES and EPERM', function () {
  this.timeout(20000);
  let dir: string;
  const immutable: string[] = [];
  before(() => ensureCliBundle());
  beforeEach(() => { dir = makeTempDir(); });
  afterEach(() => {
    // Lift the flags even when a test failed, or the folder could never be removed.
    for (const p of immutable.splice(0)) spawnSync('chattr', ['-i', p]);
    removeTempDir(dir);
  });

  function chattrI(ctx: Mocha.Context, path: string): void {
    const r = spawnSync('chattr', ['+i', path], { encoding: 'utf8' });
    requireTool(ctx, r.status === 0, `needs chattr +i (root on ext4 or similar): ${(r.stderr || r.error?.message || '').trim()}`);
    immutable.push(path);
  }

  for (const allocate of ['sparse', 'full'] as const) {
    it(`chattr +i folder holding an old file, --force, ${allocate}: EPERM, old file intact`, async function () {
      const sub = join(dir, 'locked');
      mkdirSync(sub);
      const target = join(sub, 'a.npy');
      const old = plantOld(target);
      chattrI(this, sub);
      const before = listDir(sub);
      const e = await failureOf(() => writeZeroedNpy({ path: target, dtype: 'f8', shape: '1000', overwrite: true, allocate }));
      checkCoreFault({ no: 3, name: `chattr +i folder, ${allocate}`, target, before, old, errno: 'EPERM', sentence: expected('EPERM', target, '1000', allocate) }, e);
    });
  }

  it('chattr +i on the old file itself, CLI --force --allocate full: the rename is refused (EPERM), temp removed', function () {
    const target = join(dir, 'a.npy');
    const old = plantOld(target);
    chattrI(this, target);
    const before = listDir(dir);
    const r = runCliWith(['create', target, '--dtype', 'f8', '--shape', '1000', '--force', '--allocate', 'full']);
    checkCliFault({ no: 3, name: 'chattr +i old file', target, before, old, errno: 'EPERM', sentence: expected('EPERM', target, '1000', 'full') }, r);
  });

  describe('as user nobody', () => {
    before(function () {
      const s = canRunAsNobody();
      requireTool(this, s.ok, s.reason);
    });

    it('chmod 555 folder, no old file: EACCES', function () {
      chmodSync(dir, 0o755);
      const sub = join(dir, 'ro');
      mkdirSync(sub);
      chmodSync(sub, 0o555);
      const target = join(sub, 'a.npy');
      const before = listDir(sub);
      const r = runCliWith(['create', target, '--dtype', 'f8', '--shape', '1000'], { asNobody: true });
      checkCliFault({ no: 3, name: 'nobody, chmod 555 folder', target, before, errno: 'EACCES', sentence: expected('EACCES', target, '1000', 'sparse') }, r);
    });

    it('chmod 555 folder holding an old file (root\'s, 644), --force --allocate full: EACCES, old file intact', function () {
      chmodSync(dir, 0o755);
      const sub = join(dir, 'ro');
      mkdirSync(sub);
      const target = join(sub, 'a.npy');
      const old = plantOld(target);
      chmodSync(sub, 0o555);
      const before = listDir(sub);
      const r = runCliWith(['create', target, '--dtype', 'f8', '--shape', '1000', '--force', '--allocate', 'full'], { asNobody: true });
      checkCliFault({ no: 3, name: 'nobody, chmod 555, --force', target, before, old, errno: 'EACCES', sentence: expected('EACCES', target, '1000', 'full') }, r);
    });

    it('sticky folder (1777) holding root\'s old file, --force --allocate full: the rename is refused (EPERM), temp removed', function () {
      chmodSync(dir, 0o755);
      const sub = join(dir, 'shared');
      mkdirSync(sub);
      chmodSync(sub, 0o1777);
      const target = join(sub, 'a.npy');
      const old = plantOld(target);
      const before = listDir(sub);
      const r = runCliWith(['create', target, '--dtype', 'f8', '--shape', '1000', '--force', '--allocate', 'full'], { asNobody: true });
      checkCliFault({ no: 3, name: 'nobody, sticky folder, --force', target, before, old, errno: 'EPERM', sentence: expected('EPERM', target, '1000', 'full') }, r);
    });

    it('a folder nobody may not even enter (700): EACCES', function () {
      chmodSync(dir, 0o700);
      const sub = join(dir, 'private');
      mkdirSync(sub);
      const target = join(sub, 'a.npy');
      const before = listDir(sub);
      const r = runCliWith(['create', target, '--dtype', 'f8', '--shape', '1000'], { asNobody: true });
      checkCliFault({ no: 3, name: 'nobody, folder not enterable', target, before, errno: 'EACCES', sentence: expected('EACCES', target, '1000', 'sparse') }, r);
    });
  });
});
