// The webview's DOM contract, checked in jsdom: data-key cells for every value, the field table, the raw
// header, the buttons, the Values section, body[data-state]; hostile strings stay text. The real entry (src/webview/main.ts) is
// bundled with esbuild and run against a fake acquireVsCodeApi to check the ready/rendered/action protocol.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { isWebviewToHost } from '../../../src/common/messages';
import { ErrorViewModel, PreviewViewModel, VALUE_KEYS, ValuesViewModel } from '../../../src/common/viewModel';
import { NpyError } from '../../../src/core/errors';
import { inspectNpy } from '../../../src/core/file/inspect';
import { buildPreviewHtml } from '../../../src/extension/model/html';
import { errorToViewModel, reportToViewModel, valuesToViewModel, valuesUnavailable } from '../../../src/extension/model/reportView';
import { readValues } from '../../../src/core/values/pages';
import { formatMessage } from '../../../src/extension/model/translate';
import { renderError, renderReport, renderValues } from '../../../src/webview/render';
import { repoRoot } from '../../helpers/paths';
import { previewPage } from '../../helpers/previewPage';
import { requireNumpy, runPython } from '../../helpers/python';
import { makeTempDir, removeTempDir } from '../../helpers/tmp';

const t = formatMessage;
const HOSTILE = '<img src=x onerror=alert(1)>';

function page(): Document {
  return new JSDOM(buildPreviewHtml({ cspSource: 'vscode-resource:', nonce: 'n', scriptUri: 'w.js', styleUri: 's.css', title: 'x', loadingText: '…' }))
    .window.document;
}

