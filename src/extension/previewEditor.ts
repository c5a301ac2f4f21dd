// The .npy and .npz previews are both read-only custom editors: a trivial document (nothing to save, each
// panel reads the file itself) and one session per panel, several panels per file allowed. Each caller still
// names its view type in its own registerCustomEditorProvider call (the manifest test reads them there). The
// session's code may load on the first panel, so openPanel may be async: VS Code waits for it, and makes the
// webview's frame only after it, so openPanel must not wait for the file.
import * as vscode from 'vscode';

class PreviewDocument implements vscode.CustomDocument {
  constructor(readonly uri: vscode.Uri) {}
  dispose(): void { /* nothing held: each panel's session reads the file itself */ }
}

export const PREVIEW_EDITOR_OPTIONS = { supportsMultipleEditorsPerDocument: true } as const;

/** A provider whose panels each get a session from openPanel (the session disposes itself with the panel). */
export function previewEditorProvider(openPanel: (uri: vscode.Uri, panel: vscode.WebviewPanel) => void | Promise<void>): vscode.CustomReadonlyEditorProvider<PreviewDocument> {
  return {
    openCustomDocument: (uri) => new PreviewDocument(uri),
    resolveCustomEditor: (document, panel) => openPanel(document.uri, panel),
  };
}
