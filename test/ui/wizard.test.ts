// The wizard as a person uses it: command palette and explorer context menu, live size line, Back, Escape.
// numpy checks the files it makes; the expected numbers come from numpy and the core's formatters.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatBytes, formatCount } from '../../src/core/units';
import { py } from '../vscode/suite/numpy';
import { screenshotDir, session, uiSuite } from './session';
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

/** An input box's prompt as written: VS Code appends "(Press 'Enter' to confirm or 'Escape' to cancel)". */
const withoutKeys = (message: string): string => message.replace(/ \(Press 'Enter' to confirm or 'Escape' to cancel\)$/, '');

describe('Create Zeroed .npy wizard', () => {
  // A plain folder name, as it shows in the wizard's title and in the README screenshots.
  const ui = uiSuite('wizard', { folder: 'project', perTest: true });

  it('F1 → dtype, shape with live size line, Back to change the dtype, finish → file in explorer and preview', async () => {
    ui.wb = await session().open(ui.dir);
    await ui.wb.runCommand('Create Zeroed .npy');
    await ui.wb.waitForStep(1);
    assert.match((await ui.wb.step()).title, /Create Zeroed \.npy in .*\(1\/4\)/);

    await ui.wb.pickItem(/^float32/);
    await ui.wb.waitForStep(2);
    const count = 1024n * 2048n * 4096n;
    const line32 = await ui.wb.typeAndWaitMessage('1024, 2048, 4096', /elements/);
    assert.ok(line32.includes(formatCount(count)), line32);
    assert.ok(line32.includes(formatBytes(count * 4n)), `${line32} shows ${formatBytes(count * 4n)}`);

    await ui.wb.back();
    await ui.wb.waitForStep(1);
    await ui.wb.pickItem(/^float64/);
    await ui.wb.waitForStep(2);
    assert.equal((await ui.wb.step()).value, '1024, 2048, 4096', 'coming back to the shape step shows the shape typed before');
    const line64 = await ui.wb.typeAndWaitMessage('1024, 2048, 4096', new RegExp(formatBytes(count * 8n)));
    assert.ok(line64.includes(formatCount(count)), line64);
    assert.ok(line64.startsWith('(1024, 2048, 4096) float64 · '), `the line names the shape and dtype: ${line64}`);
    await ui.wb.shot(screenshotDir(), 'wizard.png');
    await ui.wb.page.keyboard.press('Enter');

    await ui.wb.waitForStep(3);
    await ui.wb.pickItem(/^C order/);
    await ui.wb.waitForStep(4);
    const last = await ui.wb.step();
    const name = last.value;
    assert.match(name, /\.npy$/);
    assert.match(withoutKeys(last.message), new RegExp(`^Creates \\(1024, 2048, 4096\\) float64, C order, .* \\(sparse\\) in ${ui.dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.$`),
      `the last step summarises: ${last.message}`);
    await ui.wb.page.keyboard.press('Enter');
    await ui.wb.quickInputHidden();

    await ui.wb.explorerRow(name).waitFor({ state: 'visible' });
    await ui.wb.previewRendered();
    const np = loadWithNumpy(path.join(ui.dir, name));
    assert.equal(np.dtype, '<f8');
    assert.deepEqual(np.shape, [1024, 2048, 4096]);
    assert.equal(np.fortran, false);
    assert.ok(np.zero);
    assert.equal(await ui.wb.cell('fileName'), name);
    assert.equal(await ui.wb.cell('dtypeName'), 'float64');
    assert.equal(await ui.wb.cell('descr'), '<f8');
    assert.equal(await ui.wb.cell('shape'), '(1024, 2048, 4096)');
    assert.equal(await ui.wb.cell('elementCount'), formatCount(count));
    assert.ok((await ui.wb.cell('dataBytes')).includes(formatBytes(count * 8n)));
    assert.ok((await ui.wb.cell('fileBytes')).includes(formatCount(BigInt(np.size))), 'file size as numpy sees it');
    assert.ok((await ui.wb.cell('allocatedBytes')).includes(formatCount(BigInt(np.allocated))), 'allocated as stat says');
    assert.ok(np.allocated < 1 << 20, `sparse: ${np.allocated} bytes allocated`);
    await ui.wb.shot(screenshotDir(), 'preview-64gib.png');
  });

  it('Escape at each step leaves nothing behind', async () => {
    ui.wb = await session().open(ui.dir);
    for (let stop = 1; stop <= 4; stop++) {
      await ui.wb.runCommand('Create Zeroed .npy');
      await ui.wb.waitForStep(1);
      if (stop > 1) { await ui.wb.pickItem(/^int8/); await ui.wb.waitForStep(2); }
      if (stop > 2) { await ui.wb.typeAndWaitMessage('10, 10', /elements/); await ui.wb.page.keyboard.press('Enter'); await ui.wb.waitForStep(3); }
      if (stop > 3) { await ui.wb.pickItem(/^Fortran order/); await ui.wb.waitForStep(4); }
      await ui.wb.page.keyboard.press('Escape');
      await ui.wb.quickInputHidden();
      assert.deepEqual(readdirSync(ui.dir), [], `nothing created after Escape at step ${stop}`);
    }
    // The wizard still works after all those cancellations (no dangling step).
    await ui.wb.runCommand('Create Zeroed .npy');
    await ui.wb.waitForStep(1);
    await ui.wb.page.keyboard.press('Escape');
    await ui.wb.quickInputHidden();
  });

  it('explorer: right-click a folder → Create Zeroed .npy… starts the wizard there', async () => {
    mkdirSync(path.join(ui.dir, 'arrays'));
    ui.wb = await session().open(ui.dir);
    await ui.wb.contextMenu('arrays', 'Create Zeroed .npy…', { dir: screenshotDir(), name: 'explorer-menu.png' });
    await ui.wb.waitForStep(1);
    assert.match((await ui.wb.step()).title, /Create Zeroed \.npy in arrays/);
    await ui.wb.pickItem(/^int16/);
    await ui.wb.waitForStep(2);
    const line = await ui.wb.typeAndWaitMessage('3, 5', /elements/);
    assert.ok(line.includes(formatBytes(30n)), line);
    await ui.wb.page.keyboard.press('Enter');
    await ui.wb.waitForStep(3);
    await ui.wb.pickItem(/^Fortran order/);
    await ui.wb.waitForStep(4);
    const name = (await ui.wb.step()).value;
    await ui.wb.page.keyboard.press('Enter');
    await ui.wb.quickInputHidden();
    await ui.wb.previewRendered();
    assert.deepEqual(readdirSync(path.join(ui.dir, 'arrays')), [name]);
    assert.deepEqual(readdirSync(ui.dir), ['arrays']);
    const np = loadWithNumpy(path.join(ui.dir, 'arrays', name));
    assert.equal(np.dtype, '<i2');
    assert.deepEqual(np.shape, [3, 5]);
    assert.equal(np.fortran, true);
    assert.match(await ui.wb.cell('order'), /column-major/);
  });

  it('a typed bad dtype or bad shape gets one sentence and cannot be accepted', async () => {
    ui.wb = await session().open(ui.dir);
    await ui.wb.runCommand('Create Zeroed .npy');
    await ui.wb.waitForStep(1);
    const reason = await ui.wb.typeAndWaitMessage('float7', /float7/);
    assert.equal(reason, "numpy does not understand the dtype 'float7'; use a name such as float64 or a code such as <f8.", 'the whole sentence, not a cut row');
    const focused = ui.wb.quickInput.locator('.quick-input-list .monaco-list-row.focused');
    assert.match(((await focused.textContent()) ?? '').trim(), /float7/, 'the focused row names the typed text');
    await ui.wb.page.keyboard.press('Enter');
    assert.match((await ui.wb.step()).title, /\(1\/4\)/, 'still at the dtype step');

    await ui.wb.quickInput.locator('input').fill('>i2');
    await ui.wb.quickInput.locator('.quick-input-list .monaco-list-row.focused', { hasText: '>i2' }).waitFor();
    await ui.wb.page.keyboard.press('Enter');
    await ui.wb.waitForStep(2);
    const error = await ui.wb.typeAndWaitMessage('3, -4', /./);
    assert.doesNotMatch(error, /elements/, 'no size line for a bad shape');
    assert.match(error, /^[^\n]+$/, 'one line');
    await ui.wb.page.keyboard.press('Enter');
    assert.match((await ui.wb.step()).title, /\(2\/4\)/, 'still at the shape step');
    await ui.wb.page.keyboard.press('Escape');
    await ui.wb.quickInputHidden();
    assert.deepEqual(readdirSync(ui.dir), []);
  });

  it('explorer: right-click a .npy → Create Zeroed .npy Like This… pre-fills the wizard from it', async () => {
    py('np.save(sys.argv[1], np.ones((2, 5), dtype=">u4")); print(1)', path.join(ui.dir, 'model.npy'));
    ui.wb = await session().open(ui.dir);
    // Our entries come after the navigation group: Open to the Side first, then a separator, then ours.
    const row = ui.wb.explorerRow('model.npy');
    await row.waitFor({ state: 'visible' });
    await row.click({ button: 'right' });
    const menu = ui.wb.page.locator('.context-view .monaco-menu .actions-container').first();
    await menu.locator('.action-item', { hasText: 'Create Zeroed .npy Like This…' }).waitFor({ state: 'visible' });
    const entries = await menu.locator(':scope > .action-item').evaluateAll((els) => els.map((e) => (e.classList.contains('disabled') && e.querySelector('.separator') ? '---' : (e.textContent ?? '').trim())));
    const side = entries.findIndex((e) => e.startsWith('Open to the Side'));
    const like = entries.findIndex((e) => e.startsWith('Create Zeroed .npy Like This…'));
    assert.ok(side >= 0 && like > side, entries.join(' | '));
    assert.ok(entries.slice(side + 1, like).includes('---'), `a separator between the navigation group and ours: ${entries.join(' | ')}`);
    await ui.wb.page.keyboard.press('Escape');
    await ui.wb.contextMenu('model.npy', 'Create Zeroed .npy Like This…');
    await ui.wb.waitForStep(1);
    await ui.wb.quickInput.locator('.quick-input-list .monaco-list-row.focused', { hasText: '>u4' }).waitFor();
    await ui.wb.page.keyboard.press('Enter');
    await ui.wb.waitForStep(2);
    assert.equal((await ui.wb.step()).value.replace(/[()\s]/g, ''), '2,5', 'shape pre-filled from model.npy');
    await ui.wb.page.keyboard.press('Enter');
    await ui.wb.waitForStep(3);
    await ui.wb.page.keyboard.press('Enter');
    await ui.wb.waitForStep(4);
    const name = (await ui.wb.step()).value;
    assert.notEqual(name, 'model.npy', 'never suggests overwriting the model');
    await ui.wb.page.keyboard.press('Enter');
    await ui.wb.quickInputHidden();
    await ui.wb.previewRendered();
    const np = loadWithNumpy(path.join(ui.dir, name));
    assert.equal(np.dtype, '>u4');
    assert.deepEqual(np.shape, [2, 5]);
    assert.ok(np.zero);
  });

  it('lists the command in the palette as "Zeroed .npy: Create Zeroed .npy…"', async () => {
    ui.wb = await session().open(ui.dir);
    await ui.wb.page.keyboard.press('F1');
    await ui.wb.quickInput.locator('input').fill('>Zeroed .npy');
    const rows = ui.wb.quickInput.locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor({ state: 'visible' });
    const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
    assert.ok(labels.some((l) => l.includes('Zeroed .npy: Create Zeroed .npy…')), labels.join(' | '));
    await ui.wb.page.keyboard.press('Escape');
  });

  /** The modal dialog of the workbench (web: a .monaco-dialog-box). */
  const dialog = (w: Workbench) => w.page.locator('.monaco-dialog-box');
  const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

  /** Runs the wizard with int8 and shape 4 up to the name step. */
  async function toNameStep(w: Workbench): Promise<void> {
    await w.runCommand('Create Zeroed .npy');
    await w.waitForStep(1);
    await w.pickItem(/^int8/);
    await w.waitForStep(2);
    await w.typeAndWaitMessage('4', /elements/);
    await w.page.keyboard.press('Enter');
    await w.waitForStep(3);
    await w.pickItem(/^C order/);
    await w.waitForStep(4);
  }

  it('dtype: what is typed wins — S, U, V and a get the 0-bytes sentence whole and Enter takes nothing; U5 is U5', async () => {
    ui.wb = await session().open(ui.dir);
    await ui.wb.runCommand('Create Zeroed .npy');
    await ui.wb.waitForStep(1);
    for (const typed of ['S', 'U', 'V', 'a']) {
      const msg = await ui.wb.typeAndWaitMessage(typed, /0 bytes per item/);
      assert.match(msg, /^The dtype \S+ has 0 bytes per item; give a length, such as S10, U5 or V16\.$/, `${typed}: ${msg}`);
      await ui.wb.page.keyboard.press('Enter');
      await ui.wb.page.waitForTimeout(300);
      assert.match((await ui.wb.step()).title, /\(1\/4\)/, `${typed} + Enter stays at the dtype step`);
    }
    await ui.wb.quickInput.locator('input').fill('U5');
    await ui.wb.quickInput.locator('.quick-input-list .monaco-list-row.focused', { hasText: '<U5' }).waitFor();
    await ui.wb.page.keyboard.press('Enter');
    await ui.wb.waitForStep(2);
    assert.ok((await ui.wb.typeAndWaitMessage('3', /elements/)).startsWith('(3,) U5 · 3 elements · 60 B'));
    await ui.wb.page.keyboard.press('Enter');
    await ui.wb.waitForStep(3);
    await ui.wb.page.keyboard.press('Enter');
    await ui.wb.waitForStep(4);
    const name = (await ui.wb.step()).value;
    assert.equal(name, 'zeros_U5_3.npy');
    await ui.wb.page.keyboard.press('Enter');
    await ui.wb.quickInputHidden();
    await ui.wb.previewRendered();
    assert.equal(loadWithNumpy(path.join(ui.dir, name)).dtype, '<U5');
  });

  it('an existing name: the dialog says the data and its size are lost, Enter keeps the file, Replace replaces it', async () => {
    const file = path.join(ui.dir, 'keep.npy');
    py('np.save(sys.argv[1], np.arange(1000, dtype="<f4")); print(1)', file);
    const hash = sha(file);
    const size = BigInt(statSync(file).size);
    ui.wb = await session().open(ui.dir);
    await toNameStep(ui.wb);
    await ui.wb.typeAndWaitMessage('keep.npy', /already exists/);
    await ui.wb.page.keyboard.press('Enter');
    const box = dialog(ui.wb);
    await box.waitFor({ state: 'visible' });
    const text = (await box.textContent()) ?? '';
    assert.ok(text.includes(`keep.npy already exists and holds ${formatBytes(size)}.`), text);
    assert.match(text, /Replace it with a zero-filled file\? Its current data will be lost\./);
    await ui.wb.page.keyboard.press('Enter');
    await box.waitFor({ state: 'hidden' });
    await ui.wb.waitForStep(4);
    assert.equal(sha(file), hash, 'Enter in the dialog keeps the file');
    assert.equal((await ui.wb.step()).value, 'keep.npy', 'back at the name step with the name');

    await ui.wb.page.keyboard.press('Enter');
    await box.waitFor({ state: 'visible' });
    await box.locator('.monaco-button', { hasText: 'Replace and Lose Its Data' }).click();
    await ui.wb.quickInputHidden();
    await ui.wb.previewRendered();
    const np = loadWithNumpy(file);
    assert.equal(np.dtype, '|i1');
    assert.deepEqual(np.shape, [4]);
    assert.deepEqual(readdirSync(ui.dir), ['keep.npy']);
  });

  it('a name with a space at either end or a bare .npy is asked about once and created exactly as typed', async () => {
    ui.wb = await session().open(ui.dir);
    for (const [name, why] of [[' spaced .npy', /begins with a space/], ['.npy', /hidden file/]] as const) {
      await toNameStep(ui.wb);
      const warning = await ui.wb.typeAndWaitMessage(name, why);
      assert.match(warning, /Press Enter twice to keep it\.$/);
      await ui.wb.page.keyboard.press('Enter');
      await ui.wb.quickInput.locator('.quick-input-message', { hasText: /Press Enter again/ }).waitFor();
      assert.equal((await ui.wb.step()).value, name, 'nothing trimmed');
      await ui.wb.page.keyboard.press('Enter');
      await ui.wb.quickInputHidden();
      await ui.wb.previewRendered();
      assert.ok(readdirSync(ui.dir).includes(name), `${JSON.stringify(name)} in ${JSON.stringify(readdirSync(ui.dir))}`);
      assert.deepEqual(loadWithNumpy(path.join(ui.dir, name)).shape, [4]);
    }
  });

  it('the name step shows the folder and Change Folder… moves the file elsewhere; a / in the name points at that button', async () => {
    const other = path.join(ui.base, 'other');
    mkdirSync(other);
    ui.wb = await session().open(ui.dir);
    await toNameStep(ui.wb);
    assert.match(withoutKeys((await ui.wb.step()).message), new RegExp(`in ${ui.dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.$`));
    const refused = await ui.wb.typeAndWaitMessage('other/x.npy', /cannot contain/);
    assert.match(refused, /use the Change Folder button above\.$/);
    await ui.wb.quickInput.locator('input').fill('x.npy');
    await ui.wb.quickInput.locator('.quick-input-titlebar .action-label[aria-label="Change Folder…"], .quick-input-titlebar .action-label[title="Change Folder…"]').first().click();
    // code-server's own folder dialog is a quick input holding a path. It writes the folder it opens on into that
    // box after it appears: text typed before then is overwritten, and Enter takes that folder (CI under load saw
    // it). So wait for its own path, type, and press Enter only while the box holds what was typed.
    const w = ui.wb;
    const pathBox = w.quickInput.locator('input');
    await w.quickInput.locator('.quick-input-title', { hasText: 'Folder for the new .npy file' }).waitFor();
    const boxHolds = async (ok: (v: string) => boolean, what: string): Promise<void> => {
      for (const deadline = Date.now() + 30_000; !ok(await pathBox.inputValue()); await w.page.waitForTimeout(50)) {
        if (Date.now() > deadline) throw new Error(`the folder box never held ${what} (it holds ${await pathBox.inputValue()})`);
      }
    };
    await boxHolds((v) => v.endsWith(`${path.sep}project${path.sep}`), 'the folder it opened on');
    await pathBox.fill(`${other}/`);
    await w.page.waitForTimeout(500);
    await boxHolds((v) => v === `${other}/`, 'the typed folder');
    await w.page.keyboard.press('Enter');
    await w.quickInput.locator('.quick-input-title', { hasText: /Create Zeroed \.npy in other/ }).waitFor();
    const step = await ui.wb.step();
    assert.equal(step.value, 'x.npy', 'the name typed before is kept');
    assert.match(withoutKeys(step.message), new RegExp(`in ${other.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.$`));
    await ui.wb.page.keyboard.press('Enter');
    await ui.wb.quickInputHidden();
    await ui.wb.previewRendered();
    assert.deepEqual(readdirSync(other), ['x.npy']);
    assert.deepEqual(readdirSync(ui.dir), []);
  });

  it('full allocation: the progress notification closes when the file is written, and the notice fits', async () => {
    mkdirSync(path.join(ui.dir, '.vscode'));
    writeFileSync(path.join(ui.dir, '.vscode', 'settings.json'), JSON.stringify({ 'zeroedNpy.allocation': 'full' }));
    ui.wb = await session().open(ui.dir);
    await ui.wb.runCommand('Create Zeroed .npy');
    await ui.wb.waitForStep(1);
    await ui.wb.pickItem(/^int8/);
    await ui.wb.waitForStep(2);
    assert.match(await ui.wb.typeAndWaitMessage('256, 1024, 1024', /full allocation/), /^\(256, 1024, 1024\) int8 · /);
    await ui.wb.page.keyboard.press('Enter');
    await ui.wb.waitForStep(3);
    await ui.wb.pickItem(/^C order/);
    await ui.wb.waitForStep(4);
    const name = (await ui.wb.step()).value;
    // Remember whether the progress toast ever showed, so its closing is not vacuous.
    await ui.wb.page.evaluate((text) => {
      const w = window as unknown as { sawProgress?: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        for (const t of document.querySelectorAll('.notifications-toasts .notification-toast')) if (t.textContent?.includes(text)) w.sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    }, `Creating ${name}`);
    await ui.wb.page.keyboard.press('Enter');
    await ui.wb.quickInputHidden();
    const toasts = ui.wb.page.locator('.notifications-toasts .notification-toast');
    const created = toasts.filter({ hasText: `Created ${name}.` });
    await created.waitFor({ state: 'visible', timeout: 60_000 });
    // The notice is whole: its text is not cut with an ellipsis in the toast.
    const fits = await created.locator('.notification-list-item-message').evaluate((e) => e.scrollWidth <= e.clientWidth);
    assert.ok(fits, 'the created notice fits its toast');
    await toasts.filter({ hasText: `Creating ${name}` }).waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(await ui.wb.page.evaluate(() => (window as unknown as { sawProgress?: boolean }).sawProgress), true, 'the progress toast did show');
    // And nothing about the write is left in the notification centre, which does list the notice.
    await ui.wb.runCommand('Notifications: Show Notifications');
    const center = ui.wb.page.locator('.notifications-center');
    await center.locator('.notification-list-item', { hasText: `Created ${name}.` }).waitFor({ state: 'visible' });
    assert.equal(await center.locator('.notification-list-item', { hasText: `Creating ${name}` }).count(), 0, 'no progress notification left open');
    const np = loadWithNumpy(path.join(ui.dir, name));
    assert.deepEqual(np.shape, [256, 1024, 1024]);
    assert.ok(np.allocated >= 256 * 1024 * 1024, `fully allocated: ${np.allocated} bytes`);
  });
});
