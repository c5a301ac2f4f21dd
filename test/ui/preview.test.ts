// The preview as a person sees it: markup in a field name stays text, and both light and dark themes apply.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { numpyView, writeFixtures } from '../vscode/suite/numpy';
import { keepFailure, screenshotDir, session } from './session';
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

  it('follows the light and the dark theme', async () => {
    const settingsFile = session().settingsFile;
    const original = readFileSync(settingsFile, 'utf8');
    try {
      wb = await openFromExplorer('structured.npy');
      await wb.previewRendered();
      const body = wb.preview().locator('body');
      const colours = async (): Promise<{ fg: string; bg: string }> => body.evaluate((b) => ({
        fg: getComputedStyle(b).color,
        bg: getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-background').trim(),
      }));
      await wb.preview().locator('body.vscode-light').waitFor({ state: 'attached' });
      const light = await colours();
      await wb.shot(screenshotDir(), 'preview-light.png');

      // Switch as a user would: Preferences: Color Theme, then the dark theme.
      await wb.runCommand('Preferences: Color Theme');
      await wb.quickInput.locator('input').fill('Dark Modern');
      await wb.pickItem(/Dark Modern/);
      await wb.preview().locator('body.vscode-dark').waitFor({ state: 'attached', timeout: 30_000 });
      const dark = await colours();
      await wb.shot(screenshotDir(), 'preview-dark.png');
      assert.notEqual(dark.fg, light.fg, 'text colour follows the theme');
      assert.notEqual(dark.bg, light.bg, 'background follows the theme');
      assert.equal(await wb.cell('descr'), numpyView(fixtures.structured).descr, 'still the same report');
    } finally {
      // The theme is a user setting of the shared profile: close this window, then put the settings back so
      // the windows of later tests open light.
      await wb?.close();
      wb = undefined;
      writeFileSync(settingsFile, original);
    }
  });
});
