// Entry point: wiring only. Each concern lives in its own file.
import * as vscode from 'vscode';
import { createCommand, createLikeCommand } from './createFlow';
import { DtypeMru } from './dtypeMru';
import { openPreviewCommand } from './openPreview';
import { NpyPreviewProvider } from './previewProvider';
import { NpzPreviewProvider } from './npzProvider';
import { PreviewRegistry, PreviewSnapshot } from './previewRegistry';
import { resizeCommand } from './resizeFlow';

/** Returned from activate() for tests running inside VS Code. */
export interface ZeroedNpyTestApi { previews(): PreviewSnapshot[] }

export function activate(context: vscode.ExtensionContext): ZeroedNpyTestApi {
  const registry = new PreviewRegistry();
  const mru = new DtypeMru(context.globalState);
  context.subscriptions.push(
    NpyPreviewProvider.register(context, registry),
    NpzPreviewProvider.register(context, registry),
    vscode.commands.registerCommand('zeroedNpy.create', (arg?: unknown) => createCommand(mru, arg)),
    vscode.commands.registerCommand('zeroedNpy.createLike', (arg?: unknown) => createLikeCommand(mru, arg)),
    vscode.commands.registerCommand('zeroedNpy.openPreview', (arg?: unknown) => openPreviewCommand(arg)),
    vscode.commands.registerCommand('zeroedNpy.resize', (arg?: unknown) => resizeCommand(arg, (uri) => registry.refresh(uri.toString()))),
  );
  return { previews: () => registry.snapshots() };
}

export function deactivate(): void { /* subscriptions are disposed by VS Code */ }