describe('webview rendering', function () {
  this.timeout(20000);
  let dir: string;
  let structured: PreviewViewModel;
  let objectModel: PreviewViewModel;
  let plainValues: (start: bigint, count: number) => Promise<ValuesViewModel>;
  before(async function () {
    requireNumpy(this);
    dir = makeTempDir();
    const s = join(dir, `${HOSTILE}.npy`.replace(/\//g, '_'));
    runPython(`import sys, numpy as np
dt = np.dtype([(sys.argv[2], '<f4'), ('</table>', '<i4', (2,)), ('"&amp;', 'S3')])
np.save(sys.argv[1], np.zeros((2, 3), dtype=dt))`, [s, HOSTILE]);
    structured = reportToViewModel(await inspectNpy(s), t, { resizable: true });
    const p = join(dir, 'plain.npy');
    runPython('import sys, numpy as np\nnp.save(sys.argv[1], np.arange(10, dtype="<f8").reshape(2, 5) / 4)', [p]);
    const pReport = await inspectNpy(p);
    plainValues = (start, count) => readValues(p, pReport, { start, count }).then((pg) => valuesToViewModel(pReport, pg, { pageSize: count }, t));
    const o = join(dir, 'o.npy');
    runPython('import sys, numpy as np\nnp.save(sys.argv[1], np.array([None], dtype=object), allow_pickle=True)', [o]);
    objectModel = reportToViewModel(await inspectNpy(o), t, { resizable: true });
  });
  after(() => { if (dir) removeTempDir(dir); });

  it('puts every value shown in exactly one [data-key] element, as text', () => {
    const doc = page();
    renderReport(doc, structured);
    assert.equal(doc.body.getAttribute('data-state'), 'rendered');
    // A struct's plain words are its name already, and a small np.save file is not sparse: those two are left out.
    const hidden: readonly string[] = ['dtypeDescription', 'sparseRatio'];
    assert.equal(structured.values.dtypeDescription, '');
    for (const k of VALUE_KEYS) {
      const cells = doc.querySelectorAll(`[data-key="${k}"]`);
      assert.equal(cells.length, hidden.includes(k) ? 0 : 1, `${k} appears ${hidden.includes(k) ? 'not at all' : 'once'}`);
      if (cells.length) assert.equal(cells[0].textContent, structured.values[k], k);
    }
    // One row, three values: "struct of 3 fields, 15 bytes · [('…', '<f4'), …]".
    const dtypeRow = doc.querySelector('[data-key="dtypeName"]')!.closest('tr')!;
    assert.ok(dtypeRow.querySelector('[data-key="descr"]'), 'descr shares the dtype row');
    assert.equal(doc.querySelector('[data-key="fileName"]')?.textContent, structured.values.fileName);
  });

  it('renders the field table with header cells and hostile names as text', () => {
    const doc = page();
    renderReport(doc, structured);
    const table = doc.querySelector('table#fields');
    assert.ok(table);
    const cols = [...table.querySelectorAll('thead th')];
    assert.equal(cols.length, 5);
    assert.ok(cols.every((th) => th.getAttribute('scope') === 'col'));
    const names = [...table.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent);
    assert.deepEqual(names, [HOSTILE, '</table>', '"&amp;']);
    assert.equal(doc.querySelectorAll('img, script').length, 1, 'only the page\'s own script element');
    assert.equal(doc.querySelector('#header-text')?.textContent, structured.headerText);
    assert.ok(doc.querySelector('#header-text')?.textContent?.includes(HOSTILE));
  });

  it('the first screen leads with the summary and the Values; format internals are a closed <details> after them', async () => {
    const doc = page();
    renderReport(doc, { ...structured, valuesPage: await plainValues(0n, 3) });
    const order = [...doc.getElementById('root')!.children].map((e) => e.id || e.className || e.tagName.toLowerCase());
    assert.deepEqual(order, ['summary', 'actions', 'overview', 'glance', 'section', 'format']);
    // The Values lead the row they share with the picture (issue 11), which wraps below them on a narrow panel.
    assert.equal(doc.getElementById('glance')!.firstElementChild?.id, 'values');
    const format = doc.querySelector('details#format') as HTMLDetailsElement;
    assert.equal(format.open, false, 'closed until asked for');
    assert.equal(format.querySelector('summary')?.textContent, 'Format');
    for (const k of ['version', 'headerBytes', 'dataOffset', 'alignment', 'growthRoom']) assert.ok(format.querySelector(`[data-key="${k}"]`), k);
    assert.ok(format.querySelector('#header-text'), 'the raw header is inside Format');
    const overview = doc.getElementById('overview')!;
    for (const k of ['dtypeName', 'shape', 'elementCount', 'dataBytes', 'fileBytes', 'allocatedBytes']) assert.ok(overview.querySelector(`[data-key="${k}"]`), k);
    assert.equal(overview.querySelectorAll('tr').length, 6, 'six compact rows');
  });

  it('no primary (blue) button: "Create … Like This" is an ordinary button on an existing file', () => {
    const css = readFileSync(join(repoRoot, 'media/preview.css'), 'utf8');
    assert.doesNotMatch(css, /var\(--vscode-button-background\)/, 'only the secondary button colours');
    assert.doesNotMatch(css, /#create-like/);
  });

  it('value tables are semantic: row headers with scope', () => {
    const doc = page();
    renderReport(doc, structured);
    for (const row of doc.querySelectorAll('table.values tr')) {
      assert.equal(row.children[0].tagName, 'TH');
      assert.equal(row.children[0].getAttribute('scope'), 'row');
    }
  });

  it('offers the six actions as buttons (Python read-only and writable) and Refresh; "create like" and "resize" are disabled for object data', () => {
    const doc = page();
    renderReport(doc, structured);
    assert.deepEqual([...doc.querySelectorAll('.actions button')].map((b) => b.id), ['copy-json', 'copy-python', 'copy-python-rw', 'copy-rust', 'create-like', 'resize', 'refresh']);
    assert.equal(doc.getElementById('copy-python-rw')?.textContent, 'Copy Python Snippet (Writable)');
    for (const id of ['copy-json', 'copy-python', 'copy-python-rw', 'copy-rust', 'create-like', 'resize']) {
      const b = doc.getElementById(id);
      assert.equal(b?.tagName, 'BUTTON', id);
      assert.equal((b as HTMLButtonElement).disabled, false, id);
      assert.equal(b?.getAttribute('data-action'), id);
    }
    // The growth room row leads to Resize in a cell of its own; the value cell keeps only its text.
    const growth = doc.querySelector('[data-key="growthRoom"]')?.closest('td');
    assert.equal(growth?.children.length, 1);
    assert.equal(growth?.querySelector('button'), null);
    assert.equal(growth?.nextElementSibling?.querySelector('button#growth-resize')?.getAttribute('data-action'), 'resize');
    assert.equal(doc.getElementById('fit'), null, 'no Fit button for a valid file');
    renderReport(doc, objectModel);
    assert.equal((doc.getElementById('create-like') as HTMLButtonElement).disabled, true);
    assert.equal((doc.getElementById('resize') as HTMLButtonElement).disabled, true);
    assert.equal(doc.getElementById('growth-resize'), null);
    assert.equal(doc.querySelector('[data-key="growthRoom"]'), null, 'no growth room for object arrays');
    assert.equal(doc.querySelector('[data-key="status"]')?.textContent, 'object data never loaded');
    assert.equal(doc.querySelectorAll('#fields').length, 0, 'no field table for a plain dtype');
  });

  it('offers "Fit to the Data on Disk" beside the status of a truncated file', async () => {
    const p = join(dir, 'torn.npy');
    runPython("import sys, numpy as np\nnp.save(sys.argv[1], np.zeros((10, 3)))\nimport os\nos.truncate(sys.argv[1], os.path.getsize(sys.argv[1]) - 12)", [p]);
    const doc = page();
    renderReport(doc, reportToViewModel(await inspectNpy(p), t, { resizable: true }));
    const fit = doc.getElementById('fit');
    assert.equal(fit?.tagName, 'BUTTON');
    assert.equal(fit?.getAttribute('data-action'), 'fit');
    assert.equal(fit?.textContent, 'Fit to the Data on Disk');
    assert.equal(fit?.parentElement?.tagName, 'HEADER');
  });

  it('Refresh: a labelled button in the toolbar; a click or Enter posts refresh, and the re-render keeps "Format" open, focus and the Go text', async () => {
    const { dom, posted, send } = previewPage();
    const doc = dom.window.document;
    const first = await plainValues(5n, 3);
    await send({ type: 'report', model: { ...structured, valuesPage: { ...first, gotoText: '1, 2' } } });
    const refresh = doc.getElementById('refresh') as HTMLButtonElement;
    assert.equal(refresh.tagName, 'BUTTON');
    assert.equal(refresh.type, 'button', 'a real button: Tab reaches it, Enter and Space press it');
    assert.equal(refresh.textContent, 'Refresh');
    assert.equal(refresh.title, 'Read the file again now');
    assert.equal(refresh.closest('[role="toolbar"]')?.getAttribute('aria-label'), 'Actions');
    assert.equal(refresh.hasAttribute('data-action'), false, 'not one of the copy/create actions');
    (doc.getElementById('format') as HTMLDetailsElement).open = true;
    refresh.focus();
    refresh.click();
    assert.deepEqual(posted.filter((m) => m.type === 'refresh'), [{ type: 'refresh' }]);
    assert.ok(isWebviewToHost({ type: 'refresh' }));

    // The host answers with a fresh report (new sizes, the same page and Go text): what the user chose stays.
    const refreshed: PreviewViewModel = { ...structured, values: { ...structured.values, allocatedBytes: '12 MiB' }, valuesPage: { ...first, gotoText: '1, 2' } };
    await send({ type: 'report', model: refreshed });
    assert.equal(doc.querySelector('[data-key="allocatedBytes"]')?.textContent, '12 MiB', 'the sizes are the new ones');
    assert.equal((doc.getElementById('format') as HTMLDetailsElement).open, true, '"Format" stays open');
    assert.equal(doc.activeElement?.id, 'refresh', 'focus stays on Refresh');
    assert.equal((doc.getElementById('values-index') as HTMLInputElement).value, '1, 2');
    assert.equal(doc.getElementById('values')?.getAttribute('data-start'), '5');
    // Closed stays closed.
    (doc.getElementById('format') as HTMLDetailsElement).open = false;
    await send({ type: 'report', model: refreshed });
    assert.equal((doc.getElementById('format') as HTMLDetailsElement).open, false);
  });

  it('re-rendering replaces the content instead of appending', () => {
    const doc = page();
    renderReport(doc, structured);
    renderReport(doc, structured);
    assert.equal(doc.querySelectorAll('[data-key="shape"]').length, 1);
  });

  it('shows an error page with the sentence in #error-message', () => {
    const doc = page();
    renderReport(doc, structured);
    const m = errorToViewModel(HOSTILE, new NpyError('not-npy', `${HOSTILE} is not a .npy file.`), t);
    renderError(doc, m);
    assert.equal(doc.body.getAttribute('data-state'), 'error');
    assert.equal(doc.getElementById('error-message')?.textContent, `${HOSTILE} is not a .npy file.`);
    assert.equal(doc.querySelector('[data-key="status"]')?.textContent, 'not an .npy file');
    assert.equal(doc.querySelectorAll('img').length, 0);
    assert.equal(doc.querySelectorAll('[data-key="shape"]').length, 0, 'the old report is gone');
  });

  it('main.ts: posts ready, renders what the host posts, answers with rendered, and forwards button clicks', async () => {
    const { dom, posted, send } = previewPage();
    assert.deepEqual(posted, [{ type: 'ready' }]);

    await send({ type: 'report', model: structured });
    const doc = dom.window.document;
    assert.equal(doc.body.getAttribute('data-state'), 'rendered');
    assert.deepEqual(posted.slice(1), [{ type: 'rendered' }]);

    (doc.getElementById('copy-python') as HTMLButtonElement).click();
    (doc.getElementById('create-like') as HTMLButtonElement).click();
    assert.deepEqual(posted.slice(2), [{ type: 'action', action: 'copy-python' }, { type: 'action', action: 'create-like' }]);

    const err: ErrorViewModel = { fileName: 'x.npy', badge: { kind: 'error', text: 'cannot read' }, message: 'x.npy does not exist (any more).' };
    await send({ type: 'error', message: err.message, model: err });
    assert.equal(doc.body.getAttribute('data-state'), 'error');
    assert.equal(doc.getElementById('error-message')?.textContent, err.message);
    assert.equal(posted.filter((m) => m.type === 'rendered').length, 2);

    await send({ type: 'report', model: objectModel });
    (doc.getElementById('create-like') as HTMLButtonElement).click();
    assert.equal(posted.filter((m) => m.type === 'action').length, 2, 'a disabled button posts nothing');
    assert.equal(posted.filter((m) => m.type === 'rendered').length, 3);

    // Values: Next/Previous post the page to show, Enter in "Go to index" posts the text, a page re-renders.
    await send({ type: 'report', model: { ...structured, valuesPage: await plainValues(2n, 3) } });
    const before = posted.length;
    (doc.getElementById('values-next') as HTMLButtonElement).click();
    (doc.getElementById('values-prev') as HTMLButtonElement).click();
    (doc.getElementById('values-index') as HTMLInputElement).value = '1, 2';
    const form = doc.getElementById('values-goto') as HTMLFormElement;
    const submit = new dom.window.Event('submit', { bubbles: true, cancelable: true });
    form.dispatchEvent(submit);
    assert.equal(submit.defaultPrevented, true, 'the form never navigates');
    assert.deepEqual(posted.slice(before), [
      { type: 'values-page', start: '5' }, { type: 'values-page', start: '0' }, { type: 'values-goto', text: '1, 2' },
    ]);
    const rendered = posted.filter((m) => m.type === 'rendered').length;
    await send({ type: 'values', values: await plainValues(7n, 3) });
    assert.equal(posted.filter((m) => m.type === 'rendered').length, rendered + 1, "'rendered' after a page too");
    assert.deepEqual([...doc.querySelectorAll('#values-table td[data-index]')].map((td) => td.textContent), ['1.75', '2.0', '2.25']);
    assert.equal((doc.getElementById('values-next') as HTMLButtonElement).disabled, true);
    (doc.getElementById('values-next') as HTMLButtonElement).click();
    assert.equal(posted.filter((m) => m.type === 'values-page').length, 2, 'a disabled Next posts nothing');
  });
});

describe('webview rendering: Values section', function () {
  this.timeout(20000);
  let dir: string;
  let model: PreviewViewModel;
  let structuredValues: ValuesViewModel;
  let plainValues: (start: bigint, count: number) => Promise<ValuesViewModel>;
  before(async function () {
    requireNumpy(this);
    dir = makeTempDir();
    const s = join(dir, 's.npy');
    runPython(`import sys, numpy as np
dt = np.dtype([(sys.argv[2], '<f4'), ('</table>', '<i4', (2,)), ('"&amp;', 'S3')])
a = np.zeros(3, dtype=dt)
a[sys.argv[2]] = [0.5, 1.5, 2.5]
a['"&amp;'] = [b'<b>', b'x', b'']
np.save(sys.argv[1], a)`, [s, HOSTILE]);
    const sReport = await inspectNpy(s);
    model = reportToViewModel(sReport, t);
    structuredValues = valuesToViewModel(sReport, await readValues(s, sReport, { start: 0n, count: 4 }), { pageSize: 4 }, t);
    const p = join(dir, 'plain.npy');
    runPython('import sys, numpy as np\nnp.save(sys.argv[1], np.asfortranarray(np.arange(10, dtype="<f8").reshape(2, 5) / 4))', [p]);
    const pReport = await inspectNpy(p);
    plainValues = (start, count) => readValues(p, pReport, { start, count }).then((pg) => valuesToViewModel(pReport, pg, { pageSize: count }, t));
  });
  after(() => { if (dir) removeTempDir(dir); });

  it('structured records: one column per field, hostile names and bytes as text', () => {
    const doc = page();
    renderReport(doc, { ...model, valuesPage: structuredValues });
    const cols = [...doc.querySelectorAll('#values-table thead th')].map((th) => th.textContent);
    assert.deepEqual(cols, ['Index', HOSTILE, '</table>', '"&amp;']);
    const rows = [...doc.querySelectorAll('#values-table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    assert.deepEqual(rows, [['[0]', '0.5', '[0, 0]', "b'<b>'"], ['[1]', '1.5', '[0, 0]', "b'x'"], ['[2]', '2.5', '[0, 0]', "b''"]]);
    assert.equal(doc.querySelectorAll('img, b').length, 0);
    // 3 records × (4 + 2·4 + 3) bytes: exactly the page was read.
    assert.equal(doc.getElementById('values-summary')?.textContent, `Elements 0–2 of 3 · ${3 * (4 + 8 + 3)} bytes read`);
    assert.equal((doc.getElementById('values-prev') as HTMLButtonElement).disabled, true);
    assert.equal((doc.getElementById('values-next') as HTMLButtonElement).disabled, true);
    assert.ok(doc.getElementById('values')!.compareDocumentPosition(doc.getElementById('header-text')!) & 4, 'Values come before the raw header');
  });

  it('plain values: rows in C order with N-d indices, every control keyboard-reachable and labelled', async () => {
    const doc = page();
    renderReport(doc, { ...model, valuesPage: await plainValues(0n, 4) });
    const rows = [...doc.querySelectorAll('#values-table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    assert.deepEqual(rows, [['[0, 0]', '0.0'], ['[0, 1]', '0.25'], ['[0, 2]', '0.5'], ['[0, 3]', '0.75']]);
    assert.match(doc.querySelector('.values-note')?.textContent ?? '', /Fortran/);
    for (const id of ['values-prev', 'values-next', 'values-go']) assert.equal(doc.getElementById(id)?.tagName, 'BUTTON', id);
    const input = doc.getElementById('values-index') as HTMLInputElement;
    assert.equal(doc.querySelector('label[for="values-index"]')?.textContent, 'Go to index');
    assert.equal(input.tagName, 'INPUT');
    assert.equal(doc.getElementById('values-next')?.getAttribute('data-values-start'), '4');
    assert.equal(doc.querySelectorAll('[tabindex="-1"]').length, 0);
    assert.equal(input.placeholder, 'flat index or i, j');
  });

  it('a jump marks its row and keeps the typed text; a 0-d array shows its value without paging controls', async () => {
    const doc = page();
    renderReport(doc, { ...model, valuesPage: await plainValues(0n, 4) });
    const jumped = { ...(await plainValues(8n, 4)), target: '9', gotoText: '-1' };
    renderValues(doc, jumped);
    const marked = [...doc.querySelectorAll('#values-table tr[aria-current="true"]')];
    assert.deepEqual(marked.map((tr) => tr.querySelector('td')?.getAttribute('data-index')), ['9']);
    assert.equal((doc.getElementById('values-index') as HTMLInputElement).value, '-1');
    const scalar = join(dir, 'scalar.npy');
    runPython('import sys, numpy as np\nnp.save(sys.argv[1], np.float64(2.5))', [scalar]);
    const r = await inspectNpy(scalar);
    const v = valuesToViewModel(r, await readValues(scalar, r, { start: 0n, count: 20 }), { pageSize: 20 }, t);
    renderReport(doc, { ...reportToViewModel(r, t), valuesPage: v });
    assert.deepEqual([...doc.querySelectorAll('#values-table td')].map((td) => td.textContent), ['2.5']);
    assert.equal(doc.querySelectorAll('#values button, #values input, .values-nav').length, 0, 'no paging for one value');
  });

  it('renderValues replaces only the Values section, keeps focus, shows a refused index as an alert', async () => {
    const doc = page();
    renderReport(doc, { ...model, valuesPage: await plainValues(0n, 4) });
    const summary = doc.querySelector('.summary');
    (doc.getElementById('values-next') as HTMLButtonElement).focus();
    renderValues(doc, await plainValues(4n, 4));
    assert.equal(doc.querySelector('.summary'), summary, 'the report above is untouched');
    assert.equal(doc.querySelectorAll('#values').length, 1);
    assert.equal(doc.activeElement?.id, 'values-next', 'focus stays on Next');
    renderValues(doc, await plainValues(8n, 4));
    assert.equal((doc.getElementById('values-next') as HTMLButtonElement).disabled, true);
    assert.equal(doc.activeElement?.id, 'values-prev', 'at the end focus moves to Previous');
    const refused = { ...(await plainValues(8n, 4)), error: 'Index 12 is out of range.', gotoText: '12' };
    renderValues(doc, refused);
    assert.equal(doc.getElementById('values-error')?.textContent, 'Index 12 is out of range.');
    assert.equal(doc.getElementById('values-error')?.getAttribute('role'), 'alert');
    assert.equal((doc.getElementById('values-index') as HTMLInputElement).value, '12');
    assert.equal(doc.getElementById('values-index')?.getAttribute('aria-invalid'), 'true');
    assert.equal(doc.activeElement?.id, 'values-index');
    assert.equal(doc.body.getAttribute('data-state'), 'rendered');
  });

  it('unavailable values show the sentence and no controls', () => {
    const doc = page();
    renderReport(doc, { ...model, valuesPage: valuesUnavailable('<b>objects</b> are never read.', t) });
    assert.equal(doc.getElementById('values-unavailable')?.textContent, '<b>objects</b> are never read.');
    assert.equal(doc.querySelectorAll('#values button, #values-table, b').length, 0);
  });
});
