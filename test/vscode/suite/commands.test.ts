// Every command the manifest contributes is registered, and the extension runs where the tests expect it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, EXTENSION_ID } from './extension';

describe('extension in code-server', () => {
  it('runs as a workspace extension on the server (web UI, remote host)', async () => {
    await api();
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.ok(vscode.env.remoteName, 'remoteName is set');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(ext.extensionKind, vscode.ExtensionKind.Workspace);
    assert.ok(ext.isActive);
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
