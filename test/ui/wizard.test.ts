// The wizard as a person uses it: command palette and explorer context menu, live size line, Back, Escape.
// numpy checks the files it makes; the expected numbers come from numpy and the core's formatters.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatBytes, formatCount } from '../../src/core/units';
import { py } from '../vscode/suite/numpy';
import { keepFailure, screenshotDir, session } from './session';
import { Workbench } from './workbench';

interface Loaded { dtype: string; shape: number[]; fortran: boolean; size: number; allocated: number; zero: boolean }

function loadWithNumpy(file: string): Loaded {
  return py<Loaded>(`
p = sys.argv[1]
a = np.load(p, mmap_mode='r')
st = os.stat(p)
idx = tuple(d - 1 for d in a.shape)
print(json.dumps({'dtype': a.dtype.str, 'shape': list(a.shape), 'fortran': bool(np.isfortran(a)),
  'size': st.st_size, 'allocated': st.st_blocks * 512, 'zero': bool(a[idx] == 0 and a.flat[0] == 0)}))`, file);
}

describe('Create Zeroed .npy wizard', () => {
  let base: string;
  let dir: string;
  let wb: Workbench | undefined;
  beforeEach(() => {
    // A plain folder name, as it shows in the wizard's title and in the README screenshots.
    base = mkdtempSync(path.join(os.tmpdir(), 'zeroed-npy-ui-'));
    dir = path.join(base, 'project');
    mkdirSync(dir);
  });
  afterEach(async function () {
    await keepFailure(wb, this.currentTest);
    await wb?.close();
    wb = undefined;
    rmSync(base, { recursive: true, force: true });
  });

  it('F1 → dtype, shape with live size line, Back to change the dtype, finish → file in explorer and preview', async () => {
    wb = await session().open(dir);
    await wb.runCommand('Create Zeroed .npy');
    await wb.waitForStep(1);
    assert.match((await wb.step()).title, /Create Zeroed \.npy in .*\(1\/4\)/);

    await wb.pickItem(/^float32/);
    await wb.waitForStep(2);
    const count = 1024n * 2048n * 4096n;
    const line32 = await wb.typeAndWaitMessage('1024, 2048, 4096', /elements/);
    assert.ok(line32.includes(formatCount(count)), line32);
    assert.ok(line32.includes(formatBytes(count * 4n)), `${line32} shows ${formatBytes(count * 4n)}`);

    await wb.back();
    await wb.waitForStep(1);
    await wb.pickItem(/^float64/);
    await wb.waitForStep(2);
    assert.equal((await wb.step()).value, '1024, 2048, 4096', 'coming back to the shape step shows the shape typed before');
    const line64 = await wb.typeAndWaitMessage('1024, 2048, 4096', new RegExp(formatBytes(count * 8n)));
    assert.ok(line64.includes(formatCount(count)), line64);
    await wb.shot(screenshotDir(), 'wizard.png');
    await wb.page.keyboard.press('Enter');

    await wb.waitForStep(3);
    await wb.pickItem(/^C order/);
    await wb.waitForStep(4);
    const name = (await wb.step()).value;
    assert.match(name, /\.npy$/);
    await wb.page.keyboard.press('Enter');
    await wb.quickInputHidden();

    await wb.explorerRow(name).waitFor({ state: 'visible' });
    await wb.previewRendered();
    const np = loadWithNumpy(path.join(dir, name));
    assert.equal(np.dtype, '<f8');
    assert.deepEqual(np.shape, [1024, 2048, 4096]);
    assert.equal(np.fortran, false);
    assert.ok(np.zero);
    assert.equal(await wb.cell('fileName'), name);
    assert.equal(await wb.cell('dtypeName'), 'float64');
    assert.equal(await wb.cell('descr'), '<f8');
    assert.equal(await wb.cell('shape'), '(1024, 2048, 4096)');
    assert.equal(await wb.cell('elementCount'), formatCount(count));
    assert.ok((await wb.cell('dataBytes')).includes(formatBytes(count * 8n)));
    assert.ok((await wb.cell('fileBytes')).includes(formatCount(BigInt(np.size))), 'file size as numpy sees it');
    assert.ok((await wb.cell('allocatedBytes')).includes(formatCount(BigInt(np.allocated))), 'allocated as stat says');
    assert.ok(np.allocated < 1 << 20, `sparse: ${np.allocated} bytes allocated`);
    await wb.shot(screenshotDir(), 'preview-64gib.png');
  });

  it('Escape at each step leaves nothing behind', async () => {
    wb = await session().open(dir);
    for (let stop = 1; stop <= 4; stop++) {
      await wb.runCommand('Create Zeroed .npy');
      await wb.waitForStep(1);
      if (stop > 1) { await wb.pickItem(/^int8/); await wb.waitForStep(2); }
      if (stop > 2) { await wb.typeAndWaitMessage('10, 10', /elements/); await wb.page.keyboard.press('Enter'); await wb.waitForStep(3); }
      if (stop > 3) { await wb.pickItem(/^Fortran order/); await wb.waitForStep(4); }
      await wb.page.keyboard.press('Escape');
      await wb.quickInputHidden();
      assert.deepEqual(readdirSync(dir), [], `nothing created after Escape at step ${stop}`);
    }
    // The wizard still works after all those cancellations (no dangling step).
    await wb.runCommand('Create Zeroed .npy');
    await wb.waitForStep(1);
    await wb.page.keyboard.press('Escape');
    await wb.quickInputHidden();
  });

  it('explorer: right-click a folder → Create Zeroed .npy… starts the wizard there', async () => {
    mkdirSync(path.join(dir, 'arrays'));
    wb = await session().open(dir);
    await wb.contextMenu('arrays', 'Create Zeroed .npy…', { dir: screenshotDir(), name: 'explorer-menu.png' });
    await wb.waitForStep(1);
    assert.match((await wb.step()).title, /Create Zeroed \.npy in arrays/);
    await wb.pickItem(/^int16/);
    await wb.waitForStep(2);
    const line = await wb.typeAndWaitMessage('3, 5', /elements/);
    assert.ok(line.includes(formatBytes(30n)), line);
    await wb.page.keyboard.press('Enter');
    await wb.waitForStep(3);
    await wb.pickItem(/^Fortran order/);
    await wb.waitForStep(4);
    const name = (await wb.step()).value;
    await wb.page.keyboard.press('Enter');
    await wb.quickInputHidden();
    await wb.previewRendered();
    assert.deepEqual(readdirSync(path.join(dir, 'arrays')), [name]);
    assert.deepEqual(readdirSync(dir), ['arrays']);
    const np = loadWithNumpy(path.join(dir, 'arrays', name));
    assert.equal(np.dtype, '<i2');
    assert.deepEqual(np.shape, [3, 5]);
    assert.equal(np.fortran, true);
    assert.match(await wb.cell('order'), /column-major/);
  });

  it('a typed bad dtype or bad shape gets one sentence and cannot be accepted', async () => {
    wb = await session().open(dir);
    await wb.runCommand('Create Zeroed .npy');
    await wb.waitForStep(1);
    await wb.quickInput.locator('input').fill('float7');
    const focused = wb.quickInput.locator('.quick-input-list .monaco-list-row.focused');
    await focused.waitFor();
    const reason = ((await focused.textContent()) ?? '').trim();
    assert.match(reason, /float7/, `the item names the typed text: ${reason}`);
    await wb.page.keyboard.press('Enter');
    assert.match((await wb.step()).title, /\(1\/4\)/, 'still at the dtype step');

    await wb.quickInput.locator('input').fill('>i2');
    await wb.quickInput.locator('.quick-input-list .monaco-list-row.focused', { hasText: '>i2' }).waitFor();
    await wb.page.keyboard.press('Enter');
    await wb.waitForStep(2);
    const error = await wb.typeAndWaitMessage('3, -4', /./);
    assert.doesNotMatch(error, /elements/, 'no size line for a bad shape');
    assert.match(error, /^[^\n]+$/, 'one line');
    await wb.page.keyboard.press('Enter');
    assert.match((await wb.step()).title, /\(2\/4\)/, 'still at the shape step');
    await wb.page.keyboard.press('Escape');
    await wb.quickInputHidden();
    assert.deepEqual(readdirSync(dir), []);
  });

  it('explorer: right-click a .npy → Create Zeroed .npy Like This… pre-fills the wizard from it', async () => {
    py('np.save(sys.argv[1], np.ones((2, 5), dtype=">u4")); print(1)', path.join(dir, 'model.npy'));
    wb = await session().open(dir);
    await wb.contextMenu('model.npy', 'Create Zeroed .npy Like This…');
    await wb.waitForStep(1);
    await wb.quickInput.locator('.quick-input-list .monaco-list-row.focused', { hasText: '>u4' }).waitFor();
    await wb.page.keyboard.press('Enter');
    await wb.waitForStep(2);
    assert.equal((await wb.step()).value.replace(/[()\s]/g, ''), '2,5', 'shape pre-filled from model.npy');
    await wb.page.keyboard.press('Enter');
    await wb.waitForStep(3);
    await wb.page.keyboard.press('Enter');
    await wb.waitForStep(4);
    const name = (await wb.step()).value;
    assert.notEqual(name, 'model.npy', 'never suggests overwriting the model');
    await wb.page.keyboard.press('Enter');
    await wb.quickInputHidden();
    await wb.previewRendered();
    const np = loadWithNumpy(path.join(dir, name));
    assert.equal(np.dtype, '>u4');
    assert.deepEqual(np.shape, [2, 5]);
    assert.ok(np.zero);
  });

  it('lists the command in the palette as "Zeroed .npy: Create Zeroed .npy…"', async () => {
    wb = await session().open(dir);
    await wb.page.keyboard.press('F1');
    await wb.quickInput.locator('input').fill('>Zeroed .npy');
    const rows = wb.quickInput.locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor({ state: 'visible' });
    const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
    assert.ok(labels.some((l) => l.includes('Zeroed .npy: Create Zeroed .npy…')), labels.join(' | '));
    await wb.page.keyboard.press('Escape');
  });
});
