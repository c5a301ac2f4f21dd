// Both previews re-read their file when it changes on disk. Editors often write a file in several steps,
// so changes are debounced: onChange runs once things have been quiet for delayMs.
import * as vscode from 'vscode';
import { uriBaseName } from '../core/file/baseName';

/** Watches one file (change, create, delete). Disposing stops the watcher and drops a pending call. */
export function watchFileDebounced(uri: vscode.Uri, delayMs: number, onChange: () => void): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => { timer = undefined; onChange(); }, delayMs);
  };
  const parts: vscode.Disposable[] = [new vscode.Disposable(() => { if (timer) clearTimeout(timer); })];
  try {
    const dir = vscode.Uri.joinPath(uri, '..');
    const name = uriBaseName(uri.path);
    // Globs have no escapes: a name with glob syntax ("back\slash.npy", "a[1].npy") would match other files
    // or none, so such a name watches the folder's files and keeps only its own events.
    const literal = !/[\\*?[\]{}]/.test(name);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, literal ? name : '*'));
    const mine = (e: vscode.Uri) => { if (literal || e.toString() === uri.toString()) schedule(); };
    parts.push(watcher, watcher.onDidChange(mine), watcher.onDidCreate(mine), watcher.onDidDelete(mine));
  } catch {
    // a file system without watching: the preview still refreshes each time it is shown
  }
  return vscode.Disposable.from(...parts);
}
