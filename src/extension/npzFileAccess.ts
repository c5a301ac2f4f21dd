// Reads a .npz wherever it lives: Node fs for file: (directory and headers only, any size), and
// workspace.fs for other schemes, which hands over whole files only — so only small archives.
import * as vscode from 'vscode';
import { NpyError } from '../core/errors';
import { inspectNpz, inspectNpzBytes, NpzReport } from '../core/npz';
import { formatBytes } from '../core/units';
import { displayName, VIRTUAL_READ_LIMIT } from './fileAccess';

const t = vscode.l10n.t;

export async function inspectNpzUri(uri: vscode.Uri): Promise<NpzReport> {
  if (uri.scheme === 'file') return inspectNpz(uri.fsPath);
  let size: number;
  try {
    size = (await vscode.workspace.fs.stat(uri)).size;
  } catch (e) {
    throw readError(uri, e);
  }
  if (size > VIRTUAL_READ_LIMIT) {
    throw new NpyError('io', t('{0} is {1} on a "{2}:" file system, which can only hand over whole files; the preview reads such archives up to {3}, so open this one from a local or remote disk.',
      displayName(uri), formatBytes(size), uri.scheme, formatBytes(VIRTUAL_READ_LIMIT)));
  }
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    throw readError(uri, e);
  }
  return inspectNpzBytes(bytes, uri.path);
}

function readError(uri: vscode.Uri, e: unknown): NpyError {
  const name = displayName(uri);
  if (e instanceof vscode.FileSystemError) {
    if (e.code === 'FileNotFound' || e.code === 'EntryNotFound') return new NpyError('io', t('{0} does not exist (any more).', name));
    if (e.code === 'NoPermissions') return new NpyError('io', t('{0} cannot be read: permission denied.', name));
  }
  const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return new NpyError('io', t('{0} cannot be read: {1}', name, msg));
}
