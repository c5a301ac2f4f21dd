// File-system errors (errno codes from Node) turned into one sentence that names the file and says what to do.
// The writer and inspect call fsError(); everything they throw is then an NpyError('io', …, errno).
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { NpyError, isNpyError } from '../errors';
import { formatBytes, formatCount } from '../units';

export type FsAction = 'create' | 'read' | 'resize';

/** A file system whose per-file size limit we can name in the EFBIG sentence. */
export interface FsLimit { name: string; maxFileBytes: bigint }

export interface FsErrorContext {
  action: FsAction;
  /** The file the user asked for (never our temp file: that name means nothing to them). */
  path: string;
  /** Size of the file being created, for EFBIG/ENOSPC. */
  bytes?: bigint;
  /** From fileSystemLimit(), for EFBIG. */
  fsLimit?: FsLimit;
  /** How the file was being created, for ENOSPC: a sparse file needs no data space, so do not suggest sparse. */
  allocate?: 'sparse' | 'full';
  /** From freeSpace(), for ENOSPC: what is left, and whether it is the file count (inodes) that ran out. */
  space?: FreeSpace;
}

/** Free space of a file system as the current user may use it. */
export interface FreeSpace { freeBytes: bigint; blockBytes: bigint; noFreeInodes: boolean }

/**
 * statfs of the file system holding `path`; undefined when it says nothing useful (0 blocks in all: some
 * network and FUSE file systems), so that callers never refuse work on a made-up "0 bytes free".
 */
export async function freeSpace(path: string): Promise<FreeSpace | undefined> {
  try {
    const s = await statfs(path, { bigint: true });
    if (s.blocks === 0n || s.bsize <= 0n) return undefined;
    // root may use the blocks ext4 reserves for it; everyone else has what df calls available.
    const blocks = process.getuid?.() === 0 ? s.bfree : s.bavail;
    return { freeBytes: blocks * s.bsize, blockBytes: s.bsize, noFreeInodes: s.files > 0n && s.ffree === 0n };
  } catch {
    return undefined;
  }
}

// statfs magic numbers (linux/magic.h) of file systems whose limit commonly causes EFBIG, by block size.
// ext4 (extents) maps at most 2^32−1 blocks: 16 TiB − 4 KiB with 4 KiB blocks (measured: one byte more is EFBIG).
const LIMITS: ReadonlyMap<number, (blockBytes: bigint) => FsLimit> = new Map([
  [0xef53, (b: bigint) => ({ name: 'ext4', maxFileBytes: ((1n << 32n) - 1n) * b })], // ext2/3/4
  [0x4d44, () => ({ name: 'FAT', maxFileBytes: (4n << 30n) - 1n })],                 // vfat/msdos
]);

/** The size limit of the file system holding `path`, when it is one we know; undefined otherwise. */
export async function fileSystemLimit(path: string): Promise<FsLimit | undefined> {
  try {
    const s = await statfs(path, { bigint: true });
    return LIMITS.get(Number(s.type))?.(s.bsize > 0n ? s.bsize : 4096n);
  } catch {
    return undefined;
  }
}

/** The errno code ('ENOENT', …) of a Node system error, if it is one. */
export function errnoOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

const VERB: Record<FsAction, string> = { create: 'Cannot create', read: 'Cannot read', resize: 'Cannot resize' };

/** "Cannot read", "Cannot create", "Cannot resize": how every sentence about a failed action starts. */
export function fsVerb(action: FsAction): string {
  return VERB[action];
}

