// The read-only custom editor for *.npz (view type zeroedNpy.npzPreview), a sibling of the .npy preview:
// one NpzSession per panel.
import * as vscode from 'vscode';
import { NpzSession } from './npzSession';
import { PREVIEW_EDITOR_OPTIONS, previewEditorProvider } from './previewEditor';
import { PreviewRegistry } from './previewRegistry';

export const NpzPreviewProvider = {
  register(context: vscode.ExtensionContext, registry: PreviewRegistry): vscode.Disposable {
    return vscode.window.registerCustomEditorProvider('zeroedNpy.npzPreview',
      previewEditorProvider((uri, panel) => new NpzSession(uri, panel, context.extensionUri, registry)), PREVIEW_EDITOR_OPTIONS);
  },
};
