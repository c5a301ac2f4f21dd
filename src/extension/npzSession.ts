// One .npz preview panel: lists the archive's members, shows the selected member's full header report, its
// values page by page, its picture (a stored member, read in place) and its copy buttons, and re-reads when the
// file changes on disk. Failures become the error page (or the Values or Picture section's sentence), never a
// dialog.
import * as vscode from 'vscode';
import { HostToNpzWebview, isNpzWebviewToHost, NpzMemberAction } from '../common/npzMessages';
import { ViewRequest, WholeRequest } from '../common/viewMessages';
import { ValuesViewModel } from '../common/viewModel';
import { NpzMember, NpzMemberJson, npzMemberToJson, NpzReport } from '../core/npz/inspectNpz';
import { NpyReport } from '../core/types';
import { storedMemberOffset } from '../core/npz/memberValues';
import { DataViewHost, DataViewSnapshot, uriViewSource, ViewSource } from './dataView';
import { displayName } from './fileAccess';
import { PreviewWatch, watchPreviewedFile } from './fileWatch';
import { errorSentence, pageStartOf, valuesSnapshot, ValuesSnapshot, valuesTarget, valuesUnavailable } from './model/reportView';
import { npzPythonSnippet, npzRustSnippet } from './model/npzSnippets';
import { clampGrid, GRID_COLS, GRID_ROWS, GridExtra, gridOrigin, GridPosition, GridRequest, gridTarget, hasGrid } from './model/valuesGrid';
import { inspectNpzUri, readNpzMemberGridPage, readNpzMemberPage } from './npzFileAccess';
import { buildNpzHtml, memberDetail, memberGridToViewModel, memberValuesToViewModel, npzErrorToViewModel, npzToViewModel } from './npzView';
import { setPreviewPage } from './previewPage';
import { PreviewEntry, PreviewRegistry, PreviewSnapshot } from './previewRegistry';
import { readSettings } from './settings';

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
  /** The selected member's page of values, as the .npy preview's snapshot reports it. */
  values?: ValuesSnapshot;
  /** Selects a member exactly as a click on its button does. */
  select(index: number): void;
  /** Pages the selected member exactly as the webview's Previous/Next and "Go to index" do. */
  showValues(request: { start: string } | { goto: string }): void;
  /** Stats made by the change poll while the panel was visible (0 for non-file: URIs). */
  polls: number;
  /** Re-reads now, exactly as the Refresh button does. */
  refresh(): void;
  /** The selected member's picture, as the .npy preview's snapshot reports it, and the same ways to ask for views. */
  view: DataViewSnapshot;
  requestView(request: Omit<ViewRequest, 'type'>): void;
  requestElement(index: string[]): void;
  /** A grid page of a member of 2 or more dimensions, as the webview's grid buttons and boxes post it. */
  showGrid(request: { lead: string[]; row: string; col: string }): void;
  /** Starts or cancels the member's whole-array statistics, as the webview's Start and Cancel buttons do. */
  requestWhole(request: WholeRequest): void;
}

export class NpzSession implements PreviewEntry, vscode.Disposable {
  private report?: NpzReport;
  private error?: string;
  private selected: number | null = null;
  private renders = 0;
  private generation = 0;
  /** The selected member's first element shown (kept across re-reads of a changed archive) and its page. */
  private valuesStart = 0n;
  /** Members of 2 or more dimensions: the grid page shown; kept across re-reads like valuesStart. */
  private gridPos?: GridPosition;
  private values?: ValuesViewModel;
  private queue: Promise<void> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly watch: PreviewWatch;
  /** The selected member's picture; its source changes with the member (and with its place after a refresh). */
  private readonly dataView: DataViewHost;

