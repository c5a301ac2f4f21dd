// Reads a .npz wherever it lives: Node fs for file: (directory and headers only, any size), and
// workspace.fs for other schemes, which hands over whole files only — so only small archives.
import * as vscode from 'vscode';
import { inspectNpz, inspectNpzBytes, NpzReport } from '../core/npz/inspectNpz';
import { formatBytes } from '../core/units';
import { displayName, inspectUriWith, VIRTUAL_READ_LIMIT } from './fileAccess';

const t = vscode.l10n.t;

export async function inspectNpzUri(uri: vscode.Uri): Promise<NpzReport> {
  return inspectUriWith(uri, {
    fromPath: fsPath => inspectNpz(fsPath),
    fromBytes: (bytes, where) => inspectNpzBytes(bytes, where),
    tooLarge: size => t('{0} is {1} on a "{2}:" file system, which can only hand over whole files; the preview reads such archives up to {3}, so open this one from a local or remote disk.',
      displayName(uri), formatBytes(size), uri.scheme, formatBytes(VIRTUAL_READ_LIMIT)),
  });
}
