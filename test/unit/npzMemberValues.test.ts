// Values of .npz members without numpy (the numpy oracle is test/numpy/npz.test.ts): what a page reads from the
// archive (a stored member: its local header plus the page's bytes, whatever the archive's size; a deflated one:
// compressed bytes up to the page's end, refused past the inflate limit with one sentence), damaged members, and
// the view model the preview shows for a page.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { constants as zlibConstants, deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { NpyError } from '../../src/core/errors';
import { inspectNpz, inspectNpzBytes, NpzMember, NpzReport } from '../../src/core/npz/inspectNpz';
import { INFLATE_CHUNK_BYTES, MAX_INFLATE_BYTES, readMemberValues, readNpzMemberGrid, readNpzMemberGridFromBytes, readNpzMemberValues, readNpzMemberValuesFromBytes, storedMemberOffset } from '../../src/core/npz/memberValues';
import { readValues } from '../../src/core/values/pages';
import { readPlaneFromFile } from '../../src/core/values/planeReader';
import { ReadAt } from '../../src/core/npz/countingReader';
import { formatMessage } from '../../src/extension/model/translate';
import { memberValuesToViewModel } from '../../src/extension/npzView';
import { makeTempDir, removeTempDir } from '../helpers/tmp';
import { buildZip, npyBytes } from './npzZip';

const t = formatMessage;
const N = 1 << 20; // elements of the big members: 8 MiB of <f8

/** 0, 1, 2, … as little-endian f8. */
function f8Range(n: number): Uint8Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return new Uint8Array(a.buffer);
}

function member(r: NpzReport, name: string): NpzMember {
  const m = r.members.find((x) => x.name === name);
  assert.ok(m, name);
  return m;
}

/** A ReadAt over a file's bytes that records every (position, length) asked. */
function recordingReadAt(bytes: Uint8Array): { readAt: ReadAt; reads: Array<[number, number]> } {
  const reads: Array<[number, number]> = [];
  return {
    reads,
    readAt: async (buffer, offset, length, position) => {
      reads.push([position, length]);
      const n = Math.max(0, Math.min(length, bytes.length - position));
      buffer.set(bytes.subarray(position, position + n), offset);
      return n;
    },
  };
}

