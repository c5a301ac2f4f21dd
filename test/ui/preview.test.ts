// The preview as a person sees it: the first screen leads with the summary and the values, a file named
// "back\\slash.npy" opens in it by a click, and markup in a field name stays text (the themes are in themes.test.ts).
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { numpyView, py, writeFixtures } from '../vscode/suite/numpy';
import { session, uiSuite } from './session';
import { Workbench } from './workbench';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('.npy preview in the browser', () => {
  let fixtures: Record<string, string>;
  const ui = uiSuite('preview', {
    setup: (dir) => {
      fixtures = writeFixtures(dir);
    },
  });

  /** Opens a window on the samples and clicks `name` (ui.wb is set first, so a failure keeps its screenshot). */
  async function openFromExplorer(name: string): Promise<Workbench> {
    ui.wb = await session().open(ui.dir);
    await ui.wb.openFromExplorer(name);
    return ui.wb;
  }

  it('shows a markup field name as text and runs nothing', async () => {
    ui.wb = await openFromExplorer('hostile.npy');
    await ui.wb.previewRendered();
    const frame = ui.wb.preview();
    const fields = frame.locator('table#fields');
    await fields.waitFor();
    assert.ok(((await fields.textContent()) ?? '').includes(HOSTILE), 'the name is shown literally');
    assert.ok(((await frame.locator('pre#header-text').textContent()) ?? '').includes(`'${HOSTILE}'`));
    assert.equal(await frame.locator('img').count(), 0, 'no <img> element was created');
    assert.equal(await frame.locator('[onerror]').count(), 0, 'no element carries an onerror handler');
    assert.deepEqual(ui.wb.dialogs, [], 'no alert/confirm dialog opened');
    assert.equal(await ui.wb.cell('descr'), numpyView(fixtures.hostile).descr);
    // The page carries its own script and stylesheet (model/html.ts): nothing is fetched for the first paint.
    assert.equal(await frame.locator('script[src], link[rel="stylesheet"]').count(), 0, 'the page fetches no script or stylesheet');
    assert.ok(await frame.locator('style[nonce]').count() >= 1);
  });

  it('opens back\\slash.npy from the Explorer in the preview, headed by its whole name', async () => {
    py('np.save(sys.argv[1], np.arange(4, dtype="<i2")); print(1)', path.join(ui.dir, 'back\\slash.npy'));
    ui.wb = await openFromExplorer('back\\slash.npy');
    await ui.wb.previewRendered();
    assert.equal(await ui.wb.cell('fileName'), 'back\\slash.npy');
    assert.equal(await ui.wb.cell('descr'), '<i2');
    assert.equal(await ui.wb.page.locator('.tabs-container .tab.active').getAttribute('aria-label').then((l) => (l ?? '').split(',')[0]), 'back\\slash.npy');
  });

  it('leads with the summary and the values on the first screen; the format internals are one click away', async () => {
    const file = path.join(ui.dir, 'sensor.npy');
    const last = py<string>(`a = (np.random.default_rng(7).standard_normal((1000, 64)) * 10).astype('<f4')
np.save(sys.argv[1], a)
print(json.dumps(str(a.flat[-1])))`, file);
    ui.wb = await openFromExplorer('sensor.npy');
    await ui.wb.previewRendered();
    const frame = ui.wb.preview();
    assert.equal(await ui.wb.cell('dtypeName'), 'float32');
    assert.equal(await ui.wb.cell('shape'), '(1000, 64)');
    assert.equal(await frame.locator('details#format').evaluate((d) => (d as HTMLDetailsElement).open), false, 'Format starts closed');
    assert.equal(await frame.locator('[data-key="sparseRatio"]').count(), 0, 'an ordinary file says nothing about sparseness');
    // The first page of the grid (16 rows × 8 columns) starts on the first screen of a 1400 × 860 window, below the summary.
    const rows = frame.locator('#values-table.grid tbody tr');
    assert.equal(await rows.count(), 16);
    assert.equal(await frame.locator('#values-table.grid thead th').count(), 1 + 8, 'a corner and 8 column indices');
    const viewport = ui.wb.page.viewportSize()!;
    const tableTop = (await frame.locator('#values-table').boundingBox())!.y;
    const fifth = (await rows.nth(4).boundingBox())!;
    console.log(`      (values grid starts at y = ${Math.round(tableTop)} px of ${viewport.height})`);
    assert.ok(fifth.y + fifth.height <= viewport.height, `the 5th grid row ends at ${fifth.y + fifth.height} px, below the ${viewport.height} px window`);

    // "Go to index" -1: the last rows and columns, counted from 0 like the headers; the box keeps "-1", the cell is marked.
    await frame.locator('#values-index').fill('-1');
    await frame.locator('#values-index').press('Enter');
    await frame.locator('#values-summary', { hasText: 'Rows 992–999 of 1,000 × columns 56–63 of 64' }).waitFor();
    assert.equal(await frame.locator('#values-index').inputValue(), '-1');
    const marked = frame.locator('#values-table td[aria-current="true"]');
    assert.equal(await marked.getAttribute('title'), '[999, 63]');
    assert.equal(((await marked.textContent()) ?? '').trim(), last);

    // Keyboard paging on the focused grid: PageUp goes up 16 rows, Alt+PageUp left 8 columns; focus stays on the grid.
    await frame.locator('#values-table').focus();
    await ui.wb.page.keyboard.press('PageUp');
    await frame.locator('#values-summary', { hasText: 'Rows 976–991 of 1,000 × columns 56–63 of 64' }).waitFor();
    await ui.wb.page.keyboard.press('Alt+PageUp');
    await frame.locator('#values-summary', { hasText: 'Rows 976–991 of 1,000 × columns 48–55 of 64' }).waitFor();
    await frame.locator('#values-table:focus').waitFor();
    assert.equal(((await frame.locator('#values-table tbody tr').first().locator('th').textContent()) ?? '').trim(), '976');

    await frame.locator('details#format > summary').click();
    await frame.locator('[data-key="version"]').waitFor({ state: 'visible' });
    assert.equal(await ui.wb.cell('version'), '1.0');
    assert.match(await ui.wb.cell('headerBytes'), /^128 bytes \(118 of them header text\)$/);
    assert.ok(await frame.locator('details#format pre#header-text').isVisible(), 'the raw header is inside Format');
  });

  it('shows the error page for a file that is not .npy', async () => {
    ui.wb = await openFromExplorer('not-npy.npy');
    await ui.wb.previewRendered('error');
    const msg = ((await ui.wb.preview().locator('#error-message').textContent()) ?? '').trim();
    assert.ok(msg.length > 0);
    assert.doesNotMatch(msg, /\n\s+at /, 'no stack trace');
  });

  it("has the six action buttons, none primary, and 'Create Zeroed .npy Like This…' starts the pre-filled wizard", async () => {
    await openFromExplorer('fortran.npy');
    await ui.wb!.previewRendered();
    const frame = ui.wb!.preview();
    for (const id of ['copy-json', 'copy-python', 'copy-python-rw', 'copy-rust', 'create-like', 'resize']) {
      assert.equal(await frame.locator(`button#${id}`).count(), 1, `button #${id}`);
    }
    // On an existing data file "Create … Like This" is an ordinary (secondary) button, coloured like Copy.
    const colour = (id: string) => frame.locator(`button#${id}`).evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(await colour('create-like'), await colour('copy-json'));
    const before = readdirSync(ui.dir).sort();
    await frame.locator('button#create-like').click();
    await ui.wb!.waitForStep(1);
    await ui.wb!.quickInput.locator('.quick-input-list .monaco-list-row.focused', { hasText: numpyView(fixtures.fortran).descr }).waitFor();
    await ui.wb!.page.keyboard.press('Escape');
    await ui.wb!.quickInputHidden();
    assert.deepEqual(readdirSync(ui.dir).sort(), before, 'Escape created nothing');
  });
});
