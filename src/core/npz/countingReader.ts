// A yauzl RandomAccessReader over any positional byte source (an open file, or bytes already in memory),
// counting every byte it hands to yauzl. yauzl only ever reads through it, so the count is exact: the
// preview can say how little of a many-GiB archive it touched.
import { Readable } from 'node:stream';
import * as yauzl from 'yauzl';

/** Reads up to `length` bytes at `position` into `buffer` at `offset`; resolves the count read (0 at EOF). */
export type ReadAt = (buffer: Uint8Array, offset: number, length: number, position: number) => Promise<number>;

/** Stream reads go in small chunks, so a deflated member stopped early has read only a few KiB of it. */
export const STREAM_CHUNK_BYTES = 4096;

export class CountingReader extends yauzl.RandomAccessReader {
  /** Bytes returned by the source so far. */
  bytesRead = 0;
  /** yauzl read a Zip64 end-of-central-directory record (56 bytes, signature PK\x06\x06); it keeps no flag of its own. */
  sawZip64EndRecord = false;

  constructor(private readonly readAt: ReadAt) {
    super();
  }

  // yauzl reads the end-of-central-directory area, the central directory and local headers through read():
  // one positional read each, instead of the base class's stream plumbing.
  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null, bytesRead: number) => void): void {
    this.fill(buffer, offset, length, position).then((n) => {
      if (length === 56 && n === 56 && buffer.readUInt32LE(offset) === 0x06064b50) this.sawZip64EndRecord = true;
      callback(null, n);
    }, (e: Error) => callback(e, 0));
  }

  override _readStreamForRange(start: number, end: number): Readable {
    let position = start;
    const fill = this.fill.bind(this);
    // highWaterMark of one chunk: the stream reads ahead at most one chunk beyond what the consumer took.
    return new Readable({
      highWaterMark: STREAM_CHUNK_BYTES,
      read(this: Readable) {
        const length = Math.min(STREAM_CHUNK_BYTES, end - position);
        if (length <= 0) { this.push(null); return; }
        const buf = Buffer.alloc(length);
        fill(buf, 0, length, position).then((n) => {
          if (this.destroyed) return;
          if (n === 0) { this.destroy(new Error('unexpected EOF')); return; }
          position += n;
          this.push(buf.subarray(0, n));
        }, (e: Error) => this.destroy(e));
      },
    });
  }

  /** Loops until `length` bytes or EOF, counting what came back. */
  private async fill(buffer: Uint8Array, offset: number, length: number, position: number): Promise<number> {
    let done = 0;
    while (done < length) {
      const n = await this.readAt(buffer, offset + done, length - done, position + done);
      if (n === 0) break;
      done += n;
      this.bytesRead += n;
    }
    return done;
  }
}
