// Case 6: a CLI killed outright (SIGKILL) mid full allocation cannot remove its temp file; the next run for the
// same target removes it. Stale means: this machine, another process, and that process is gone (ESRCH). Temps
// of live processes (also another user's: EPERM), of this process, of other machines or other targets, and
// every other file, stay.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeStaleTempFiles, tempFileName, writeZeroedNpy } from '../../src/core/file/writer';
import { ensureCliBundle, startCli } from '../helpers/cli';
import { leftoverTempFiles, listDir, makeTempDir, removeTempDir } from '../helpers/tmp';
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

  it('SIGKILL mid full allocation leaves a temp; the next run for that target removes it, others are left', async () => {
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
    assert.deepEqual(leftoverTempFiles(dir), [stale], 'the killed run left its temp file');
    assert.ok(stale.startsWith('.big.npy.zeroed-npy-') && stale.includes(`-${String(run.child.pid)}-`), stale);
    assert.deepEqual(snapshot(target), old, 'the old file is untouched by the killed run');

    // What must survive the next run: a live process's temp, another target's stale temp, another machine's.
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    children.push(sleeper);
    const keep = [
      tempFileName(target, sleeper.pid!),
      tempFileName(join(dir, 'other.npy'), deadPid()),
      otherHost(tempFileName(target, deadPid())),
    ];
    for (const n of keep) writeFileSync(join(dir, n), 'not yours');
    const before = listDir(dir);

    const r = runCliWith(['create', target, '--dtype', 'f8', '--shape', '3', '--force']);
    assert.equal(r.code, 0, r.stderr);
    const after = listDir(dir);
    recordOutcome({
      no: 6, name: 'SIGKILL mid chunks, next run', via: 'cli', errno: '-', target,
      sentence: `(killed: no sentence) the next run removed ${before.length - after.length} stale temp and kept ${keep.length} not its own (live pid, other target, other host)`,
      old: 'intact after kill', leftovers: `1 → ${leftoverTempFiles(dir).length - keep.length}`,
    });
    assert.deepEqual(after, before.filter((n) => n !== stale), 'only the stale temp of this target went');
    assert.ok(statSync(target).size > 0);
  });

  it('removeStaleTempFiles: removes only dead same-host temps of this target', async () => {
    const target = join(dir, 'a.npy');
    const dead = deadPid();
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    children.push(sleeper);
    const stale = [tempFileName(target, dead), tempFileName(target, deadPid())];
    const kept = [
      tempFileName(target, sleeper.pid!),                 // alive
      tempFileName(target, process.pid),                  // this process (maybe another write in flight)
      otherHost(tempFileName(target, dead)),              // another machine sharing the folder
      tempFileName(join(dir, 'b.npy'), dead),             // another target
      tempFileName(join(dir, 'a.np'), dead),              // a prefix of the name is another target
      tempFileName(target, dead).replace(/\.tmp$/, '.tmp.bak'),
      tempFileName(target, dead).replace(/-[0-9a-f]{12}\.tmp$/, '-nothex000000.tmp'),
      `.a.npy.zeroed-npy-${dead}-0123456789ab.tmp`,       // no machine tag: not a name we make
      'a.npy',
    ];
    for (const n of [...stale, ...kept]) writeFileSync(join(dir, n), 'x');
    const asFolder = tempFileName(target, deadPid());
    mkdirSync(join(dir, asFolder));
    const asLink = tempFileName(target, deadPid());
    symlinkSync(join(dir, 'a.npy'), join(dir, asLink));
    kept.push(asFolder, asLink);

    const removed = await removeStaleTempFiles(target);
    assert.deepEqual(removed.sort(), [...stale].sort());
    assert.deepEqual(listDir(dir), [...kept].sort());
    // Idempotent, and never throws on a folder that is gone.
    assert.deepEqual(await removeStaleTempFiles(target), []);
    assert.deepEqual(await removeStaleTempFiles(join(dir, 'missing', 'a.npy')), []);
  });

  it('a live process of another user (kill → EPERM) counts as alive: its temp stays', async function () {
    const s = canRunAsNobody();
    requireTool(this, s.ok, s.reason);
    chmodSync(dir, 0o777);
    const target = join(dir, 'a.npy');
    // This test runner (root) is alive; nobody may not signal it.
    const live = tempFileName(target, process.pid === 1 ? process.ppid : process.pid);
    const stale = tempFileName(target, deadPid());
    writeFileSync(join(dir, live), 'x');
    writeFileSync(join(dir, stale), 'x');
    // nobody runs a copy of the compiled core: it may not be able to enter the checkout.
    const kit = nobodyKit();
    const r = spawnAsNobody([kit.node, '-e',
      `require(${JSON.stringify(join(kit.core, 'file', 'writer.js'))}).removeStaleTempFiles(process.argv[1]).then((r) => console.log(JSON.stringify(r)))`, target],
    kit.dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [stale]);
    assert.deepEqual(listDir(dir), [live]);
  });

  it('a temp made in another pid namespace (a container sharing the folder) is not judged by our pids', async function () {
    const probe = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true'], { encoding: 'utf8' });
    requireTool(this, probe.status === 0, `needs root and util-linux unshare for a pid namespace: ${(probe.stderr || probe.error?.message || '').trim()}`);
    const target = join(dir, 'a.npy');
    const dead = deadPid();
    const writer = require.resolve('../../src/core/file/writer');
    // The container names its temp with a pid that, seen from here, belongs to no process.
    const r = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', process.execPath, '-e',
      `const w = require(${JSON.stringify(writer)}); require('fs').writeFileSync(require('path').join(process.argv[1], w.tempFileName(process.argv[2], Number(process.argv[3]))), 'x')`,
      dir, target, String(dead)], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const [theirs] = listDir(dir);
    assert.ok(theirs !== undefined && theirs.includes(`-${dead}-`), String(theirs));
    assert.notEqual(theirs, tempFileName(target, dead, theirs.slice(-16, -4)), 'another namespace, another tag');
    assert.deepEqual(await removeStaleTempFiles(target), []);
    assert.deepEqual(listDir(dir), [theirs]);
  });

  it('a create removes the stale temp of its target before writing, also through the API', async () => {
    const target = join(dir, 'a.npy');
    const stale = tempFileName(target, deadPid());
    writeFileSync(join(dir, stale), Buffer.alloc(4096));
    await writeZeroedNpy({ path: target, dtype: 'f8', shape: '2' });
    assert.deepEqual(listDir(dir), ['a.npy']);
  });

  it('a refused create (target exists, no overwrite) leaves the folder as it was, stale temp included', async () => {
    const target = join(dir, 'a.npy');
    plantOld(target);
    const stale = tempFileName(target, deadPid());
    writeFileSync(join(dir, stale), 'x');
    await assert.rejects(writeZeroedNpy({ path: target, dtype: 'f8', shape: '2' }), /already exists/);
    assert.deepEqual(listDir(dir), [stale, 'a.npy'].sort());
  });
});
