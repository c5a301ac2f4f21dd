// The preview as a person sees it: markup in a field name stays text (the themes are in themes.test.ts).
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { numpyView, writeFixtures } from '../vscode/suite/numpy';
import { keepFailure, session } from './session';
import { Workbench } from './workbench';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('.npy preview in the browser', () => {
  let base: string;
  let dir: string;
  let fixtures: Record<string, string>;
  let wb: Workbench | undefined;
  before(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'zeroed-npy-ui-preview-'));
    dir = path.join(base, 'samples');
    mkdirSync(dir);
    fixtures = writeFixtures(dir);
  });
  after(() => rmSync(base, { recursive: true, force: true }));
  afterEach(async function () {
    await keepFailure(wb, this.currentTest);
    await wb?.close();
    wb = undefined;
  });

  /** Opens a window on the samples and clicks `name` (wb is set first, so a failure keeps its screenshot). */
  async function openFromExplorer(name: string): Promise<Workbench> {
    wb = await session().open(dir);
    await wb.openFromExplorer(name);
    return wb;
  }

  it('shows a markup field name as text and runs nothing', async () => {
    wb = await openFromExplorer('hostile.npy');
    await wb.previewRendered();
    const frame = wb.preview();
    const fields = frame.locator('table#fields');
    await fields.waitFor();
    assert.ok(((await fields.textContent()) ?? '').includes(HOSTILE), 'the name is shown literally');
    assert.ok(((await frame.locator('pre#header-text').textContent()) ?? '').includes(`'${HOSTILE}'`));
    assert.equal(await frame.locator('img').count(), 0, 'no <img> element was created');
    assert.equal(await frame.locator('[onerror]').count(), 0, 'no element carries an onerror handler');
    assert.deepEqual(wb.dialogs, [], 'no alert/confirm dialog opened');
    assert.equal(await wb.cell('descr'), numpyView(fixtures.hostile).descr);
  });

  it('shows the error page for a file that is not .npy', async () => {
    wb = await openFromExplorer('not-npy.npy');
    await wb.previewRendered('error');
    const msg = ((await wb.preview().locator('#error-message').textContent()) ?? '').trim();
    assert.ok(msg.length > 0);
    assert.doesNotMatch(msg, /\n\s+at /, 'no stack trace');
  });

  it("has the five action buttons, and 'Create Zeroed .npy Like This…' starts the pre-filled wizard", async () => {
    await openFromExplorer('fortran.npy');
    await wb!.previewRendered();
    const frame = wb!.preview();
    for (const id of ['copy-json', 'copy-python', 'copy-rust', 'create-like', 'resize']) {
      assert.equal(await frame.locator(`button#${id}`).count(), 1, `button #${id}`);
    }
    const before = readdirSync(dir).sort();
    await frame.locator('button#create-like').click();
    await wb!.waitForStep(1);
    await wb!.quickInput.locator('.quick-input-list .monaco-list-row.focused', { hasText: numpyView(fixtures.fortran).descr }).waitFor();
    await wb!.page.keyboard.press('Escape');
    await wb!.quickInputHidden();
    assert.deepEqual(readdirSync(dir).sort(), before, 'Escape created nothing');
  });
});
