// The preview (custom editor) opened on files numpy wrote: every report agrees with numpy's own reading.
import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import type { NpyReportJson } from '../../../src/core/file/inspect';
import * as vscode from 'vscode';
import { api, closeAllEditors, freshDir, openPreview, previewOf, PreviewState, waitFor } from './extension';
import { NumpyView, numpyView, py, writeFixtures } from './numpy';

const str = (v: unknown): string => String(v);

function assertMatchesNumpy(r: NpyReportJson | undefined, np: NumpyView, what: string): void {
  assert.ok(r, `${what}: a report`);
  assert.equal(r.version, np.version, `${what}: version`);
  assert.equal(r.descr, np.descr, `${what}: descr`);
  assert.equal(r.fortranOrder, np.fortranOrder, `${what}: fortranOrder`);
  assert.deepEqual(r.shape.map(str), np.shape, `${what}: shape`);
  assert.equal(r.itemsize, np.itemsize, `${what}: itemsize`);
  assert.equal(str(r.elementCount), np.elementCount, `${what}: elementCount`);
  assert.equal(r.dataOffset, np.dataOffset, `${what}: dataOffset`);
  assert.equal(str(r.dataBytes), np.dataBytes, `${what}: dataBytes`);
  assert.equal(str(r.fileBytes), np.fileBytes, `${what}: fileBytes`);
  assert.equal(str(r.allocatedBytes), np.allocatedBytes, `${what}: allocatedBytes (fstat blocks x 512)`);
  assert.equal(r.status, np.status, `${what}: status`);
  assert.equal(str(r.statusBytes), np.statusBytes, `${what}: statusBytes`);
  assert.equal(r.objectData, np.objectData, `${what}: objectData`);
  assert.deepEqual(r.fields?.map((f) => f.name) ?? null, np.fieldNames, `${what}: field names`);
  // The preview reads the header only, never the data.
  assert.ok(r.bytesRead <= np.dataOffset, `${what}: bytesRead ${r.bytesRead} <= header ${np.dataOffset}`);
}

describe('preview of .npy files', () => {
  let fixtures: Record<string, string>;
  before(async () => {
    fixtures = writeFixtures(await freshDir('fixtures'));
  });
  afterEach(closeAllEditors);

  for (const name of ['good', 'fortran', 'scalar', 'structured', 'truncated', 'trailing', 'object', 'hostile', 'huge']) {
    it(`reports ${name}.npy as numpy reads it`, async () => {
      const state = await openPreview(fixtures[name]);
      assert.equal(state.error, undefined, `no error page: ${state.error}`);
      assertMatchesNumpy(state.report, numpyView(fixtures[name]), name);
    });
  }

  it('shows the 1 TiB sparse file from its header alone', async () => {
    const r = (await openPreview(fixtures.huge)).report!;
    assert.ok(BigInt(str(r.fileBytes)) >= 1n << 40n, 'at least 1 TiB logical');
    assert.ok(BigInt(str(r.allocatedBytes)) < 1n << 20n, 'under 1 MiB allocated: the file is sparse');
  });

  it('keeps markup in a field name as data', async () => {
    const r = (await openPreview(fixtures.hostile)).report!;
    assert.equal(r.fields?.[0].name, '<img src=x onerror=alert(1)>');
    assert.ok(r.headerText.includes("'<img src=x onerror=alert(1)>'"));
  });

  it('shows an error page, one sentence, for a file that is not .npy', async () => {
    const state = await openPreview(fixtures['not-npy']);
    assert.equal(state.report, undefined);
    assert.ok(state.error && state.error.length > 0, 'an error message');
    assert.doesNotMatch(state.error, /\n\s+at |Error:/, 'no stack trace');
  });

  it('names a file called back\\slash.npy by its whole name, and opens it with the preview by default', async () => {
    const file = `${await freshDir('names')}/back\\slash.npy`;
    py('np.save(sys.argv[1], np.zeros(3)); print(1)', file);
    const state = await openPreview(file) as PreviewState & { title?: string };
    assert.equal(state.title, 'back\\slash.npy');
    assert.equal(state.report?.fileName, 'back\\slash.npy');
    await closeAllEditors();
    // The editor VS Code picks by itself (as a click in the Explorer does): ours, not the text editor.
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(file));
    const input = await waitFor('an editor for back\\slash.npy', () => vscode.window.tabGroups.activeTabGroup.activeTab?.input);
    assert.ok(input instanceof vscode.TabInputCustom, `a custom editor, not ${input?.constructor.name}`);
    assert.equal(input.viewType, 'zeroedNpy.preview');
  });

  it('says a file deleted while open was deleted or moved', async () => {
    const file = `${await freshDir('deleted')}/gone.npy`;
    py('np.save(sys.argv[1], np.zeros(3)); print(1)', file);
    const first = await openPreview(file);
    await fsp.unlink(file);
    const a = await api();
    const gone = await waitFor('the preview to notice the deletion', () => {
      const p = previewOf(a, file);
      return p && p.renders > first.renders && p.error ? p : undefined;
    });
    assert.equal(gone.error, 'gone.npy was deleted or moved; the preview shows it again if it comes back.');
  });

  it('refreshes when the file changes on disk', async () => {
    const file = `${await freshDir('changing')}/changing.npy`;
    py('np.save(sys.argv[1], np.zeros((3, 4), dtype="<f8")); print(1)', file);
    const first = await openPreview(file);
    assert.deepEqual(first.report?.shape.map(str), ['3', '4']);
    py('np.save(sys.argv[1], np.zeros((7,), dtype=">i2")); print(1)', file);
    const a = await api();
    const second = await waitFor('the preview to re-render after the change', () => {
      const p = previewOf(a, file);
      return p && p.renders > first.renders && p.report?.descr === '>i2' ? p : undefined;
    });
    assertMatchesNumpy(second.report, numpyView(file), 'changed file');
    // Cutting it inside the header turns the preview into an error page.
    await fsp.truncate(file, 40);
    const third = await waitFor('the preview to re-render after truncation', () => {
      const p = previewOf(a, file);
      return p && p.renders > second.renders ? p : undefined;
    });
    assert.ok(third.error, 'an error page for a header cut short');
  });
});
