// Inspecting a .npz (a zip of .npy members, as np.savez / np.savez_compressed write it) reads the zip's
// central directory and, per member, only the bytes its .npy header needs: a stored member's first bytes by
// range, a deflated member's stream stopped as soon as the header is inflated. The archive is never loaded,
// so a 4 GiB .npz costs the same few KiB as a 4 KiB one. yauzl parses the zip (Zip64 included); the .npy
// header goes through the same inspectBytes as a plain .npy file.
import type { Readable } from 'node:stream';
import { constants as zlibConstants, inflateRawSync } from 'node:zlib';
import * as yauzl from 'yauzl';
import { NpyError, NpyErrorCode, isNpyError } from '../errors';
import { fsError } from '../file/fsErrors';
import { MAX_HEADER_BYTES, PREAMBLE_BYTES, readPreamble } from '../format/header';
import { inspectBytes, NpyReportJson, reportToJson } from '../file/inspect';
import { CountingReader, ReadAt, STREAM_CHUNK_BYTES } from './countingReader';
import { fileBaseName } from '../file/baseName';
import { withRegularFile } from '../file/regularFile';
import { NpyReport } from '../types';
import { formatCount } from '../units';

/** More members than this are counted but not listed (a hostile archive can claim millions). */
export const MAX_NPZ_MEMBERS = 10000;

/**
 * Header bytes read (or inflated) for all members together at most. numpy headers are ~128 bytes; a hostile
 * archive of many members pointing at one huge "header" (or a deflate bomb) stops costing here.
 */
export const NPZ_HEADER_BUDGET = 64 * 1024 * 1024;

export type NpzCompression = 'stored' | 'deflated' | 'unsupported';

/** Why a member has no header report. NpyError codes come from the member's own bytes. */
export type NpzMemberErrorCode = NpyErrorCode | 'unsupported-compression' | 'encrypted' | 'damaged-member';

export interface NpzMember {
  /** The name inside the archive ("x.npy"), as the zip stores it. */
  name: string;
  /** Zip compression method number: 0 stored, 8 deflated, anything else unsupported. */
  method: number;
  compression: NpzCompression;
  compressedSize: bigint;
  uncompressedSize: bigint;
  /** The central directory gives this member's sizes or offset in a Zip64 extra field. */
  zip64: boolean;
  /** The member's header report (its "file" is the uncompressed member), or null with error set. */
  report: NpyReport | null;
  error: string | null;
  errorCode: NpzMemberErrorCode | null;
  /** Archive bytes read for this member: its local header (once per read) and the first data bytes. */
  bytesRead: number;
  /** Where the member's local header starts in the archive (from the central directory, Zip64 included). */
  localHeaderOffset: number;
}

export interface NpzReport {
  path: string;
  fileName: string;
  fileBytes: bigint;
  allocatedBytes: bigint | null;
  /** Zip64 records were used: the end-of-central-directory one, or a member's sizes/offset (over 4 GiB, or over 65,535 entries). */
  zip64: boolean;
  /** Entries the central directory declares (may exceed members.length, see MAX_NPZ_MEMBERS). */
  entryCount: number;
  members: NpzMember[];
  /** Every byte read from the archive: end-of-central-directory search, central directory, members. */
  bytesRead: number;
}

export interface NpzOptions {
  /** Header bytes read for all members together at most (default NPZ_HEADER_BUDGET). */
  headerBudget?: number;
}

/** Opens the archive by path and reads only what the report needs. Throws one NpyError sentence when the archive itself is unreadable or damaged. */
export async function inspectNpz(path: string, options: NpzOptions = {}): Promise<NpzReport> {
  const ctx = { action: 'read' as const, path };
  return withRegularFile(path, 'a .npz archive', async ({ handle, size, allocatedBytes }) => {
    const readAt: ReadAt = async (buffer, offset, length, position) => {
      try {
        return (await handle.read(buffer, offset, length, position)).bytesRead;
      } catch (e) {
        throw fsError(e, ctx);
      }
    };
    return await inspectArchive(readAt, size, allocatedBytes, path, options);
  });
}

