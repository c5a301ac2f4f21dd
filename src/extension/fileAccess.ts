// Reads a .npy header wherever the file lives: Node fs for file: (header bytes only, any size), and
// workspace.fs for other schemes, which can only return whole files — so only small ones.
import * as vscode from 'vscode';
import { NpyError } from '../core/errors';
import { uriBaseName } from '../core/file/baseName';
import { inspectBytes, inspectNpy } from '../core/file/inspect';
import { NpyReport } from '../core/types';
import { formatBytes } from '../core/units';

/** Largest file read whole through workspace.fs (virtual file systems have no partial reads). */
export const VIRTUAL_READ_LIMIT = 1024 * 1024;

const t = vscode.l10n.t;

export function displayName(uri: vscode.Uri): string {
  return uriBaseName(uri.path) || uri.toString(true);
}

export async function inspectUri(uri: vscode.Uri): Promise<NpyReport> {
  return inspectUriWith(uri, {
    fromPath: inspectNpy,
    fromBytes: (bytes, where) => inspectBytes(bytes, BigInt(bytes.length), null, where),
    tooLarge: size => t('{0} is {1} on a "{2}:" file system, which can only hand over whole files; the preview reads such files up to {3}, so open this one from a local or remote disk.',
      displayName(uri), formatBytes(size), uri.scheme, formatBytes(VIRTUAL_READ_LIMIT)),
  });
}

/** What to inspect and how: the .npy and .npz previews share the reading, only the inspector differs. */
export interface UriInspector<T> {
  /** A file: URI, read by path (only the bytes the report needs, any size). */
  fromPath(fsPath: string): Promise<T>;
  /** Any other scheme: the whole file's bytes, as workspace.fs hands them over. */
  fromBytes(bytes: Uint8Array, path: string): T | Promise<T>;
  /** The sentence for a virtual file over VIRTUAL_READ_LIMIT (kept at the caller so each stays one literal l10n string). */
  tooLarge(size: number): string;
}

export async function inspectUriWith<T>(uri: vscode.Uri, inspector: UriInspector<T>): Promise<T> {
  if (uri.scheme === 'file') return inspector.fromPath(uri.fsPath);
  let size: number;
  try {
    size = (await vscode.workspace.fs.stat(uri)).size;
  } catch (e) {
    throw fsError(uri, e);
  }
  if (size > VIRTUAL_READ_LIMIT) throw new NpyError('io', inspector.tooLarge(size));
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    throw fsError(uri, e);
  }
  return inspector.fromBytes(bytes, uri.path);
}

/** workspace.fs errors carry codes like FileNotFound; turn them into one sentence. */
function fsError(uri: vscode.Uri, e: unknown): NpyError {
  const name = displayName(uri);
  if (e instanceof vscode.FileSystemError) {
    if (e.code === 'FileNotFound' || e.code === 'EntryNotFound') return new NpyError('io', t('{0} does not exist (any more).', name), 'ENOENT');
    if (e.code === 'NoPermissions') return new NpyError('io', t('{0} cannot be read: permission denied.', name));
  }
  const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return new NpyError('io', t('{0} cannot be read: {1}', name, msg));
}
