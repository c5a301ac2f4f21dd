// The preview's first report comes inside its page (no round trip). A preview hidden behind another editor loses its
// page; shown again after the file changed, it must show the file as it is now, never the report it was opened with.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { py } from '../vscode/suite/numpy';
import { keepFailure, session } from './session';
import { Workbench } from './workbench';

describe('.npy preview: first paint, and shown again', () => {
  let base: string;
  let dir: string;
  let wb: Workbench | undefined;
  before(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'zeroed-npy-ui-paint-'));
    dir = path.join(base, 'samples');
    mkdirSync(dir);
  });
  after(() => rmSync(base, { recursive: true, force: true }));
  afterEach(async function () {
    await keepFailure(wb, this.currentTest);
    await wb?.close();
    wb = undefined;
  });

  it('shown again after the file changed, the reloaded page shows the file as it is now', async () => {
    const file = path.join(dir, 'changing.npy');
    py(`np.save(sys.argv[1], np.arange(10, dtype='<i4')); print(1)`, file);
    writeFileSync(path.join(dir, 'notes.txt'), 'notes\n');
    wb = await session().open(dir);
    await wb.openFromExplorer('changing.npy');
    await wb.previewRendered();
    assert.equal(await wb.cell('shape'), '(10,)');
    // A mark on the page: gone after showing again proves the page was reloaded (its HTML still embeds (10,)).
    await wb.preview().locator('body').evaluate((b) => b.setAttribute('data-before-hide', ''));
    // Keep the tab (a click opened it in preview mode, which the next click would replace), then hide it.
    await wb.runCommand('View: Keep Editor');
    await wb.explorerRow('notes.txt').click();
    await wb.page.locator('.part.editor .monaco-editor').first().waitFor({ state: 'visible' });
    await wb.page.locator('iframe.webview.ready').first().waitFor({ state: 'hidden' });

    py(`np.save(sys.argv[1], np.arange(7, dtype='<i4') * 3); print(1)`, file);
    await wb.page.locator('.tabs-container .tab', { hasText: 'changing.npy' }).click();
    // The reloaded page has the same HTML, embedded (10,) included: it asks the host instead of showing that.
    await wb.previewRendered();
    await wb.preview().locator('[data-key="shape"]', { hasText: '(7,)' }).waitFor();
    assert.equal(await wb.preview().locator('body[data-before-hide]').count(), 0, 'the page was reloaded');
    const cells = wb.preview().locator('#values-table td[data-index]');
    await cells.nth(6).waitFor();
    assert.deepEqual((await cells.allTextContents()).map((s) => s.trim()), ['0', '3', '6', '9', '12', '15', '18']);
  });
});
