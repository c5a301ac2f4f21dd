// The first paint without a round trip: the host embeds its first messages in the page as escaped JSON inside an
// inert <template>. A hostile header (markup, a closing </template>, comment and CDATA openers, line separators)
// stays data: one script on the page, nothing injected, the JSON comes back exactly. The bundled main.ts renders it
// before any message arrives, tells the host which state it showed, and shows it only on the page's first load.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { JSDOM } from 'jsdom';
import { INITIAL_STATE_ID, InitialState, parseInitialState } from '../../../src/common/initialState';
import { HostToWebview, isWebviewToHost, WebviewToHost } from '../../../src/common/messages';
import { inspectNpy } from '../../../src/core/file/inspect';
import { readValues } from '../../../src/core/values/pages';
import { buildPreviewHtml } from '../../../src/extension/model/html';
import { reportToViewModel, valuesToViewModel } from '../../../src/extension/model/reportView';
import { formatMessage } from '../../../src/extension/model/translate';
import { repoRoot } from '../../helpers/paths';
import { requireNumpy, runPython } from '../../helpers/python';
import { makeTempDir, removeTempDir } from '../../helpers/tmp';

const t = formatMessage;
const NAMES = ['</template><script>alert(1)</script>', '<!--', ']]><img src=x onerror=alert(1)>', '\u2028\u2029"\'&lt;&amp;', '</script>'];

function pageHtml(initialJson?: string): string {
  return buildPreviewHtml({ cspSource: 'x', nonce: 'n', scriptUri: 'w.js', styleUri: 's.css', title: 't', loadingText: 'Reading…', initialJson });
}

let bundle: string | undefined;
/** Runs the real webview entry on `html` with a fake VS Code API whose saved state starts as `saved`. */
function load(html: string, saved?: unknown): { doc: Document; posted: WebviewToHost[]; saved: () => unknown } {
  bundle ??= buildSync({ entryPoints: [join(repoRoot, 'src/webview/main.ts')], bundle: true, write: false, format: 'iife',
    platform: 'browser', target: 'es2020', logLevel: 'silent' }).outputFiles[0].text;
  const dom = new JSDOM(html, { runScripts: 'outside-only' });
  const posted: WebviewToHost[] = [];
  let state = saved;
  const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  (dom.window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
    postMessage: (m: WebviewToHost) => posted.push(copy(m)),
    getState: () => state,
    setState: (s: unknown) => { state = copy(s); },
  });
  dom.window.eval(bundle);
  return { doc: dom.window.document, posted, saved: () => state };
}

describe('first paint from the page: the embedded initial state', function () {
  this.timeout(20000);
  let dir: string;
  let state: InitialState<HostToWebview>;
  before(async function () {
    requireNumpy(this);
    dir = makeTempDir();
    const file = join(dir, 'hostile.npy');
    runPython(`import sys, json, numpy as np
names = json.loads(sys.argv[2])
np.save(sys.argv[1], np.zeros(3, dtype=[(n, '<f4') for n in names]))`, [file, JSON.stringify(NAMES)]);
    const report = await inspectNpy(file);
    const values = valuesToViewModel(report, await readValues(file, report, { start: 0n, count: 3 }), { pageSize: 3 }, t);
    state = { stamp: 1733030000123, messages: [{ type: 'report', model: { ...reportToViewModel(report, t), valuesPage: values } }] };
  });
  after(() => { if (dir) removeTempDir(dir); });

  it('keeps a hostile header as data: one script, no injected element, the JSON back exactly', () => {
    const html = pageHtml(JSON.stringify(state));
    const doc = new JSDOM(html).window.document;
    assert.equal(doc.querySelectorAll('script').length, 1, "only the page's own script");
    assert.equal(doc.querySelector('script')?.getAttribute('nonce'), 'n');
    assert.equal(doc.querySelectorAll('template').length, 1);
    assert.equal(doc.querySelectorAll('img, svg, iframe, object, embed').length, 0);
    const template = doc.getElementById(INITIAL_STATE_ID) as HTMLTemplateElement;
    assert.equal(template.content.children.length, 0, 'text only inside the template');
    assert.deepEqual(parseInitialState(template.content.textContent), state);
    const open = `<template id="${INITIAL_STATE_ID}">`;
    const raw = html.slice(html.indexOf(open) + open.length, html.lastIndexOf('</template>'));
    assert.doesNotMatch(raw, /[<>"']/, 'every markup character of the JSON is escaped');
  });

  it("main.ts paints the embedded report before any message, saying 'ready' with its stamp first", () => {
    const { doc, posted } = load(pageHtml(JSON.stringify(state)));
    assert.equal(doc.body.getAttribute('data-state'), 'rendered');
    const names = [...doc.querySelectorAll('table#fields tbody th[scope="row"]')].map((th) => th.textContent);
    assert.deepEqual(names, NAMES);
    assert.equal(doc.querySelectorAll('#values-table td[data-index]').length > 0, true, 'the Values page too');
    assert.equal(doc.querySelectorAll('script').length, 1);
    // 'ready' first: the host knows the page shows its state before it counts the render.
    assert.deepEqual(posted, [{ type: 'ready', shown: state.stamp }, { type: 'rendered' }]);
    assert.ok(isWebviewToHost(posted[0]));
  });

  it('a reload of the same page (the panel shown again) shows no old news: it waits for the host', () => {
    const first = load(pageHtml(JSON.stringify(state)));
    const again = load(pageHtml(JSON.stringify(state)), first.saved());
    assert.equal(again.doc.body.getAttribute('data-state'), 'loading');
    assert.equal(again.doc.getElementById('root')?.textContent, 'Reading…');
    assert.deepEqual(again.posted, [{ type: 'ready' }]);
    // A newer page (another stamp) is shown again.
    const newer = load(pageHtml(JSON.stringify({ ...state, stamp: state.stamp + 1 })), first.saved());
    assert.equal(newer.doc.body.getAttribute('data-state'), 'rendered');
    assert.deepEqual(newer.posted[0], { type: 'ready', shown: state.stamp + 1 });
  });

  it('a page without an embedded state, or with a broken one, waits for the host', () => {
    for (const json of [undefined, '', 'not json', 'null', '{"stamp":"1","messages":[]}', '{"stamp":1,"messages":[1]}', '{"stamp":1}']) {
      const { doc, posted } = load(pageHtml(json));
      assert.equal(doc.body.getAttribute('data-state'), 'loading', String(json));
      assert.deepEqual(posted, [{ type: 'ready' }], String(json));
    }
    assert.equal(new JSDOM(pageHtml()).window.document.getElementById(INITIAL_STATE_ID), null, 'no template at all');
  });

  it("the host accepts 'ready' with a numeric stamp only", () => {
    assert.ok(isWebviewToHost({ type: 'ready' }));
    assert.ok(isWebviewToHost({ type: 'ready', shown: 12 }));
    assert.equal(isWebviewToHost({ type: 'ready', shown: '12' }), false);
    assert.equal(isWebviewToHost({ type: 'ready', shown: 1.5 }), false);
  });
});
