// Both previews re-read their file when it changes on disk. Editors often write a file in several steps,
// so changes are debounced: onChange runs once things have been quiet for delayMs.
import * as vscode from 'vscode';
import { uriBaseName } from '../core/file/baseName';
import { ChangePoll, sameStamp, statStamp, statStampSync } from './changePoll';

/** A debounced watch: dispose stops it and drops a pending call; changed() schedules a call as an event does. */
export interface FileWatch extends vscode.Disposable {
  changed(): void;
  /** Creates the watcher if it was deferred (once; never after dispose). */
  start(): void;
}

/**
 * Watches one file (change, create, delete). Disposing stops the watcher and drops a pending call. A deferred
 * watcher is created by start(): asking VS Code's file service to watch keeps the window busy just while a new
 * preview's page loads (in the benchmark, an open took ~11 ms longer with the watcher made before the page).
 */
export function watchFileDebounced(uri: vscode.Uri, delayMs: number, onChange: () => void, deferred = false): FileWatch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => { timer = undefined; onChange(); }, delayMs);
  };
  const parts: vscode.Disposable[] = [new vscode.Disposable(() => { if (timer) clearTimeout(timer); timer = undefined; })];
  let started = false;
  let disposed = false;
  const start = (): void => {
    if (started || disposed) return;
    started = true;
    watchInto(parts, uri, schedule);
  };
  if (!deferred) start();
  return { dispose: () => { disposed = true; for (const p of parts.splice(0)) p.dispose(); }, changed: schedule, start };
}

function watchInto(parts: vscode.Disposable[], uri: vscode.Uri, schedule: () => void): void {
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
}

/** The watcher plus, for file: URIs, a stat poll while the panel is visible (see changePoll.ts). */
export interface PreviewWatch extends vscode.Disposable {
  /** Stats made by the poll so far (0 for other schemes); the test API reports it. */
  readonly polls: number;
  /** The page has rendered: the watcher may start now (see watchFileDebounced). */
  pageRendered(): void;
}

/** A page that never reports rendered still gets its watcher after this long. */
const WATCHER_LATEST_MS = 1000;

/**
 * Re-reads through one debounce whether the watcher or the poll noticed the change. For file: URIs the watcher
 * starts once the page has rendered; a stat taken now (before the session's first read) is compared with one
 * taken when it starts, so a change in between is not lost.
 */
export function watchPreviewedFile(uri: vscode.Uri, panel: vscode.WebviewPanel, delayMs: number, onChange: () => void): PreviewWatch {
  // Other schemes: a stat there may be a network round trip, and their providers raise change events themselves.
  if (uri.scheme !== 'file') {
    const watch = watchFileDebounced(uri, delayMs, onChange);
    return { dispose: () => watch.dispose(), polls: 0, pageRendered: () => undefined };
  }
  const watch = watchFileDebounced(uri, delayMs, onChange, true);
  const before = statStampSync(uri.fsPath);
  let started = false;
  let disposed = false;
  const start = (): void => {
    clearTimeout(latest);
    if (started || disposed) return;
    started = true;
    watch.start();
    void statStamp(uri.fsPath).then((now) => { if (!disposed && !sameStamp(before, now)) watch.changed(); });
  };
  const latest = setTimeout(start, WATCHER_LATEST_MS);
  const poll = new ChangePoll({ stat: () => statStamp(uri.fsPath), onChange: () => watch.changed() });
  const viewState = panel.onDidChangeViewState((e) => poll.setActive(e.webviewPanel.visible));
  poll.setActive(panel.visible);
  return {
    dispose: () => { disposed = true; clearTimeout(latest); viewState.dispose(); poll.dispose(); watch.dispose(); },
    get polls() { return poll.stats; },
    pageRendered: start,
  };
}
