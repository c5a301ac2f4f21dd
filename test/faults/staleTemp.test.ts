// Case 6: a CLI killed outright (SIGKILL) mid full allocation cannot remove its temp file or its lock; the next
// run for the same target finds both through the lock (`.<name>.zeroed-npy-lock`, no folder listing) and removes
// them. Stale means: this machine, another process, and that process is gone (ESRCH) or started after the lock
// was written (a reused pid). Locks of live processes (also another user's: EPERM), of this process, of other
// machines, and every file the lock does not name, stay; a live lock makes a second create refuse.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockFileName, removeStaleTempFiles, tempFileName } from '../../src/core/file/tempFiles';
import { writeZeroedNpy } from '../../src/core/file/writer';
import { ensureCliBundle, startCli } from '../helpers/cli';
import { leftoverDebris, listDir, makeTempDir, removeTempDir } from '../helpers/tmp';
import { requireTool } from '../helpers/tools';
import { plantOld, recordOutcome, snapshot } from './matrix';
import { canRunAsNobody, nobodyKit, spawnAsNobody } from './nobody';
import { runCliWith, waitForTempGrowth } from './run';

/** A pid that belonged to a process which has exited (checked: kill(pid, 0) → ESRCH). */
function deadPid(): number {
  for (let i = 0; i < 10; i++) {
    const pid = spawnSync(process.execPath, ['-e', '0']).pid;
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
  return assert.fail('could not find a pid of a finished process');
}

/** The same name with another machine's tag. */
function otherHost(name: string): string {
  return name.replace(/-([0-9a-f]{8})-([0-9a-f]{12})\.tmp$/, (_m, host: string, rnd: string) => `-${host === 'ffffffff' ? '00000000' : 'ffffffff'}-${rnd}.tmp`);
}

/** The lock text naming a temp file: `<pid>-<host>-<random>`, as a create writes it. */
function lockTextOf(tmpName: string): string {
  return `${/-([1-9][0-9]*-[0-9a-f]{8}-[0-9a-f]{12})\.tmp$/.exec(tmpName)![1]}\n`;
}

/** What a create killed outright leaves: its temp file (`tmpName` in `dir`) and the lock naming it. Returns both names. */
function plantLeftovers(dir: string, target: string, tmpName: string, tmpContent: string | Buffer = 'x'): string[] {
  writeFileSync(join(dir, tmpName), tmpContent);
  writeFileSync(join(dir, lockFileName(target)), lockTextOf(tmpName));
  return [tmpName, lockFileName(target)];
}

describe('faults: stale temp files', function () {
  this.timeout(30000);
  let dir: string;
  const children: Array<{ kill: () => boolean }> = [];
  before(() => ensureCliBundle());
  beforeEach(() => { dir = makeTempDir(); });
  afterEach(() => {
    for (const c of children.splice(0)) c.kill();
    removeTempDir(dir);
  });

  function sleeper(): number {
    const c = spawn('sleep', ['60'], { stdio: 'ignore' });
    children.push(c);
    return c.pid!;
  }

  it('SIGKILL mid full allocation leaves a temp and its lock; the next run for that target removes both, others are left', async () => {
    const target = join(dir, 'big.npy');
    const old = plantOld(target);
    const run = startCli(['create', target, '--dtype', 'u1', '--shape', String(8n << 30n), '--allocate', 'full', '--force'],
      { env: { ...process.env, ZEROED_NPY_NO_FALLOCATE: '1' } });
    let stale: string;
    try {
      stale = await waitForTempGrowth(dir, 128);
    } finally {
      run.child.kill('SIGKILL');
    }
    const killed = await run.done;
    assert.equal(killed.signal, 'SIGKILL');
    assert.deepEqual(leftoverDebris(dir), [stale, lockFileName(target)].sort(), 'the killed run left its temp file and lock');
    assert.ok(stale.startsWith('.big.npy.zeroed-npy-') && stale.includes(`-${String(run.child.pid)}-`), stale);
    assert.equal(readFileSync(join(dir, lockFileName(target)), 'latin1'), lockTextOf(stale), 'the lock names the temp');
    assert.deepEqual(snapshot(target), old, 'the old file is untouched by the killed run');

    // What must survive the next run: temps its lock does not name (a live process's, a dead one's without a
    // lock, another machine's), and another target's stale temp and lock.
    const other = join(dir, 'other.npy');
    const keep = [
      tempFileName(target, sleeper()),
      tempFileName(target, deadPid()),
      otherHost(tempFileName(target, deadPid())),
      ...plantLeftovers(dir, other, tempFileName(other, deadPid())),
    ];
    for (const n of keep.slice(0, 3)) writeFileSync(join(dir, n), 'not yours');
    const before = listDir(dir);

    const r = runCliWith(['create', target, '--dtype', 'f8', '--shape', '3', '--force']);
    assert.equal(r.code, 0, r.stderr);
    const after = listDir(dir);
    recordOutcome({
      no: 6, name: 'SIGKILL mid chunks, next run', via: 'cli', errno: '-', target,
      sentence: `(killed: no sentence) the next run removed the stale temp and its lock (${before.length - after.length} files, found through the lock) and kept ${keep.length} not its own (live pid, no lock, other host, other target)`,
      old: 'intact after kill', leftovers: `2 → ${leftoverDebris(dir).length - keep.length}`,
    });
    assert.deepEqual(after, before.filter((n) => n !== stale && n !== lockFileName(target)), 'only the stale temp of this target and its lock went');
    assert.ok(statSync(target).size > 0);
  });

  it('removeStaleTempFiles: removes a dead same-host lock and the temp it names, nothing else', async () => {
    const target = join(dir, 'a.npy');
    const dead = deadPid();
    const stale = plantLeftovers(dir, target, tempFileName(target, dead));
    const kept = [
      tempFileName(target, dead),                          // a dead temp the lock does not name
      tempFileName(join(dir, 'b.npy'), dead),              // another target
      lockFileName(join(dir, 'b.npy')),                    // another target's lock
      'a.npy',
    ];
    for (const n of kept) writeFileSync(join(dir, n), 'x');
    assert.deepEqual((await removeStaleTempFiles(target)).sort(), [...stale].sort());
    assert.deepEqual(listDir(dir), [...kept].sort());
    // Idempotent, and never throws on a folder that is gone.
    assert.deepEqual(await removeStaleTempFiles(target), []);
    assert.deepEqual(await removeStaleTempFiles(join(dir, 'missing', 'a.npy')), []);
  });

  it('removeStaleTempFiles: keeps the lock of a live process, of this process and of another machine', async () => {
    const target = join(dir, 'a.npy');
    for (const tmp of [tempFileName(target, sleeper()), tempFileName(target, process.pid), otherHost(tempFileName(target, deadPid()))]) {
      const planted = plantLeftovers(dir, target, tmp);
      assert.deepEqual(await removeStaleTempFiles(target), [], tmp);
      assert.deepEqual(listDir(dir), [...planted].sort());
      removeTempDir(dir);
      mkdirSync(dir);
    }
  });

  it('removeStaleTempFiles: a lock without its text (killed while writing it) is stale; a lock naming a folder or a link removes only the lock', async () => {
    const target = join(dir, 'a.npy');
    const lock = lockFileName(target);
    writeFileSync(join(dir, lock), '');
    assert.deepEqual(await removeStaleTempFiles(target), [lock]);
    const asFolder = tempFileName(target, deadPid());
    mkdirSync(join(dir, asFolder));
    writeFileSync(join(dir, lock), lockTextOf(asFolder));
    assert.deepEqual(await removeStaleTempFiles(target), [lock]);
    const asLink = tempFileName(target, deadPid());
    symlinkSync(join(dir, 'a.npy'), join(dir, asLink));
    writeFileSync(join(dir, lock), lockTextOf(asLink));
    assert.deepEqual(await removeStaleTempFiles(target), [lock]);
    assert.deepEqual(listDir(dir), [asFolder, asLink].sort());
  });

  it('a lock whose pid now belongs to a process started after it was written (a reused pid) is stale', async function () {
    requireTool(this, process.platform === 'linux', 'reads /proc to tell a reused pid');
    const target = join(dir, 'a.npy');
    const planted = plantLeftovers(dir, target, tempFileName(target, sleeper()));
    assert.deepEqual(await removeStaleTempFiles(target), [], 'a fresh lock of a live process stays');
    const hourAgo = Date.now() / 1000 - 3600;
    utimesSync(join(dir, planted[1]), hourAgo, hourAgo);
    assert.deepEqual((await removeStaleTempFiles(target)).sort(), [...planted].sort());
  });

  it('a second create of a target while a live create holds its lock refuses in one sentence and changes nothing', async () => {
    const target = join(dir, 'a.npy');
    const pid = sleeper();
    const planted = plantLeftovers(dir, target, tempFileName(target, pid));
    const r = runCliWith(['create', target, '--dtype', 'f8', '--shape', '3']);
    assert.equal(r.code, 1, r.stdout);
    assert.equal(r.stderr.trim(), `error: Cannot create ${target}: another zeroed-npy process (pid ${pid}) is creating it right now; wait for it to finish, or choose another name.`);
    assert.deepEqual(listDir(dir), [...planted].sort());
    writeFileSync(join(dir, planted[1]), lockTextOf(otherHost(planted[0])));
    await assert.rejects(writeZeroedNpy({ path: target, dtype: 'f8', shape: '2' }),
      new RegExp(`on another machine \\(or in another container\\) is creating it right now; wait for it to finish, or delete ${join(dir, planted[1]).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} if no create runs there\\.$`));
    removeTempDir(dir);
    mkdirSync(dir);
    mkdirSync(join(dir, lockFileName(target)));
    await assert.rejects(writeZeroedNpy({ path: target, dtype: 'f8', shape: '2' }), /is in the way \(zeroed-npy did not make it\); move or delete it, then try again\.$/);
    assert.deepEqual(listDir(dir), [lockFileName(target)]);
  });

  it('a live process of another user (kill → EPERM) counts as alive: its lock stays', async function () {
    const s = canRunAsNobody();
    requireTool(this, s.ok, s.reason);
    chmodSync(dir, 0o777);
    const target = join(dir, 'a.npy');
    // This test runner (root) is alive; nobody may not signal it.
    const live = plantLeftovers(dir, target, tempFileName(target, process.pid === 1 ? process.ppid : process.pid));
    // nobody runs a copy of the compiled core: it may not be able to enter the checkout.
    const kit = nobodyKit();
    const clean = (): string[] => {
      const r = spawnAsNobody([kit.node, '-e',
        `require(${JSON.stringify(join(kit.core, 'file', 'tempFiles.js'))}).removeStaleTempFiles(process.argv[1]).then((r) => console.log(JSON.stringify(r)))`, target],
      kit.dir);
      assert.equal(r.status, 0, r.stderr);
      return JSON.parse(r.stdout) as string[];
    };
    assert.deepEqual(clean(), []);
    assert.deepEqual(listDir(dir), [...live].sort());
    removeTempDir(dir);
    mkdirSync(dir, { mode: 0o777 });
    chmodSync(dir, 0o777);
    const stale = plantLeftovers(dir, target, tempFileName(target, deadPid()));
    assert.deepEqual(clean().sort(), [...stale].sort());
    assert.deepEqual(listDir(dir), []);
  });

  it('a lock made in another pid namespace (a container sharing the folder) is not judged by our pids', async function () {
    const probe = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true'], { encoding: 'utf8' });
    requireTool(this, probe.status === 0, `needs root and util-linux unshare for a pid namespace: ${(probe.stderr || probe.error?.message || '').trim()}`);
    const target = join(dir, 'a.npy');
    const dead = deadPid();
    const tempFiles = require.resolve('../../src/core/file/tempFiles');
    // The container names its temp with a pid that, seen from here, belongs to no process.
    const r = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', process.execPath, '-e',
      `const t = require(${JSON.stringify(tempFiles)}); const fs = require('fs'), p = require('path');
       const name = t.tempFileName(process.argv[2], Number(process.argv[3]));
       fs.writeFileSync(p.join(process.argv[1], name), 'x');
       fs.writeFileSync(p.join(process.argv[1], t.lockFileName(process.argv[2])), /-([0-9]+-[0-9a-f]{8}-[0-9a-f]{12})\\.tmp$/.exec(name)[1] + '\\n');`,
      dir, target, String(dead)], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const theirs = listDir(dir);
    const tmp = theirs.find((n) => n.endsWith('.tmp'));
    assert.ok(tmp !== undefined && tmp.includes(`-${dead}-`), String(theirs));
    assert.notEqual(tmp, tempFileName(target, dead, tmp.slice(-16, -4)), 'another namespace, another tag');
    assert.deepEqual(await removeStaleTempFiles(target), []);
    assert.deepEqual(listDir(dir), theirs);
  });

  it('a create removes the stale temp and lock of its target before writing, also through the API', async () => {
    const target = join(dir, 'a.npy');
    plantLeftovers(dir, target, tempFileName(target, deadPid()), Buffer.alloc(4096));
    await writeZeroedNpy({ path: target, dtype: 'f8', shape: '2' });
    assert.deepEqual(listDir(dir), ['a.npy']);
  });

  it('a refused create (target exists, no overwrite) leaves the folder as it was, stale temp and lock included', async () => {
    const target = join(dir, 'a.npy');
    plantOld(target);
    const stale = plantLeftovers(dir, target, tempFileName(target, deadPid()));
    await assert.rejects(writeZeroedNpy({ path: target, dtype: 'f8', shape: '2' }), /already exists/);
    assert.deepEqual(listDir(dir), [...stale, 'a.npy'].sort());
  });
});