  constructor(private readonly uri: vscode.Uri, private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri, private readonly registry: PreviewRegistry) {
    // As in the .npy preview: the watcher, plus a stat poll while visible for writes through a memory map.
    this.watch = watchPreviewedFile(uri, panel, REFRESH_DEBOUNCE_MS, () => this.enqueue(() => this.refresh()));
    setPreviewPage(panel, extensionUri, 'npzWebview.js', ['preview.css', 'npz.css'], (assets) => buildNpzHtml({
      ...assets,
      title: displayName(uri), loadingText: t('Reading the members of {0}…', displayName(uri)), lang: vscode.env.language,
    }));
    this.disposables.push(
      registry.add(this),
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('zeroedNpy.valuesPerPage', uri)) this.enqueue(() => this.showValues({ start: this.valuesStart }));
      }),
      this.watch,
    );
    panel.onDidDispose(() => this.dispose());
    this.dataView = new DataViewHost(uriViewSource(uri), (m) => { void panel.webview.postMessage(m); });
    this.disposables.push(this.dataView);
  }

  snapshot(): NpzPreviewSnapshot {
    const z = this.report;
    const v = this.values;
    return {
      kind: 'npz', uri: this.uri.toString(), error: this.error, renders: this.renders, selected: this.selected,
      members: z?.members.map(npzMemberToJson),
      zip64: z?.zip64,
      fileBytes: z ? (z.fileBytes <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(z.fileBytes) : z.fileBytes.toString()) : undefined,
      bytesRead: z?.bytesRead,
      values: v && valuesSnapshot(v),
      select: (index) => this.onMessage({ type: 'select', index }),
      showValues: (request) => this.onMessage('start' in request ? { type: 'values-page', start: request.start } : { type: 'values-goto', text: request.goto }),
      polls: this.watch.polls,
      refresh: () => this.onMessage({ type: 'refresh' }),
      view: this.dataView.snapshot(),
      requestView: (request) => this.onMessage({ ...request, type: 'view-request' }),
      requestElement: (index) => this.onMessage({ type: 'view-element', index }),
      requestWhole: (request) => this.onMessage(request),
      showGrid: (request) => this.onMessage({ type: 'values-grid', ...request }),
    };
  }

  dispose(): void {
    this.generation++;
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  /** Archive reads and page reads run one at a time, in arrival order (as in the .npy preview's session). */
  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch(() => undefined);
  }

  /** Reads the archive again and posts the page; an older reading finishing late is dropped. */
  private async refresh(): Promise<void> {
    const gen = ++this.generation;
    this.watch.reading();
    try {
      const report = await inspectNpzUri(this.uri);
      if (gen !== this.generation) return;
      this.report = report;
      this.error = undefined;
      // Keep the selection (and its page) across refreshes while that member still exists.
      if (this.selected !== null && this.selected >= report.members.length) this.selected = null;
    } catch (e) {
      if (gen !== this.generation) return;
      const model = npzErrorToViewModel(displayName(this.uri), e, t);
      this.report = undefined;
      this.error = model.message;
      this.selected = null;
      this.values = undefined;
      this.dataView.setReport(undefined);
      this.post({ type: 'error', model });
      return;
    }
    await this.postPage(gen);
  }

  /** The archive page, with the selected member's report and a page of its values read first. */
  private async postPage(gen: number): Promise<void> {
    const z = this.report;
    if (!z) return;
    const member = this.selected === null ? undefined : z.members[this.selected];
    let values: ValuesViewModel | undefined;
    let source: ViewSource | undefined;
    if (member?.report) {
      const size = BigInt(readSettings(this.uri).valuesPerPage);
      const count = member.report.elementCount;
      // The page shown before a change stays, moved back inside the array if the member shrank.
      if (this.valuesStart >= count) this.valuesStart = pageStartOf(count > 0n ? count - 1n : 0n, Number(size));
      // The "Go to index" text (and its marked row while it exists) stays too.
      const old = this.values;
      const target = old?.target !== undefined && BigInt(old.target) < count ? BigInt(old.target) : undefined;
      const kept = old ? { gotoText: old.gotoText, ...(target !== undefined ? { target } : {}) } : {};
      this.gridPos = hasGrid(member.report) ? clampGrid(this.gridPos ?? gridOrigin(member.report), member.report) : undefined;
      values = this.gridPos ? await this.readGridPage(member, this.gridPos, kept) : await this.readPage(member, this.valuesStart, kept);
      source = await this.memberSource(member);
      if (gen !== this.generation || z !== this.report) return;
    }
    this.values = values;
    const selected = this.selected === null ? null : memberDetail(z, this.selected, t);
    if (selected && values) selected.values = values;
    this.post({ type: 'npz', model: npzToViewModel(z, t), selected });
    // After the page (which replaced the member's section): the webview builds the picture under the values.
    this.dataView.setReport(member?.report ?? undefined, source);
  }

  /**
   * Where the member's picture reads: a stored member in place inside the archive; a compressed one would have
   * to be inflated whole, which a picture does not do (its values table pages through it instead).
   */
  private async memberSource(member: NpzMember): Promise<ViewSource> {
    if (this.uri.scheme !== 'file') return uriViewSource(this.uri);
    if (member.compression !== 'stored') {
      return { unavailable: t('{0} is compressed (np.savez_compressed), so its elements cannot be read in place; the picture is drawn for stored members only (np.savez), and the values table above reads this one page by page.', member.name) };
    }
    if (member.report?.status === 'truncated') {
      return { unavailable: t('{0} holds less data than its header describes, so the picture is not drawn: its missing elements would be read from the archive\'s next bytes.', member.name) };
    }
    try {
      return { path: this.uri.fsPath, fileOffset: await storedMemberOffset(this.uri.fsPath, member) };
    } catch (e) {
      return { unavailable: errorSentence(e) };
    }
  }

  /** Reads one page of the member (never throws: a failure becomes the section's sentence). */
  private async readPage(member: NpzMember, start: bigint, extra: { error?: string; gotoText?: string; target?: bigint } = {}): Promise<ValuesViewModel> {
    const report = member.report!;
    if (report.objectData) {
      return valuesUnavailable(t('The elements are Python objects stored as a pickle; the preview never reads or unpickles them.'), t);
    }
    const count = readSettings(this.uri).valuesPerPage;
    try {
      const page = await readNpzMemberPage(this.uri, member, { start, count });
      return memberValuesToViewModel(report, page, { pageSize: count, ...extra }, t);
    } catch (e) {
      return valuesUnavailable(errorSentence(e), t);
    }
  }

  /** One grid page of a member of 2 or more dimensions (never throws, like readPage). */
  private async readGridPage(member: NpzMember, pos: GridPosition, extra: GridExtra = {}): Promise<ValuesViewModel> {
    const report = member.report!;
    if (report.objectData) {
      return valuesUnavailable(t('The elements are Python objects stored as a pickle; the preview never reads or unpickles them.'), t);
    }
    try {
      const page = await readNpzMemberGridPage(this.uri, member, { ...pos, rows: GRID_ROWS, cols: GRID_COLS });
      return memberGridToViewModel(report, page, extra, t);
    } catch (e) {
      return valuesUnavailable(errorSentence(e), t);
    }
  }

  /** A grid request of the selected member: that page, or — refused — the page shown with the sentence. */
  private async showGrid(member: NpzMember, report: NpyReport, request: GridRequest): Promise<void> {
    const z = this.report;
    const gen = this.generation;
    const current = this.gridPos ?? gridOrigin(report);
    const { pos, extra } = gridTarget(request, report, current);
    let values = await this.readGridPage(member, pos, extra);
    let shown = pos;
    if (values.unavailable !== undefined && pos !== current) {
      values = await this.readGridPage(member, current, { error: values.unavailable, ...('goto' in request ? { gotoText: request.goto } : {}) });
      shown = current;
    }
    if (gen !== this.generation || !z || z !== this.report || member !== z.members[this.selected ?? -1]) return;
    this.gridPos = shown;
    this.values = values;
    this.post({ type: 'values', values });
  }

  /** Previous/Next (a start index), "Go to index" (text as typed) or a grid page in the selected member: reads that page and posts it. */
  private async showValues(request: GridRequest): Promise<void> {
    const z = this.report;
    const member = z && this.selected !== null ? z.members[this.selected] : undefined;
    const report = member?.report;
    if (!member || !report || !this.values) return;
    if (hasGrid(report)) return this.showGrid(member, report, request);
    if ('lead' in request) return;
    const gen = this.generation;
    const aimed = valuesTarget(request, report, readSettings(this.uri).valuesPerPage, this.valuesStart);
    let start = aimed.start;
    const extra = aimed.extra;
    let values = await this.readPage(member, start, extra);
    if (values.unavailable !== undefined && start !== this.valuesStart) {
      // A page refused (past the inflate limit of a compressed member, or unreadable): the page shown stays,
      // with the sentence, so Previous/Next and the index box remain usable.
      values = await this.readPage(member, this.valuesStart, { error: values.unavailable, gotoText: 'goto' in request ? request.goto : undefined });
      start = this.valuesStart;
    }
    if (gen !== this.generation || !z || z !== this.report || member !== z.members[this.selected ?? -1]) return;
    this.valuesStart = start;
    this.values = values;
    this.post({ type: 'values', values });
  }

  private async act(action: NpzMemberAction): Promise<void> {
    const z = this.report;
    const member = z && this.selected !== null ? z.members[this.selected] : undefined;
    if (!z || !member) return;
    const path = this.uri.scheme === 'file' ? this.uri.fsPath : this.uri.toString();
    let text: string;
    if (action === 'copy-json') text = `${JSON.stringify(npzMemberToJson(member), null, 2)}\n`;
    else if (!member.report) return;
    else text = action === 'copy-python' ? npzPythonSnippet(path, member.name, member.report) : npzRustSnippet(path, member.name, member.report);
    await vscode.env.clipboard.writeText(text);
    const what = action === 'copy-json' ? t('the report as JSON') : action === 'copy-python' ? t('a Python snippet') : t('a Rust snippet');
    vscode.window.setStatusBarMessage(t('Copied {0} for {1}.', what, member.name), 4000);
  }

  private post(message: HostToNpzWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private onMessage(m: unknown): void {
    if (!isNpzWebviewToHost(m)) return;
    switch (m.type) {
      // Every (re)load of the page asks; without retainContextWhenHidden that is each time it is shown again.
      case 'ready': this.enqueue(() => this.refresh()); break;
      case 'rendered': this.renders++; this.registry.rendered(this); break;
      case 'refresh': this.enqueue(() => this.refresh()); break;
      case 'select':
        this.enqueue(async () => {
          if (!this.report || m.index >= this.report.members.length) return;
          if (this.selected !== m.index) { this.selected = m.index; this.valuesStart = 0n; this.gridPos = undefined; this.values = undefined; }
          await this.postPage(this.generation);
        });
        break;
      case 'action': void this.act(m.action); break;
      case 'values-page': this.enqueue(() => this.showValues({ start: BigInt(m.start) })); break;
      case 'values-goto': this.enqueue(() => this.showValues({ goto: m.text })); break;
      case 'values-grid': this.enqueue(() => this.showValues({ lead: m.lead, row: BigInt(m.row), col: BigInt(m.col) })); break;
      case 'view-request': void this.dataView.request(m); break;
      case 'view-element': void this.dataView.element(m); break;
      case 'view-whole-start': case 'view-whole-cancel': this.dataView.whole.onRequest(m); break;
    }
  }
}
