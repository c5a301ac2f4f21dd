// Plane views without numpy: the read budget counted through a ByteSource wrapper (in memory and on a 1 TiB
// sparse file made by the core writer), progressive rows, cancel, and the one-sentence refusals.
import * as assert from 'node:assert/strict';
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { isNpyError } from '../../src/core/errors';
import { inspectBytes, inspectNpy } from '../../src/core/file/inspect';
import { writeZeroedNpy } from '../../src/core/file/writer';
import { dtypeFromDescr } from '../../src/core/format/dtype';
import { buildHeader } from '../../src/core/format/header';
import { parsePyLiteral } from '../../src/core/format/pyliteral';
import { NpyReport } from '../../src/core/types';
import { ByteSource } from '../../src/core/values/pages';
import { fitStride, MAX_SHOWN_ELEMENTS, PlaneRequest, planPlane } from '../../src/core/values/plane';
import { elementIndex, MERGE_GAP_BYTES, readPlane, readPlaneFromFile } from '../../src/core/values/planeReader';
import { makeTempDir, removeTempDir } from '../helpers/tmp';

function npy(descr: string, shape: bigint[], fortran: boolean, data: Uint8Array): { bytes: Uint8Array; report: NpyReport } {
  const dtype = dtypeFromDescr(descr.startsWith('[') ? parsePyLiteral(descr) : { type: 'str', value: descr }).dtype;
  const header = buildHeader(dtype, shape, fortran);
  const bytes = new Uint8Array(header.length + data.length);
  bytes.set(header, 0);
  bytes.set(data, header.length);
  return { bytes, report: inspectBytes(bytes, BigInt(bytes.length), null, 'a.npy') };
}

/** float64 0, 1, 2, … stored in the file's order: element value = its storage position. */
function counting(shape: bigint[], fortran: boolean): { bytes: Uint8Array; report: NpyReport } {
  const n = Number(shape.reduce((a, b) => a * b, 1n));
  return npy('<f8', shape, fortran, new Uint8Array(Float64Array.from({ length: n }, (_, i) => i).buffer));
}

function counted(bytes: Uint8Array): ByteSource & { calls: number; bytes: number; ranges: Array<[number, number]> } {
  const s = {
    calls: 0, bytes: 0, ranges: [] as Array<[number, number]>,
    async read(position: number, length: number) {
      s.calls++;
      s.ranges.push([position, length]);
      const out = bytes.slice(position, Math.min(bytes.length, position + length));
      s.bytes += out.length;
      return out;
    },
  };
  return s;
}

async function refusal(report: NpyReport, request: PlaneRequest): Promise<string> {
  try {
    await readPlane({ read: async () => new Uint8Array(0) }, report, request);
  } catch (e) {
    assert.ok(isNpyError(e), String(e));
    return e.message;
  }
  assert.fail(`no error for ${JSON.stringify(request)}`);
}

