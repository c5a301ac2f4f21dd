// Both previews re-read their file when it changes on disk. Editors often write a file in several steps,
// so changes are debounced: onChange runs once things have been quiet for delayMs.
import * as path from 'node:path';
import * as vscode from 'vscode';

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
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, path.posix.basename(uri.path)));
    parts.push(watcher, watcher.onDidChange(schedule), watcher.onDidCreate(schedule), watcher.onDidDelete(schedule));
  } catch {
    // a file system without watching: the preview still refreshes each time it is shown
  }
  return vscode.Disposable.from(...parts);
}
