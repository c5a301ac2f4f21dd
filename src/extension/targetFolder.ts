// Where a new file goes: the explorer's folder, else the active file's folder, else the single workspace
// folder, a picker for several, and (signalled by 'dialog') a save dialog when no folder is open.
import * as path from 'node:path';
import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import { isUriLike } from './model/createArgs';

export type Target = { kind: 'folder'; uri: vscode.Uri } | { kind: 'dialog' } | { kind: 'cancel' } | { kind: 'error'; message: string };

/** The Uri of the active editor or tab (text editors and custom editors such as our preview). */
export function activeResource(): vscode.Uri | undefined {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  const input = tab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) return input.uri;
  return vscode.window.activeTextEditor?.document.uri;
}

/**
 * A file or folder given by a script: a Uri or its JSON form, a URI string, an absolute path, or a path relative
 * to the first workspace folder; undefined when it is none of these (or relative with no local workspace folder).
 */
export function uriFromArg(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string') {
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(value) && !/^[a-z]:[\\/]/i.test(value)) return vscode.Uri.parse(value, true);
    if (path.isAbsolute(value)) return vscode.Uri.file(value);
    const base = vscode.workspace.workspaceFolders?.[0];
    if (base && base.uri.scheme === 'file') return vscode.Uri.file(path.resolve(base.uri.fsPath, value));
    return undefined;
  }
  if (isUriLike(value)) return vscode.Uri.from({ scheme: value.scheme, path: value.path });
  return undefined;
}

/** A folder given by a script (see uriFromArg), or the sentence saying why it is not one. */
export function folderFromArg(folder: unknown): vscode.Uri | string {
  const uri = uriFromArg(folder);
  if (uri) return uri;
  if (typeof folder === 'string') return vscode.l10n.t('The folder "{0}" is relative, and there is no workspace folder to resolve it against.', folder);
  return vscode.l10n.t('The folder argument must be an absolute path or a Uri.');
}

/** The active .npy, else one the user picks in an open dialog (`openLabel` names what it is for). */
export async function pickNpy(openLabel: string): Promise<vscode.Uri | undefined> {
  const active = activeResource();
  if (active && /\.npy$/i.test(active.path)) return active;
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('NumPy arrays')]: ['npy'] }, openLabel });
  return picked?.[0];
}

/** Creating writes through Node's fs (sparse files need ftruncate), so the folder must be a real path. */
export async function checkLocalFolder(uri: vscode.Uri): Promise<string | undefined> {
  if (uri.scheme !== 'file') {
    return vscode.l10n.t('Creating .npy files needs a folder on a local or remote disk; {0} is on a "{1}:" file system.',
      uri.toString(true), uri.scheme);
  }
  try {
    const st = await fsp.stat(uri.fsPath);
    if (!st.isDirectory()) return vscode.l10n.t('{0} is not a folder.', uri.fsPath);
  } catch {
    return vscode.l10n.t('The folder {0} does not exist.', uri.fsPath);
  }
  return undefined;
}

export async function resolveTarget(explicit: vscode.Uri | undefined): Promise<Target> {
  const candidate = explicit ?? (await implicitFolder());
  if (candidate === 'cancel') return { kind: 'cancel' };
  if (candidate === undefined) return { kind: 'dialog' };
  const problem = await checkLocalFolder(candidate);
  return problem ? { kind: 'error', message: problem } : { kind: 'folder', uri: candidate };
}

async function implicitFolder(): Promise<vscode.Uri | 'cancel' | undefined> {
  const active = activeResource();
  if (active && active.scheme === 'file') return vscode.Uri.file(path.dirname(active.fsPath));
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) {
    const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder for the new .npy file') });
    return picked ? picked.uri : 'cancel';
  }
  return undefined;
}