describe('plane: which elements, read within the budget', () => {
  it('C and F order: values are the elements at their storage positions, transposed axes included', async () => {
    for (const fortran of [false, true]) {
      const shape = [4n, 5n, 6n];
      const { bytes, report } = counting(shape, fortran);
      const strides = fortran ? [1, 4, 20] : [30, 6, 1];
      const plane = await readPlane(counted(bytes), report, { rowAxis: 2, colAxis: 0, index: [0, -2, 0], view: { mode: 'fit', stride: 2 } });
      assert.deepEqual([plane.rows, plane.cols], [3, 2]);
      assert.deepEqual(plane.rowIndices, [0, 2, 4]);
      assert.deepEqual(plane.colIndices, [0, 2]);
      const want = plane.rowIndices.flatMap((r) => plane.colIndices.map((c) => c * strides[0] + 3 * strides[1] + r * strides[2]));
      assert.deepEqual(Array.from(plane.values), want);
      assert.deepEqual(elementIndex(plane, 2, 1), [2n, 3n, 4n]);
    }
  });

  it('a C-order window is one read per row, a small contiguous plane one read in all', async () => {
    const { bytes, report } = counting([100n, 1000n], false);
    const src = counted(bytes);
    const plane = await readPlane(src, report, { view: { mode: 'window', row0: 10, col0: 20, rows: 7, cols: 30 } });
    assert.equal(plane.readCalls, 7);
    assert.equal(plane.bytesRead, 7 * 30 * 8);
    assert.equal(src.calls, plane.readCalls);
    assert.equal(src.bytes, plane.bytesRead);
    const small = counting([16n, 8n], false);
    const all = await readPlane(counted(small.bytes), small.report, {});
    assert.equal(all.readCalls, 1);
    assert.equal(all.bytesRead, 16 * 8 * 8);
  });

  it('strided reads merge small gaps but stay within 2 × shown bytes + 4 KiB per read', async () => {
    for (const [shape, stride, fortran] of [[[64n, 4096n], 3, false], [[64n, 4096n], 100, false], [[3000n, 700n], 7, true], [[2n, 3n, 5000n], 1, true]] as const) {
      const { bytes, report } = counting([...shape], fortran);
      const src = counted(bytes);
      const plane = await readPlane(src, report, { view: { mode: 'fit', stride } });
      const shown = plane.rows * plane.cols;
      assert.equal(src.bytes, plane.bytesRead);
      assert.ok(plane.readCalls <= shown, `${shape}: ${plane.readCalls} calls for ${shown}`);
      assert.ok(plane.bytesRead <= 2 * shown * 8 + MERGE_GAP_BYTES * plane.readCalls, `${shape} /${stride}: ${plane.bytesRead} bytes in ${plane.readCalls}`);
      // Every read is for shown elements only: it starts and ends on one.
      const data = report.dataOffset;
      for (const [p, n] of src.ranges) assert.ok((p - data) % 8 === 0 && n % 8 === 0 && n >= 8);
    }
    // Elements 24 bytes apart merge into one read; 800 bytes apart, six to a read (5 × 792 gap ≤ 6 × 8 + 4096);
    // 8,000 bytes apart (gap over 4 KiB), one by one.
    const near = counting([1n, 300n], false);
    assert.equal((await readPlane(counted(near.bytes), near.report, { view: { mode: 'fit', stride: 3 } })).readCalls, 1);
    const far = counting([1n, 30000n], false);
    assert.equal((await readPlane(counted(far.bytes), far.report, { view: { mode: 'fit', stride: 100 } })).readCalls, 50);
    assert.equal((await readPlane(counted(far.bytes), far.report, { view: { mode: 'fit', stride: 1000 } })).readCalls, 30);
  });

  it('delivers rows progressively: the first batch is one row, together they cover the plane in order', async () => {
    const { bytes, report } = counting([300n, 200n], false); // 60,000 elements: more than one batch
    const seen: Array<[number, number]> = [];
    const plane = await readPlane(counted(bytes), report, {}, { onRows: (r) => {
      seen.push([r.firstRow, r.rowCount]);
      assert.equal(r.values.length, r.rowCount * 200);
      assert.equal(r.values[0], r.firstRow * 200);
    } });
    assert.deepEqual(seen[0], [0, 1]);
    let next = 0;
    for (const [first, count] of seen) { assert.equal(first, next); next += count; }
    assert.equal(next, plane.rows);
  });

  it('a cancelled request stops reading and rejects with one sentence', async () => {
    const { bytes, report } = counting([400n, 400n], true);
    const src = counted(bytes);
    const ac = new AbortController();
    const pending = readPlane(src, report, {}, { signal: ac.signal, onRows: () => ac.abort() });
    await assert.rejects(pending, (e: unknown) => isNpyError(e) && e.code === 'cancelled' && /cancelled/.test(e.message));
    const calls = src.calls;
    assert.ok(calls > 0 && calls < 400 * 400 / 2, `${calls} reads before stopping`);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(src.calls, calls, 'no read after the rejection');
    const before = new AbortController();
    before.abort();
    const src2 = counted(bytes);
    await assert.rejects(readPlane(src2, report, {}, { signal: before.signal }), /cancelled/);
    assert.equal(src2.calls, 0);
  });

  it('int64 beyond 2^53 is flagged approximate; a truncated file gives NaN and counts what is missing', async () => {
    const big = new BigInt64Array([1n, 2n ** 53n + 1n, -5n, 7n]);
    const { bytes, report } = npy('<i8', [4n], false, new Uint8Array(big.buffer));
    const plane = await readPlane(counted(bytes), report, {});
    assert.equal(plane.approximate, true);
    assert.deepEqual(Array.from(plane.values), [1, 2 ** 53, -5, 7]);
    const small = await readPlane(counted(bytes), report, { view: { mode: 'window', row0: 0, col0: 2, rows: 1, cols: 2 } });
    assert.equal(small.approximate, false);
    const cut = counting([3n, 4n], false);
    const truncated = cut.bytes.subarray(0, cut.bytes.length - 20);
    const p = await readPlane(counted(truncated), cut.report, {});
    assert.equal(p.missing, 3);
    assert.deepEqual(Array.from(p.values.subarray(8)), [8, NaN, NaN, NaN]);
  });

  it('refuses with one sentence what cannot be drawn', async () => {
    // Only the header is needed: the report says how big the data is.
    const text = (descr: string, shape: bigint[]) => {
      const header = npy(descr, shape, false, new Uint8Array(0)).bytes;
      const dataBytes = shape.reduce((a, b) => a * b, 1n) * BigInt(npy(descr, [], false, new Uint8Array(0)).report.itemsize);
      return inspectBytes(header, BigInt(header.length) + dataBytes, null, 'a.npy');
    };
    const f8 = text('<f8', [3n, 4n, 5n]);
    const cases: Array<[NpyReport, PlaneRequest, RegExp]> = [
      [text('|S5', [4n]), {}, /strings \(\|S5\).*no numeric value/],
      [text('<U3', [4n]), {}, /strings/],
      [text('|V8', [4n]), {}, /raw bytes \(\|V8\)/],
      [text("[('a', '|S2'), ('b', '<f4', (2,))]", [4n]), {}, /No field of this struct holds one number/],
      [text("[('a', '|S2'), ('b', '<f4', (2,)), ('c', '<u2')]", [4n]), { field: 'b' }, /Field 'b' holds a \(2,\) subarray.*: c\./],
      [text("[('a', '|S2'), ('c', '<u2')]", [4n]), { field: 'q' }, /no field 'q'/],
      [f8, { field: 'x' }, /not structured/],
      [text('<f8', []), {}, /0-d/],
      [text('<f8', [0n, 3n]), {}, /no elements \(shape \(0, 3\)\)/],
      [f8, { rowAxis: 3 }, /row axis 3 does not exist.*3 axes \(0 to 2\)/],
      [f8, { rowAxis: 1, colAxis: -2 }, /both axis 1/],
      [f8, { index: [3, 0, 0] }, /Index 3 is out of range for axis 0, which has size 3/],
      [f8, { index: [1.5, 0, 0] }, /whole number/],
      [f8, { view: { mode: 'fit', stride: 0 } }, /stride must be a whole number of at least 1/],
      [f8, { view: { mode: 'window', row0: 4, col0: 0, rows: 2, cols: 2 } }, /starts at row 4, but the plane has 4 rows/],
      [f8, { view: { mode: 'window', row0: 0, col0: 0, rows: 0, cols: 2 } }, /number of rows/],
      [text('<f8', [5000n, 5000n]), {}, /25,000,000 elements; at most 4,194,304/],
      [text('<f16', [4n]), {}, /long double/],
    ];
    for (const [report, request, pattern] of cases) {
      const message = await refusal(report, request);
      assert.match(message, pattern);
      assert.ok(!message.includes('\n') && /[.]$/.test(message), message);
    }
    assert.equal(MAX_SHOWN_ELEMENTS, 4194304);
  });

  it('defaults: the last two axes, index 0, whole plane; a 1-D array is one line; struct: first numeric field; complex: |z|', () => {
    const f8 = counting([3n, 4n, 5n], false).report;
    const p = planPlane(f8);
    assert.deepEqual([p.rowAxis, p.colAxis, p.rows, p.cols, p.rowStep], [1, 2, 4, 5, 1]);
    const line = planPlane(counting([9n], false).report);
    assert.deepEqual([line.rowAxis, line.colAxis, line.rows, line.cols], [null, 0, 1, 9]);
    const rec = npy("[('s', '|S2'), ('x', '>f4')]", [2n, 2n], false, new Uint8Array(24)).report;
    assert.equal(planPlane(rec).field, 'x');
    assert.equal(planPlane(rec).leaf.str, '>f4');
    const c = npy('<c8', [2n], false, new Uint8Array(16)).report;
    assert.equal(planPlane(c).part, 'abs');
    assert.equal(planPlane(npy('<M8[10s]', [2n], false, new Uint8Array(16)).report).unit, '10s');
    assert.equal(fitStride(370727, 370727, 512, 512), 725);
    assert.equal(fitStride(10, 10, 512, 512), 1);
  });
});

