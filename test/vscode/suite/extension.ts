// Handles on the real extension from inside the extension host: its API (contract: activate() returns
// previews()), the workspace folder, and polling helpers. Polling waits for a state, it never times anything.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { NpyReportJson } from '../../../src/core/file/inspect';

export const EXTENSION_ID = 'zeroed-npy.zeroed-npy';

export interface PreviewState { uri: string; report?: NpyReportJson; error?: string; renders: number }
export interface ZeroedNpyApi {
  previews(): PreviewState[];
  onDidRender(listener: (s: PreviewState) => void): { dispose(): void };
  loadedAtActivation: string[];
}

export async function api(): Promise<ZeroedNpyApi> {
  const ext = vscode.extensions.getExtension<ZeroedNpyApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const exported = await ext.activate();
  if (!exported || typeof exported.previews !== 'function') throw new Error('activate() did not return { previews() }');
  return exported;
}

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') throw new Error('the driver opens one local workspace folder');
  return folder.uri.fsPath;
}

/** A fresh sub-folder of the workspace, so tests never see each other's files. */
export async function freshDir(name: string): Promise<string> {
  const dir = path.join(workspaceDir(), `${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`);
  await vscode.workspace.fs.createDirectory(vscode.Uri.file(dir));
  return dir;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function sameFile(a: string, file: string): boolean {
  try { return vscode.Uri.parse(a).fsPath === vscode.Uri.file(file).fsPath; } catch { return false; }
}

export function previewOf(a: ZeroedNpyApi, file: string): PreviewState | undefined {
  return a.previews().find((p) => sameFile(p.uri, file));
}

/** Opens `file` in a new preview (none may be open on it) and waits for the webview's first render. */
export async function openPreview(file: string): Promise<PreviewState> {
  const a = await api();
  // A closed panel leaves the registry when disposed: wait for that, so the render we see is the new panel's.
  await waitFor(`the previous preview of ${path.basename(file)} to close`, () => (previewOf(a, file) ? undefined : true));
  return firstRender(a, file, () => vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(file), 'zeroedNpy.preview'));
}

/** Runs `open` and resolves with the state of the first render of a preview of `file` that follows (onDidRender). */
export async function firstRender(a: ZeroedNpyApi, file: string, open: () => Thenable<unknown>, timeoutMs = 30_000): Promise<PreviewState> {
  let listener: { dispose(): void } | undefined;
  let timer: NodeJS.Timeout | undefined;
  const rendered = new Promise<PreviewState>((resolve, reject) => {
    listener = a.onDidRender((s) => { if (sameFile(s.uri, file)) resolve(s); });
    timer = setTimeout(() => reject(new Error(`gave up waiting for a rendered preview of ${path.basename(file)}`)), timeoutMs);
  });
  try {
    await open();
    return await rendered;
  } finally {
    listener?.dispose();
    clearTimeout(timer);
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Starts an interactive command, checks it waits for input, then presses Escape until it settles. */
export async function startThenEscape(command: string, arg: unknown): Promise<unknown> {
  let settled = false;
  const running = Promise.resolve(vscode.commands.executeCommand(command, arg)).finally(() => { settled = true; });
  // A wizard waits for the user; give it a moment to show (this is not a timing assertion).
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(settled, false, `${command} should be waiting in its wizard`);
  await waitFor(`${command} to close on Escape`, async () => {
    if (settled) return true;
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    return undefined;
  });
  return running;
}
