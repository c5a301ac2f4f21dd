// The read-only custom editor for *.npy: a trivial document (nothing to save) and one session per panel.
import * as vscode from 'vscode';
import { PreviewRegistry } from './previewRegistry';
import { PreviewSession } from './previewSession';

class NpyDocument implements vscode.CustomDocument {
  constructor(readonly uri: vscode.Uri) {}
  dispose(): void { /* nothing held: each panel reads the header itself */ }
}

export class NpyPreviewProvider implements vscode.CustomReadonlyEditorProvider<NpyDocument> {
  static register(context: vscode.ExtensionContext, registry: PreviewRegistry): vscode.Disposable {
    return vscode.window.registerCustomEditorProvider('zeroedNpy.preview', new NpyPreviewProvider(context.extensionUri, registry), {
      supportsMultipleEditorsPerDocument: true,
    });
  }

  private constructor(private readonly extensionUri: vscode.Uri, private readonly registry: PreviewRegistry) {}

  openCustomDocument(uri: vscode.Uri): NpyDocument {
    return new NpyDocument(uri);
  }

  resolveCustomEditor(document: NpyDocument, panel: vscode.WebviewPanel): void {
    new PreviewSession(document.uri, panel, this.extensionUri, this.registry);
  }
}
