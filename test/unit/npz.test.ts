// inspectNpz without numpy: zips written by test/unit/npzZip.ts (stored, deflated, Zip64, a deflated member
// claiming 5 GiB), exact counts of archive bytes read, per-member errors, and damaged archives made by
// truncating or corrupting bytes. numpy-written archives are checked in test/numpy/npz.test.ts.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { closeSync, ftruncateSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_HEADER_BYTES, PREAMBLE_BYTES } from '../../src/core/format/header';
import { inspectNpz, inspectNpzBytes, NPZ_HEADER_BUDGET, NpzMember, npzMemberToJson, NpzReport } from '../../src/core/npz/inspectNpz';
import { STREAM_CHUNK_BYTES } from '../../src/core/npz/countingReader';
import { assertOneSentence, rejectsNpy } from '../helpers/assertions';
import { makeTempDir, removeTempDir } from '../helpers/tmp';
import { buildZip, BuiltZip, npyBytes } from './npzZip';

/** yauzl looks for the end record in the last 22 + 20 + 65535 bytes (the longest possible comment). */
const EOCD_SEARCH = 22 + 20 + 0xffff;
const LOCAL_HEADER = 30;

const F8_3 = "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }";
const I2_F = "{'descr': '>i2', 'fortran_order': True, 'shape': (2, 5), }";

function member(r: NpzReport, name: string): NpzMember {
  const m = r.members.find((x) => x.name === name);
  assert.ok(m, `member ${name} in ${r.members.map((x) => x.name).join(', ')}`);
  return m;
}

/** What a stored member costs: its local header twice (preamble, then the rest of the header) and the header bytes. */
function storedCost(dataOffset: number): number {
  return 2 * LOCAL_HEADER + dataOffset;
}