/** The same from the whole archive in memory (non-file: schemes hand over whole files only). */
export async function inspectNpzBytes(bytes: Uint8Array, path: string, options: NpzOptions = {}): Promise<NpzReport> {
  const readAt: ReadAt = async (buffer, offset, length, position) => {
    const n = Math.max(0, Math.min(length, bytes.length - position));
    buffer.set(bytes.subarray(position, position + n), offset);
    return n;
  };
  return inspectArchive(readAt, BigInt(bytes.length), null, path, options);
}

async function inspectArchive(readAt: ReadAt, fileBytes: bigint, allocatedBytes: bigint | null, path: string, options: NpzOptions): Promise<NpzReport> {
  const fileName = fileBaseName(path);
  if (fileBytes > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new NpyError('io', `${path} is ${formatCount(fileBytes)} bytes, larger than the zip reader can address (2^53 bytes).`);
  }
  const reader = new CountingReader(readAt);
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
      yauzl.fromRandomAccessReader(reader, Number(fileBytes),
        // decodeStrings false: yauzl would refuse the whole archive over one member named '../x' or 'a\\b' (an
        // extraction safeguard); a preview only shows names, so memberName decodes them as they are.
        { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: false },
        (err, z) => (err ? reject(err) : resolve(z)));
    });
  } catch (e) {
    throw archiveError(path, e);
  }
  try {
    const members: NpzMember[] = [];
    const budget = { left: options.headerBudget ?? NPZ_HEADER_BUDGET, total: options.headerBudget ?? NPZ_HEADER_BUDGET };
    for (;;) {
      const entry = await nextEntry(zip, path);
      if (!entry) break;
      if (members.length >= MAX_NPZ_MEMBERS) break;
      members.push(await inspectMember(zip, reader, entry, budget));
    }
    const zip64 = reader.sawZip64EndRecord || members.some((m) => m.zip64);
    return { path, fileName, fileBytes, allocatedBytes, zip64, entryCount: zip.entryCount, members, bytesRead: reader.bytesRead };
  } finally {
    zip.close();
  }
}

/** The member's name as stored: UTF-8 when flagged (or in an Info-ZIP Unicode path field), else CP437. */
function memberName(entry: yauzl.Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
}

function nextEntry(zip: yauzl.ZipFile, path: string): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      zip.removeListener('entry', onEntry);
      zip.removeListener('end', onEnd);
      zip.removeListener('error', onError);
    };
    const onEntry = (entry: yauzl.Entry): void => { cleanup(); resolve(entry); };
    const onEnd = (): void => { cleanup(); resolve(null); };
    const onError = (e: unknown): void => { cleanup(); reject(archiveError(path, e)); };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

async function inspectMember(zip: yauzl.ZipFile, reader: CountingReader, entry: yauzl.Entry, budget: Budget): Promise<NpzMember> {
  const before = reader.bytesRead;
  const method = entry.compressionMethod;
  const compression: NpzCompression = method === 0 ? 'stored' : method === 8 ? 'deflated' : 'unsupported';
  const name = memberName(entry);
  const member: NpzMember = {
    name, method, compression,
    compressedSize: BigInt(entry.compressedSize), uncompressedSize: BigInt(entry.uncompressedSize),
    zip64: entry.extraFields.some((f) => f.id === 0x0001),
    report: null, error: null, errorCode: null, bytesRead: 0, localHeaderOffset: entry.relativeOffsetOfLocalHeader,
  };
  try {
    if (entry.isEncrypted()) {
      throw memberError('encrypted', `${name} is encrypted; encrypted members are not read.`);
    }
    if (compression === 'unsupported') {
      throw memberError('unsupported-compression',
        `${name} uses unsupported compression (zip method ${method}); only stored (0) and deflated (8) members are read, as numpy writes them.`);
    }
    const prefix = compression === 'stored' ? await storedPrefix(zip, entry, budget) : await deflatedPrefix(zip, entry, budget);
    budget.left -= prefix.length;
    member.report = inspectBytes(prefix, member.uncompressedSize, null, name);
  } catch (e) {
    member.errorCode = isMemberError(e) ? e.memberCode : isNpyError(e) ? e.code : 'damaged-member';
    member.error = isNpyError(e) || isMemberError(e) ? oneLine(e) : `${name} cannot be read: ${zipReason(e)}.`;
  }
  member.bytesRead = reader.bytesRead - before;
  return member;
}

