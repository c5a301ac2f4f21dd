// The read-only custom editor for *.npz (view type zeroedNpy.npzPreview), a sibling of the .npy preview:
// a trivial document (nothing to save) and one session per panel.
import * as vscode from 'vscode';
import { NpzSession } from './npzSession';
import { PreviewRegistry } from './previewRegistry';

class NpzDocument implements vscode.CustomDocument {
  constructor(readonly uri: vscode.Uri) {}
  dispose(): void { /* nothing held: each panel reads the archive's directory itself */ }
}

export class NpzPreviewProvider implements vscode.CustomReadonlyEditorProvider<NpzDocument> {
  static register(context: vscode.ExtensionContext, registry: PreviewRegistry): vscode.Disposable {
    return vscode.window.registerCustomEditorProvider('zeroedNpy.npzPreview', new NpzPreviewProvider(context.extensionUri, registry), {
      supportsMultipleEditorsPerDocument: true,
    });
  }

  private constructor(private readonly extensionUri: vscode.Uri, private readonly registry: PreviewRegistry) {}

  openCustomDocument(uri: vscode.Uri): NpzDocument {
    return new NpzDocument(uri);
  }

  resolveCustomEditor(document: NpzDocument, panel: vscode.WebviewPanel): void {
    new NpzSession(document.uri, panel, this.extensionUri, this.registry);
  }
}
