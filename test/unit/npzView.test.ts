// The .npz preview without VS Code: view models from real inspectNpz reports (zips from npzZip.ts), the DOM
// in jsdom (member buttons, selected member's report by data-key, hostile names stay text, error page), and
// the bundled webview entry against a fake acquireVsCodeApi (ready → render → rendered, click → select).
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { JSDOM } from 'jsdom';
import { HostToNpzWebview, isNpzWebviewToHost, NpzWebviewToHost } from '../../src/common/npzMessages';
import { ViewRequest } from '../../src/common/viewMessages';
import { NpyError } from '../../src/core/errors';
import { inspectNpz, NpzReport } from '../../src/core/npz/inspectNpz';
import { viewLabels } from '../../src/extension/model/dataViewText';
import { reportToViewModel } from '../../src/extension/model/reportView';
import { formatMessage } from '../../src/extension/model/translate';
import { buildNpzHtml, memberDetail, memberGridToViewModel, memberValuesToViewModel, npzErrorToViewModel, npzToViewModel } from '../../src/extension/npzView';
import { readNpzMemberGrid, readNpzMemberValues } from '../../src/core/npz/memberValues';
import { GRID_COLS, GRID_ROWS } from '../../src/extension/model/valuesGrid';
import { renderNpz, renderNpzError } from '../../src/webview/npzRender';
import { repoRoot } from '../helpers/paths';
import { makeTempDir, removeTempDir } from '../helpers/tmp';
import { buildZip, npyBytes } from './npzZip';

const t = formatMessage;
const HOSTILE = '<img src=x onerror=alert(1)>.npy';

function page(): JSDOM {
  return new JSDOM(buildNpzHtml({ cspSource: 'vscode-resource:', nonce: 'n', scriptUri: 'w.js', styleUris: ['a.css', 'b.css'], title: '<t>', loadingText: '…' }),
    { runScripts: 'outside-only' });
}


