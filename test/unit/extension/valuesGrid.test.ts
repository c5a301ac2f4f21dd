// The grid's view-model without VS Code: where paging, the leading-index boxes and "Go to index" land (pages
// aligned to 16 rows × 8 columns), what a re-read of a shrunk file keeps, and the strings shown.
import * as assert from 'node:assert/strict';
import { isWebviewToHost, MAX_GRID_LEAD } from '../../../src/common/messages';
import { GridPage } from '../../../src/core/values/grid';
import { ValueItem } from '../../../src/core/values/pages';
import { clampGrid, GRID_COLS, GRID_ROWS, gridOrigin, gridTarget, gridToViewModel, hasGrid, planeText } from '../../../src/extension/model/valuesGrid';
import { formatMessage as t } from '../../../src/extension/model/translate';

const shape3 = { shape: [4n, 100n, 30n], elementCount: 12000n };

/** A grid page as the core returns it, with texts "r,c" so the model's placement is visible. */
function page(lead: bigint[], row: bigint, col: bigint, rows: number, cols: number, plane: [bigint, bigint]): GridPage {
  const cells: ValueItem[][] = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => ({
    index: BigInt(r * 1000 + c), position: `[${[...lead, row + BigInt(r), col + BigInt(c)].join(', ')}]`, text: `${row + BigInt(r)},${col + BigInt(c)}`,
  })));
  return { lead, row, col, planeRows: plane[0], planeCols: plane[1], cells, bytesRead: rows * cols * 8, reads: rows, shownBytes: rows * cols * 8 };
}