/** One sentence for an errno. `detail` is the system's own words, used only by the generic fallback. */
export function fsErrorSentence(errno: string, ctx: FsErrorContext, detail?: string): string {
  const head = `${VERB[ctx.action]} ${ctx.path}: `;
  const size = ctx.bytes !== undefined ? ` of ${formatBytes(ctx.bytes)}` : '';
  const creating = ctx.action === 'create';
  switch (errno) {
    case 'EFBIG': {
      const lim = ctx.fsLimit;
      if (lim && ctx.bytes !== undefined && ctx.bytes > lim.maxFileBytes) {
        // Just over the limit both round to "16 TiB": then exact byte counts, else the sentence contradicts itself.
        const exact = formatBytes(ctx.bytes) === formatBytes(lim.maxFileBytes);
        const [want, max] = exact
          ? [`${formatCount(ctx.bytes)} bytes`, `${formatCount(lim.maxFileBytes)} bytes`]
          : [formatBytes(ctx.bytes), formatBytes(lim.maxFileBytes)];
        return `${head}the file system does not allow files of ${want} (${lim.name} stops at ${max}); ` +
          'choose a smaller shape or another file system (XFS, btrfs).';
      }
      // Below the file system's own limit, the process limit (ulimit -f, RLIMIT_FSIZE) is the likely cause.
      return `${head}the file system or this process's file-size limit (ulimit -f) does not allow files${size}; ` +
        'choose a smaller shape, raise the limit or use another file system (XFS, btrfs).';
    }
    case 'ENOSPC':
      if (ctx.space?.noFreeInodes) {
        return `${head}the file system has room for no more files (no free inodes); delete some files or choose another folder.`;
      }
      if (ctx.action === 'resize' && ctx.bytes !== undefined) {
        // APFS has been reported to refuse a sparse extension larger than the free space, though it costs none.
        const free = ctx.space ? ` (${formatBytes(ctx.space.freeBytes)} free)` : '';
        return `${head}the file system refused to extend it to ${formatBytes(ctx.bytes)} for lack of free space${free}; ` +
          'some file systems (APFS) refuse even a sparse extension larger than the free space: free some space or grow it in smaller steps.';
      }
      if (!creating) return `${head}the disk is full; free some space and try again.`;
      if (ctx.allocate === 'sparse') {
        // Free blocks left: the refusal was the extension itself (APFS has been reported to refuse a sparse file
        // larger than the free space, though it costs none).
        if (ctx.space && ctx.space.freeBytes >= ctx.space.blockBytes && ctx.bytes !== undefined) {
          return `${head}the file system refused a sparse file of ${formatBytes(ctx.bytes)} for lack of free space (${formatBytes(ctx.space.freeBytes)} free); ` +
            'some file systems (APFS) refuse even a sparse file larger than the free space: free some space, or create it smaller and grow it with resize.';
        }
        // Otherwise only the header needed space, so the file's logical size is beside the point.
        return `${head}the disk is full, with no room even for the header; free some space or choose another folder.`;
      }
      if (ctx.bytes !== undefined && ctx.space) {
        return `${head}there is not enough free space (the file needs ${formatBytes(ctx.bytes)}, ${formatBytes(ctx.space.freeBytes)} ` +
          `${ctx.space.freeBytes === 1n ? 'is' : 'are'} free); free some space, choose another folder or use sparse allocation.`;
      }
      return `${head}the disk is full${ctx.bytes !== undefined ? ` (the file needs ${formatBytes(ctx.bytes)})` : ''}; ` +
        'free some space, choose another folder or use sparse allocation.';
    case 'EDQUOT':
      return `${head}your disk quota is used up; free some space or ask for a larger quota.`;
    case 'EACCES':
      return creating
        ? `${head}permission denied; choose a folder you can write to or change its permissions.`
        : `${head}permission denied; check the file's permissions.`;
    case 'EPERM':
      return creating
        ? `${head}the operation is not permitted (the folder, or the file it would replace, may be immutable or protected); choose another folder or lift the restriction.`
        : `${head}the operation is not permitted; check the file's permissions and attributes.`;
    case 'EROFS':
      return `${head}the file system is read-only; choose a folder on a writable file system.`;
    case 'ENOENT':
      return creating
        ? `${head}the folder ${dirname(ctx.path)} does not exist; create it first or choose another folder.`
        : `${head}the file does not exist; check the path.`;
    case 'EEXIST':
      return `${head}the file already exists; choose another name or allow overwriting.`;
    case 'EISDIR':
      return creating
        ? `${head}it is a folder; choose a file name inside it instead.`
        : `${head}it is a folder, not a .npy file.`;
    case 'ENOTDIR':
      return `${head}part of the path is a file, not a folder; check the path.`;
    case 'ENAMETOOLONG':
      return `${head}the name or path is too long for the file system; choose a shorter name.`;
    case 'EMFILE':
    case 'ENFILE':
      return `${head}too many files are open; close some files or programs and try again.`;
    case 'ELOOP':
      return `${head}the path has a loop of symbolic links; check the path.`;
    default: {
      const words = detail ? cleanDetail(detail, errno) : 'an unexpected file-system error';
      return `${head}${words} (${errno}); try again or choose another folder.`;
    }
  }
}

/**
 * Any error from a file-system call → NpyError('io', sentence, errno). NpyErrors pass through unchanged;
 * errors without an errno keep their message inside one sentence.
 */
export function fsError(e: unknown, ctx: FsErrorContext): NpyError {
  if (isNpyError(e)) return e;
  const errno = errnoOf(e);
  const message = e instanceof Error ? e.message : String(e);
  if (errno === undefined) {
    return new NpyError('io', `${VERB[ctx.action]} ${ctx.path}: ${stripPeriod(firstLine(message))}.`);
  }
  return new NpyError('io', fsErrorSentence(errno, ctx, message), errno);
}

// Node's messages look like "EIO: i/o error, write" or "EIO: i/o error, open '/x/.a.tmp'": keep "i/o error".
function cleanDetail(message: string, errno: string): string {
  let s = firstLine(message);
  if (s.startsWith(`${errno}: `)) s = s.slice(errno.length + 2);
  s = s.replace(/, [a-z_]+( '[^']*')*$/, '');
  return stripPeriod(s) || 'an unexpected file-system error';
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? '').trim();
}

function stripPeriod(s: string): string {
  return s.replace(/[.\s]+$/, '');
}
