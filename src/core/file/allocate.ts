// Full (non-sparse) allocation of a file whose header is already written. Node has no fallocate(2), so the
// fast path runs util-linux `fallocate -l` where it exists; the portable path writes zero chunks, reporting
// progress and honouring cancellation between chunks.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { fileSystemLimit, freeSpace } from './fsErrors';

/**
 * Knobs for tests (and nothing else): switch the fast path off, shrink chunks to see progress steps.
 * ZEROED_NPY_NO_FALLOCATE=1 does the former for a whole process (the CLI's cancellation test).
 */
export const fullAllocationSettings = {
  useFallocate: process.env.ZEROED_NPY_NO_FALLOCATE !== '1',
  chunkBytes: 8 * 1024 * 1024,
};

export type FullAllocationMethod = 'fallocate' | 'chunked';

export interface FullAllocationInput {
  handle: FileHandle;
  /** Path of the open file (the temp file), for `fallocate`. */
  path: string;
  /** Bytes already in the file (the header); zeros are written from here. */
  from: number;
  /** Final file size. */
  total: number;
  signal?: AbortSignal;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  /** Throws NpyError('cancelled') when the signal fired; called between steps. */
  checkCancelled: () => void;
}

/** Makes the file `total` bytes long with every block allocated. Returns the method that did it. */
export async function allocateFull(input: FullAllocationInput): Promise<FullAllocationMethod> {
  const { handle, from, total, onProgress, checkCancelled } = input;
  await preflight(input);
  onProgress?.(from, total);
  if (total > from && fullAllocationSettings.useFallocate && fallocatePath() !== undefined) {
    if (await tryFallocate(input)) {
      const size = (await handle.stat()).size;
      if (size === total) {
        onProgress?.(total, total);
        return 'fallocate';
      }
    }
    checkCancelled();
  }
  const chunk = Math.max(1, Math.min(fullAllocationSettings.chunkBytes, total - from));
  const zeros = Buffer.alloc(chunk);
  let pos = from;
  while (pos < total) {
    checkCancelled();
    const n = Math.min(chunk, total - pos);
    let written = 0;
    while (written < n) {
      const r = await handle.write(zeros, written, n - written, pos + written);
      written += r.bytesWritten;
    }
    pos += n;
    onProgress?.(pos, total);
  }
  checkCancelled();
  return 'chunked';
}

/**
 * Refuses up front what cannot succeed, so that neither path fills the disk (other programs then fail too) or
 * writes up to a limit only to delete it all: a size over the file system's own limit (EFBIG) and more data
 * than the free space (ENOSPC). Best effort: when statfs says nothing, the paths find out themselves.
 */
async function preflight(input: FullAllocationInput): Promise<void> {
  const limit = await fileSystemLimit(input.path);
  if (limit && BigInt(input.total) > limit.maxFileBytes) {
    throw Object.assign(new Error(`EFBIG: over the ${limit.name} file size limit`), { code: 'EFBIG' });
  }
  const space = await freeSpace(input.path);
  if (!space) return;
  const block = space.blockBytes;
  let allocated: bigint;
  try {
    allocated = (await input.handle.stat({ bigint: true })).blocks * 512n;
  } catch {
    return;
  }
  const need = ((BigInt(input.total) + block - 1n) / block) * block - allocated;
  if (need > space.freeBytes) {
    throw Object.assign(new Error(`ENOSPC: ${need} bytes needed, ${space.freeBytes} free`), { code: 'ENOSPC' });
  }
}

let fallocateCache: string | null | undefined;

/** util-linux `fallocate` on PATH (or /usr/bin), Linux only; undefined elsewhere. */
export function fallocatePath(): string | undefined {
  if (fallocateCache !== undefined) return fallocateCache ?? undefined;
  fallocateCache = null;
  if (process.platform === 'linux') {
    const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/bin', '/bin'];
    for (const dir of dirs) {
      const candidate = join(dir, 'fallocate');
      try {
        accessSync(candidate, constants.X_OK);
        fallocateCache = candidate;
        break;
      } catch {
        // not here; keep looking
      }
    }
  }
  return fallocateCache ?? undefined;
}

// fallocate's own words for the errors that would make the chunked path fail the same way, only slower.
const FATAL: ReadonlyArray<[RegExp, string]> = [
  [/No space left on device/i, 'ENOSPC'],
  [/File too large/i, 'EFBIG'],
  [/Disk quota exceeded/i, 'EDQUOT'],
  [/Read-only file system/i, 'EROFS'],
];

/**
 * True when `fallocate -l` did the job. False when it is not supported here (some file systems refuse it):
 * the caller falls back. Throws an errno-coded Error for a full disk and the like, NpyError when cancelled.
 */
function tryFallocate(input: FullAllocationInput): Promise<boolean> {
  const bin = fallocatePath() as string;
  return new Promise<boolean>((resolve, reject) => {
    execFile(bin, ['-l', String(input.total), input.path],
      { signal: input.signal, env: { ...process.env, LC_ALL: 'C' }, windowsHide: true },
      (err, _stdout, stderr) => {
        if (!err) return resolve(true);
        try {
          input.checkCancelled();
        } catch (cancelled) {
          return reject(cancelled);
        }
        // Over the file-size limit (ulimit -f) the kernel kills the child with SIGXFSZ (Node ignores it, its
        // children get the default): that is EFBIG, and the chunked path would only write up to the limit.
        if ((err as { signal?: unknown }).signal === 'SIGXFSZ') {
          return reject(Object.assign(new Error('EFBIG: fallocate exceeded the file-size limit'), { code: 'EFBIG' }));
        }
        const text = String(stderr);
        for (const [re, errno] of FATAL) {
          if (re.test(text)) return reject(Object.assign(new Error(`${errno}: ${text.trim()}`), { code: errno }));
        }
        resolve(false);
      });
  });
}
