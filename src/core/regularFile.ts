// Opening a file to inspect it: shared by the .npy and .npz inspectors so both refuse directories, devices,
// pipes and sockets with the same sentences and measure size and allocation the same way.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { NpyError } from './errors';
import { fsError, fsErrorSentence } from './fserrors';

export interface RegularFile {
  handle: FileHandle;
  /** Apparent size from fstat. */
  size: bigint;
  /** Bytes on disk (st_blocks × 512), or null where fstat does not say (Windows). */
  allocatedBytes: bigint | null;
}

/**
 * Opens path read-only, checks it is a regular file and hands it to use; the handle is closed afterwards
 * whatever happens. kind names what a non-regular file is not (e.g. 'a .npy file'), for the error sentence.
 */
export async function withRegularFile<T>(path: string, kind: string, use: (file: RegularFile) => Promise<T>): Promise<T> {
  const ctx = { action: 'read' as const, path };
  let handle: FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (regular files ignore the flag).
    const flags = process.platform === 'win32' ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NONBLOCK;
    handle = await open(path, flags);
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
    if (st.isDirectory()) throw new NpyError('io', fsErrorSentence('EISDIR', ctx), 'EISDIR');
    if (!st.isFile()) throw new NpyError('io', `Cannot read ${path}: it is not a regular file (a device, pipe or socket), so it is not ${kind}.`);
    const blocks = (st as { blocks?: bigint }).blocks;
    const allocatedBytes = typeof blocks === 'bigint' && process.platform !== 'win32' ? blocks * 512n : null;
    return await use({ handle, size: st.size, allocatedBytes });
  } finally {
    await handle.close().catch(() => undefined);
  }
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
