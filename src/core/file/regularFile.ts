// Opening a file to inspect it: shared by the .npy and .npz inspectors so both refuse directories, devices,
// pipes and sockets with the same sentences and measure size and allocation the same way.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { BigIntStats } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { NpyError } from '../errors';
import { FsAction, fsError, fsErrorSentence, fsVerb } from './fsErrors';

export interface RegularFile {
  handle: FileHandle;
  /** Apparent size from fstat. */
  size: bigint;
  /** Bytes on disk (st_blocks × 512), or null where fstat does not say (Windows). */
  allocatedBytes: bigint | null;
}

/**
 * Opens path (read-only, or read-write for `action: 'resize'`; never creating it), checks it is a regular file and
 * hands it to use; the handle is closed afterwards whatever happens. kind names what a non-regular file is not
 * (e.g. 'a .npy file'), for the error sentence.
 */
export async function withRegularFile<T>(path: string, kind: string, use: (file: RegularFile) => Promise<T>, action: FsAction = 'read'): Promise<T> {
  const ctx = { action, path };
  let handle: FileHandle;
  try {
    handle = await open(path, openFlags(action));
  } catch (e) {
    throw fsError(e, ctx);
  }
  try {
    let st;
    try {
      st = await handle.stat({ bigint: true });
    } catch (e) {
      throw fsError(e, ctx);
    }
    checkRegular(st, kind, ctx);
    return await use({ handle, size: st.size, allocatedBytes: allocatedBytesOf(st) });
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * The same, synchronously, reading only: open, fstat, close, no thread-pool round trips. For a header of a few
 * hundred bytes that is cheaper than scheduling the promises (and numpy's own reader does no more).
 */
export function withRegularFileSync<T>(path: string, kind: string, use: (file: { fd: number; size: bigint; allocatedBytes: bigint | null }) => T): T {
  const ctx = { action: 'read' as const, path };
  let fd: number;
  try {
    fd = openSync(path, openFlags('read'));
  } catch (e) {
    throw fsError(e, ctx);
  }
  try {
    let st;
    try {
      st = fstatSync(fd, { bigint: true });
    } catch (e) {
      throw fsError(e, ctx);
    }
    checkRegular(st, kind, ctx);
    return use({ fd, size: st.size, allocatedBytes: allocatedBytesOf(st) });
  } finally {
    try {
      closeSync(fd);
    } catch {
      // a failed close of a file only read loses nothing
    }
  }
}

function openFlags(action: FsAction): number {
  // O_NONBLOCK: opening a FIFO must not wait for a writer (regular files ignore the flag).
  const access = action === 'resize' ? constants.O_RDWR : constants.O_RDONLY;
  return process.platform === 'win32' ? access : access | constants.O_NONBLOCK;
}

function checkRegular(st: BigIntStats, kind: string, ctx: { action: FsAction; path: string }): void {
  if (st.isDirectory()) throw new NpyError('io', fsErrorSentence('EISDIR', ctx), 'EISDIR');
  if (!st.isFile()) throw new NpyError('io', `${fsVerb(ctx.action)} ${ctx.path}: it is not a regular file (a device, pipe or socket), so it is not ${kind}.`);
}

/** Reads up to `length` bytes at `position` of a file descriptor (also a FileHandle's `fd`), synchronously; fewer only at end of file. */
export function readAtSync(fd: number, position: number, length: number, ctx: { action: 'read'; path: string }): Uint8Array {
  const buf = new Uint8Array(length);
  let done = 0;
  try {
    while (done < length) {
      const n = readSync(fd, buf, done, length - done, position + done);
      if (n === 0) break;
      done += n;
    }
  } catch (e) {
    throw fsError(e, ctx);
  }
  return buf.subarray(0, done);
}

/** Reads up to `length` bytes at `position`; fewer only at end of file. */
export async function readAt(handle: FileHandle, position: number, length: number, ctx: { action: 'read'; path: string }): Promise<Uint8Array> {
  const buf = new Uint8Array(length);
  let done = 0;
  try {
    while (done < length) {
      const r = await handle.read(buf, done, length - done, position + done);
      if (r.bytesRead === 0) break;
      done += r.bytesRead;
    }
  } catch (e) {
    throw fsError(e, ctx);
  }
  return buf.subarray(0, done);
}

/** Bytes on disk from fstat (st_blocks × 512), or null where the platform does not say (Windows). */
export function allocatedBytesOf(st: { blocks?: bigint | number }): bigint | null {
  return st.blocks !== undefined && process.platform !== 'win32' ? BigInt(st.blocks) * 512n : null;
}

/** Writes all of `bytes` at offset 0 (headers), looping over short writes. */
export async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, done);
    if (bytesWritten === 0) throw new Error('a write made no progress');
    done += bytesWritten;
  }
}
