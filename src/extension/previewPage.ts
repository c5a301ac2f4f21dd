// Both previews load their page the same way: scripts only from dist/, styles only from media/, a fresh
// nonce per load. The page itself comes from the preview's own (unit-tested) HTML builder.
import * as vscode from 'vscode';
import { makeNonce } from './model/html';

/** What a page builder gets: the webview's CSP source, the nonce and the asset URIs as strings. */
export interface PageAssets {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUris: string[];
}

/** Restricts the panel's webview to dist/ and media/ and sets its HTML from build. */
export function setPreviewPage(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, script: string, styles: string[], build: (assets: PageAssets) => string): void {
  const dist = vscode.Uri.joinPath(extensionUri, 'dist');
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  const webview = panel.webview;
  webview.options = { enableScripts: true, localResourceRoots: [dist, media] };
  webview.html = build({
    cspSource: webview.cspSource, nonce: makeNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, script)).toString(),
    styleUris: styles.map((f) => webview.asWebviewUri(vscode.Uri.joinPath(media, f)).toString()),
  });
}
