// A small zip writer for unit fixtures, independent of the code under test (and of yauzl): stored or
// deflated members, optional Zip64 records, and the offsets tests need to corrupt chosen bytes.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipMemberSpec {
  name: string;
  data: Uint8Array;
  /** 0 stored (default), 8 deflated, or any other number written as is (the data stays raw). */
  method?: number;
  /** Uncompressed size to claim instead of data.length (deflated members only: a huge member made cheap). */
  claimUncompressed?: bigint;
  /** Deflated members: these bytes as the compressed data instead of deflating `data` (hostile streams). */
  compressed?: Uint8Array;
  /** General purpose flag bits (1 = encrypted). */
  flags?: number;
}

export interface BuiltZip {
  bytes: Buffer;
  /** Offset of each member's local header, in order. */
  localOffsets: number[];
  /** Offset of the central directory and of the end-of-central-directory record. */
  cdOffset: number;
  cdSize: number;
  eocdOffset: number;
}

/** zip64: write sizes/offsets as 0xFFFFFFFF with a Zip64 extra field, plus Zip64 end records (as numpy/zipfile do for > 4 GiB). */
export function buildZip(members: readonly ZipMemberSpec[], opts: { zip64?: boolean; comment?: string } = {}): BuiltZip {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const localOffsets: number[] = [];
  let offset = 0;
  for (const m of members) {
    const method = m.method ?? 0;
    const payload = m.compressed ? Buffer.from(m.compressed) : method === 8 ? deflateRawSync(m.data) : Buffer.from(m.data);
    const usize = m.claimUncompressed ?? BigInt(m.data.length);
    const csize = BigInt(payload.length);
    const name = Buffer.from(m.name, 'utf8');
    const z64 = opts.zip64 === true || usize > 0xfffffffen;
    const extra = z64 ? Buffer.alloc(4 + 24) : Buffer.alloc(0);
    if (z64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(usize, 4);
      extra.writeBigUInt64LE(csize, 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const crc = crc32(m.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(z64 ? 45 : 20, 4);
    local.writeUInt16LE((m.flags ?? 0) | 0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(z64 ? 0xffffffff : Number(csize), 18);
    local.writeUInt32LE(z64 ? 0xffffffff : Number(usize), 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    localOffsets.push(offset);
    parts.push(local, name, extra, payload);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(z64 ? 45 : 20, 4);
    cd.writeUInt16LE(z64 ? 45 : 20, 6);
    cd.writeUInt16LE((m.flags ?? 0) | 0x800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(z64 ? 0xffffffff : Number(csize), 20);
    cd.writeUInt32LE(z64 ? 0xffffffff : Number(usize), 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt16LE(extra.length, 30);
    cd.writeUInt32LE(z64 ? 0xffffffff : offset, 42);
    central.push(Buffer.concat([cd, name, extra]));
    offset += 30 + name.length + extra.length + payload.length;
  }
  const cdOffset = offset;
  const cdBytes = Buffer.concat(central);
  parts.push(cdBytes);
  offset += cdBytes.length;
  if (opts.zip64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(members.length), 24);
    rec.writeBigUInt64LE(BigInt(members.length), 32);
    rec.writeBigUInt64LE(BigInt(cdBytes.length), 40);
    rec.writeBigUInt64LE(BigInt(cdOffset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset), 8);
    loc.writeUInt32LE(1, 16);
    parts.push(rec, loc);
    offset += 76;
  }
  const comment = Buffer.from(opts.comment ?? '', 'latin1');
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(opts.zip64 ? 0xffff : members.length, 8);
  eocd.writeUInt16LE(opts.zip64 ? 0xffff : members.length, 10);
  eocd.writeUInt32LE(opts.zip64 ? 0xffffffff : cdBytes.length, 12);
  eocd.writeUInt32LE(opts.zip64 ? 0xffffffff : cdOffset, 16);
  eocd.writeUInt16LE(comment.length, 20);
  parts.push(eocd, comment);
  return { bytes: Buffer.concat(parts), localOffsets, cdOffset, cdSize: cdBytes.length, eocdOffset: offset };
}

/** A .npy: header text padded as numpy pads it (written here, not by header.ts), then `data`. v2.0 when the header needs it. */
export function npyBytes(dictText: string, data: Uint8Array = new Uint8Array(0)): Buffer {
  const body = Buffer.from(dictText, 'latin1');
  const v2 = 10 + body.length + 1 > 65535;
  const pre = v2 ? 12 : 10;
  const total = Math.ceil((pre + body.length + 1) / 64) * 64;
  const out = Buffer.alloc(total + data.length, 0x20);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, v2 ? 2 : 1, 0]).copy(out, 0);
  if (v2) out.writeUInt32LE(total - pre, 8);
  else out.writeUInt16LE(total - pre, 8);
  body.copy(out, pre);
  out[total - 1] = 0x0a;
  Buffer.from(data).copy(out, total);
  return out;
}
