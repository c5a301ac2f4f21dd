// inspectNpy / inspectBytes / reportToJson without numpy: status and byte counts, header-only reads (counted
// by wrapping FileHandle.read), errors for non-npy input. numpy cross-checks are in test/numpy/inspect.test.ts.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs, { appendFileSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDtype } from '../../src/core/format/dtype';
import { buildHeader } from '../../src/core/format/header';
import { growthReach, inspectBytes, inspectNpy, reportToJson } from '../../src/core/file/inspect';
import { planZeroedNpy, writeZeroedNpy } from '../../src/core/file/writer';
import { rejectsNpy } from '../helpers/assertions';
import { makeTempDir, removeTempDir } from '../helpers/tmp';
import { requireTool } from '../helpers/tools';

const TiB = 1n << 40n;

/** A v1.0 file from raw header text, padded as numpy pads (independent of header.ts). */
function rawNpy(dictText: string, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = Buffer.from(dictText, 'latin1');
  const total = Math.ceil((10 + body.length + 1) / 64) * 64;
  const out = Buffer.alloc(total + data.length, 0x20);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]).copy(out, 0);
  out.writeUInt16LE(total - 10, 8);
  body.copy(out, 10);
  out[total - 1] = 0x0a;
  out.set(data, total);
  return out;
}

/** Records every read (position, length) while `fn` runs: FileHandle.read and fs.readSync, the core's two read paths. */
async function recordReads<T>(fn: () => Promise<T>): Promise<{ result: T; reads: Array<{ position: number; length: number }> }> {
  const probe = await open(__filename, 'r');
  const proto = Object.getPrototypeOf(probe) as { read: (...a: unknown[]) => Promise<{ bytesRead: number }> };
  await probe.close();
  const original = proto.read;
  const originalSync = fs.readSync;
  const reads: Array<{ position: number; length: number }> = [];
  proto.read = function (this: unknown, ...args: unknown[]) {
    reads.push({ position: Number(args[3]), length: Number(args[2]) });
    return original.apply(this, args);
  };
  (fs as { readSync: unknown }).readSync = (...args: unknown[]): number => {
    reads.push({ position: Number(args[4]), length: Number(args[3]) });
    return (originalSync as (...a: unknown[]) => number)(...args);
  };
  try {
    return { result: await fn(), reads };
  } finally {
    proto.read = original;
    (fs as { readSync: unknown }).readSync = originalSync;
  }
}

