// Live preview as a person sees it: a job writes through a memory map (np.load(mmap_mode='r+') + flush(), no
// file-watcher event) and the value appears on screen with Format still open and the page kept; the Refresh
// button is reached and pressed with the keyboard and keeps focus. The preview's first report comes inside its
// page (no round trip): a preview hidden behind another editor loses its page, and shown again after the file
// changed it must show the file as it is now, never the report it was opened with.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { py, writeThroughMemmap } from '../vscode/suite/numpy';
import { session, uiSuite } from './session';

describe('live .npy preview in the browser', () => {
  const ui = uiSuite('live');

  it('shows a value written through a memory map, keeping the page and an open Format; Refresh works from the keyboard', async () => {
    const file = path.join(ui.dir, 'job.npy');
    py(`np.lib.format.open_memmap(sys.argv[1], mode='w+', dtype='<f8', shape=(200, 300)); print(1)`, file);
    ui.wb = await session().open(ui.dir);
    await ui.wb.openFromExplorer('job.npy');
    await ui.wb.previewRendered();
    const frame = ui.wb.preview();
    await frame.locator('#values-index').fill('100, 202');
    await frame.locator('#values-index').press('Enter');
    const cell = frame.locator(`#values-table td[data-index="${100 * 300 + 202}"]`);
    await cell.waitFor();
    assert.equal(((await cell.textContent()) ?? '').trim(), '0.0');
    await frame.locator('details#format > summary').click();

    writeThroughMemmap(file, '100, 202', '9.0');
    await frame.locator(`#values-table td[data-index="${100 * 300 + 202}"]`, { hasText: '9.0' }).waitFor({ timeout: 15_000 });
    assert.equal(await frame.locator('#values-index').inputValue(), '100, 202', 'the Go text stays');
    assert.equal(await frame.locator('details#format').evaluate((d) => (d as HTMLDetailsElement).open), true, 'Format stays open');
    assert.equal(await frame.locator('#values-table td[aria-current="true"]').textContent().then((t) => (t ?? '').trim()), '9.0');

    // Refresh: labelled, in the toolbar, pressed with Enter; focus stays on it after the re-render.
    const refresh = frame.locator('[role="toolbar"] button#refresh');
    assert.equal(((await refresh.textContent()) ?? '').trim(), 'Refresh');
    // Mark the page shown now: the re-render replaces every node, so the mark's absence proves it happened.
    await frame.locator('#values-table').evaluate((t) => t.setAttribute('data-before-refresh', ''));
    await refresh.focus();
    await ui.wb.page.keyboard.press('Enter');
    await frame.locator('#values-table:not([data-before-refresh])').waitFor();
    await frame.locator('button#refresh:focus').waitFor();
    assert.equal(await frame.locator('#values-index').inputValue(), '100, 202');
  });

  it('shown again after the file changed, the reloaded page shows the file as it is now', async () => {
    const file = path.join(ui.dir, 'changing.npy');
    py(`np.save(sys.argv[1], np.arange(10, dtype='<i4')); print(1)`, file);
    writeFileSync(path.join(ui.dir, 'notes.txt'), 'notes\n');
    ui.wb = await session().open(ui.dir);
    await ui.wb.openFromExplorer('changing.npy');
    await ui.wb.previewRendered();
    assert.equal(await ui.wb.cell('shape'), '(10,)');
    // A mark on the page: gone after showing again proves the page was reloaded (its HTML still embeds (10,)).
    await ui.wb.preview().locator('body').evaluate((b) => b.setAttribute('data-before-hide', ''));
    // Keep the tab (a click opened it in preview mode, which the next click would replace), then hide it.
    await ui.wb.runCommand('View: Keep Editor');
    await ui.wb.explorerRow('notes.txt').click();
    await ui.wb.page.locator('.part.editor .monaco-editor').first().waitFor({ state: 'visible' });
    await ui.wb.page.locator('iframe.webview.ready').first().waitFor({ state: 'hidden' });

    py(`np.save(sys.argv[1], np.arange(7, dtype='<i4') * 3); print(1)`, file);
    await ui.wb.page.locator('.tabs-container .tab', { hasText: 'changing.npy' }).click();
    // The reloaded page has the same HTML, embedded (10,) included: it asks the host instead of showing that.
    await ui.wb.previewRendered();
    await ui.wb.preview().locator('[data-key="shape"]', { hasText: '(7,)' }).waitFor();
    assert.equal(await ui.wb.preview().locator('body[data-before-hide]').count(), 0, 'the page was reloaded');
    const cells = ui.wb.preview().locator('#values-table td[data-index]');
    await cells.nth(6).waitFor();
    assert.deepEqual((await cells.allTextContents()).map((s) => s.trim()), ['0', '3', '6', '9', '12', '15', '18']);
  });
});