describe('values grid model', () => {
  it('grids are for 2 or more dimensions; the first page is the top left of plane [0, …]', () => {
    assert.equal(hasGrid({ shape: [5n] }), false);
    assert.equal(hasGrid({ shape: [] }), false);
    assert.equal(hasGrid({ shape: [2n, 3n] }), true);
    assert.deepEqual(gridOrigin(shape3), { lead: [0n], row: 0n, col: 0n });
    assert.equal(planeText([3n]), '[3, :, :]');
    assert.equal(planeText([]), '[:, :]');
  });

  it('"Go to index" lands on the aligned page holding the element and marks it; flat and N-d alike', () => {
    const here = gridOrigin(shape3);
    const nd = gridTarget({ goto: '2, 37, 17' }, shape3, here);
    assert.deepEqual(nd.pos, { lead: [2n], row: 32n, col: 16n });
    assert.equal(nd.extra.target, 2n * 3000n + 37n * 30n + 17n);
    assert.equal(nd.extra.gotoText, '2, 37, 17');
    const last = gridTarget({ goto: '-1' }, shape3, here);
    assert.deepEqual(last.pos, { lead: [3n], row: 96n, col: 24n });
    assert.equal(last.extra.target, 11999n);
  });

  it('refused input keeps the grid where it was, with one sentence and the text to correct', () => {
    const here = { lead: [1n], row: 16n, col: 8n };
    const bad = gridTarget({ goto: '4, 0, 0' }, shape3, here);
    assert.deepEqual(bad.pos, here);
    assert.match(bad.extra.error!, /out of range for axis 0/);
    assert.equal(bad.extra.gotoText, '4, 0, 0');
    const box = gridTarget({ lead: ['7'], row: 16n, col: 8n }, shape3, here);
    assert.deepEqual(box.pos, here);
    assert.equal(box.extra.error, 'Index 7 is out of range for axis 0, which has size 4.');
    const word = gridTarget({ lead: ['two'], row: 0n, col: 0n }, shape3, here);
    assert.match(word.extra.error!, /^'two' is not a whole number/);
    assert.doesNotMatch(word.extra.error!, /\n/);
  });

  it('the leading-index boxes take numpy negatives and keep the rows and columns shown', () => {
    const moved = gridTarget({ lead: [' -1 '], row: 32n, col: 8n }, shape3, gridOrigin(shape3));
    assert.deepEqual(moved.pos, { lead: [3n], row: 32n, col: 8n });
    assert.deepEqual(moved.extra, {});
  });

  it('a re-read of a shrunk array keeps the position, moved back inside it; another number of axes starts over', () => {
    const pos = { lead: [3n], row: 96n, col: 24n };
    assert.deepEqual(clampGrid(pos, shape3), pos);
    assert.deepEqual(clampGrid(pos, { shape: [2n, 40n, 10n] }), { lead: [1n], row: 32n, col: 8n });
    assert.deepEqual(clampGrid(pos, { shape: [40n, 10n] }), { lead: [], row: 0n, col: 0n });
  });

  it('the view-model: cells by row and column, indices as headers, neighbouring pages, one labelled box per leading axis', () => {
    const v = gridToViewModel(shape3, page([2n], 96n, 24n, 4, 6, [100n, 30n]), { target: 42n, gotoText: '2, 96, 24' }, t);
    const g = v.grid!;
    assert.equal(v.summary, 'Plane [2, :, :]: rows 96–99 of 100 × columns 24–29 of 30 · 192 bytes read');
    assert.deepEqual(g.rowHeaders, ['96', '97', '98', '99']);
    assert.deepEqual(g.colHeaders, ['24', '25', '26', '27', '28', '29']);
    assert.equal(g.cells[1][2].text, '97,26');
    assert.equal(g.cells[1][2].position, '[2, 97, 26]');
    assert.equal(g.prevRow, String(96 - GRID_ROWS));
    assert.equal(g.nextRow, null, 'the last rows');
    assert.equal(g.prevCol, String(24 - GRID_COLS));
    assert.equal(g.nextCol, null, 'the last columns');
    assert.deepEqual(g.lead, [{ axis: 0, index: '2', max: '3', label: 'Index on axis 0 (0–3)' }]);
    assert.equal(v.target, '42');
    assert.equal(v.gotoText, '2, 96, 24');
    assert.deepEqual(v.rows, [], 'no list rows beside the grid');
    assert.equal(v.paging, true);

    const first = gridToViewModel({ shape: [40n, 30n], elementCount: 1200n }, page([], 0n, 0n, 16, 8, [40n, 30n]), {}, t).grid!;
    assert.equal(first.prevRow, null);
    assert.equal(first.nextRow, '16');
    assert.equal(first.prevCol, null);
    assert.equal(first.nextCol, '8');
    assert.deepEqual(first.lead, []);
  });

  it('a 2-D summary names rows and columns; an empty array says it has no elements', () => {
    const v = gridToViewModel({ shape: [40n, 30n], elementCount: 1200n }, page([], 16n, 8n, 16, 1, [40n, 30n]), {}, t);
    assert.equal(v.summary, 'Rows 16–31 of 40 × columns 8 of 30 · 128 bytes read');
    const empty = gridToViewModel({ shape: [0n, 3n], elementCount: 0n }, page([], 0n, 0n, 0, 0, [0n, 3n]), {}, t);
    assert.equal(empty.summary, 'The array has no elements.');
    assert.deepEqual(empty.grid!.cells, []);
  });

  it('the host accepts a grid message only in its shape: leading texts (checked later), decimal row and column', () => {
    assert.ok(isWebviewToHost({ type: 'values-grid', lead: ['-1', ' 2'], row: '16', col: '0' }));
    assert.ok(isWebviewToHost({ type: 'values-grid', lead: [], row: '0', col: '8' }));
    for (const bad of [
      { type: 'values-grid', lead: '1', row: '0', col: '0' },
      { type: 'values-grid', lead: [1], row: '0', col: '0' },
      { type: 'values-grid', lead: ['x'.repeat(41)], row: '0', col: '0' },
      { type: 'values-grid', lead: Array(MAX_GRID_LEAD + 1).fill('0'), row: '0', col: '0' },
      { type: 'values-grid', lead: [], row: '-1', col: '0' },
      { type: 'values-grid', lead: [], row: '0', col: 8 },
      { type: 'values-grid', lead: [], row: '0' },
    ]) assert.equal(isWebviewToHost(bad), false, JSON.stringify(bad).slice(0, 80));
  });
});
