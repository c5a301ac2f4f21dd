// The webview's DOM contract, checked in jsdom: data-key cells for every value, the field table, the raw
// header, the buttons, body[data-state]; hostile strings stay text. The real entry (src/webview/main.ts) is
// bundled with esbuild and run against a fake acquireVsCodeApi to check the ready/rendered/action protocol.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { JSDOM } from 'jsdom';
import { HostToWebview, WebviewToHost } from '../../../src/common/messages';
import { ErrorViewModel, PreviewViewModel, VALUE_KEYS } from '../../../src/common/viewModel';
import { NpyError } from '../../../src/core/errors';
import { inspectNpy } from '../../../src/core/inspect';
import { buildPreviewHtml } from '../../../src/extension/model/html';
import { errorToViewModel, reportToViewModel } from '../../../src/extension/model/reportView';
import { formatMessage } from '../../../src/extension/model/translate';
import { renderError, renderReport } from '../../../src/webview/render';
import { repoRoot } from '../../helpers/paths';
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
  before(async function () {
    requireNumpy(this);
    dir = makeTempDir();
    const s = join(dir, `${HOSTILE}.npy`.replace(/\//g, '_'));
    runPython(`import sys, numpy as np
dt = np.dtype([(sys.argv[2], '<f4'), ('</table>', '<i4', (2,)), ('"&amp;', 'S3')])
np.save(sys.argv[1], np.zeros((2, 3), dtype=dt))`, [s, HOSTILE]);
    structured = reportToViewModel(await inspectNpy(s), t);
    const o = join(dir, 'o.npy');
    runPython('import sys, numpy as np\nnp.save(sys.argv[1], np.array([None], dtype=object), allow_pickle=True)', [o]);
    objectModel = reportToViewModel(await inspectNpy(o), t);
  });
  after(() => { if (dir) removeTempDir(dir); });

  it('puts every value in exactly one [data-key] cell, as text', () => {
    const doc = page();
    renderReport(doc, structured);
    assert.equal(doc.body.getAttribute('data-state'), 'rendered');
    for (const k of VALUE_KEYS) {
      const cells = doc.querySelectorAll(`[data-key="${k}"]`);
      assert.equal(cells.length, 1, `${k} appears once`);
      assert.equal(cells[0].textContent, structured.values[k], k);
    }
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

  it('value tables are semantic: row headers with scope', () => {
    const doc = page();
    renderReport(doc, structured);
    for (const row of doc.querySelectorAll('table.values tr')) {
      assert.equal(row.children[0].tagName, 'TH');
      assert.equal(row.children[0].getAttribute('scope'), 'row');
    }
  });

  it('offers the four actions as buttons; "create like" is disabled for object data', () => {
    const doc = page();
    renderReport(doc, structured);
    for (const id of ['copy-json', 'copy-python', 'copy-rust', 'create-like']) {
      const b = doc.getElementById(id);
      assert.equal(b?.tagName, 'BUTTON', id);
      assert.equal((b as HTMLButtonElement).disabled, false, id);
    }
    renderReport(doc, objectModel);
    assert.equal((doc.getElementById('create-like') as HTMLButtonElement).disabled, true);
    assert.equal(doc.querySelector('[data-key="status"]')?.textContent, 'object data never loaded');
    assert.equal(doc.querySelectorAll('#fields').length, 0, 'no field table for a plain dtype');
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
    const bundle = buildSync({ entryPoints: [join(repoRoot, 'src/webview/main.ts')], bundle: true, write: false, format: 'iife',
      platform: 'browser', target: 'es2020', logLevel: 'silent' }).outputFiles[0].text;
    const dom = new JSDOM(buildPreviewHtml({ cspSource: 'x', nonce: 'n', scriptUri: 'w.js', styleUri: 's.css', title: 't', loadingText: '…' }),
      { runScripts: 'outside-only' });
    // Messages are copied out of jsdom's realm so deepEqual compares plain objects.
    const posted: WebviewToHost[] = [];
    (dom.window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({ postMessage: (m: WebviewToHost) => posted.push(JSON.parse(JSON.stringify(m)) as WebviewToHost) });
    dom.window.eval(bundle);
    assert.deepEqual(posted, [{ type: 'ready' }]);

    const send = async (m: HostToWebview) => {
      dom.window.dispatchEvent(new dom.window.MessageEvent('message', { data: m }));
      await new Promise((r) => setImmediate(r));
    };
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
  });
});
