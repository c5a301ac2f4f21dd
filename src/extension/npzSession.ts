// One .npz preview panel: lists the archive's members, shows the selected member's full header report,
// re-reads when the file changes on disk. Failures become the error page, never a dialog.
import * as vscode from 'vscode';
import { HostToNpzWebview, isNpzWebviewToHost } from '../common/npzMessages';
import { NpzMemberJson, npzMemberToJson, NpzReport } from '../core/npz/inspectNpz';
import { displayName } from './fileAccess';
import { watchFileDebounced } from './fileWatch';
import { inspectNpzUri } from './npzFileAccess';
import { buildNpzHtml, memberDetail, npzErrorToViewModel, npzToViewModel } from './npzView';
import { setPreviewPage } from './previewPage';
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
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly uri: vscode.Uri, private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri, registry: PreviewRegistry) {
    setPreviewPage(panel, extensionUri, 'npzWebview.js', ['preview.css', 'npz.css'], (assets) => buildNpzHtml({
      ...assets,
      title: displayName(uri), loadingText: t('Reading the members of {0}…', displayName(uri)), lang: vscode.env.language,
    }));
    this.disposables.push(
      registry.add(this),
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      watchFileDebounced(uri, REFRESH_DEBOUNCE_MS, () => void this.refresh()),
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
    this.generation++;
    for (const d of this.disposables.splice(0)) d.dispose();
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
