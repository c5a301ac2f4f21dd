// Every command the manifest contributes is registered, and the extension runs where the tests expect it.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { writeZeroedNpy } from '../../../src/core/file/writer';
import { api, closeAllEditors, EXTENSION_ID, freshDir, openPreview } from './extension';

describe('extension in code-server', () => {
  it('runs as a workspace extension on the server (web UI, remote host)', async () => {
    await api();
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.ok(vscode.env.remoteName, 'remoteName is set');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(ext.extensionKind, vscode.ExtensionKind.Workspace);
    assert.ok(ext.isActive);
  });

  it('activation loads dist/extension.js alone; a command loads its own bundle when it first runs', async () => {
    const { loadedAtActivation } = await api();
    assert.deepEqual(loadedAtActivation, ['dist/extension.js'], 'the modules of ours loaded at activation');
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri.fsPath;
    const chunk = path.join(root, 'dist', 'extension-previewSession.js');
    const file = path.join(await freshDir('chunks'), 'a.npy');
    await writeZeroedNpy({ path: file, dtype: 'f8', shape: '3' });
    try {
      await openPreview(file);
      assert.ok(chunk in require.cache, `${chunk} was not loaded by the first preview`);
    } finally {
      await closeAllEditors();
    }
  });

  it('registers every contributed command', async () => {
    await api();
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes?.commands ?? []) as Array<{ command: string }>;
    const ids = contributed.map((c) => c.command);
    for (const required of ['zeroedNpy.create', 'zeroedNpy.createLike', 'zeroedNpy.openPreview']) {
      assert.ok(ids.includes(required), `${required} is contributed`);
    }
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = ids.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'contributed but not registered');
  });

  it('contributes the preview as a custom editor for *.npy', () => {
    const editors = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes?.customEditors ?? []) as Array<{ viewType: string; selector: Array<{ filenamePattern: string }> }>;
    const preview = editors.find((e) => e.viewType === 'zeroedNpy.preview');
    assert.ok(preview, 'zeroedNpy.preview is contributed');
    assert.ok(preview.selector.some((s) => /\*\.npy$/.test(s.filenamePattern)), 'selector matches *.npy');
  });
});