describe('inspectNpy', function () {
  this.timeout(20000);
  let dir: string;
  beforeEach(() => { dir = makeTempDir(); });
  afterEach(() => removeTempDir(dir));

  it('reports a file the writer made, reading exactly the header', async () => {
    const path = join(dir, 'a.npy');
    const w = await writeZeroedNpy({ path, dtype: '>i2', shape: '(3, 5)', order: 'F' });
    const r = await inspectNpy(path);
    assert.equal(r.path, path);
    assert.equal(r.fileName, 'a.npy');
    assert.equal(r.version, '1.0');
    assert.equal(r.descr, '>i2');
    assert.equal(r.dtypeName, w.dtype.name);
    assert.equal(r.fortranOrder, true);
    assert.deepEqual(r.shape, [3n, 5n]);
    assert.equal(r.itemsize, 2);
    assert.equal(r.elementCount, 15n);
    assert.equal(r.dataOffset, w.header.length);
    assert.equal(r.headerLength, w.header.length - 10);
    assert.equal(r.dataBytes, 30n);
    assert.equal(r.expectedFileBytes, w.fileBytes);
    assert.equal(r.fileBytes, w.fileBytes);
    assert.equal(r.allocatedBytes, w.allocatedBytes);
    assert.equal(r.status, 'ok');
    assert.equal(r.statusBytes, 0n);
    assert.equal(r.alignment, 64);
    assert.equal(r.growthAxis, 1);
    assert.equal(r.fields, null);
    assert.equal(r.objectData, false);
    assert.equal(r.bytesRead, r.dataOffset);
    assert.equal(r.headerText, Buffer.from(w.header.subarray(10)).toString('latin1'));
  });

  it('an 8 TiB sparse file costs exactly its header: bytesRead === dataOffset, no read past it', async () => {
    const path = join(dir, 'huge.npy');
    const plan = planZeroedNpy({ dtype: 'f8', shape: [TiB] });
    writeFileSync(path, plan.header);
    truncateSync(path, Number(plan.fileBytes));
    const { result: r, reads } = await recordReads(() => inspectNpy(path));
    assert.equal(r.fileBytes, 8n * TiB + BigInt(plan.header.length));
    assert.equal(r.status, 'ok');
    assert.equal(r.bytesRead, r.dataOffset);
    const end = Math.max(...reads.map((x) => x.position + x.length));
    assert.equal(end, r.dataOffset, `reads: ${JSON.stringify(reads)}`);
    assert.equal(reads.reduce((s, x) => s + x.length, 0), r.dataOffset);
  });

  it('truncated and trailing-bytes files give the status and the byte count', async () => {
    const path = join(dir, 'a.npy');
    const w = await writeZeroedNpy({ path, dtype: 'f8', shape: '1000' });
    truncateSync(path, Number(w.fileBytes) - 1024);
    let r = await inspectNpy(path);
    assert.equal(r.status, 'truncated');
    assert.equal(r.statusBytes, 1024n);
    assert.equal(r.statusMessage, 'Truncated: 1,024 bytes of data are missing.');
    truncateSync(path, Number(w.fileBytes) - 1);
    r = await inspectNpy(path);
    assert.equal(r.statusBytes, 1n);
    assert.equal(r.statusMessage, 'Truncated: 1 byte of data is missing.');
    truncateSync(path, Number(w.fileBytes));
    appendFileSync(path, Buffer.alloc(16, 7));
    r = await inspectNpy(path);
    assert.equal(r.status, 'trailing-bytes');
    assert.equal(r.statusBytes, 16n);
    assert.match(r.statusMessage, /^Trailing bytes: 16 bytes follow the data/);
  });

  it('a file that ends inside its header is refused with the numbers', async () => {
    const path = join(dir, 'cut.npy');
    const full = rawNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }");
    writeFileSync(path, full.subarray(0, 40));
    const e = await rejectsNpy(() => inspectNpy(path), 'bad-header');
    assert.match(e.message, /40 bytes/);
    assert.ok(e.message.includes(`needs ${full.length} bytes`), e.message);
  });

  it('object dtypes: shown, data never read', async () => {
    const path = join(dir, 'obj.npy');
    const pickle = Buffer.from('\x80\x04\x95 pretend pickle bytes that must not be read', 'latin1');
    const headerOnly = rawNpy("{'descr': '|O', 'fortran_order': False, 'shape': (3,), }");
    writeFileSync(path, Buffer.concat([headerOnly, pickle]));
    const { result: r, reads } = await recordReads(() => inspectNpy(path));
    assert.equal(r.objectData, true);
    assert.equal(r.descr, '|O');
    assert.equal(r.bytesRead, headerOnly.length);
    assert.ok(reads.every((x) => x.position + x.length <= headerOnly.length));
    assert.equal(r.dataBytes, BigInt(pickle.length));
    assert.equal(r.status, 'ok');
    assert.match(r.statusMessage, /pickle/);
  });

  it('non-npy input gets one sentence: empty, text, bad version, huge header, folder, missing, FIFO', async function () {
    writeFileSync(join(dir, 'empty.npy'), '');
    writeFileSync(join(dir, 'text.npy'), 'hello, world');
    const v9 = Buffer.from(rawNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }"));
    v9[6] = 9;
    writeFileSync(join(dir, 'v9.npy'), v9);
    const big = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 2, 0, 0xff, 0xff, 0xff, 0x7f]);
    writeFileSync(join(dir, 'bighdr.npy'), big);
    mkdirSync(join(dir, 'folder.npy'));
    await rejectsNpy(() => inspectNpy(join(dir, 'empty.npy')), 'not-npy');
    await rejectsNpy(() => inspectNpy(join(dir, 'text.npy')), 'not-npy');
    await rejectsNpy(() => inspectNpy(join(dir, 'v9.npy')), 'bad-version');
    await rejectsNpy(() => inspectNpy(join(dir, 'bighdr.npy')), 'header-too-large');
    assert.equal((await rejectsNpy(() => inspectNpy(join(dir, 'folder.npy')), 'io')).errno, 'EISDIR');
    const missing = await rejectsNpy(() => inspectNpy(join(dir, 'missing.npy')), 'io');
    assert.equal(missing.errno, 'ENOENT');
    assert.ok(missing.message.includes(join(dir, 'missing.npy')));
    if (process.platform !== 'win32') {
      const fifo = join(dir, 'pipe.npy');
      const mk = spawnSync('mkfifo', [fifo]);
      requireTool(this, mk.status === 0, 'needs mkfifo to check that a pipe does not hang inspect');
      await rejectsNpy(() => inspectNpy(fifo), 'io');
    }
  });

  it('a bad header is refused with the header module\'s reason', async () => {
    const path = join(dir, 'bad.npy');
    writeFileSync(path, rawNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'extra': 1, }"));
    await rejectsNpy(() => inspectNpy(path), 'bad-header');
  });

  it('alignment is 64, 16 or other from the data offset', async () => {
    const text = "{'descr': '<u1', 'fortran_order': False, 'shape': (2,), }";
    const mk = (pad: number): Uint8Array => {
      const body = Buffer.from(text + ' '.repeat(pad) + '\n', 'latin1');
      const head = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 0, 0]);
      head.writeUInt16LE(body.length, 8);
      return Buffer.concat([head, body, Buffer.alloc(2)]);
    };
    const len = 10 + text.length + 1;
    const cases: Array<[number, 64 | 16 | 'other']> = [[128, 64], [144, 16], [131, 'other'], [len, 'other']];
    for (const [offset, want] of cases) {
      const path = join(dir, `al${offset}.npy`);
      writeFileSync(path, mk(offset - len));
      const r = await inspectNpy(path);
      assert.equal(r.dataOffset, offset);
      assert.equal(r.alignment, want);
      assert.equal(r.status, 'ok');
    }
  });
});

