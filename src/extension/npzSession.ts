// One .npz preview panel: lists the archive's members, shows the selected member's full header report,
// re-reads when the file changes on disk. Failures become the error page, never a dialog.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { HostToNpzWebview, isNpzWebviewToHost } from '../common/npzMessages';
import { NpzMemberJson, npzMemberToJson, NpzReport } from '../core/npz';
import { displayName } from './fileAccess';
import { makeNonce } from './model/html';
import { inspectNpzUri } from './npzFileAccess';
import { buildNpzHtml, memberDetail, npzErrorToViewModel, npzToViewModel } from './npzView';
import { PreviewEntry, PreviewRegistry, PreviewSnapshot } from './previewRegistry';

const t = vscode.l10n.t;
/** Editors often write a file in several steps; wait for quiet before re-reading. */
const REFRESH_DEBOUNCE_MS = 150;

/** What the test API sees of an .npz panel: the .npy snapshot's fields plus the archive's. */
export interface NpzPreviewSnapshot extends PreviewSnapshot {
  kind: 'npz';
  members?: NpzMemberJson[];
  zip64?: boolean;
  fileBytes?: number | string;
  bytesRead?: number;
  /** Index of the member whose full report is shown, or null. */
  selected: number | null;
}

export class NpzSession implements PreviewEntry, vscode.Disposable {
  private report?: NpzReport;
  private error?: string;
  private selected: number | null = null;
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
    webview.html = buildNpzHtml({
      cspSource: webview.cspSource, nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'npzWebview.js')).toString(),
      styleUris: ['preview.css', 'npz.css'].map((f) => webview.asWebviewUri(vscode.Uri.joinPath(media, f)).toString()),
      title: displayName(uri), loadingText: t('Reading the members of {0}…', displayName(uri)), lang: vscode.env.language,
    });
    this.disposables.push(
      registry.add(this),
      webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      ...this.watch(),
    );
    panel.onDidDispose(() => this.dispose());
  }

  snapshot(): NpzPreviewSnapshot {
    const z = this.report;
    return {
      kind: 'npz', uri: this.uri.toString(), error: this.error, renders: this.renders, selected: this.selected,
      members: z?.members.map(npzMemberToJson),
      zip64: z?.zip64,
      fileBytes: z ? (z.fileBytes <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(z.fileBytes) : z.fileBytes.toString()) : undefined,
      bytesRead: z?.bytesRead,
    };
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

  /** Reads the archive again and posts the page; an older reading finishing late is dropped. */
  private async refresh(): Promise<void> {
    const gen = ++this.generation;
    try {
      const report = await inspectNpzUri(this.uri);
      if (gen !== this.generation) return;
      this.report = report;
      this.error = undefined;
      // Keep the selection across refreshes while that member still exists.
      if (this.selected !== null && this.selected >= report.members.length) this.selected = null;
    } catch (e) {
      if (gen !== this.generation) return;
      const model = npzErrorToViewModel(displayName(this.uri), e, t);
      this.report = undefined;
      this.error = model.message;
      this.selected = null;
      this.post({ type: 'error', model });
      return;
    }
    this.postPage();
  }

  private postPage(): void {
    const z = this.report;
    if (!z) return;
    this.post({ type: 'npz', model: npzToViewModel(z, t), selected: this.selected === null ? null : memberDetail(z, this.selected, t) });
  }

  private post(message: HostToNpzWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private onMessage(m: unknown): void {
    if (!isNpzWebviewToHost(m)) return;
    switch (m.type) {
      // Every (re)load of the page asks; without retainContextWhenHidden that is each time it is shown again.
      case 'ready': void this.refresh(); break;
      case 'rendered': this.renders++; break;
      case 'select':
        if (this.report && m.index < this.report.members.length) {
          this.selected = m.index;
          this.postPage();
        }
        break;
    }
  }
}
