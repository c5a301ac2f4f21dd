// Harness self-test: the suite really runs inside a VS Code extension host on the server (remote, web UI).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('harness (smoke extension)', () => {
  it('runs in the web workbench with the extension host on the server', () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.ok(vscode.env.remoteName, 'remoteName is set');
    assert.ok(vscode.workspace.workspaceFolders?.length, 'a folder is open');
  });

  it('loads the extension under development and runs its command', async () => {
    const ext = vscode.extensions.getExtension('zeroed-npy-test.smoke-ext');
    assert.ok(ext, 'extension found');
    const api = await ext.activate() as { host: string };
    assert.match(api.host, /^v\d+/);
    assert.equal(await vscode.commands.executeCommand('zeroedNpySmoke.hello', 'npy'), 'hello npy');
  });

  it('sees the driver environment', () => {
    assert.ok(process.env.ZEROED_NPY_TEST_RESULTS, 'results path passed through code-server');
  });
});