describe('growthRoom', () => {
  // The property it promises: the growth dim can gain growthRoom digits and the header still fits in the same
  // HEADER_LEN (the data does not move); one more digit would not fit.
  for (const [shape, order] of [['1024,2048,4096', 'C'], ['7,3', 'F'], ['123456789012', 'C'], ['0', 'C']] as const) {
    it(`is exact for shape (${shape}) order ${order}`, () => {
      const plan = planZeroedNpy({ dtype: 'f8', shape, order });
      const r = inspectBytes(plan.header, plan.fileBytes, null, 'x.npy');
      const axis = r.growthAxis as number;
      const dims = r.shape.map(String);
      const grow = (extra: number): number => {
        const d = [...dims];
        d[axis] = d[axis] + '9'.repeat(extra);
        const tuple = d.length === 1 ? `(${d[0]},)` : `(${d.join(', ')})`;
        return `{'descr': '<f8', 'fortran_order': ${order === 'F' ? 'True' : 'False'}, 'shape': ${tuple}, }\n`.length;
      };
      assert.ok(grow(r.growthRoom) <= r.headerLength, 'growthRoom digits fit');
      assert.ok(grow(r.growthRoom + 1) > r.headerLength, 'one more digit does not');
      assert.ok(r.growthRoom >= 21 - dims[axis]!.length, 'at least numpy\'s reserve');
    });
  }

  it('is 0 with no growth axis (0-d)', () => {
    const plan = planZeroedNpy({ dtype: 'f8', shape: '()' });
    const r = inspectBytes(plan.header, plan.fileBytes, null, 'x.npy');
    assert.equal(r.growthAxis, null);
    assert.equal(r.growthRoom, 0);
  });
});

describe('inspectBytes and reportToJson', () => {
  it('inspectBytes matches inspectNpy for the same bytes', async () => {
    const dir = makeTempDir();
    try {
      const path = join(dir, 's.npy');
      await writeZeroedNpy({ path, dtype: "[('x', '<f4'), ('y', '<i4', (2,))]", shape: '4' });
      const fromFile = await inspectNpy(path);
      const bytes = readFileSync(path);
      const fromBytes = inspectBytes(bytes, BigInt(bytes.length), fromFile.allocatedBytes, path);
      assert.deepEqual(fromBytes, fromFile);
      assert.equal(fromFile.fields?.length, 2);
      assert.equal(fromFile.descr, "[('x', '<f4'), ('y', '<i4', (2,))]");
    } finally {
      removeTempDir(dir);
    }
  });

  it('inspectBytes refuses a prefix shorter than the header', () => {
    const plan = planZeroedNpy({ dtype: 'f8', shape: '3' });
    assert.throws(() => inspectBytes(plan.header.subarray(0, 30), plan.fileBytes, null, 'x.npy'),
      (e: unknown) => (e as { code?: string }).code === 'bad-header');
  });

  it('writes bigints as numbers up to 2^53-1 and as decimal strings above', () => {
    // Too big for the writer (Node), fine for a header someone else wrote.
    const header = buildHeader(parseDtype('u1').dtype, [1n << 60n, 2n], false);
    const plan = { header };
    const r = reportToJson(inspectBytes(header, 100n, null, 'x.npy'));
    assert.deepEqual(r.shape, [String(1n << 60n), 2]);
    assert.equal(r.elementCount, String(1n << 61n));
    assert.equal(r.dataBytes, String(1n << 61n));
    assert.equal(r.fileBytes, 100);
    assert.equal(r.allocatedBytes, null);
    assert.equal(r.statusBytes, String((1n << 61n) + BigInt(plan.header.length) - 100n));
    const small = reportToJson(inspectBytes(plan.header, BigInt(Number.MAX_SAFE_INTEGER), 4096n, 'x.npy'));
    assert.equal(small.fileBytes, Number.MAX_SAFE_INTEGER);
    assert.equal(small.allocatedBytes, 4096);
    assert.doesNotThrow(() => JSON.stringify(r));
  });
});

describe('growthReach', () => {
  it('caps the growth axis at the 19 digits of numpy\'s int64 dims, and says when spare bytes fall short', () => {
    assert.deepEqual(growthReach({ growthAxis: 0, growthRoom: 46, shape: [1024n, 2n] }), { digits: 19, unlimited: true });
    assert.deepEqual(growthReach({ growthAxis: 1, growthRoom: 2, shape: [7n, 1000n] }), { digits: 6, unlimited: false });
    assert.equal(growthReach({ growthAxis: null, growthRoom: 0, shape: [] }), null);
  });
});
