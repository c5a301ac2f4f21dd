// A page of values of one .npz member, decoded by the same paging as a .npy file (readValuesFrom, or readGridFrom
// for a grid of 2 or more dimensions) over a ByteSource that maps the member's bytes onto the archive. A stored member is read by range at its data
// offset: a page costs its local header (30 bytes) plus the page's own bytes, whatever the archive's size.
// A deflated member can only be inflated from its start, so a page costs the compressed bytes up to the page's
// end; past MAX_INFLATE_BYTES the page is refused with one sentence instead of inflating without bound.
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { NpyError } from '../errors';
import { fsError } from '../file/fsErrors';
import { withRegularFile } from '../file/regularFile';
import { NpyReport } from '../types';
import { formatBytes } from '../units';
import { GridPage, GridRequest, readGridFrom } from '../values/grid';
import { ByteSource, readValuesFrom, ValuesPage, ValuesRequest } from '../values/pages';
import { ReadAt } from './countingReader';
import { NpzMember } from './inspectNpz';

/** Inflated bytes a page of a deflated member may reach (from the member's start) at most. */
export const MAX_INFLATE_BYTES = 64 * 1024 * 1024;
/** Compressed bytes per read while inflating: few reads, and little read beyond the page's end. */
export const INFLATE_CHUNK_BYTES = 64 * 1024;

const LOCAL_HEADER_BYTES = 30;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;

export interface MemberReadCost {
  /** Archive bytes read for this page: the member's local header and its stored or compressed bytes. */
  archiveBytesRead: number;
  /** Deflated members: bytes inflated from the member's start to reach the page; null for stored ones. */
  inflatedBytes: number | null;
}

export type MemberValuesPage = ValuesPage & MemberReadCost;
export type MemberGridPage = GridPage & MemberReadCost;

export interface MemberValuesOptions {
  /** Inflated bytes a deflated member's page may reach at most (default MAX_INFLATE_BYTES). */
  inflateLimit?: number;
}

/** Reads one page of `member` from the archive at `path` (opened for this page only). */
export function readNpzMemberValues(path: string, member: NpzMember, request: ValuesRequest, options: MemberValuesOptions = {}): Promise<MemberValuesPage> {
  return withRegularFile(path, 'a .npz archive', ({ handle }) => readMemberValues(handleReader(handle, path), member, request, options));
}

function handleReader(handle: FileHandle, path: string): ReadAt {
  const ctx = { action: 'read' as const, path };
  return async (buffer, offset, length, position) => {
    try {
      return (await handle.read(buffer, offset, length, position)).bytesRead;
    } catch (e) {
      throw fsError(e, ctx);
    }
  };
}

/**
 * Where a stored member's .npy starts in the archive at `path` (after its local header, whose lengths may differ
 * from the directory's), so its elements can be read in place (readPlaneFromFile's fileOffset). A deflated member
 * has no such place: refused with one sentence.
 */
export function storedMemberOffset(path: string, member: NpzMember): Promise<number> {
  if (member.compression !== 'stored') return Promise.reject(new NpyError('bad-archive', `${member.name} is compressed, so its elements cannot be read in place.`));
  return withRegularFile(path, 'a .npz archive', ({ handle }) => memberDataStart(countedReader(handleReader(handle, path)).read, member));
}

/** The same over the whole archive in memory (virtual file systems hand over whole files only). */
export function readNpzMemberValuesFromBytes(bytes: Uint8Array, member: NpzMember, request: ValuesRequest, options: MemberValuesOptions = {}): Promise<MemberValuesPage> {
  return readMemberValues(bytesReader(bytes), member, request, options);
}

function bytesReader(bytes: Uint8Array): ReadAt {
  return async (buffer, offset, length, position) => {
    const n = Math.max(0, Math.min(length, bytes.length - position));
    buffer.set(bytes.subarray(position, position + n), offset);
    return n;
  };
}

/** Reads one page of a member through readAt. Throws one NpyError sentence (object data, damaged member, past the inflate limit). */
export function readMemberValues(readAt: ReadAt, member: NpzMember, request: ValuesRequest, options: MemberValuesOptions = {}): Promise<MemberValuesPage> {
  return withMemberSource(readAt, member, options, (source, report) => readValuesFrom(source, report, request));
}

/** A grid page of a member of 2 or more dimensions, read as readMemberValues reads a page. */
export function readMemberGrid(readAt: ReadAt, member: NpzMember, request: GridRequest, options: MemberValuesOptions = {}): Promise<MemberGridPage> {
  return withMemberSource(readAt, member, options, (source, report) => readGridFrom(source, report, request));
}

/** One grid page of `member` from the archive at `path` (opened for this page only). */
export function readNpzMemberGrid(path: string, member: NpzMember, request: GridRequest, options: MemberValuesOptions = {}): Promise<MemberGridPage> {
  return withRegularFile(path, 'a .npz archive', ({ handle }) => readMemberGrid(handleReader(handle, path), member, request, options));
}

/** The same over the whole archive in memory. */
export function readNpzMemberGridFromBytes(bytes: Uint8Array, member: NpzMember, request: GridRequest, options: MemberValuesOptions = {}): Promise<MemberGridPage> {
  return readMemberGrid(bytesReader(bytes), member, request, options);
}

