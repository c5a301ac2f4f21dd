// Both previews load their page the same way: scripts only from dist/, styles only from media/, a fresh
// nonce per load. The page itself comes from the preview's own (unit-tested) HTML builder. The files' texts go
// into the page (model/html.ts), which saves the webview fetching them before its first paint; the URIs stay
// as the fallback for a text that cannot be inlined and for a file that cannot be read.
import { readFileSync, statSync } from 'node:fs';
import * as vscode from 'vscode';
import { InlineAssets, makeNonce } from './model/html';

/** What a page builder gets: the webview's CSP source, the nonce, the asset URIs as strings and their texts. */
export interface PageAssets {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUris: string[];
  inline?: InlineAssets;
}

/**
 * Restricts the panel's webview to dist/ and media/, with scripts. Set it before resolveCustomEditor returns:
 * VS Code creates the webview's frame only then, with these options, and loads it while the HTML is still coming.
 */
export function setPreviewOptions(panel: vscode.WebviewPanel, extensionUri: vscode.Uri): void {
  panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')] };
}

/** Sets the panel's HTML from build (after setPreviewOptions). */
export function setPreviewHtml(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, script: string, styles: string[], build: (assets: PageAssets) => string): void {
  const webview = panel.webview;
  const scriptFile = vscode.Uri.joinPath(extensionUri, 'dist', script);
  const styleFiles = styles.map((f) => vscode.Uri.joinPath(extensionUri, 'media', f));
  webview.html = build({
    cspSource: webview.cspSource, nonce: makeNonce(),
    scriptUri: webview.asWebviewUri(scriptFile).toString(),
    styleUris: styleFiles.map((f) => webview.asWebviewUri(f).toString()),
    inline: readInline(scriptFile, styleFiles, (f) => webview.asWebviewUri(f).toString()),
  });
}

/** Both at once, for a page that needs nothing read first. */
export function setPreviewPage(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, script: string, styles: string[], build: (assets: PageAssets) => string): void {
  setPreviewOptions(panel, extensionUri);
  setPreviewHtml(panel, extensionUri, script, styles, build);
}

const texts = new Map<string, { mtimeMs: number; size: number; text: string }>();

/** A file's text, read again only when it changed (a development build rewrites dist/ while VS Code runs). */
function assetText(path: string): string {
  const st = statSync(path);
  const hit = texts.get(path);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.text;
  const text = readFileSync(path, 'utf8');
  texts.set(path, { mtimeMs: st.mtimeMs, size: st.size, text });
  return text;
}

/** The texts to inline, or undefined (the page then loads the files by URI) if one cannot be read. */
function readInline(scriptFile: vscode.Uri, styleFiles: vscode.Uri[], toWebview: (f: vscode.Uri) => string): InlineAssets | undefined {
  try {
    // A development bundle names its source map relative to itself; inlined, that is relative to the page.
    const script = assetText(scriptFile.fsPath).replace(/\/\/# sourceMappingURL=([\w.-]+\.map)\s*$/,
      (_, map: string) => `//# sourceMappingURL=${toWebview(vscode.Uri.joinPath(scriptFile, '..', map))}\n`);
    return { script, styles: styleFiles.map((f) => assetText(f.fsPath)) };
  } catch {
    return undefined;
  }
}
