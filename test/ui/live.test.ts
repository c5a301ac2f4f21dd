// Live preview as a person sees it: a job writes through a memory map (np.load(mmap_mode='r+') + flush(), no
// file-watcher event) and the value appears on screen with Format still open and the page kept; the Refresh
// button is reached and pressed with the keyboard and keeps focus.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { py, writeThroughMemmap } from '../vscode/suite/numpy';
import { keepFailure, session } from './session';
import { Workbench } from './workbench';

describe('live .npy preview in the browser', () => {
  let base: string;
  let dir: string;
  let wb: Workbench | undefined;
  before(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'zeroed-npy-ui-live-'));
    dir = path.join(base, 'samples');
    mkdirSync(dir);
  });
  after(() => rmSync(base, { recursive: true, force: true }));
  afterEach(async function () {
    await keepFailure(wb, this.currentTest);
    await wb?.close();
    wb = undefined;
  });

  it('shows a value written through a memory map, keeping the page and an open Format; Refresh works from the keyboard', async () => {
    const file = path.join(dir, 'job.npy');
    py(`np.lib.format.open_memmap(sys.argv[1], mode='w+', dtype='<f8', shape=(200, 300)); print(1)`, file);
    wb = await session().open(dir);
    await wb.openFromExplorer('job.npy');
    await wb.previewRendered();
    const frame = wb.preview();
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
    await wb.page.keyboard.press('Enter');
    await frame.locator('#values-table:not([data-before-refresh])').waitFor();
    await frame.locator('button#refresh:focus').waitFor();
    assert.equal(await frame.locator('#values-index').inputValue(), '100, 202');
  });
});
