// Reads a .npz wherever it lives: Node fs for file: (directory and headers only, any size), and
// workspace.fs for other schemes, which hands over whole files only — so only small archives. Member values
// are read the same way, a page at a time.
import * as vscode from 'vscode';
import { inspectNpz, inspectNpzBytes, NpzMember, NpzReport } from '../core/npz/inspectNpz';
import { MemberGridPage, MemberValuesPage, readNpzMemberGrid, readNpzMemberGridFromBytes, readNpzMemberValues, readNpzMemberValuesFromBytes } from '../core/npz/memberValues';
import { GridRequest } from '../core/values/grid';
import { ValuesRequest } from '../core/values/pages';
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

/** One page of a member's values: by range from a file: archive, from the whole (small) archive otherwise. */
export async function readNpzMemberPage(uri: vscode.Uri, member: NpzMember, request: ValuesRequest): Promise<MemberValuesPage> {
  if (uri.scheme === 'file') return readNpzMemberValues(uri.fsPath, member, request);
  // inspectNpzUri accepted this archive as small enough to hand over whole.
  return readNpzMemberValuesFromBytes(await vscode.workspace.fs.readFile(uri), member, request);
}

/** One grid page of a member of 2 or more dimensions, likewise. */
export async function readNpzMemberGridPage(uri: vscode.Uri, member: NpzMember, request: GridRequest): Promise<MemberGridPage> {
  if (uri.scheme === 'file') return readNpzMemberGrid(uri.fsPath, member, request);
  return readNpzMemberGridFromBytes(await vscode.workspace.fs.readFile(uri), member, request);
}