describe('npz member values: bytes read and limits', function () {
  this.timeout(30000);
  let dir: string;
  let path: string;
  let bytes: Buffer;
  let report: NpzReport;
  before(async () => {
    dir = makeTempDir('zeroed-npy-npzvalues-');
    path = join(dir, 'a.npz');
    bytes = buildZip([
      { name: 'first.npy', data: npyBytes("{'descr': '<i2', 'fortran_order': False, 'shape': (4,), }", new Uint8Array([1, 0, 2, 0, 3, 0, 4, 0])) },
      { name: 'big.npy', data: npyBytes(`{'descr': '<f8', 'fortran_order': False, 'shape': (${N},), }`, f8Range(N)) },
      { name: 'bigz.npy', data: npyBytes(`{'descr': '<f8', 'fortran_order': False, 'shape': (${N},), }`, f8Range(N)), method: 8 },
      { name: 'fort.npy', data: npyBytes("{'descr': '<f8', 'fortran_order': True, 'shape': (1024, 256), }", f8Range(1024 * 256)) },
      { name: 'fortz.npy', data: npyBytes("{'descr': '<f8', 'fortran_order': True, 'shape': (1024, 256), }", f8Range(1024 * 256)), method: 8 },
      { name: 'short.npy', data: npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", f8Range(2)) },
    ]).bytes;
    writeFileSync(path, bytes);
    report = await inspectNpz(path);
  });
  after(() => removeTempDir(dir));

  it('a stored member: each page reads the local header and exactly the page, at the member\'s data offset', async () => {
    const m = member(report, 'big.npy');
    for (const start of [0n, 524288n, BigInt(N - 20)]) {
      const { readAt, reads } = recordingReadAt(bytes);
      const page = await readMemberValues(readAt, m, { start, count: 20 });
      assert.deepEqual(page.items.map((i) => i.text), Array.from({ length: 20 }, (_, k) => `${Number(start) + k}.0`));
      assert.equal(page.bytesRead, 20 * 8, 'data bytes handed to the decoder');
      assert.equal(page.archiveBytesRead, 30 + 20 * 8, 'the 30-byte local header plus the page: nothing else');
      assert.equal(reads.length, 2, 'one read for the local header, one for the page');
      assert.equal(reads[0]![0], m.localHeaderOffset);
      assert.equal(page.inflatedBytes, null);
    }
  });

  it('a stored Fortran-order member: the page\'s scattered elements, never a byte more', async () => {
    const m = member(report, 'fort.npy');
    const page = await readNpzMemberValues(path, m, { start: 300n, count: 10 });
    // a.flat[300..309] of a (1024, 256) Fortran array: row 1, columns 44..53 → stored at column * 1024 + row.
    assert.deepEqual(page.items.map((i) => i.text), Array.from({ length: 10 }, (_, k) => `${(44 + k) * 1024 + 1}.0`));
    assert.equal(page.archiveBytesRead, 30 + 10 * 8);
    assert.equal(page.items[0]!.position, '[1, 44]');
  });

  it('a stored member read in place (the picture): storedMemberOffset + fileOffset give its plane and its element, nothing else', async () => {
    const m = member(report, 'fort.npy');
    const at = await storedMemberOffset(path, m);
    assert.equal(at, m.localHeaderOffset + 30 + 'fort.npy'.length, 'after the local header and the name (no extra field)');
    // a[10:13, 200:204] of the (1024, 256) Fortran array: stored at column * 1024 + row.
    const plane = await readPlaneFromFile(path, m.report!, { view: { mode: 'window', row0: 10, col0: 200, rows: 3, cols: 4 } }, { fileOffset: at });
    assert.deepEqual(Array.from(plane.values), [10, 11, 12].flatMap((r) => [200, 201, 202, 203].map((c) => c * 1024 + r)));
    assert.equal(plane.bytesRead, 4 * 3 * 8, 'each column\'s 3 rows are one run');
    const page = await readValues(path, m.report!, { start: 257n, count: 1 }, at);
    assert.deepEqual(page.items.map((i) => i.text), [`${1 * 1024 + 1}.0`]);
    await assert.rejects(storedMemberOffset(path, member(report, 'bigz.npy')), (e: unknown) => {
      assert.ok(e instanceof NpyError);
      assert.equal(e.message, 'bigz.npy is compressed, so its elements cannot be read in place.');
      return true;
    });
  });

  it('a grid page of a member: stored, one read per grid column of a Fortran array; deflated, inflated in order', async () => {
    // a[100:116, 40:48] of the (1024, 256) Fortran array: stored at column * 1024 + row.
    const want = Array.from({ length: 16 }, (_, r) => Array.from({ length: 8 }, (_, c) => `${(40 + c) * 1024 + 100 + r}.0`));
    const request = { lead: [], row: 100n, col: 40n, rows: 16, cols: 8 };
    const stored = await readNpzMemberGrid(path, member(report, 'fort.npy'), request);
    assert.deepEqual(stored.cells.map((row) => row.map((c) => c.text)), want);
    assert.equal(stored.reads, 8, 'one read per grid column');
    assert.equal(stored.archiveBytesRead, 30 + 16 * 8 * 8, 'the local header and the 128 shown elements');
    assert.equal(stored.inflatedBytes, null);
    const deflated = await readNpzMemberGrid(path, member(report, 'fortz.npy'), request);
    assert.deepEqual(deflated.cells.map((row) => row.map((c) => c.text)), want);
    assert.ok(deflated.inflatedBytes! >= member(report, 'fortz.npy').report!.dataOffset + (47 * 1024 + 116) * 8, 'inflated up to the last shown column');
    const inMemory = await readNpzMemberGridFromBytes(bytes, member(report, 'fort.npy'), request);
    assert.deepEqual(inMemory.cells, stored.cells);
  });

  it('a deflated member inflates from its start only as far as the page, and says how far', async () => {
    const m = member(report, 'bigz.npy');
    const first = await readNpzMemberValues(path, m, { start: 0n, count: 20 });
    assert.deepEqual(first.items.map((i) => i.text).slice(0, 3), ['0.0', '1.0', '2.0']);
    assert.ok(first.archiveBytesRead <= 30 + 2 * INFLATE_CHUNK_BYTES + 16 * 1024, `first page read ${first.archiveBytesRead} bytes`);
    const mid = await readNpzMemberValues(path, m, { start: 500000n, count: 20 });
    assert.deepEqual(mid.items.map((i) => i.text), Array.from({ length: 20 }, (_, k) => `${500000 + k}.0`));
    const needed = m.report!.dataOffset + 500020 * 8;
    assert.ok(mid.inflatedBytes! >= needed, 'inflated up to the page');
    assert.ok(mid.inflatedBytes! < needed + 256 * 1024, `inflated ${mid.inflatedBytes} for a page ending at ${needed}`);
    assert.ok(mid.archiveBytesRead < Number(m.compressedSize), 'the rest of the member is never read');
    const last = await readNpzMemberValues(path, m, { start: BigInt(N - 5), count: 20 });
    assert.deepEqual(last.items.map((i) => i.text), ['1048571.0', '1048572.0', '1048573.0', '1048574.0', '1048575.0']);
  });

  it('a deflated member refuses a page past the inflate limit with one sentence', async () => {
    const m = member(report, 'bigz.npy');
    const limit = 1024 * 1024;
    const ok = await readNpzMemberValues(path, m, { start: 1000n, count: 20 }, { inflateLimit: limit });
    assert.equal(ok.items.length, 20);
    await assert.rejects(readNpzMemberValues(path, m, { start: 200000n, count: 20 }, { inflateLimit: limit }), (e: unknown) => {
      assert.ok(e instanceof NpyError);
      assert.equal(e.code, 'inflate-limit');
      assert.equal(e.message, 'This page of bigz.npy ends 1.53 MiB into the member, which is compressed: the preview inflates a compressed member only up to its first 1 MiB, so its later elements are not shown here (np.load reads the whole member).');
      return true;
    });
    assert.equal(MAX_INFLATE_BYTES, 64 * 1024 * 1024, 'the limit the sentence states by default');
  });

  it('a truncated member: the missing elements are marked, as in a truncated .npy', async () => {
    const page = await readNpzMemberValuesFromBytes(bytes, member(report, 'short.npy'), { start: 0n, count: 3 });
    assert.deepEqual(page.items.map((i) => i.missing === true), [false, false, true]);
  });

  it('a local header that moved (the archive changed) is one sentence, not a wrong page', async () => {
    const m = { ...member(report, 'first.npy'), localHeaderOffset: 7 };
    await assert.rejects(readNpzMemberValuesFromBytes(bytes, m, { start: 0n, count: 3 }),
      /^NpyError: first\.npy cannot be read: its local header is not where the central directory says \(the archive changed or is damaged\)\.$/);
  });

  it('damaged compressed data is one sentence', async () => {
    // The header inflates (so the member is listed), then a block of type 3, which deflate does not have.
    // Random data (incompressible) keeps the damage beyond the 4 KiB the header's inspection inflates.
    const data = npyBytes("{'descr': '<u1', 'fortran_order': False, 'shape': (20000,), }", randomBytes(20000));
    const compressed = Buffer.concat([deflateRawSync(data, { finishFlush: zlibConstants.Z_FULL_FLUSH }), Buffer.alloc(64, 0xff)]);
    const zip = buildZip([{ name: 'bad.npy', data: Buffer.concat([data, Buffer.alloc(100)]), method: 8, compressed }]).bytes;
    const m = (await inspectNpzBytes(zip, 'bad.npz')).members[0]!;
    assert.equal(m.error, null, 'the header itself is readable');
    await assert.rejects(readNpzMemberValuesFromBytes(zip, m, { start: 19999n, count: 5 }), (e: unknown) => {
      assert.ok(e instanceof NpyError);
      assert.match(e.message, /^bad\.npy cannot be read: its compressed data is damaged \(.+\)\.$/);
      return true;
    });
  });

  it('the view model: archive bytes in the summary, and how much a deflated page inflated', async () => {
    const z = member(report, 'bigz.npy');
    const page = await readNpzMemberValues(path, z, { start: 40n, count: 20 });
    const v = memberValuesToViewModel(z.report!, page, { pageSize: 20 }, t);
    // (The summary's wording belongs to the .npy preview's valuesToViewModel; the count read is the archive's.)
    assert.ok(v.summary.endsWith(` · ${page.archiveBytesRead.toLocaleString('en-US')} bytes read`), v.summary);
    assert.match(v.note ?? '', /^Inflated \d+(\.\d+)? KiB of the compressed member, from its start, to reach this page\.$/);
    assert.equal(v.nextStart, '60');
    const s = member(report, 'big.npy');
    const sv = memberValuesToViewModel(s.report!, await readNpzMemberValues(path, s, { start: 0n, count: 20 }), { pageSize: 20 }, t);
    assert.ok(sv.summary.endsWith(' · 190 bytes read'), sv.summary);
    assert.equal(sv.note, undefined);
  });
});