/** The bundled npzMain.ts running in jsdom, with what it posts to the host. */
function loadedEntry(): { dom: ReturnType<typeof page>; posted: NpzWebviewToHost[] } {
  const bundle = buildSync({ entryPoints: [join(repoRoot, 'src/webview/npzMain.ts')], bundle: true, write: false, format: 'iife',
    platform: 'browser', target: 'es2020', logLevel: 'silent' }).outputFiles[0]!.text;
  const dom = page();
  const posted: NpzWebviewToHost[] = [];
  (dom.window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({ postMessage: (m: NpzWebviewToHost) => posted.push(JSON.parse(JSON.stringify(m)) as NpzWebviewToHost) });
  dom.window.eval(bundle);
  return { dom, posted };
}

/** Posts a host message to the page and lets it render. */
function sender(dom: ReturnType<typeof page>): (m: HostToNpzWebview) => Promise<void> {
  return async (m) => {
    dom.window.dispatchEvent(new dom.window.MessageEvent('message', { data: m }));
    await new Promise((r) => setImmediate(r));
  };
}

describe('npz preview: view model, DOM and webview protocol', function () {
  this.timeout(20000);
  let dir: string;
  let report: NpzReport;
  before(async () => {
    dir = makeTempDir('zeroed-npy-npzview-');
    const p = join(dir, 'arrays.npz');
    writeFileSync(p, buildZip([
      { name: 'x.npy', data: npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", new Uint8Array(24)) },
      { name: HOSTILE, data: npyBytes("{'descr': [('a', '<f4'), ('</td>', '>i2', (2,))], 'fortran_order': True, 'shape': (2, 2), }", new Uint8Array(32)), method: 8 },
      { name: 'notes.txt', data: Buffer.from('hello') },
      { name: 'short.npy', data: npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", new Uint8Array(8)) },
    ]).bytes);
    report = await inspectNpz(p);
  });
  after(() => removeTempDir(dir));

  it('rows say dtype, shape, order, sizes, method and status; the badge counts unreadable members', () => {
    const m = npzToViewModel(report, t);
    assert.equal(m.fileName, 'arrays.npz');
    assert.deepEqual(m.badge, { kind: 'warning', text: '1 of 4 members unreadable' });
    assert.match(m.summary, /^\d+ B archive, 4 members$/);
    assert.equal(m.readNote, `Read ${report.bytesRead.toLocaleString('en-US')} bytes: the zip directory and each member's header only.`);
    assert.deepEqual(m.members[0], {
      index: 0, name: 'x.npy', dtype: '<f8', shape: '(3,)', order: 'C', uncompressed: '152 B', compressed: '152 B',
      method: 'stored', status: 'valid', statusKind: 'ok', detail: 'Valid: the member holds the header and exactly 24 bytes of data.',
    });
    assert.equal(m.members[1]!.order, 'F');
    assert.equal(m.members[1]!.method, 'deflated');
    assert.equal(m.members[1]!.shape, '(2, 2)');
    assert.equal(m.members[2]!.status, 'not a .npy');
    assert.equal(m.members[2]!.dtype, '—');
    assert.equal(m.members[3]!.status, 'truncated by 16 bytes');
    assert.equal(m.unlisted, null);
  });

  it('the selected member\'s detail is the .npy report mapping, with member-size labels and no disk rows', () => {
    const d = memberDetail(report, 1, t)!;
    const direct = reportToViewModel(report.members[1]!.report!, t);
    // The same mapping but for the status sentence, which speaks of the member, not a file.
    assert.deepEqual({ ...d.report!.values, statusMessage: direct.values.statusMessage }, direct.values);
    assert.equal(d.report!.values.statusMessage, 'Valid: the member holds the header and exactly 32 bytes of data.');
    assert.equal(memberDetail(report, 3, t)!.report!.values.statusMessage, 'Truncated: the member is missing 16 bytes of the data its header describes.');
    assert.equal(d.report!.labels.fileBytes, 'Member size (uncompressed)');
    assert.ok(d.report!.sections.every((s) => !s.keys.includes('allocatedBytes') && !s.keys.includes('sparseRatio')));
    assert.equal(d.title, `Member ${HOSTILE}`);
    const e = memberDetail(report, 2, t)!;
    assert.equal(e.report, null);
    assert.equal(e.error, report.members[2]!.error);
    assert.equal(memberDetail(report, 99, t), null);
  });

  it('renders buttons per member, the selected report by data-key, and hostile names as text', () => {
    const dom = page();
    const doc = dom.window.document;
    const m = npzToViewModel(report, t);
    renderNpz(doc, m, null);
    assert.equal(doc.body.getAttribute('data-state'), 'rendered');
    const buttons = [...doc.querySelectorAll('#members button[data-index]')];
    assert.deepEqual(buttons.map((b) => b.textContent), ['x.npy', HOSTILE, 'notes.txt', 'short.npy']);
    assert.ok(buttons.every((b) => b.tagName === 'BUTTON' && b.getAttribute('type') === 'button'), 'real buttons: keyboard reachable');
    assert.equal(doc.querySelectorAll('img').length, 0, 'no markup from member names');
    assert.equal(doc.getElementById('member-detail')?.textContent, 'Select a member to see its full header report.');
    const cells = (i: number) => [...doc.querySelectorAll(`tr[data-member="${i}"] td`)].map((c) => c.textContent);
    assert.deepEqual(cells(0), ['<f8', '(3,)', 'C', '152 B', '152 B', 'stored', 'valid']);

    const d = memberDetail(report, 1, t)!;
    renderNpz(doc, m, d);
    assert.equal(doc.querySelector('tr.selected button')?.textContent, HOSTILE);
    assert.equal(doc.querySelector('tr.selected button')?.getAttribute('aria-pressed'), 'true');
    for (const s of d.report!.sections) {
      for (const k of s.keys) assert.equal(doc.querySelector(`#member-detail [data-key="${k}"]`)?.textContent, d.report!.values[k], k);
    }
    assert.deepEqual([...doc.querySelectorAll('#fields th[scope="row"]')].map((c) => c.textContent), ['a', '</td>']);
    assert.equal(doc.getElementById('header-text')?.textContent, report.members[1]!.report!.headerText);
    assert.equal(doc.querySelectorAll('img').length, 0);

    renderNpz(doc, m, memberDetail(report, 2, t));
    assert.equal(doc.getElementById('member-error')?.textContent, report.members[2]!.error);

    renderNpzError(doc, npzErrorToViewModel('bad.npz', new NpyError('bad-archive', 'bad.npz is a damaged zip archive: its central directory is corrupt or cut off.'), t));
    assert.equal(doc.body.getAttribute('data-state'), 'error');
    assert.equal(doc.querySelector('[data-key="status"]')?.textContent, 'damaged archive');
    assert.match(doc.getElementById('error-message')?.textContent ?? '', /central directory is corrupt/);
    // Archives have codes of their own: not-zip and bad-archive, never a .npy code.
    assert.deepEqual(npzErrorToViewModel('t.npz', new NpyError('not-zip', 't.npz is not a zip archive.'), t).badge, { kind: 'error', text: 'not a zip archive' });
  });

  it('the page has a nonce CSP, no inline handlers, and escapes its title', () => {
    const html = buildNpzHtml({ cspSource: 'vscode-resource:', nonce: 'abc', scriptUri: 'w.js', styleUris: ['a.css', 'b.css'], title: '<t>"', loadingText: '…' });
    const csp = new JSDOM(html).window.document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    assert.match(csp ?? '', /^default-src 'none'; style-src vscode-resource: 'nonce-abc'; script-src 'nonce-abc';/);
    assert.match(html, /<title>&lt;t&gt;&quot;<\/title>/);
    assert.doesNotMatch(html, /\son\w+=/);
    assert.equal([...html.matchAll(/<link rel="stylesheet"/g)].length, 2);
  });

  it('the bundled entry: ready, rendered after each post, select on click, focus kept on the member', async () => {
    const { dom, posted } = loadedEntry();
    assert.deepEqual(posted, [{ type: 'ready' }]);
    const send = sender(dom);
    const doc = dom.window.document;
    const model = npzToViewModel(report, t);
    await send({ type: 'npz', model, selected: null });
    assert.deepEqual(posted.slice(1), [{ type: 'rendered' }]);
    const button = doc.querySelector('button[data-index="3"]') as HTMLButtonElement;
    button.focus();
    button.click();
    assert.deepEqual(posted.slice(2), [{ type: 'select', index: 3 }]);
    await send({ type: 'npz', model, selected: memberDetail(report, 3, t) });
    assert.deepEqual(posted.slice(3), [{ type: 'rendered' }]);
    assert.equal(doc.activeElement?.getAttribute('data-index'), '3', 'focus stays on the member after the re-render');
    assert.equal(doc.querySelector('#member-detail [data-key="status"]'), null);
    assert.equal(doc.querySelector('#member-detail [data-key="memberStatus"]')?.textContent, 'truncated by 16 bytes');
    await send({ type: 'error', model: npzErrorToViewModel('x.npz', new Error('boom'), t) });
    assert.equal(doc.getElementById('error-message')?.textContent, 'boom');
    assert.equal(posted.filter((p) => p.type === 'rendered').length, 3);
  });

  it('a member\'s copy buttons and Values section: the .npy renderer inside the member, paging posted back', async () => {
    const { dom, posted } = loadedEntry();
    const send = sender(dom);
    const doc = dom.window.document;
    const x = report.members[0]!;
    const values = (start: bigint) => readNpzMemberValues(report.path, x, { start, count: 2 })
      .then((p) => memberValuesToViewModel(x.report!, p, { pageSize: 2 }, t));
    const detail = { ...memberDetail(report, 0, t)!, values: await values(0n) };
    await send({ type: 'npz', model: npzToViewModel(report, t), selected: detail });
    // Order inside the member: toolbar, report tables, Values, raw header.
    const ids = [...doc.querySelectorAll('#member-detail > [id], #member-detail > .actions')].map((e) => e.id || 'actions');
    assert.deepEqual(ids.slice(0, 2), ['h-member', 'actions']);
    assert.ok(ids.indexOf('values') > ids.indexOf('section-sizes') && ids.indexOf('values') < ids.indexOf('h-header'), ids.join(' '));
    assert.deepEqual([...doc.querySelectorAll('#values td[data-index]')].map((c) => c.textContent), ['0.0', '0.0']);
    assert.equal(doc.querySelector('#member-detail [data-key="statusMessage"]')?.textContent, 'Valid: the member holds the header and exactly 24 bytes of data.');
    const from = posted.length;
    (doc.getElementById('values-next') as HTMLButtonElement).click();
    (doc.getElementById('copy-python') as HTMLButtonElement).click();
    (doc.getElementById('values-index') as HTMLInputElement).value = '2';
    (doc.getElementById('values-go') as HTMLButtonElement).click();
    assert.deepEqual(posted.slice(from), [{ type: 'values-page', start: '2' }, { type: 'action', action: 'copy-python' }, { type: 'values-goto', text: '2' }]);
    await send({ type: 'values', values: await values(2n) });
    assert.equal(doc.querySelectorAll('#values').length, 1);
    assert.equal(doc.getElementById('values')?.parentElement?.id, 'member-detail', 'the next page replaces the section in place');
    assert.deepEqual([...doc.querySelectorAll('#values td[data-index]')].map((c) => c.getAttribute('data-index')), ['2']);
    // A member without a header report: only the JSON (which carries its error) can be copied.
    await send({ type: 'npz', model: npzToViewModel(report, t), selected: memberDetail(report, 2, t) });
    assert.deepEqual([...doc.querySelectorAll('#member-detail .actions button')].map((b) => (b as HTMLButtonElement).disabled), [false, true, true]);
    assert.equal(doc.getElementById('values'), null);
    assert.ok(isNpzWebviewToHost({ type: 'action', action: 'copy-rust' }));
    assert.equal(isNpzWebviewToHost({ type: 'action', action: 'resize' }), false, 'no file-level actions on a member');
    assert.equal(isNpzWebviewToHost({ type: 'values-page', start: '-1' }), false);
  });

  it('a member of 2 or more dimensions: the .npy grid inside the member, its buttons, boxes and keys posted back', async () => {
    const { dom, posted } = loadedEntry();
    const send = sender(dom);
    const doc = dom.window.document;
    const p = join(dir, 'cube.npz');
    writeFileSync(p, buildZip([
      { name: 'cube.npy', data: npyBytes("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 20, 10), }", Uint8Array.from({ length: 400 }, (_, i) => i % 251)) },
    ]).bytes);
    const z = await inspectNpz(p);
    const m = z.members[0]!;
    const page = await readNpzMemberGrid(p, m, { lead: [1n], row: 0n, col: 0n, rows: GRID_ROWS, cols: GRID_COLS });
    await send({ type: 'npz', model: npzToViewModel(z, t), selected: { ...memberDetail(z, 0, t)!, values: memberGridToViewModel(m.report!, page, {}, t) } });
    // Plane 1 of the (2, 20, 10) uint8 member, i.e. elements 200…: the first grid row is 200 % 251 …
    assert.deepEqual([...doc.querySelectorAll('#member-detail #values-table tbody tr:first-child td')].map((c) => c.textContent), ['200', '201', '202', '203', '204', '205', '206', '207']);
    const from = posted.length;
    (doc.getElementById('grid-rows-next') as HTMLButtonElement).click();
    (doc.querySelector('#grid-lead input') as HTMLInputElement).value = '-1';
    (doc.getElementById('grid-lead-apply') as HTMLButtonElement).click();
    (doc.getElementById('values-table') as HTMLElement).dispatchEvent(new dom.window.KeyboardEvent('keydown', { key: 'PageDown', bubbles: true }));
    assert.deepEqual(posted.slice(from), [
      { type: 'values-grid', lead: ['1'], row: '16', col: '0' },
      { type: 'values-grid', lead: ['-1'], row: '0', col: '0' },
      { type: 'values-grid', lead: ['1'], row: '16', col: '0' },
    ]);
    assert.ok(isNpzWebviewToHost({ type: 'values-grid', lead: ['-1'], row: '16', col: '0' }));
    assert.equal(isNpzWebviewToHost({ type: 'values-grid', lead: ['0'], row: '-1', col: '0' }), false);
  });

  it('the selected member\'s picture: built under its Values from view-setup, asks for its view, rebuilt after each re-render, or one sentence', async () => {
    const { dom, posted } = loadedEntry();
    // jsdom has no 2-D context: the drawing itself is checked in webview/dataView.test.ts.
    (dom.window.HTMLCanvasElement.prototype as unknown as { getContext: () => null }).getContext = () => null;
    const send = sender(dom);
    const doc = dom.window.document;
    const x = report.members[0]!;
    const page = memberValuesToViewModel(x.report!, await readNpzMemberValues(report.path, x, { start: 0n, count: 2 }), { pageSize: 2 }, t);
    const showMember = () => send({ type: 'npz', model: npzToViewModel(report, t), selected: { ...memberDetail(report, 0, t)!, values: page } });
    const setup = (extra: { unavailable?: string } = {}) => send({ type: 'view-setup', setup: { shape: ['3'], fields: [], complex: false, image: false, kind: 'f', ui: viewLabels(t), ...extra } });
    const requests = () => posted.filter((m): m is ViewRequest => m.type === 'view-request');
    await showMember();
    const rendered = posted.filter((m) => m.type === 'rendered').length;
    await setup();
    const section = doc.getElementById('data-view')!;
    assert.equal(section.parentElement?.id, 'member-detail');
    assert.equal(section.previousElementSibling?.id, 'values', 'under the member\'s values');
    const req = requests().at(-1)!;
    assert.deepEqual([req.rowAxis, req.colAxis, req.mode], [null, 0, 'fit'], 'a 1-D member: a line');
    await send({ type: 'view-start', id: req.id, rows: 1, cols: 3, rowStart: 0, colStart: 0, step: 1, planeRows: 1, planeCols: 3, origin: ['0'], rowAxis: null, colAxis: 0, label: 'all 3 elements', channels: 1 });
    await send({ type: 'view-rows', id: req.id, channel: 0, firstRow: 0, rowCount: 1, values: new Float64Array(3) });
    await send({ type: 'view-done', id: req.id, stats: { count: 3, nan: 0, posInf: 0, negInf: 0, zeros: 3, min: 0, max: 0, mean: 0, std: 0 }, finite: { low: 0, high: 0 }, robust: null, statsText: 'the stats line', bytesRead: 24 });
    assert.equal(doc.getElementById('view-label')?.textContent, 'all 3 elements');
    assert.equal(doc.getElementById('view-stats')?.textContent, 'the stats line');
    assert.equal(posted.filter((m) => m.type === 'rendered').length, rendered, 'the picture\'s messages are not page renders');
    const zoom = doc.getElementById('view-zoom') as HTMLSelectElement;
    zoom.value = 'window';
    zoom.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
    assert.equal(requests().at(-1)!.mode, 'window');
    // Refresh: the page is rendered again, then the host posts the picture's setup again; the choices stay.
    await showMember();
    assert.equal(doc.getElementById('data-view'), null);
    await setup();
    assert.ok(doc.getElementById('view-canvas'));
    assert.ok(requests().at(-1)!.id > req.id, 'the rebuilt picture asks again');
    assert.equal(requests().at(-1)!.mode, 'window', 'a refresh keeps the zoom');
    // Another member of the same shape starts from the defaults.
    await send({ type: 'npz', model: npzToViewModel(report, t), selected: memberDetail(report, 3, t) });
    await setup();
    assert.equal(requests().at(-1)!.mode, 'fit', 'another member: the default zoom');
    await showMember();
    await setup({ unavailable: 'x.npy is compressed.' });
    assert.equal(doc.getElementById('view-unavailable')?.textContent, 'x.npy is compressed.');
    assert.equal(doc.getElementById('view-canvas'), null);
    assert.ok(isNpzWebviewToHost(req));
    assert.ok(isNpzWebviewToHost({ type: 'view-element', index: ['2'] }));
    assert.equal(isNpzWebviewToHost({ ...req, width: 0 }), false);
  });

  it('Refresh: a labelled button in the archive toolbar, with or without a selected member; it posts refresh and keeps focus', async () => {
    const { dom, posted } = loadedEntry();
    const send = sender(dom);
    const doc = dom.window.document;
    await send({ type: 'npz', model: npzToViewModel(report, t), selected: null });
    const refresh = doc.getElementById('refresh') as HTMLButtonElement;
    assert.equal(refresh.tagName, 'BUTTON');
    assert.equal(refresh.type, 'button');
    assert.equal(refresh.textContent, 'Refresh');
    assert.equal(refresh.title, 'Read the archive again now');
    assert.equal(refresh.closest('[role="toolbar"]')?.getAttribute('aria-label'), 'Archive');
    refresh.focus();
    refresh.click();
    assert.deepEqual(posted.filter((m) => m.type === 'refresh'), [{ type: 'refresh' }]);
    assert.equal(posted.filter((m) => m.type === 'select' || m.type === 'action').length, 0, 'Refresh is neither a member nor a copy button');
    await send({ type: 'npz', model: npzToViewModel(report, t), selected: memberDetail(report, 0, t) });
    assert.equal(doc.activeElement?.id, 'refresh', 'focus stays on Refresh after the re-render');
    assert.equal(doc.querySelectorAll('#refresh').length, 1, 'one Refresh, the member toolbar has none');
    assert.ok(isNpzWebviewToHost({ type: 'refresh' }));
  });

  it('accepts only well-formed messages from the webview', () => {
    assert.ok(isNpzWebviewToHost({ type: 'select', index: 2 }));
    for (const bad of [null, 'x', { type: 'select' }, { type: 'select', index: -1 }, { type: 'select', index: 1.5 }, { type: 'select', index: '1' }, { type: 'action' }]) {
      assert.equal(isNpzWebviewToHost(bad), false, JSON.stringify(bad));
    }
  });
});
