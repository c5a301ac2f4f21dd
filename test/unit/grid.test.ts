// The values grid's reader without numpy (numpy checks the texts in test/numpy/grid.test.ts): which elements a
// grid shows, that it reads exactly their bytes (one read per grid row in C order, per column in 2-D Fortran
// order, never more reads than elements), and one sentence for every request it cannot serve.
import * as assert from 'node:assert/strict';
import { dtypeFromDescr } from '../../src/core/format/dtype';
import { buildHeader } from '../../src/core/format/header';
import { inspectBytes } from '../../src/core/file/inspect';
import { NpyReport } from '../../src/core/types';
import { ravelIndex, storageIndex, unravelIndex } from '../../src/core/values/elementIndex';
import { readGridFrom } from '../../src/core/values/grid';
import { bytesSource, ByteSource, MISSING_TEXT } from '../../src/core/values/pages';

/** A .npy of int32 where each element holds its own C-order flat index, stored in C or Fortran order. */
function indexedNpy(shape: number[], fortran: boolean): { bytes: Uint8Array; report: NpyReport } {
  const s = shape.map(BigInt);
  const header = buildHeader(dtypeFromDescr({ type: 'str', value: '<i4' }).dtype, s, fortran);
  const n = shape.reduce((a, b) => a * b, 1);
  const bytes = new Uint8Array(header.length + 4 * n);
  bytes.set(header, 0);
  const view = new DataView(bytes.buffer, header.length);
  for (let flat = 0; flat < n; flat++) {
    const idx = unravelIndex(BigInt(flat), s);
    view.setInt32(Number(storageIndex(idx, s, fortran)) * 4, flat, true);
  }
  return { bytes, report: inspectBytes(bytes, BigInt(bytes.length), null, 'g.npy') };
}

/** Records every read, so the bytes read can be checked against the shown elements' own. */
function counting(source: ByteSource): ByteSource & { ranges: Array<[number, number]> } {
  const ranges: Array<[number, number]> = [];
  return { ranges, read: (p, l) => { ranges.push([p, l]); return source.read(p, l); } };
}

