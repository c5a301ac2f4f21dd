// Temp names of long non-ASCII targets. Bug fixed: the target's name was cut to 100 UTF-16 code units, not
// bytes, so an 83-character CJK name (253 bytes, a valid file name) gave a ~300-byte temp name and the create
// failed with ENAMETOOLONG; an odd cut could also split a surrogate pair.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockFileName, tempFileName } from '../../src/core/file/tempFiles';
import { writeZeroedNpy } from '../../src/core/file/writer';
import { listDir, makeTempDir, removeTempDir } from '../helpers/tmp';

const NAMES: Array<[string, string]> = [
  ['83 CJK characters (253 bytes)', `${'数'.repeat(83)}.npy`],
  ['astral characters (4 bytes, 2 code units each)', `${'𝟘'.repeat(62)}.npy`],
  ['astral characters after one ASCII letter (odd cut)', `x${'𝟘'.repeat(61)}.npy`],
  ['255 ASCII bytes', `${'a'.repeat(251)}.npy`],
];

function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '0']).pid;
  assert.throws(() => process.kill(pid, 0), /ESRCH/);
  return pid;
}

describe('faults: temp names of long names', () => {
  let dir: string;
  beforeEach(() => { dir = makeTempDir(); });
  afterEach(() => removeTempDir(dir));

  for (const [what, name] of NAMES) {
    it(`${what}: created, temp name within 255 bytes and valid UTF-8, its stale temp found again through its lock`, async () => {
      assert.ok(Buffer.byteLength(name) <= 255 && Buffer.byteLength(name) >= 249, `test name is ${Buffer.byteLength(name)} bytes`);
      const target = join(dir, name);
      const tmp = tempFileName(target, process.pid);
      assert.ok(Buffer.byteLength(tmp) <= 255, `${Buffer.byteLength(tmp)} bytes`);
      assert.equal(Buffer.from(tmp, 'utf8').toString('utf8'), tmp, 'no lone surrogate');
      const lock = lockFileName(target);
      assert.ok(Buffer.byteLength(lock) <= 255, `${Buffer.byteLength(lock)} bytes`);
      // A stale temp of this target and its lock, as a killed run would have left them, are recognised and removed.
      const stale = tempFileName(target, deadPid());
      writeFileSync(join(dir, stale), 'x');
      writeFileSync(join(dir, lock), `${/-([0-9]+-[0-9a-f]{8}-[0-9a-f]{12})\.tmp$/.exec(stale)![1]}\n`);
      await writeZeroedNpy({ path: target, dtype: 'f8', shape: '4' });
      assert.deepEqual(listDir(dir), [name]);
    });
  }
});
