// The read-only custom editor for *.npy (view type zeroedNpy.preview): one PreviewSession per panel.
import * as vscode from 'vscode';
import { PREVIEW_EDITOR_OPTIONS, previewEditorProvider } from './previewEditor';
import { PreviewRegistry } from './previewRegistry';
import { PreviewSession } from './previewSession';

export const NpyPreviewProvider = {
  register(context: vscode.ExtensionContext, registry: PreviewRegistry): vscode.Disposable {
    return vscode.window.registerCustomEditorProvider('zeroedNpy.preview',
      previewEditorProvider((uri, panel) => new PreviewSession(uri, panel, context.extensionUri, registry)), PREVIEW_EDITOR_OPTIONS);
  },
};
