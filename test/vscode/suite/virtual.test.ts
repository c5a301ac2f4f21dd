// The preview on a virtual file system (no local path), as in vscode.dev or a remote FS provider: small files
// are read whole through workspace.fs and previewed; big ones get a page that says why, never a dialog.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseDtype } from '../../../src/core/format/dtype';
import { buildHeader } from '../../../src/core/format/header';
import { api, closeAllEditors, waitFor } from './extension';

const SCHEME = 'zeroednpy-mem';

/** A read-only in-memory file system: just enough for stat and readFile. */
class MemFs implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  constructor(private readonly files: Map<string, Uint8Array>) {}
  private get(uri: vscode.Uri): Uint8Array {
    const f = this.files.get(uri.path);
    if (!f) throw vscode.FileSystemError.FileNotFound(uri);
    return f;
  }
  watch(): vscode.Disposable { return new vscode.Disposable(() => undefined); }
  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: this.get(uri).length };
  }
  readDirectory(): Array<[string, vscode.FileType]> { return [...this.files.keys()].map((k) => [k.slice(1), vscode.FileType.File]); }
  readFile(uri: vscode.Uri): Uint8Array { return this.get(uri); }
  createDirectory(uri: vscode.Uri): void { throw vscode.FileSystemError.NoPermissions(uri); }
  writeFile(uri: vscode.Uri): void { throw vscode.FileSystemError.NoPermissions(uri); }
  delete(uri: vscode.Uri): void { throw vscode.FileSystemError.NoPermissions(uri); }
  rename(uri: vscode.Uri): void { throw vscode.FileSystemError.NoPermissions(uri); }
}

function npy(dtype: string, shape: bigint[], dataBytes: number): Uint8Array {
  const header = buildHeader(parseDtype(dtype).dtype, shape, false);
  const out = new Uint8Array(header.length + dataBytes);
  out.set(header, 0);
  return out;
}

describe('preview on a virtual file system', () => {
  let registration: vscode.Disposable;
  before(() => {
    registration = vscode.workspace.registerFileSystemProvider(SCHEME, new MemFs(new Map([
      ['/small.npy', npy('>i2', [3n, 4n], 24)],
      ['/big.npy', npy('<f8', [262_144n], 2 * 1024 * 1024)],
    ])), { isReadonly: true });
  });
  after(() => registration.dispose());
  afterEach(closeAllEditors);

  async function open(name: string): Promise<{ report?: { descr: string; shape: Array<number | string> }; error?: string }> {
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${name}` });
    const a = await api();
    await vscode.commands.executeCommand('vscode.openWith', uri, 'zeroedNpy.preview');
    return waitFor(`a rendered preview of ${uri}`, () => {
      const p = a.previews().find((s) => s.uri === uri.toString());
      return p && p.renders > 0 ? p : undefined;
    });
  }

  it('previews a small file read through workspace.fs', async () => {
    const p = await open('small.npy');
    assert.equal(p.error, undefined, `no error page: ${p.error}`);
    assert.equal(p.report?.descr, '>i2');
    assert.deepEqual(p.report?.shape.map(String), ['3', '4']);
  });

  it('explains, on the page, why a big virtual file is not previewed', async () => {
    const p = await open('big.npy');
    assert.equal(p.report, undefined);
    assert.match(p.error ?? '', /big\.npy is 2 MiB on a "zeroednpy-mem:" file system, which can only hand over whole files/);
  });
});
