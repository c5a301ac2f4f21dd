// One preview panel: inspects the header, posts the view model, re-inspects when the file changes on disk,
// and answers the webview's buttons. Failures become the error page, never a dialog.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { HostToWebview, isWebviewToHost } from '../common/messages';
import { ActionId } from '../common/viewModel';
import { NpyReportJson, reportToJson } from '../core/inspect';
import { NpyReport } from '../core/types';
import { displayName, inspectUri } from './fileAccess';
import { buildPreviewHtml, makeNonce } from './model/html';
import { errorToViewModel, reportToViewModel } from './model/reportView';
import { pythonSnippet, rustSnippet } from './model/snippets';
import { PreviewEntry, PreviewRegistry, PreviewSnapshot } from './previewRegistry';

const t = vscode.l10n.t;
/** Editors often write a file in several steps; wait for quiet before re-reading the header. */
const REFRESH_DEBOUNCE_MS = 150;

export class PreviewSession implements PreviewEntry, vscode.Disposable {
  private report?: NpyReport;
  private reportJson?: NpyReportJson;
  private error?: string;
  private renders = 0;
  private generation = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly uri: vscode.Uri, private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri, registry: PreviewRegistry) {
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [dist, media] };
    webview.html = buildPreviewHtml({
      cspSource: webview.cspSource, nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      title: displayName(uri), loadingText: t('Reading the header of {0}…', displayName(uri)), lang: vscode.env.language,
    });
    this.disposables.push(
      registry.add(this),
      webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      ...this.watch(),
    );
    panel.onDidDispose(() => this.dispose());
  }

  snapshot(): PreviewSnapshot {
    return { uri: this.uri.toString(), report: this.reportJson, error: this.error, renders: this.renders };
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.generation++;
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private watch(): vscode.Disposable[] {
    try {
      const dir = vscode.Uri.joinPath(this.uri, '..');
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, path.posix.basename(this.uri.path)));
      const schedule = () => this.scheduleRefresh();
      return [watcher, watcher.onDidChange(schedule), watcher.onDidCreate(schedule), watcher.onDidDelete(schedule)];
    } catch {
      return []; // a file system without watching: the preview still refreshes each time it is shown
    }
  }

  private scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; void this.refresh(); }, REFRESH_DEBOUNCE_MS);
  }

  /** Inspects again and posts the result; an older inspection finishing late is dropped. */
  private async refresh(): Promise<void> {
    const gen = ++this.generation;
    let message: HostToWebview;
    try {
      const report = await inspectUri(this.uri);
      if (gen !== this.generation) return;
      this.report = report;
      this.reportJson = reportToJson(report);
      this.error = undefined;
      message = { type: 'report', model: reportToViewModel(report, t) };
    } catch (e) {
      if (gen !== this.generation) return;
      const model = errorToViewModel(displayName(this.uri), e, t);
      this.report = undefined;
      this.reportJson = undefined;
      this.error = model.message;
      message = { type: 'error', message: model.message, model };
    }
    void this.panel.webview.postMessage(message);
  }

  private onMessage(m: unknown): void {
    if (!isWebviewToHost(m)) return;
    switch (m.type) {
      // Every (re)load of the page asks; without retainContextWhenHidden that is each time it is shown again.
      case 'ready': void this.refresh(); break;
      case 'rendered': this.renders++; break;
      case 'action': void this.act(m.action); break;
    }
  }

  private async act(action: ActionId): Promise<void> {
    if (action === 'create-like') {
      await vscode.commands.executeCommand('zeroedNpy.createLike', this.uri);
      return;
    }
    const r = this.report;
    if (!r) return;
    const text = action === 'copy-json' ? `${JSON.stringify(reportToJson(r), null, 2)}\n`
      : action === 'copy-python' ? pythonSnippet(r) : rustSnippet(r);
    await vscode.env.clipboard.writeText(text);
    const what = action === 'copy-json' ? t('the report as JSON') : action === 'copy-python' ? t('a Python snippet') : t('a Rust snippet');
    vscode.window.setStatusBarMessage(t('Copied {0} for {1}.', what, r.fileName), 4000);
  }
}
