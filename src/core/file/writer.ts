// Creates an all-zero .npy file: validate everything first, then write a temp file in the target folder
// (header, then ftruncate for sparse or full allocation), fsync, and move it into place so that an existing
// file is replaced only by a complete new one — or never touched without `overwrite`.
import { link, lstat, open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { allocateFull, FullAllocationMethod } from './allocate';
import { parseDtype } from '../format/dtype';
import { NpyError, isNpyError } from '../errors';
import { errnoOf, fileSystemLimit, freeSpace, fsError, fsErrorSentence } from './fsErrors';
import { buildHeader } from '../format/header';
import { allocatedBytesOf, writeAll } from './regularFile';
import { CreateLock, takeCreateLock } from './tempFiles';
import { setSparseFlagWindows, windowsSparse } from './windowsSparse';
import { elementCount as countElements, parseShape } from '../format/shape';
import { AllocateMode, Dtype, Order } from '../types';
import { formatBytes, formatCount } from '../units';

export interface PlanInput { dtype: string | Dtype; shape: string | readonly bigint[]; order?: Order }
export interface Plan {
  dtype: Dtype; shape: bigint[]; fortranOrder: boolean; header: Uint8Array;
  elementCount: bigint; dataBytes: bigint; fileBytes: bigint;
}

/** numpy sizes arrays with a signed 64-bit intp. */
const NUMPY_MAX = (1n << 63n) - 1n;
/** Node sizes files with a double (ftruncate, positions). */
const NODE_MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** Validates and computes everything, no I/O. Throws NpyError (bad-dtype, object-dtype, bad-shape, too-large-numpy, too-large-node). */
export function planZeroedNpy(input: PlanInput): Plan {
  let dtype: Dtype;
  let subarrayShape: bigint[] = [];
  if (typeof input.dtype === 'string') {
    ({ dtype, subarrayShape } = parseDtype(input.dtype));
  } else {
    dtype = input.dtype;
    if (dtype.hasObject) {
      throw new NpyError('object-dtype',
        `The dtype ${dtype.str} holds Python objects, whose data is a pickle that cannot be zero-filled; choose a numeric, string or struct dtype.`);
    }
  }
  const order = input.order ?? 'C';
  if (order !== 'C' && order !== 'F') {
    throw new NpyError('bad-shape', `The order must be C or F, not ${JSON.stringify(order)}.`);
  }
  const given = typeof input.shape === 'string' ? parseShape(input.shape) : [...input.shape];
  for (const d of given) {
    if (typeof d !== 'bigint' || d < 0n) {
      throw new NpyError('bad-shape', `Every dimension must be a whole number of at least 0, not ${String(d)}.`);
    }
  }
  // numpy folds a dtype's subarray into the array: zeros(3, dtype=('f8', (2,))) has shape (3, 2).
  const shape = [...given, ...subarrayShape];
  const elementCount = countElements(shape);
  const dataBytes = elementCount * BigInt(dtype.itemsize);
  if (elementCount > NUMPY_MAX || dataBytes > NUMPY_MAX) {
    throw new NpyError('too-large-numpy',
      `The array would hold ${formatCount(elementCount)} elements and ${formatBytes(dataBytes)} of data, more than numpy can address (2^63−1 bytes); choose a smaller shape.`);
  }
  const header = buildHeader(dtype, shape, order === 'F');
  const fileBytes = BigInt(header.length) + dataBytes;
  if (fileBytes > NUMPY_MAX) {
    throw new NpyError('too-large-numpy',
      `The file would be ${formatBytes(fileBytes)}, more than numpy can address (2^63−1 bytes); choose a smaller shape.`);
  }
  if (fileBytes > NODE_MAX) {
    throw new NpyError('too-large-node',
      `The file would be ${formatBytes(fileBytes)}, more than Node.js can size a file to (2^53−1 bytes, about 8 PiB), although numpy could address it; choose a smaller shape or create it with numpy.`);
  }
  return { dtype, shape, fortranOrder: order === 'F', header, elementCount, dataBytes, fileBytes };
}

export interface WriteOptions extends PlanInput {
  path: string; overwrite?: boolean; allocate?: AllocateMode;
  signal?: AbortSignal; onProgress?: (doneBytes: number, totalBytes: number) => void;
}
export interface WriteResult extends Plan {
  path: string; replaced: boolean; allocate: AllocateMode;
  /** fstat blocks × 512 after creating; null where the platform does not say. */
  allocatedBytes: bigint | null;
  /** allocatedBytes < fileBytes (holes exist). */
  sparse: boolean;
  /** How the size was reached: ftruncate (sparse), `fallocate -l`, or written zero chunks. */
  method?: 'ftruncate' | FullAllocationMethod;
}

/**
 * Plans, then creates the file at `path` through a temp file in the same folder. onProgress (full allocation
 * only) reports file bytes in place out of fileBytes. On any failure or cancel the temp file is removed, the
 * target is left as it was, and an NpyError is thrown.
 */
export async function writeZeroedNpy(opts: WriteOptions): Promise<WriteResult> {
  const plan = planZeroedNpy(opts);
  const allocate: AllocateMode = opts.allocate ?? 'sparse';
  if (allocate !== 'sparse' && allocate !== 'full') {
    throw new NpyError('io', `The allocation must be sparse or full, not ${JSON.stringify(allocate)}.`);
  }
  if (typeof opts.path !== 'string' || opts.path === '') {
    throw new NpyError('bad-name', 'The file name is empty; give a path such as data.npy.');
  }
  if (/[/\\]$/.test(opts.path)) {
    throw new NpyError('bad-name', `The path ${opts.path} ends with a folder separator; add a file name such as data.npy.`);
  }
  const target = resolve(opts.path);
  const ctx = { action: 'create' as const, path: target, bytes: plan.fileBytes, allocate };
  const { signal } = opts;
  const checkCancelled = (): void => {
    if (signal?.aborted) throw new NpyError('cancelled', `Cancelled: ${target} was not created and nothing was changed.`);
  };
  checkCancelled();

  const replacing = await checkTarget(target, opts.overwrite === true);

  const folder = dirname(target);
  let lock: CreateLock | undefined;
  let handle: FileHandle | undefined;
  let tmpExists = false;
  try {
    // Also removes what a run killed outright (SIGKILL, power cut) left: it could not remove its temp file.
    lock = await takeCreateLock(target);
    const { tmp } = lock;
    handle = await open(tmp, 'wx', 0o666);
    tmpExists = true;
    checkCancelled();
    // Windows: the flag goes on the empty file, before any byte could be reserved.
    if (allocate === 'sparse' && windowsSparse.needed) {
      const failed = await setSparseFlagWindows(tmp);
      if (failed !== undefined) {
        throw new NpyError('no-sparse',
          `Cannot create ${target} as a sparse file: Windows would not mark it sparse (${failed}), so it would take all ${formatBytes(plan.fileBytes)} on disk now; choose full allocation to reserve that space on purpose, or a folder on an NTFS or ReFS drive.`);
      }
      checkCancelled();
    }
    await writeAll(handle, plan.header);
    checkCancelled();
    const total = Number(plan.fileBytes);
    let method: WriteResult['method'];
    if (allocate === 'sparse') {
      await handle.truncate(total);
      method = 'ftruncate';
    } else {
      method = await allocateFull({ handle, path: tmp, from: plan.header.length, total, signal, onProgress: opts.onProgress, checkCancelled });
    }
    checkCancelled();
    if (replacing) await keepOwnership(handle, replacing);
    await handle.sync();
    await handle.close();
    handle = undefined;
    checkCancelled();
    const replaced = await moveIntoPlace(tmp, target, opts.overwrite === true);
    tmpExists = false;
    await lock.release();
    // The new name is durable only once the folder's entry is: a power cut must not bring the old file back.
    await syncFolder(folder);
    const allocatedBytes = allocatedBytesOf(await stat(target, { bigint: true }));
    return {
      ...plan, path: target, replaced, allocate, allocatedBytes,
      sparse: allocatedBytes !== null && allocatedBytes < plan.fileBytes, method,
    };
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    if (tmpExists && lock) await unlink(lock.tmp).catch(() => undefined);
    await lock?.release();
    throw await toNpyError(e, ctx, folder, tmpExists);
  }
}

interface Ownership { mode: number; uid: number; gid: number }

/**
 * A replaced file keeps its permission bits, and its owner and group where this process may set them (root, or
 * a group it belongs to): `--force` should not turn a 0600 file into a 0644 one.
 */
async function keepOwnership(handle: FileHandle, old: Ownership): Promise<void> {
  if (process.platform === 'win32') return;
  await handle.chmod(old.mode & 0o777);
  await handle.chown(old.uid, old.gid).catch(async () => {
    await handle.chown(-1, old.gid).catch(() => undefined);
  });
}

/** fsync of the folder (POSIX); best effort: some file systems cannot sync a folder, Windows cannot open one. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const h = await open(folder, 'r').catch(() => undefined);
  if (!h) return;
  await h.sync().catch(() => undefined);
  await h.close().catch(() => undefined);
}

/** All checks on the target that can fail before any byte is written; the file to replace, if there is one. */
async function checkTarget(target: string, overwrite: boolean): Promise<Ownership | undefined> {
  const folder = dirname(target);
  const ctx = { action: 'create' as const, path: target };
  try {
    const f = await stat(folder);
    if (!f.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (e) {
    throw fsError(e, ctx);
  }
  let exists = false;
  try {
    await lstat(target);
    exists = true;
  } catch (e) {
    if (errnoOf(e) !== 'ENOENT') throw fsError(e, ctx);
  }
  if (!exists) return undefined;
  // stat (not lstat): a link to a folder is a folder for the user, and a link's own mode means nothing.
  const st = await stat(target).catch(() => undefined);
  if (st?.isDirectory()) throw new NpyError('io', fsErrorSentence('EISDIR', ctx), 'EISDIR');
  if (!overwrite) throw existsError(target);
  return st ? { mode: st.mode, uid: st.uid, gid: st.gid } : undefined;
}

function existsError(target: string): NpyError {
  return new NpyError('exists', `${target} already exists and was left untouched; choose another name or allow overwriting.`, 'EEXIST');
}

/**
 * Moves the finished temp file to the target. Without overwrite, link() fails with EEXIST if a file appeared
 * meanwhile, so nothing is ever clobbered. Returns whether an existing file was replaced.
 */
async function moveIntoPlace(tmp: string, target: string, overwrite: boolean): Promise<boolean> {
  if (overwrite) {
    const existed = await lstat(target).then(() => true, () => false);
    await rename(tmp, target);
    return existed;
  }
  try {
    await link(tmp, target);
  } catch (e) {
    const errno = errnoOf(e);
    if (errno === 'EEXIST') throw existsError(target);
    // No hard links here (FAT, some network shares): claim the name exclusively, then rename over the claim.
    if (errno === 'EPERM' || errno === 'ENOTSUP' || errno === 'EOPNOTSUPP' || errno === 'ENOSYS' || errno === 'EMLINK' || errno === 'EXDEV') {
      try {
        await writeFile(target, new Uint8Array(0), { flag: 'wx' });
      } catch (e2) {
        if (errnoOf(e2) === 'EEXIST') throw existsError(target);
        throw e2;
      }
      try {
        await rename(tmp, target);
      } catch (e3) {
        await unlink(target).catch(() => undefined);
        throw e3;
      }
      return false;
    }
    throw e;
  }
  await unlink(tmp).catch(() => undefined);
  return false;
}

async function toNpyError(
  e: unknown, ctx: { action: 'create'; path: string; bytes: bigint; allocate: AllocateMode }, folder: string, tmpCreated: boolean,
): Promise<NpyError> {
  if (isNpyError(e)) return e;
  if ((e as { name?: string } | null)?.name === 'AbortError') {
    return new NpyError('cancelled', `Cancelled: ${ctx.path} was not created and nothing was changed.`);
  }
  const errno = errnoOf(e);
  if (errno === 'EFBIG') return fsError(e, { ...ctx, fsLimit: await fileSystemLimit(folder) });
  if (errno === 'ENOSPC') return fsError(e, { ...ctx, space: await freeSpace(folder) });
  // ENOENT after our temp file existed, in a folder that still exists: someone deleted the temp file (a
  // clean-up job, a sync tool); "the folder does not exist" would send the user looking for the wrong thing.
  if (errno === 'ENOENT' && tmpCreated && await stat(folder).then((s) => s.isDirectory(), () => false)) {
    return new NpyError('io',
      `Cannot create ${ctx.path}: its unfinished temp file was deleted by another program before it was complete, so nothing was changed; try again.`, 'ENOENT');
  }
  return fsError(e, ctx);
}
