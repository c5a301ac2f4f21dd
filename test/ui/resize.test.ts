// Resize .npy… as a person uses it: from the Explorer's context menu and from the preview's buttons, the live line
// under the shape, the confirmation before a cut (Enter keeps the file), Escape, and the preview showing the new
// shape. numpy writes the files and judges every result.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, truncateSync } from 'node:fs';
import * as path from 'node:path';
import { py } from '../vscode/suite/numpy';
import { screenshotDir, session, uiSuite } from './session';
import { Workbench } from './workbench';

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** (rows, 3) int32 of 0, 1, 2, … by numpy. */
function make(file: string, rows: number): void {
  py('np.save(sys.argv[1], np.arange(int(sys.argv[2]) * 3, dtype="<i4").reshape(-1, 3)); print(1)', file, String(rows));
}

function load(file: string): { shape: number[]; values: number[] } {
  return py("a = np.load(sys.argv[1])\nprint(json.dumps({'shape': list(a.shape), 'values': a.ravel().tolist()}))", file);
}

describe('Resize .npy… in the browser', () => {
  const ui = uiSuite('resize', { perTest: true });

  async function openPreview(name: string): Promise<Workbench> {
    ui.wb = await session().open(ui.dir);
    await ui.wb.openFromExplorer(name);
    await ui.wb.previewRendered();
    return ui.wb;
  }

  async function waitForShape(w: Workbench, shape: string): Promise<void> {
    await w.preview().locator('[data-key="shape"]', { hasText: shape }).waitFor({ timeout: 30_000 });
  }

  /** The modal dialog of the workbench (web: a .monaco-dialog-box). */
  function dialog(w: Workbench) {
    return w.page.locator('.monaco-dialog-box');
  }

  it('Explorer → Resize .npy…: pre-filled with the shape, the live line says what, Enter grows it, the preview follows', async () => {
    const file = path.join(ui.dir, 'a.npy');
    make(file, 5);
    const w = await openPreview('a.npy');
    assert.equal(await w.cell('shape'), '(5, 3)');
    await w.contextMenu('a.npy', 'Resize .npy…');
    const step = await w.step();
    assert.equal(step.value, '5, 3');
    assert.match(step.title, /Resize a\.npy/);
    const line = await w.typeAndWaitMessage('9, 3', /adds 4 rows/);
    assert.equal(line, 'adds 4 rows · +48 B logical · sparse, no disk space');
    await w.shot(screenshotDir(), 'resize.png');
    await w.page.keyboard.press('Enter');
    await w.quickInputHidden();
    await waitForShape(w, '(9, 3)');
    assert.deepEqual(load(file), { shape: [9, 3], values: [...Array.from({ length: 15 }, (_, i) => i), ...Array<number>(12).fill(0)] });
  });

  it('the preview\'s Resize…: a refused shape cannot be accepted, Escape leaves the file, a shrink asks first and Enter keeps the file', async () => {
    const file = path.join(ui.dir, 'b.npy');
    make(file, 9);
    const hash = sha(file);
    const w = await openPreview('b.npy');
    await w.preview().locator('button#resize').click();
    await w.step();
    const refused = await w.typeAndWaitMessage('9, 4', /changes axis 1/);
    assert.match(refused, /only axis 0 \(the growth axis in C order\) can grow or shrink in place/);
    await w.page.keyboard.press('Enter');
    assert.equal((await w.step()).value, '9, 4', 'still asking: a refused shape is not accepted');
    await w.page.keyboard.press('Escape');
    await w.quickInputHidden();
    assert.equal(sha(file), hash, 'Escape changed nothing');

    // The growth room row (and its Resize…) sits in the preview's Format section, closed until opened.
    await w.preview().locator('details#format > summary').click();
    await w.preview().locator('button#growth-resize').click();
    await w.step();
    assert.equal(await w.typeAndWaitMessage('2, 3', /drops 7 rows/), 'drops 7 rows — their data is lost (84 B)');
    await w.page.keyboard.press('Enter');
    const box = dialog(w);
    await box.waitFor({ state: 'visible' });
    assert.match((await box.textContent()) ?? '', /Shrink b\.npy from \(9, 3\) to \(2, 3\)\? The last 7 rows are lost\..*SIGBUS/s);
    await w.page.keyboard.press('Enter');
    await box.waitFor({ state: 'hidden' });
    assert.equal(sha(file), hash, 'Enter in the confirmation keeps the file');

    await w.preview().locator('button#resize').click();
    await w.step();
    await w.typeAndWaitMessage('2, 3', /drops 7 rows/);
    await w.page.keyboard.press('Enter');
    await box.waitFor({ state: 'visible' });
    await box.locator('.monaco-button', { hasText: 'Shrink and Lose the Data' }).click();
    await box.waitFor({ state: 'hidden' });
    await waitForShape(w, '(2, 3)');
    assert.deepEqual(load(file), { shape: [2, 3], values: [0, 1, 2, 3, 4, 5] });
  });

  it('a torn file: "Fit to the Data on Disk" beside the status, confirmed, gives the whole rows the data holds', async () => {
    const file = path.join(ui.dir, 'torn.npy');
    make(file, 10);
    truncateSync(file, statSync(file).size - 12 - 5);
    const w = await openPreview('torn.npy');
    const fit = w.preview().locator('button#fit');
    await fit.waitFor();
    await fit.click();
    const box = dialog(w);
    await box.waitFor({ state: 'visible' });
    assert.match((await box.textContent()) ?? '', /Cut 7 B off the end of torn\.npy\?/);
    await box.locator('.monaco-button', { hasText: 'Cut and Lose the Data' }).click();
    await waitForShape(w, '(8, 3)');
    assert.equal(await w.cell('status'), 'valid');
    assert.deepEqual(load(file).shape, [8, 3]);
  });
});
