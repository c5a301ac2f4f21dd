// Both previews re-read their file when it changes on disk. Editors often write a file in several steps,
// so changes are debounced: onChange runs once things have been quiet for delayMs.
import * as vscode from 'vscode';
import { uriBaseName } from '../core/file/baseName';
import { ChangePoll, FileStamp, sameStamp, statStamp } from './changePoll';

/** A debounced watch: dispose stops it and drops a pending call; changed() schedules a call as an event does. */
export interface FileWatch extends vscode.Disposable {
  changed(): void;
}

/** Watches one file (change, create, delete). Disposing stops the watcher and drops a pending call. */
export function watchFileDebounced(uri: vscode.Uri, delayMs: number, onChange: () => void): FileWatch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => { timer = undefined; onChange(); }, delayMs);
  };
  const parts: vscode.Disposable[] = [new vscode.Disposable(() => { if (timer) clearTimeout(timer); timer = undefined; })];
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
  const all = vscode.Disposable.from(...parts);
  return { dispose: () => all.dispose(), changed: schedule };
}

/** The watcher plus, for file: URIs, a stat poll while the panel is visible (see changePoll.ts). */
export interface PreviewWatch extends vscode.Disposable {
  /** Stats made by the poll so far (0 for other schemes); the test API reports it. */
  readonly polls: number;
  /** The session starts reading the file: a change noticed later is passed on only if the file differs from now. */
  reading(): void;
}

/**
 * Re-reads through one debounce whether the watcher or the poll noticed the change. For file: URIs, only when the
 * file's stamp differs from the one taken as the last read began: the watcher can report a write made just before
 * the preview opened after the first read has already seen it (the stamp is taken before the read, so a write
 * during a read is still passed on).
 */
export function watchPreviewedFile(uri: vscode.Uri, panel: vscode.WebviewPanel, delayMs: number, onChange: () => void): PreviewWatch {
  // Other schemes: a stat there may be a network round trip, and their providers raise change events themselves.
  if (uri.scheme !== 'file') {
    const watch = watchFileDebounced(uri, delayMs, onChange);
    return { dispose: () => watch.dispose(), polls: 0, reading: () => undefined };
  }
  let lastRead: Promise<FileStamp> | undefined;
  let disposed = false;
  const watch = watchFileDebounced(uri, delayMs, () => {
    if (!lastRead) { onChange(); return; }
    void Promise.all([lastRead, statStamp(uri.fsPath)]).then(([seen, now]) => { if (!disposed && !sameStamp(seen, now)) onChange(); });
  });
  const poll = new ChangePoll({ stat: () => statStamp(uri.fsPath), onChange: () => watch.changed() });
  const viewState = panel.onDidChangeViewState((e) => poll.setActive(e.webviewPanel.visible));
  poll.setActive(panel.visible);
  return {
    dispose: () => { disposed = true; viewState.dispose(); poll.dispose(); watch.dispose(); },
    get polls() { return poll.stats; },
    reading: () => { lastRead = statStamp(uri.fsPath); },
  };
}