describe('plane: a 1 TiB sparse float64 file', function () {
  let dir: string;
  before(() => { dir = makeTempDir(); });
  after(() => { if (dir) removeTempDir(dir); });

  it('a fit view at 512 × 512 reads at most 8 MiB (counted at the file), one read per shown element', async function () {
    this.timeout(120000);
    const path = join(dir, 'tib.npy');
    await writeZeroedNpy({ path, dtype: '<f8', shape: [370727n, 370727n] });
    const report = await inspectNpy(path);
    assert.ok(report.dataBytes > 1099500000000n, `${report.dataBytes} data bytes`);
    const stride = fitStride(370727, 370727, 512, 512);
    const fd = openSync(path, 'r');
    try {
      let calls = 0;
      let bytes = 0;
      const source: ByteSource = {
        read: async (position, length) => {
          calls++;
          const buf = new Uint8Array(length);
          const n = readSync(fd, buf, 0, length, position);
          bytes += n;
          return buf.subarray(0, n);
        },
      };
      const plane = await readPlane(source, report, { view: { mode: 'fit', stride } });
      assert.deepEqual([plane.rows, plane.cols], [512, 512]);
      assert.equal(bytes, plane.bytesRead);
      assert.equal(calls, plane.readCalls);
      assert.ok(bytes <= 8 * 1024 * 1024, `${bytes} bytes read`);
      assert.equal(calls, 512 * 512); // elements 5,800 bytes apart: no merging pays off
      assert.equal(bytes, 512 * 512 * 8);
      assert.ok(plane.values.every((v) => v === 0));
    } finally {
      closeSync(fd);
    }
  });

  it('readPlaneFromFile on it: a window at the far corner reads just that window', async function () {
    this.timeout(60000);
    const path = join(dir, 'tib.npy');
    const report = await inspectNpy(path);
    const plane = await readPlaneFromFile(path, report, { view: { mode: 'window', row0: 370700, col0: 370700, rows: 100, cols: 100 } });
    assert.deepEqual([plane.rows, plane.cols], [27, 27]);
    assert.equal(plane.readCalls, 27);
    assert.equal(plane.bytesRead, 27 * 27 * 8);
  });
});