describe('values grid: reading a plane as rows × columns', () => {
  it('C order, 3-D: the plane a[1, 5:21, 8:16] (16 × 8), one read per grid row, exactly the shown bytes', async () => {
    const { bytes, report } = indexedNpy([3, 40, 30], false);
    const src = counting(bytesSource(bytes));
    const g = await readGridFrom(src, report, { lead: [1n], row: 5n, col: 8n, rows: 16, cols: 8 });
    assert.equal(g.cells.length, 16);
    g.cells.forEach((line, r) => line.forEach((cell, c) => {
      const flat = ravelIndex([1n, BigInt(5 + r), BigInt(8 + c)], report.shape);
      assert.equal(cell.text, String(flat));
      assert.equal(cell.index, flat);
      assert.equal(cell.position, `[1, ${5 + r}, ${8 + c}]`);
    }));
    assert.equal(g.reads, 16, 'one read per grid row');
    assert.equal(g.bytesRead, 16 * 8 * 4);
    assert.equal(g.shownBytes, 16 * 8 * 4);
    for (const [p, l] of src.ranges) assert.equal(l, 8 * 4, `read at ${p} is one grid row`);
    assert.equal(g.planeRows, 40n);
    assert.equal(g.planeCols, 30n);
  });

  it('C order, rows that touch (the grid spans whole rows) merge into one read', async () => {
    const { bytes, report } = indexedNpy([10, 8], false);
    const g = await readGridFrom(bytesSource(bytes), report, { lead: [], row: 0n, col: 0n, rows: 16, cols: 8 });
    assert.equal(g.cells.length, 10, 'clamped to the plane');
    assert.equal(g.reads, 1);
    assert.equal(g.bytesRead, 10 * 8 * 4);
  });

  it('Fortran order, 2-D: one read per grid column; N-D Fortran: never more reads than elements, never a byte more', async () => {
    const f2 = indexedNpy([50, 20], true);
    const g = await readGridFrom(bytesSource(f2.bytes), f2.report, { lead: [], row: 16n, col: 8n, rows: 16, cols: 8 });
    assert.deepEqual(g.cells.map((l) => l.map((c) => c.text)),
      Array.from({ length: 16 }, (_, r) => Array.from({ length: 8 }, (_, c) => String((16 + r) * 20 + 8 + c))));
    assert.equal(g.reads, 8, 'one read per grid column');
    assert.equal(g.bytesRead, 16 * 8 * 4);

    const f3 = indexedNpy([3, 5, 7], true);
    const src = counting(bytesSource(f3.bytes));
    const h = await readGridFrom(src, f3.report, { lead: [2n], row: 0n, col: 0n, rows: 16, cols: 8 });
    assert.deepEqual(h.cells.map((l) => l.map((c) => c.text)),
      Array.from({ length: 5 }, (_, r) => Array.from({ length: 7 }, (_, c) => String(2 * 35 + r * 7 + c))));
    assert.ok(h.reads <= 35, `${h.reads} reads for 35 elements`);
    assert.equal(h.bytesRead, 35 * 4);
    assert.equal(src.ranges.reduce((a, [, l]) => a + l, 0), 35 * 4);
  });

  it('a truncated file: the cells past its end say so, the others are read', async () => {
    const { bytes, report } = indexedNpy([4, 4], false);
    const cut = bytes.subarray(0, bytes.length - 6);
    const g = await readGridFrom(bytesSource(cut), inspectBytes(cut, BigInt(cut.length), null, 'cut.npy'), { lead: [], row: 0n, col: 0n, rows: 16, cols: 8 });
    assert.deepEqual(g.cells[3].map((c) => c.missing === true), [false, false, true, true]);
    assert.equal(g.cells[3][3].text, MISSING_TEXT);
    assert.equal(g.cells[3][1].text, '13');
    assert.equal(report.elementCount, 16n);
  });

  it('refuses what it cannot show in one sentence: wrong number of leading indices, indices out of range, 1-D arrays, objects', async () => {
    const { bytes, report } = indexedNpy([2, 3, 4], false);
    const src = bytesSource(bytes);
    const refused = async (req: Parameters<typeof readGridFrom>[2], re: RegExp, r: NpyReport = report) => {
      await assert.rejects(readGridFrom(src, r, req), (e: Error) => re.test(e.message) && !e.message.includes('\n'));
    };
    await refused({ lead: [], row: 0n, col: 0n, rows: 16, cols: 8 }, /needs 1 leading index, not 0/);
    await refused({ lead: [2n], row: 0n, col: 0n, rows: 16, cols: 8 }, /Index 2 is out of range for axis 0, which has size 2/);
    await refused({ lead: [0n], row: 3n, col: 0n, rows: 16, cols: 8 }, /Row 3 is out of range for axis 1/);
    await refused({ lead: [0n], row: 0n, col: 4n, rows: 16, cols: 8 }, /Column 4 is out of range for axis 2/);
    const flat = indexedNpy([5], false);
    await refused({ lead: [], row: 0n, col: 0n, rows: 16, cols: 8 }, /2 or more dimensions/, flat.report);
    await refused({ lead: [0n], row: 0n, col: 0n, rows: 16, cols: 8 }, /pickle/, { ...report, objectData: true });
  });

  it('an empty plane shows no cells and reads nothing', async () => {
    const { bytes, report } = indexedNpy([3, 0, 4], false);
    const g = await readGridFrom(bytesSource(bytes), report, { lead: [1n], row: 0n, col: 0n, rows: 16, cols: 8 });
    assert.deepEqual(g.cells, []);
    assert.equal(g.reads, 0);
    assert.equal(g.bytesRead, 0);
    // A leading axis of length 0 has no index in range, and nothing to show either: no cells, no sentence.
    const lead0 = indexedNpy([0, 3, 4], false);
    assert.deepEqual((await readGridFrom(bytesSource(lead0.bytes), lead0.report, { lead: [0n], row: 0n, col: 0n, rows: 16, cols: 8 })).cells, []);
  });
});
