// Issue 6's webview rules with the nastiest strings a file can carry: markup, a closing </table>, attribute
// breakouts, a right-to-left override and a 5,000-character name all stay text, in their own cells, and the
// page loads nothing remote.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { inspectNpy } from '../../../src/core/file/inspect';
import { buildPreviewHtml } from '../../../src/extension/model/html';
import { reportToViewModel } from '../../../src/extension/model/reportView';
import { formatMessage } from '../../../src/extension/model/translate';
import { renderReport } from '../../../src/webview/render';
import { repoRoot } from '../../helpers/paths';
import { requireNumpy, runPython } from '../../helpers/python';
import { makeTempDir, removeTempDir } from '../../helpers/tmp';

const NAMES = [
  '<script>alert(1)</script>',
  '</table><tr><td>forged</td></tr>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '\u202egnp.exe',
  'x'.repeat(5000),
];

describe('webview: hostile strings from a file stay text', function () {
  this.timeout(20000);
  let dir: string;
  let file: string;
  before(function () {
    requireNumpy(this);
    dir = makeTempDir();
    file = join(dir, '<b>bold&amp;\u202e.npy');
    runPython(`import sys, json, numpy as np
names = json.loads(sys.argv[2])
np.save(sys.argv[1], np.zeros(3, dtype=[(n, '<f4') for n in names]))`, [file, JSON.stringify(NAMES)]);
  });
  after(() => { if (dir) removeTempDir(dir); });

  it('renders every field name, the file name and the raw header as exact text, adding no elements', async () => {
    const report = await inspectNpy(file);
    const model = reportToViewModel(report, formatMessage);
    const doc = new JSDOM(buildPreviewHtml({ cspSource: 'vscode-resource:', nonce: 'n', scriptUri: 'w.js', styleUri: 's.css', title: 't', loadingText: '…' })).window.document;
    renderReport(doc, model);
    assert.equal(doc.querySelectorAll('script').length, 1, 'only the page\'s own script');
    assert.equal(doc.querySelectorAll('img, svg, iframe, object, embed').length, 0);
    assert.equal([...doc.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length, 0, 'no handler attributes');
    const rows = [...doc.querySelectorAll('table#fields tbody tr')];
    assert.equal(rows.length, NAMES.length, 'one row per field, none forged');
    NAMES.forEach((n, i) => assert.ok(rows[i].textContent!.includes(n), `field ${i} shown as text`));
    assert.equal(doc.querySelector('pre#header-text')!.textContent, report.headerText);
    assert.ok(doc.querySelector('[data-key="fileName"]')!.textContent!.includes('<b>bold&amp;\u202e.npy'));
  });

  it('loads nothing remote: no URL in the webview bundles sources or stylesheets', () => {
    const files = [
      // Recursive: the data view's parts live in src/webview/dataView/.
      ...readdirSync(join(repoRoot, 'src', 'webview'), { recursive: true }).map((f) => join(repoRoot, 'src', 'webview', String(f))).filter((f) => f.endsWith('.ts')),
      ...readdirSync(join(repoRoot, 'media')).filter((f) => f.endsWith('.css')).map((f) => join(repoRoot, 'media', f)),
    ];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      assert.doesNotMatch(text, /https?:\/\/|@import|url\(|fetch\(|XMLHttpRequest|WebSocket|new Image\(/, f);
    }
  });
});
