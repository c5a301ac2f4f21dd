// zeroedNpy.openPreview: open a .npy with the preview even when another editor is associated with *.npy.
import * as vscode from 'vscode';
import { activeResource } from './targetFolder';

export async function openPreviewCommand(arg: unknown): Promise<void> {
  let uri = arg instanceof vscode.Uri ? arg : activeResource();
  if (!uri || !/\.npy$/i.test(uri.path)) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false,
      filters: { [vscode.l10n.t('NumPy arrays')]: ['npy'], [vscode.l10n.t('All files')]: ['*'] } });
    uri = picked?.[0];
  }
  if (uri) await vscode.commands.executeCommand('vscode.openWith', uri, 'zeroedNpy.preview');
}
