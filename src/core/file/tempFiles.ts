// The writer's temp file and the lock that makes a killed create's leftovers findable in O(1): before it makes
// its temp file, a create writes `.<name>.zeroed-npy-lock` next to the target naming its owner (pid, machine tag,
// random), and so the temp file's exact name. The next create of the same target reads that one lock file (one
// failed open in the usual case) instead of listing the folder, which in a dataset folder of millions of files
// cost seconds. A live owner makes a second create of the same target refuse in one sentence.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { lstat, open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { NpyError } from '../errors';
import { errnoOf } from './fsErrors';
import { procStatFields } from './procStat';

/**
 * Temp files are `.<name>.zeroed-npy-<pid>-<host>-<random>.tmp`: hidden, next to the target (same file
 * system, so rename is atomic), and saying who made them. <name> is the target's name cut to 100 UTF-8 bytes at
 * a character boundary, keeping the whole name within NAME_MAX (255 bytes) however long the target's is.
 */
export function tempFileName(target: string, pid: number, random = randomBytes(6).toString('hex')): string {
  return `${tempPrefix(target)}${ownerText({ pid, host: hostTag(), random })}.tmp`;
}

/** The lock's name: `.<name>.zeroed-npy-lock` (same cut name as the temp). */
export function lockFileName(target: string): string {
  return `${tempPrefix(target)}lock`;
}

function tempPrefix(target: string): string {
  let name = '';
  let bytes = 0;
  for (const ch of basename(target)) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > 100) break;
    name += ch;
    bytes += n;
  }
  // As the file system will store it: a lone surrogate becomes U+FFFD.
  return `.${Buffer.from(name, 'utf8').toString('utf8')}.zeroed-npy-`;
}

interface Owner { pid: number; host: string; random: string }

function ownerText(o: Owner): string {
  return `${o.pid}-${o.host}-${o.random}`;
}

function parseOwner(text: string): Owner | undefined {
  const m = /^([1-9][0-9]{0,9})-([0-9a-f]{8})-([0-9a-f]{12})\n?$/.exec(text);
  return m ? { pid: Number(m[1]), host: m[2], random: m[3] } : undefined;
}

let hostTagCache: string | undefined;

/**
 * 8 hex digits naming where our pids mean something: the machine, and on Linux the pid namespace (containers
 * sharing a folder, even under one host name, each see other pids). The host name is needed too: the initial
 * namespace has the same number on every Linux machine.
 */
function hostTag(): string {
  if (hostTagCache === undefined) {
    let pidNamespace = '';
    try {
      pidNamespace = readlinkSync('/proc/self/ns/pid');
    } catch {
      // not Linux, or no /proc: the host name alone
    }
    hostTagCache = createHash('sha256').update(`${hostname()}\0${pidNamespace}`).digest('hex').slice(0, 8);
  }
  return hostTagCache;
}

/** False only when the system says no such process; any doubt counts as alive. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoOf(e) !== 'ESRCH';
  }
}

/**
 * The lock's owner; undefined if there is no lock; 'unreadable' for a lock cut before its text (see below);
 * 'foreign' for something of that name we did not make (a folder, a link, a big file).
 */
async function readOwner(lockPath: string): Promise<{ owner: Owner | 'unreadable' | 'foreign'; mtimeMs: number } | undefined> {
  try {
    const st = await lstat(lockPath);
    if (!st.isFile() || st.size > 32) return { owner: 'foreign', mtimeMs: st.mtimeMs };
    return { owner: parseOwner(await readFile(lockPath, 'latin1')) ?? 'unreadable', mtimeMs: st.mtimeMs };
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Removes what a dead create of this target left: its temp file and its lock, found through the lock (no folder
 * listing). Stale means: made on this machine (same tag) by a process that no longer exists (kill(pid, 0) →
 * ESRCH); a lock whose text is missing (its maker was killed between creating and writing it) is stale too.
 * A lock of a live process (also another user's: EPERM), of this process, or of another machine stays, and so
 * does its temp. Best effort: never throws. Returns the names removed.
 */
export async function removeStaleTempFiles(target: string): Promise<string[]> {
  try {
    const lock = await readOwner(join(dirname(target), lockFileName(target)));
    return lock && lock.owner !== 'foreign' && isStale(lock.owner, lock.mtimeMs) ? await removeLeftovers(target, lock.owner) : [];
  } catch {
    return [];
  }
}

function isStale(owner: Owner | 'unreadable', lockMtimeMs: number): boolean {
  if (owner === 'unreadable') return true;
  if (owner.host !== hostTag() || owner.pid === process.pid) return false;
  return !processAlive(owner.pid) || startedAfter(owner.pid, lockMtimeMs + 1000);
}

/**
 * Linux: whether the process with this pid started after `ms` (epoch), i.e. the pid was reused after a reboot or
 * wrap-around by a process that cannot own an older lock. From /proc/<pid>/stat field 22 (clock ticks after boot,
 * USER_HZ = 100 on every Linux ABI) and /proc/stat's btime. Elsewhere, or on any doubt: false (alive).
 */
function startedAfter(pid: number, ms: number): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const ticks = Number(procStatFields(readFileSync(`/proc/${pid}/stat`, 'latin1'))[19]);
    const btime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'latin1'))?.[1]);
    return Number.isFinite(ticks) && Number.isFinite(btime) && btime > 0 && btime * 1000 + ticks * 10 > ms;
  } catch {
    return false;
  }
}

