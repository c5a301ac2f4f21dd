// The values grid in jsdom, through the real webview entry (main.ts bundled): rows × columns with their indices
// as headers, labelled leading-index boxes, paging by rows and columns from buttons and keys (PageUp/PageDown,
// Alt+PageUp/Alt+PageDown on the focused grid), focus kept across pages, the marked cell, markup kept as text;
// 1-D arrays keep the list. The grids are read by the core from files numpy wrote.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { PreviewViewModel, ValuesViewModel } from '../../../src/common/viewModel';
import { inspectNpy } from '../../../src/core/file/inspect';
import { NpyReport } from '../../../src/core/types';
import { readGrid } from '../../../src/core/values/grid';
import { reportToViewModel } from '../../../src/extension/model/reportView';
import { formatMessage as t } from '../../../src/extension/model/translate';
import { GRID_COLS, GRID_ROWS, gridToViewModel } from '../../../src/extension/model/valuesGrid';
import { previewPage } from '../../helpers/previewPage';
import { pythonJson, requireNumpy } from '../../helpers/python';
import { makeTempDir, removeTempDir } from '../../helpers/tmp';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('webview: the values grid', function () {
  this.timeout(20000);
  let dir: string;
  let cube: NpyReport;
  let texts: string[][];
  let words: NpyReport;
  const grid = async (r: NpyReport, lead: bigint[], row: bigint, col: bigint, extra = {}): Promise<ValuesViewModel> =>
    gridToViewModel(r, await readGrid(r.path, r, { lead, row, col, rows: GRID_ROWS, cols: GRID_COLS }), extra, t);
  const model = async (r: NpyReport, v: ValuesViewModel): Promise<PreviewViewModel> => ({ ...reportToViewModel(r, t), valuesPage: v });

  before(async function () {
    requireNumpy(this);
    dir = makeTempDir();
    texts = pythonJson<string[][]>(String.raw`
import json, sys
import numpy as np
a = (np.arange(3 * 40 * 20, dtype='<f8') / 4).reshape(3, 40, 20)
np.save(sys.argv[1], a)
np.save(sys.argv[2], np.array([[sys.argv[3], 'b'], ['c', 'd']], '<U30'))
print(json.dumps([[str(x) for x in row] for row in a[1, 0:16, 0:8]]))`, [join(dir, 'cube.npy'), join(dir, 'words.npy'), HOSTILE]);
    cube = await inspectNpy(join(dir, 'cube.npy'));
    words = await inspectNpy(join(dir, 'words.npy'));
  });
  after(() => { if (dir) removeTempDir(dir); });

  it('shows the plane as rows × columns with their indices, numpy\'s texts in the cells, and a labelled box per leading axis', async () => {
    const { dom, send } = previewPage();
    const doc = dom.window.document;
    await send({ type: 'report', model: await model(cube, await grid(cube, [1n], 0n, 0n)) });
    const table = doc.getElementById('values-table')!;
    assert.ok(table.classList.contains('grid'));
    assert.equal(table.getAttribute('aria-label'), 'Values of the plane: rows along axis 1, columns along axis 2');
    assert.equal(doc.getElementById(table.getAttribute('aria-describedby')!)?.textContent, 'PageUp/PageDown: rows · Alt+PageUp/Alt+PageDown: columns');
    assert.deepEqual([...table.querySelectorAll('thead th[scope="col"]')].map((th) => th.textContent).slice(1), ['0', '1', '2', '3', '4', '5', '6', '7']);
    assert.deepEqual([...table.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent), Array.from({ length: 16 }, (_, i) => String(i)));
    assert.deepEqual([...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)), texts);
    assert.equal(table.querySelector('tbody tr:nth-child(3) td:nth-of-type(5)')?.getAttribute('title'), '[1, 2, 4]');
    assert.equal(doc.getElementById('values-summary')?.textContent, 'Plane [1, :, :]: rows 0–15 of 40 × columns 0–7 of 20 · 1,024 bytes read');
    const box = doc.getElementById('grid-lead-0') as HTMLInputElement;
    assert.equal(box.type, 'number');
    assert.equal(box.value, '1');
    assert.equal(box.max, '2');
    assert.equal(doc.querySelector('label[for="grid-lead-0"]')?.textContent, 'Index on axis 0 (0–2)');
    assert.equal(box.closest('[role="group"]')?.getAttribute('aria-label'), 'Plane shown (index on each leading axis)');
    // Rows and columns each have a labelled group of two buttons; at the top left only "next" is enabled.
    const disabled = (id: string) => (doc.getElementById(id) as HTMLButtonElement).disabled;
    assert.deepEqual(['grid-rows-prev', 'grid-rows-next', 'grid-cols-prev', 'grid-cols-next'].map(disabled), [true, false, true, false]);
    assert.equal(doc.getElementById('grid-rows-next')?.closest('[role="group"]')?.getAttribute('aria-label'), 'Rows');
    assert.equal(doc.getElementById('grid-cols-next')?.closest('[role="group"]')?.getAttribute('aria-label'), 'Columns');
    assert.equal(doc.getElementById('values-prev'), null, 'no list paging beside the grid');
    assert.ok(doc.getElementById('values-index'), '"Go to index" stays');
  });

  it('posts the page asked for by the buttons, the keys on the focused grid and the leading-index form', async () => {
    const { dom, posted, send } = previewPage();
    const doc = dom.window.document;
    await send({ type: 'report', model: await model(cube, await grid(cube, [1n], 16n, 8n)) });
    const sent = () => posted.filter((m) => m.type === 'values-grid');
    (doc.getElementById('grid-rows-next') as HTMLButtonElement).click();
    (doc.getElementById('grid-cols-prev') as HTMLButtonElement).click();
    const table = doc.getElementById('values-table') as HTMLElement;
    table.focus();
    assert.equal(doc.activeElement, table, 'the grid takes focus (tabindex 0)');
    const key = (k: string, altKey = false) => table.dispatchEvent(new dom.window.KeyboardEvent('keydown', { key: k, altKey, bubbles: true, cancelable: true }));
    assert.equal(key('PageUp'), false, 'PageUp is taken (default prevented)');
    key('PageDown');
    key('PageDown', true);
    key('PageUp', true);
    assert.equal(key('ArrowDown'), true, 'other keys are left alone');
    const box = doc.getElementById('grid-lead-0') as HTMLInputElement;
    box.value = '-1';
    (doc.getElementById('grid-lead-apply') as HTMLButtonElement).click();
    assert.deepEqual(sent(), [
      { type: 'values-grid', lead: ['1'], row: '32', col: '8' },
      { type: 'values-grid', lead: ['1'], row: '16', col: '0' },
      { type: 'values-grid', lead: ['1'], row: '0', col: '8' },
      { type: 'values-grid', lead: ['1'], row: '32', col: '8' },
      { type: 'values-grid', lead: ['1'], row: '16', col: '16' },
      { type: 'values-grid', lead: ['1'], row: '16', col: '0' },
      { type: 'values-grid', lead: ['-1'], row: '16', col: '8' },
    ]);
  });

  it('another page keeps focus on the button used, or on its partner once it is disabled; the jumped-to cell is marked', async () => {
    const { dom, send } = previewPage();
    const doc = dom.window.document;
    await send({ type: 'report', model: await model(cube, await grid(cube, [0n], 16n, 0n)) });
    (doc.getElementById('grid-rows-next') as HTMLButtonElement).focus();
    await send({ type: 'values', values: await grid(cube, [0n], 32n, 0n, { target: 33n * 20n + 3n, gotoText: '2, 33, 3' }) });
    // 40 rows: 32–39 is the last page, so Next rows is disabled and focus moves to Previous rows.
    assert.equal((doc.getElementById('grid-rows-next') as HTMLButtonElement).disabled, true);
    assert.equal(doc.activeElement?.id, 'grid-rows-prev');
    assert.equal(doc.querySelectorAll('#values-table tbody tr').length, 8);
    const marked = [...doc.querySelectorAll('#values-table [aria-current="true"]')];
    assert.equal(marked.length, 1);
    assert.equal(marked[0].tagName, 'TD');
    assert.equal(marked[0].getAttribute('title'), '[0, 33, 3]');
  });

  it('markup in a string element stays text; a refused box shows one sentence', async () => {
    const { dom, send } = previewPage();
    const doc = dom.window.document;
    await send({ type: 'report', model: await model(words, await grid(words, [], 0n, 0n)) });
    assert.equal(doc.querySelector('#values-table td[data-index="0"]')?.textContent, `'${HOSTILE}'`);
    assert.equal(doc.querySelectorAll('img, [onerror]').length, 0);
    assert.equal(doc.getElementById('grid-lead'), null, 'a 2-D array has no leading axis to choose');
    const refused = await grid(words, [], 0n, 0n, { error: 'Index 7 is out of range for axis 0, which has size 2.' });
    await send({ type: 'values', values: refused });
    assert.equal(doc.getElementById('values-error')?.textContent, 'Index 7 is out of range for axis 0, which has size 2.');
    assert.equal(doc.getElementById('values-error')?.getAttribute('role'), 'alert');
  });
});