/** Stored: the preamble, then exactly up to the data offset (never a byte of data). */
async function storedPrefix(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: Budget): Promise<Uint8Array> {
  const size = entry.uncompressedSize;
  const first = await readRange(zip, entry, 0, Math.min(PREAMBLE_BYTES, size));
  const pre = readPreamble(first);
  const want = Math.min(pre.dataOffset, size);
  overBudget(entry, want, budget);
  if (want <= first.length) return first;
  const rest = await readRange(zip, entry, first.length, want);
  const out = new Uint8Array(first.length + rest.length);
  out.set(first, 0);
  out.set(rest, first.length);
  return out;
}

/** Bytes [start, end) of the member's data as stored (`decompress: false`: the compressed bytes of a deflated one). */
async function readRange(zip: yauzl.ZipFile, entry: yauzl.Entry, start: number, end: number, decompress = true): Promise<Uint8Array> {
  const stream = await openStream(zip, entry, decompress ? { start, end } : { decompress: false, start, end });
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  return Buffer.concat(chunks);
}

/**
 * Deflated: the compressed bytes in exact ranges (4 KiB, then doubling), inflated after each until the header is
 * in hand; the rest is never read. Exact ranges bound what is read: yauzl's inflating stream pipeline reads ahead
 * as far as its buffers let it (57 KiB of a 1 MiB member was seen on a loaded machine, 4 KiB on a quiet one).
 */