/** Runs `read` over the member's bytes: in place for a stored member, inflated from its start for a deflated one. */
async function withMemberSource<T>(readAt: ReadAt, member: NpzMember, options: MemberValuesOptions,
  read: (source: ByteSource, report: NpyReport) => Promise<T>): Promise<T & MemberReadCost> {
  const report = member.report;
  if (!report) throw new NpyError('bad-archive', member.error ?? `${member.name} has no .npy header to read values by.`);
  const counted = countedReader(readAt);
  const dataStart = await memberDataStart(counted.read, member);
  const size = Number(member.uncompressedSize);
  if (member.compression === 'stored') {
    const source: ByteSource = {
      read: (position, length) => counted.read(dataStart + position, Math.max(0, Math.min(length, size - position))),
    };
    const page = await read(source, report);
    return { ...page, archiveBytesRead: counted.total(), inflatedBytes: null };
  }
  if (member.compression !== 'deflated') throw new NpyError('bad-archive', member.error ?? `${member.name} uses a compression the preview does not read.`);
  const source = inflatingSource(counted.read, dataStart, member, options.inflateLimit ?? MAX_INFLATE_BYTES);
  try {
    const page = await read(source, report);
    return { ...page, archiveBytesRead: counted.total(), inflatedBytes: source.inflated() };
  } finally {
    source.close();
  }
}

type ReadRange = (position: number, length: number) => Promise<Uint8Array>;

function countedReader(readAt: ReadAt): { read: ReadRange; total(): number } {
  let total = 0;
  return {
    total: () => total,
    read: async (position, length) => {
      const buf = new Uint8Array(Math.max(0, length));
      let done = 0;
      while (done < length) {
        const n = await readAt(buf, done, length - done, position + done);
        if (n === 0) break;
        done += n;
      }
      total += done;
      return buf.subarray(0, done);
    },
  };
}

/** The member's data starts after its local header, whose name and extra lengths may differ from the directory's. */
async function memberDataStart(read: ReadRange, member: NpzMember): Promise<number> {
  const h = await read(member.localHeaderOffset, LOCAL_HEADER_BYTES);
  const view = new DataView(h.buffer, h.byteOffset, h.length);
  if (h.length < LOCAL_HEADER_BYTES || view.getUint32(0, true) !== LOCAL_HEADER_SIGNATURE) {
    throw new NpyError('bad-archive', `${member.name} cannot be read: its local header is not where the central directory says (the archive changed or is damaged).`);
  }
  return member.localHeaderOffset + LOCAL_HEADER_BYTES + view.getUint16(26, true) + view.getUint16(28, true);
}

interface InflatingSource extends ByteSource { inflated(): number; close(): void }

/**
 * The member inflated from its start as far as each read needs. Reads come in ascending order (readValuesFrom
 * sorts its ranges), so inflated bytes before the current read are dropped: memory stays near one range.
 */
function inflatingSource(read: ReadRange, dataStart: number, member: NpzMember, limit: number): InflatingSource {
  const compressedEnd = Number(member.compressedSize);
  const size = Number(member.uncompressedSize);
  let fed = 0;
  // One chunk of read-ahead at most: the stream asks for the next chunk only once the inflater took this one.
  const input = new Readable({
    highWaterMark: INFLATE_CHUNK_BYTES,
    read(this: Readable) {
      const length = Math.min(INFLATE_CHUNK_BYTES, compressedEnd - fed);
      if (length <= 0) { this.push(null); return; }
      read(dataStart + fed, length).then((b) => {
        if (this.destroyed) return;
        fed += b.length;
        this.push(b.length > 0 ? Buffer.from(b.buffer, b.byteOffset, b.length) : null);
      }, (e: Error) => this.destroy(e));
    },
  });
  const inflater = createInflateRaw();
  input.on('error', (e) => inflater.destroy(e));
  input.pipe(inflater);
  const output = inflater[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let chunks: Buffer[] = [];
  let base = 0; // inflated offset of chunks[0]
  let have = 0; // inflated bytes so far
  let ended = false;
  return {
    inflated: () => have,
    close: () => { input.destroy(); inflater.destroy(); },
    async read(position, length) {
      const end = Math.min(position + length, size);
      if (end > limit) throw inflateLimitError(member, end, limit);
      while (have < end && !ended) {
        let r: IteratorResult<Buffer>;
        try {
          r = await output.next();
        } catch (e) {
          throw damaged(member, e);
        }
        if (r.done) { ended = true; break; }
        chunks.push(r.value);
        have += r.value.length;
        if (have > size) throw new NpyError('bad-archive', `${member.name} cannot be read: its data inflates to more bytes than the central directory gives.`);
      }
      while (chunks.length > 0 && base + chunks[0].length <= position) base += chunks.shift()!.length;
      if (position < base) throw new Error('member reads must come in ascending order');
      const window = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      chunks = window.length > 0 ? [window] : [];
      return window.subarray(position - base, Math.max(position - base, Math.min(end, have) - base));
    },
  };
}

function inflateLimitError(member: NpzMember, end: number, limit: number): NpyError {
  return new NpyError('inflate-limit', `This page of ${member.name} ends ${formatBytes(end)} into the member, which is compressed: the preview inflates a compressed member only up to its first ${formatBytes(limit)}, so its later elements are not shown here (np.load reads the whole member).`);
}

function damaged(member: NpzMember, e: unknown): NpyError {
  if (e instanceof NpyError) return e;
  const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return new NpyError('bad-archive', `${member.name} cannot be read: its compressed data is damaged (${msg.replace(/\.$/, '')}).`);
}
