// Entry point: wiring only, and small. Every command and both previews load their code (dist/extension-<name>.js
// in the package, see scripts/bundle.mjs) the first time they are used, so activation costs this file alone.
import * as vscode from 'vscode';
import type { DtypeMru } from './dtypeMru';
import { PREVIEW_EDITOR_OPTIONS, previewEditorProvider } from './previewEditor';
import { PreviewRegistry, PreviewSnapshot } from './previewRegistry';

/** Returned from activate() for tests running inside VS Code. */
export interface ZeroedNpyTestApi {
  previews(): PreviewSnapshot[];
  /** Each render a preview's page reports, with that preview's snapshot then. */
  onDidRender(listener: (s: PreviewSnapshot) => void): { dispose(): void };
  /** Our bundles (dist/*.js) that were loaded when activate() returned (the activation budget: this entry alone). */
  loadedAtActivation: string[];
}

export function activate(context: vscode.ExtensionContext): ZeroedNpyTestApi {
  const registry = new PreviewRegistry();
  let mru: DtypeMru | undefined;
  const dtypeMru = async (): Promise<DtypeMru> => mru ??= new (await import('./dtypeMru')).DtypeMru(context.globalState);
  const { extensionUri } = context;
  context.subscriptions.push(
    vscode.window.registerCustomEditorProvider('zeroedNpy.preview', previewEditorProvider(async (uri, panel) => {
      new (await import('./previewSession')).PreviewSession(uri, panel, extensionUri, registry);
    }), PREVIEW_EDITOR_OPTIONS),
    vscode.window.registerCustomEditorProvider('zeroedNpy.npzPreview', previewEditorProvider(async (uri, panel) => {
      new (await import('./npzSession')).NpzSession(uri, panel, extensionUri, registry);
    }), PREVIEW_EDITOR_OPTIONS),
    vscode.commands.registerCommand('zeroedNpy.create', async (arg?: unknown) => (await import('./createFlow')).createCommand(await dtypeMru(), arg)),
    vscode.commands.registerCommand('zeroedNpy.createLike', async (arg?: unknown) => (await import('./createFlow')).createLikeCommand(await dtypeMru(), arg)),
    vscode.commands.registerCommand('zeroedNpy.openPreview', async (arg?: unknown) => (await import('./openPreview')).openPreviewCommand(arg)),
    vscode.commands.registerCommand('zeroedNpy.resize', async (arg?: unknown) =>
      (await import('./resizeFlow')).resizeCommand(arg, (uri) => registry.refresh(uri.toString()))),
  );
  return { previews: () => registry.snapshots(), onDidRender: (l) => registry.onDidRender(l), loadedAtActivation: loadedBundles(vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath) };
}

/** Our bundles in Node's module cache (the entry requires its chunks through it), as dist/<name>. */
function loadedBundles(dist: string): string[] {
  return Object.keys(require.cache).filter((f) => f.startsWith(dist)).map((f) => `dist/${f.slice(dist.length + 1).replace(/\\/g, '/')}`).sort();
}

export function deactivate(): void { /* subscriptions are disposed by VS Code */ }