describe('npz: inspectNpz', function () {
  this.timeout(30000);
  let dir: string;
  before(() => { dir = makeTempDir('zeroed-npy-npz-'); });
  after(() => removeTempDir(dir));

  function write(name: string, z: BuiltZip | Buffer): string {
    const p = join(dir, name);
    writeFileSync(p, Buffer.isBuffer(z) ? z : z.bytes);
    return p;
  }

  it('lists stored members with their header reports and reads exactly the directory and the headers', async () => {
    const x = npyBytes(F8_3, new Uint8Array(24));
    const y = npyBytes(I2_F, new Uint8Array(20));
    const z = buildZip([{ name: 'x.npy', data: x }, { name: 'y.npy', data: y }]);
    const r = await inspectNpz(write('stored.npz', z));
    assert.deepEqual(r.members.map((m) => m.name), ['x.npy', 'y.npy']);
    assert.equal(r.zip64, false);
    assert.equal(r.entryCount, 2);
    assert.equal(r.fileBytes, BigInt(z.bytes.length));
    const mx = member(r, 'x.npy');
    assert.equal(mx.compression, 'stored');
    assert.equal(mx.method, 0);
    assert.equal(mx.uncompressedSize, BigInt(x.length));
    assert.equal(mx.compressedSize, BigInt(x.length));
    assert.equal(mx.report?.descr, '<f8');
    assert.deepEqual(mx.report?.shape, [3n]);
    assert.equal(mx.report?.fortranOrder, false);
    assert.equal(mx.report?.status, 'ok');
    const my = member(r, 'y.npy');
    assert.equal(my.report?.descr, '>i2');
    assert.deepEqual(my.report?.shape, [2n, 5n]);
    assert.equal(my.report?.fortranOrder, true);
    assert.equal(my.report?.status, 'ok');
    // The tail (whole file here, it is small) + central directory + per member local header ×2 + header.
    const expected = Math.min(EOCD_SEARCH, z.bytes.length) + z.cdSize + storedCost(mx.report!.dataOffset) + storedCost(my.report!.dataOffset);
    assert.equal(r.bytesRead, expected);
    assert.equal(mx.bytesRead, storedCost(mx.report!.dataOffset));
  });

  it('reads a 64 MiB stored member by its header only: the bytes read are the end-record search plus a few hundred', async () => {
    const header = npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (8388608,), }");
    const dataBytes = 64 * 1024 * 1024;
    // Build with an empty payload, then splice a hole of zeros in as the data (the CRC is not checked by readers
    // of headers; numpy's own check is in the numpy tier). The file is sparse: no 64 MiB write.
    const small = buildZip([{ name: 'big.npy', data: header }]);
    const p = join(dir, 'big.npz');
    const fd = openSync(p, 'w');
    try {
      const dataStart = small.cdOffset; // the header is the whole payload of `small`
      writeSync(fd, small.bytes, 0, dataStart, 0);
      const tail = Buffer.from(small.bytes.subarray(dataStart));
      // Patch sizes in the local header, the central directory and the end record's directory offset.
      const local = Buffer.from(small.bytes.subarray(0, 30));
      const size = header.length + dataBytes;
      local.writeUInt32LE(size, 18);
      local.writeUInt32LE(size, 22);
      writeSync(fd, local, 0, 30, 0);
      tail.writeUInt32LE(size, 20);
      tail.writeUInt32LE(size, 24);
      const eocd = small.eocdOffset - dataStart;
      tail.writeUInt32LE(dataStart + dataBytes, eocd + 16);
      ftruncateSync(fd, dataStart + dataBytes);
      writeSync(fd, tail, 0, tail.length, dataStart + dataBytes);
    } finally {
      closeSync(fd);
    }
    const fileBytes = statSync(p).size;
    assert.ok(fileBytes > dataBytes);
    const r = await inspectNpz(p);
    const m = member(r, 'big.npy');
    assert.equal(m.report?.status, 'ok', m.report?.statusMessage);
    assert.equal(m.uncompressedSize, BigInt(header.length + dataBytes));
    assert.equal(r.bytesRead, EOCD_SEARCH + small.cdSize + storedCost(128));
    assert.ok(r.bytesRead <= 66 * 1024, `read ${r.bytesRead} of ${fileBytes}`);
  });

  it('inflates only the first chunk of a deflated member (1 MiB of incompressible data)', async () => {
    const data = randomBytes(1 << 20);
    const z = buildZip([
      { name: 'r.npy', data: npyBytes("{'descr': '|u1', 'fortran_order': False, 'shape': (1048576,), }", data), method: 8 },
      { name: 's.npy', data: npyBytes(F8_3, new Uint8Array(24)), method: 8 },
    ]);
    const r = await inspectNpz(write('deflated.npz', z));
    const m = member(r, 'r.npy');
    assert.equal(m.compression, 'deflated');
    assert.equal(m.method, 8);
    assert.ok(m.compressedSize > 1000000n, 'random data does not compress');
    assert.equal(m.report?.status, 'ok');
    assert.deepEqual(m.report?.shape, [1048576n]);
    // Local header + at most the chunk that held the header and one chunk of read-ahead.
    assert.ok(m.bytesRead <= LOCAL_HEADER + 2 * STREAM_CHUNK_BYTES, `read ${m.bytesRead}`);
    assert.equal(member(r, 's.npy').report?.descr, '<f8');
  });

  it('a deflate stream that yields nothing (100,000 empty stored blocks) is read up to a bound, then one sentence', async () => {
    const empty = Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff]); // BFINAL=0 stored block, LEN 0, NLEN 0xffff
    const compressed = Buffer.concat([...Array<Buffer>(100_000).fill(empty), Buffer.from([0x03, 0x00])]);
    const z = buildZip([{ name: 'e.npy', data: new Uint8Array(0), compressed, method: 8, claimUncompressed: 1000n }]);
    const m = member(await inspectNpz(write('empty-blocks.npz', z)), 'e.npy');
    assert.equal(m.errorCode, 'damaged-member');
    assert.match(m.error!, /^e\.npy cannot be read: its compressed data does not inflate to an \.npy header within [\d,]+ bytes\.$/);
    assert.ok(m.bytesRead < 100 * 1024, `read ${m.bytesRead} of ${compressed.length}`);
  });

  it('reads Zip64 records, and sizes over 4 GiB as exact bigints', async () => {
    const fiveGiB = 5n << 30n;
    const hdr = npyBytes(`{'descr': '<f8', 'fortran_order': False, 'shape': (${fiveGiB / 8n},), }`);
    // A deflated member whose directory claims 5 GiB + header: only the header is ever inflated.
    const z = buildZip([
      { name: 'huge.npy', data: Buffer.concat([hdr, Buffer.alloc(4096)]), method: 8, claimUncompressed: BigInt(hdr.length) + fiveGiB },
      { name: 'x.npy', data: npyBytes(F8_3, new Uint8Array(24)) },
    ], { zip64: true });
    const r = await inspectNpz(write('zip64.npz', z));
    assert.equal(r.zip64, true);
    const huge = member(r, 'huge.npy');
    assert.equal(huge.zip64, true);
    assert.equal(huge.uncompressedSize, BigInt(hdr.length) + fiveGiB);
    assert.equal(huge.report?.status, 'ok', huge.report?.statusMessage);
    assert.equal(huge.report?.dataBytes, fiveGiB);
    assert.equal(npzMemberToJson(huge).uncompressedSize, Number(BigInt(hdr.length) + fiveGiB));
    const x = member(r, 'x.npy');
    assert.equal(x.report?.status, 'ok');
    assert.ok(r.bytesRead < z.bytes.length + 1024);
  });

  it('says per member what is not a readable .npy, and still lists the others', async () => {
    const obj = npyBytes("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", Buffer.from('\x80\x04pickle-bytes'));
    const z = buildZip([
      { name: 'readme.txt', data: Buffer.from('not an array') },
      { name: 'o.npy', data: obj },
      { name: 'b.npy', data: npyBytes(F8_3, new Uint8Array(24)), method: 12 },
      { name: 'e.npy', data: npyBytes(F8_3, new Uint8Array(24)), method: 8, flags: 1 },
      { name: 'short.npy', data: npyBytes(F8_3, new Uint8Array(8)) },
      { name: 'long.npy', data: npyBytes(F8_3, new Uint8Array(30)) },
      { name: 'cut.npy', data: npyBytes(F8_3).subarray(0, 40) },
      { name: 'ok.npy', data: npyBytes(F8_3, new Uint8Array(24)) },
    ]);
    const r = await inspectNpz(write('mixed.npz', z));
    assert.equal(r.members.length, 8);
    const txt = member(r, 'readme.txt');
    assert.equal(txt.report, null);
    assert.equal(txt.errorCode, 'not-npy');
    assertOneSentence(txt.error!);
    const o = member(r, 'o.npy');
    assert.equal(o.report?.objectData, true);
    assert.match(o.report!.statusMessage, /pickle/);
    const b = member(r, 'b.npy');
    assert.equal(b.compression, 'unsupported');
    assert.equal(b.errorCode, 'unsupported-compression');
    assert.match(b.error!, /method 12/);
    assertOneSentence(b.error!);
    assert.equal(b.bytesRead, 0, 'an unsupported member is not read at all');
    const e = member(r, 'e.npy');
    assert.equal(e.errorCode, 'encrypted');
    assertOneSentence(e.error!);
    assert.equal(member(r, 'short.npy').report?.status, 'truncated');
    assert.equal(member(r, 'short.npy').report?.statusBytes, 16n);
    assert.equal(member(r, 'long.npy').report?.status, 'trailing-bytes');
    const cut = member(r, 'cut.npy');
    assert.equal(cut.errorCode, 'bad-header');
    assertOneSentence(cut.error!);
    assert.equal(member(r, 'ok.npy').report?.status, 'ok');
    const json = r.members.map(npzMemberToJson);
    assert.equal(json[0]?.status, 'error');
    assert.equal(json[0]?.member, 'readme.txt');
    assert.equal(json[7]?.status, 'ok');
  });

  it('stops reading headers after a budget of bytes: overlapping members of one 300 KiB header', async () => {
    const budget = 1024 * 1024;
    assert.ok(NPZ_HEADER_BUDGET >= 4 * MAX_HEADER_BYTES, 'the default budget reads four maximal headers');
    const big = npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }" + ' '.repeat(300 * 1024), new Uint8Array(8));
    const one = buildZip([{ name: 'h.npy', data: big }]);
    // Six directory entries, all pointing at the same local header (a classic overlapping-entries archive).
    const cd = one.bytes.subarray(one.cdOffset, one.cdOffset + one.cdSize);
    const copies = 6;
    const eocd = Buffer.from(one.bytes.subarray(one.eocdOffset));
    eocd.writeUInt16LE(copies, 8);
    eocd.writeUInt16LE(copies, 10);
    eocd.writeUInt32LE(one.cdSize * copies, 12);
    const bytes = Buffer.concat([one.bytes.subarray(0, one.cdOffset), ...Array(copies).fill(cd), eocd]);
    const r = await inspectNpz(write('overlap.npz', bytes), { headerBudget: budget });
    assert.equal(r.members.length, copies);
    const read = r.members.filter((m) => m.report);
    const dataOffset = big.length - 8;
    assert.equal(read.length, Math.floor(budget / dataOffset), 'members read before the budget ran out');
    const refused = r.members.filter((m) => !m.report);
    assert.ok(refused.length >= 1);
    for (const m of refused) {
      assert.equal(m.errorCode, 'header-too-large');
      assertOneSentence(m.error!);
    }
    assert.ok(r.bytesRead <= budget + (2 * 30 + PREAMBLE_BYTES) * copies + EOCD_SEARCH + bytes.length - one.cdOffset, `read ${r.bytesRead}`);
  });

  it('lists members with names an extractor would refuse (../, absolute, backslash) and non-ASCII names, as stored', async () => {
    const names = ['../up.npy', '/abs.npy', 'a\\b.npy', 'ünï 温度.npy'];
    const z = buildZip(names.map((name) => ({ name, data: npyBytes(F8_3, new Uint8Array(24)) })));
    const r = await inspectNpz(write('names.npz', z));
    assert.deepEqual(r.members.map((m) => m.name), names);
    assert.ok(r.members.every((m) => m.report?.status === 'ok'));
  });

  it('inspectNpzBytes gives the same report from bytes in memory', async () => {
    const z = buildZip([{ name: 'x.npy', data: npyBytes(F8_3, new Uint8Array(24)), method: 8 }, { name: 'y.npy', data: npyBytes(I2_F, new Uint8Array(20)) }]);
    const p = write('mem.npz', z);
    const fromFile = await inspectNpz(p);
    const fromBytes = await inspectNpzBytes(z.bytes, p);
    assert.deepEqual(fromBytes.members.map(npzMemberToJson), fromFile.members.map(npzMemberToJson));
    assert.equal(fromBytes.bytesRead, fromFile.bytesRead);
  });

  describe('damaged archives: one sentence saying what is wrong', () => {
    const good = (): BuiltZip => buildZip([
      { name: 'x.npy', data: npyBytes(F8_3, new Uint8Array(24)) },
      { name: 'd.npy', data: npyBytes(I2_F, randomBytes(20)), method: 8 },
    ]);

    it('not a zip at all, and an empty file', async () => {
      let e = await rejectsNpy(() => inspectNpz(write('text.npz', Buffer.from('hello, I am text\n'.repeat(50)))), 'not-zip');
      assert.match(e.message, /not a zip archive, or it is truncated/);
      e = await rejectsNpy(() => inspectNpz(write('empty.npz', Buffer.alloc(0))), 'not-zip');
      assert.match(e.message, /empty\.npz/);
      // A .npy named .npz is not a zip either.
      await rejectsNpy(() => inspectNpz(write('npy.npz', npyBytes(F8_3, new Uint8Array(24)))), 'not-zip');
    });

    it('truncated: cut inside the end record, inside the central directory, inside member data', async () => {
      const z = good();
      for (const cut of [10, z.bytes.length - z.cdOffset - 5, z.bytes.length - 60]) {
        const e = await rejectsNpy(() => inspectNpz(write('cut.npz', z.bytes.subarray(0, z.bytes.length - cut))), 'not-zip');
        assert.match(e.message, /truncated/);
      }
    });

    it('corrupt central directory entry signature', async () => {
      const z = good();
      const b = Buffer.from(z.bytes);
      b.writeUInt32LE(0xdeadbeef, z.cdOffset);
      const e = await rejectsNpy(() => inspectNpz(write('badcd.npz', b)), 'bad-archive');
      assert.match(e.message, /central directory is corrupt/);
    });

    it('central directory offset pointing past the end', async () => {
      const z = good();
      const b = Buffer.from(z.bytes);
      b.writeUInt32LE(z.bytes.length + 1000, z.eocdOffset + 16);
      const e = await rejectsNpy(() => inspectNpz(write('badoffset.npz', b)), 'bad-archive');
      assert.match(e.message, /damaged zip archive/);
    });

    it('bytes appended after the end record', async () => {
      const z = good();
      const e = await rejectsNpy(() => inspectNpz(write('appended.npz', Buffer.concat([z.bytes, Buffer.from('junk')]))), 'bad-archive');
      assert.match(e.message, /end-of-central-directory record does not match/);
    });

    it('a damaged member local header or deflate stream is that member\'s error, not the archive\'s', async () => {
      const z = good();
      const b = Buffer.from(z.bytes);
      b.writeUInt32LE(0x11111111, z.localOffsets[0]!);
      // Garbage deflate data: 0xff bytes are an invalid block type.
      const dStart = z.localOffsets[1]! + 30 + 'd.npy'.length;
      b.fill(0xff, dStart, dStart + 8);
      const r = await inspectNpz(write('badmembers.npz', b));
      const x = member(r, 'x.npy');
      assert.equal(x.errorCode, 'damaged-member');
      assert.match(x.error!, /local header is damaged/);
      assertOneSentence(x.error!);
      const d = member(r, 'd.npy');
      assert.equal(d.errorCode, 'damaged-member');
      assert.match(d.error!, /compressed data is damaged/);
      assertOneSentence(d.error!);
    });

    it('a deflated member whose inflated bytes outgrow the size its directory entry claims', async () => {
      const z = buildZip([{ name: 's.npy', data: npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }"), method: 8, claimUncompressed: 40n }]);
      const r = await inspectNpz(write('claims.npz', z));
      const m = member(r, 's.npy');
      assert.equal(m.errorCode, 'damaged-member');
      assert.match(m.error!, /does not have the size the central directory gives/);
      assertOneSentence(m.error!);
    });

    it('a folder and a missing file', async () => {
      await rejectsNpy(() => inspectNpz(dir), 'io');
      const e = await rejectsNpy(() => inspectNpz(join(dir, 'missing.npz')), 'io');
      assert.match(e.message, /does not exist/);
    });
  });
});