async function deflatedPrefix(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: Budget): Promise<Uint8Array> {
  let need = PREAMBLE_BYTES;
  let preambleRead = false;
  // Deflate cannot take more than ~0.1% over the bytes it encodes: past this the data is not an .npy header.
  let limit = compressedLimit(need);
  const chunks: Uint8Array[] = [];
  let have = 0;
  let out: Buffer = Buffer.alloc(0);
  for (let step = STREAM_CHUNK_BYTES; ; step *= 2) {
    const end = Math.min(entry.compressedSize, have + step, limit);
    if (end <= have) {
      if (have >= limit) throw memberError('damaged-member', `${memberName(entry)} cannot be read: its compressed data does not inflate to an .npy header within ${formatCount(limit)} bytes.`);
      break; // the whole member is in: a short member is reported as truncated
    }
    chunks.push(await readRange(zip, entry, have, end, false));
    have = end;
    out = inflateRawSync(Buffer.concat(chunks), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
    // yauzl's own check, which the inflating stream made: never more bytes than the directory gives.
    if (out.length > entry.uncompressedSize) {
      throw memberError('damaged-member', `${memberName(entry)} cannot be read: its data does not have the size the central directory gives.`);
    }
    if (!preambleRead && out.length >= PREAMBLE_BYTES) {
      preambleRead = true;
      try {
        need = Math.min(readPreamble(out.subarray(0, PREAMBLE_BYTES)).dataOffset, PREAMBLE_BYTES + MAX_HEADER_BYTES);
      } catch {
        break; // not an .npy member: its report says why from the preamble
      }
      overBudget(entry, need, budget);
      limit = compressedLimit(need);
    }
    if (preambleRead && out.length >= need) break;
  }
  return out.subarray(0, Math.min(out.length, Math.max(need, PREAMBLE_BYTES)));
}

function compressedLimit(headerBytes: number): number {
  return headerBytes + Math.ceil(headerBytes / 1000) + 64 * 1024;
}

interface Budget { left: number; total: number }

function overBudget(entry: yauzl.Entry, headerBytes: number, budget: Budget): void {
  if (headerBytes > budget.left) {
    throw memberError('header-too-large', `${memberName(entry)} was not read: its header (${formatCount(headerBytes)} bytes) would take the headers read from this archive past ${formatCount(budget.total)} bytes.`);
  }
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry, options: { start?: number; end?: number; decompress?: false }): Promise<Readable> {
  return new Promise((resolve, reject) => {
    try {
      zip.openReadStream(entry, options, (err, stream) => (err ? reject(err) : resolve(stream)));
    } catch (e) {
      reject(e);
    }
  });
}

class MemberError extends Error {
  constructor(readonly memberCode: NpzMemberErrorCode, message: string) { super(message); }
}
function memberError(code: NpzMemberErrorCode, message: string): MemberError { return new MemberError(code, message); }
function isMemberError(e: unknown): e is MemberError { return e instanceof MemberError; }

function oneLine(e: Error): string {
  return e.message.split('\n')[0];
}

/** yauzl/zlib messages → a plain clause; zlib's are already short. */
function zipReason(e: unknown): string {
  const msg = e instanceof Error ? oneLine(e) : String(e);
  if (/invalid local file header signature/.test(msg)) return 'its local header is damaged (the central directory points at bytes that are not a member header)';
  if (/file data overflows file bounds/.test(msg)) return 'its data runs past the end of the archive (the archive is truncated)';
  if (/unexpected EOF/.test(msg)) return 'the archive ends inside this member (it is truncated)';
  if (/too many bytes in the stream|not enough bytes in the stream/.test(msg)) {
    return 'its data does not have the size the central directory gives';
  }
  const z = e as { code?: unknown };
  if (typeof z.code === 'string' && z.code.startsWith('Z_')) return `its compressed data is damaged (${msg})`;
  return msg.replace(/\.$/, '');
}

/** One sentence for an archive that cannot be listed at all. */
export function archiveError(fileName: string, e: unknown): NpyError {
  if (isNpyError(e)) return e;
  const msg = e instanceof Error ? oneLine(e) : String(e);
  if (/End of central directory record signature not found/.test(msg)) {
    return new NpyError('not-zip', `${fileName} is not a zip archive, or it is truncated: the end-of-central-directory record every .npz ends with is missing.`);
  }
  if (/Invalid comment length/.test(msg)) {
    return new NpyError('bad-archive', `${fileName} is a damaged zip archive: its end-of-central-directory record does not match the file's length (bytes added or cut at the end).`);
  }
  if (/multi-disk/.test(msg)) return new NpyError('bad-archive', `${fileName} is one part of a split (multi-disk) zip archive, which cannot be read on its own.`);
  if (/zip64 end of central directory/.test(msg)) return new NpyError('bad-archive', `${fileName} is a damaged zip archive: its Zip64 end-of-central-directory record is corrupt.`);
  if (/central directory file header signature/.test(msg) || /unexpected EOF/.test(msg)) {
    return new NpyError('bad-archive', `${fileName} is a damaged zip archive: its central directory is corrupt or cut off.`);
  }
  if (/too large/.test(msg)) return new NpyError('io', `${fileName} is larger than the zip reader can address (2^52 bytes).`);
  return new NpyError('bad-archive', `${fileName} is a damaged zip archive: ${zipReason(e)}.`);
}

/** JSON form of one member for `inspect --json`: the member's .npy report fields plus the zip's view of it. */
export type NpzMemberJson = Omit<Partial<NpyReportJson>, 'status'> & {
  member: string; compression: NpzCompression; method: number; zip64: boolean;
  compressedSize: number | string; uncompressedSize: number | string; archiveBytesRead: number;
  status: NpyReportJson['status'] | 'error'; error?: string; errorCode?: string;
};

export function npzMemberToJson(m: NpzMember): NpzMemberJson {
  const zip = {
    member: m.name, compression: m.compression, method: m.method, zip64: m.zip64,
    compressedSize: big(m.compressedSize), uncompressedSize: big(m.uncompressedSize), archiveBytesRead: m.bytesRead,
  };
  if (m.report) return { ...reportToJson(m.report), ...zip };
  return { ...zip, status: 'error', error: m.error ?? '', errorCode: m.errorCode ?? 'damaged-member' };
}

function big(n: bigint): number | string {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}