async function removeLeftovers(target: string, owner: Owner | 'unreadable'): Promise<string[]> {
  const folder = dirname(target);
  const removed: string[] = [];
  if (owner !== 'unreadable') {
    const tmp = `${tempPrefix(target)}${ownerText(owner)}.tmp`;
    // Only a regular file: a folder or link of that name is not something we made.
    if (await lstat(join(folder, tmp)).then((s) => s.isFile(), () => false) && await unlink(join(folder, tmp)).then(() => true, () => false)) {
      removed.push(tmp);
    }
  }
  if (await unlink(join(folder, lockFileName(target))).then(() => true, () => false)) removed.push(lockFileName(target));
  return removed;
}

export interface CreateLock {
  /** The temp file this create writes (a full path). */
  tmp: string;
  /** Removes the lock if it is still ours. Never throws. */
  release(): Promise<void>;
}

/**
 * Takes the target's lock: removes a dead create's leftovers, refuses in one sentence while another create of
 * the same target runs, and names this create's temp file. Two creates taking over one stale lock at the same
 * instant may both proceed; each still writes its own temp, so nothing is clobbered.
 */
export async function takeCreateLock(target: string): Promise<CreateLock> {
  const folder = dirname(target);
  const lockPath = join(folder, lockFileName(target));
  const me: Owner = { pid: process.pid, host: hostTag(), random: randomBytes(6).toString('hex') };
  for (let attempt = 0; ; attempt++) {
    try {
      const h = await open(lockPath, 'wx', 0o644);
      try {
        await h.writeFile(`${ownerText(me)}\n`, 'latin1');
      } catch (e) {
        // A full disk has an inode for the lock but no block for its text: leave no empty lock behind.
        await h.close().catch(() => undefined);
        await unlink(lockPath).catch(() => undefined);
        throw e;
      }
      await h.close();
      break;
    } catch (e) {
      // The caller turns file-system errors into its sentences (ENOSPC, EACCES, …), as for the temp file.
      if (errnoOf(e) !== 'EEXIST') throw e;
    }
    const lock = await readOwner(lockPath);
    if (lock?.owner === 'foreign') {
      throw new NpyError('busy', `Cannot create ${target}: ${lockPath} is in the way (zeroed-npy did not make it); move or delete it, then try again.`);
    }
    if (lock && !isStale(lock.owner, lock.mtimeMs)) throw busyError(target, lock.owner as Owner, lockPath);
    if (lock) await removeLeftovers(target, lock.owner);
    if (attempt >= 3) throw busyError(target, undefined, lockPath);
  }
  const release = async (): Promise<void> => {
    const now = (await readOwner(lockPath).catch(() => undefined))?.owner;
    if (typeof now === 'object' && ownerText(now) === ownerText(me)) await unlink(lockPath).catch(() => undefined);
  };
  return { tmp: join(folder, `${tempPrefix(target)}${ownerText(me)}.tmp`), release };
}

function busyError(target: string, owner: Owner | undefined, lockPath: string): NpyError {
  const who = owner === undefined ? 'other zeroed-npy processes keep'
    : owner.host !== hostTag() ? 'a zeroed-npy process on another machine (or in another container) is'
      : owner.pid === process.pid ? 'this process is already' : `another zeroed-npy process (pid ${owner.pid}) is`;
  const after = owner !== undefined && owner.host !== hostTag()
    ? `wait for it to finish, or delete ${lockPath} if no create runs there`
    : 'wait for it to finish, or choose another name';
  return new NpyError('busy', `Cannot create ${target}: ${who} creating it right now; ${after}.`);
}
