// One preview panel: inspects the header, posts the view model, re-inspects when the file changes on disk,
// and answers the webview's buttons. Failures become the error page, never a dialog. The Values section
// shows one page of elements read by the core (only that page's bytes); the page survives re-reads. The first
// report is embedded in the page's HTML (common/initialState.ts), so the first paint waits for no message.
import * as vscode from 'vscode';
import { InitialState } from '../common/initialState';
import { HostToWebview, isWebviewToHost } from '../common/messages';
import { ViewRequest, WholeRequest } from '../common/viewMessages';
import { ActionId, ValuesViewModel } from '../common/viewModel';
import { NpyReportJson, reportToJson } from '../core/file/inspect';
import { NpyReport } from '../core/types';
import { readGrid, readGridFromBytes } from '../core/values/grid';
import { ValuesRequest, readValues, readValuesFromBytes } from '../core/values/pages';
import { DataViewHost, DataViewSnapshot, uriViewSource } from './dataView';
import { displayName, inspectUri } from './fileAccess';
import { PreviewWatch, watchPreviewedFile } from './fileWatch';
import { buildPreviewHtml } from './model/html';
import { errorSentence, errorToViewModel, pageStartOf, valuesSnapshot, ValuesSnapshot, reportToViewModel, valuesTarget, valuesToViewModel, valuesUnavailable } from './model/reportView';
import { pythonSnippet, rustSnippet } from './model/snippets';
import { clampGrid, GRID_COLS, GRID_ROWS, gridOrigin, GridPosition, GridRequest, gridTarget, gridToViewModel, hasGrid } from './model/valuesGrid';
import { setPreviewHtml, setPreviewOptions } from './previewPage';
import { PreviewEntry, PreviewRegistry, PreviewSnapshot } from './previewRegistry';
import { readSettings } from './settings';

const t = vscode.l10n.t;
/** Editors often write a file in several steps; wait for quiet before re-reading the header. */
const REFRESH_DEBOUNCE_MS = 150;
/** How long the page waits for the first read to embed it; a slower file system gets "Reading the header…" instead. */
const FIRST_PAINT_WAIT_MS = 300;

/**
 * What previews() returns per panel: the registry's snapshot plus the Values page, and a way for tests inside
 * VS Code to page exactly as the webview's buttons and "Go to index" box do (same message handler).
 */
export interface PreviewSessionSnapshot extends PreviewSnapshot {
  /** The heading shown: the URI path's last segment. */
  title: string;
  values?: ValuesSnapshot;
  /** The data view: what its last view posted (tests ask for views as the webview does, through requestView). */
  view: DataViewSnapshot;
  requestView(request: Omit<ViewRequest, 'type'>): void;
  /** Asks for an element's exact text, as the webview's cursor does. */
  requestElement(index: string[]): void;
  /** Starts or cancels the "Whole array" statistics, as the webview's buttons do. */
  requestWhole(request: WholeRequest): void;
  showValues(request: { start: string } | { goto: string }): void;
  /** The grid's paging buttons and leading-index boxes (2 or more dimensions), as the webview posts them. */
  showGrid(request: { lead: string[]; row: string; col: string }): void;
  /** Stats made by the change poll while the panel was visible (one per ~1.5 s; 0 for non-file: URIs). */
  polls: number;
  /** Re-reads now, exactly as the Refresh button does. */
  refresh(): void;
}

export class PreviewSession implements PreviewEntry, vscode.Disposable {
  private report?: NpyReport;
  private reportJson?: NpyReportJson;
  private error?: string;
  private renders = 0;
  private generation = 0;
  /** Flat index of the first element shown; kept across re-reads of a changed file. */
  private valuesStart = 0n;
  /** Arrays of 2 or more dimensions: the grid page shown; kept across re-reads like valuesStart. */
  private gridPos?: GridPosition;
  private values?: ValuesViewModel;
  private queue: Promise<void> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly watch: PreviewWatch;
  private readonly dataView: DataViewHost;
  /** Messages made before the page exists, embedded into it; undefined once the page is set. */
  private early?: HostToWebview[] = [];
  /** The stamp of the state embedded in the page, while nothing newer was posted: its 'ready' needs no answer. */
  private embedded?: number;
  private disposed = false;

  constructor(private readonly uri: vscode.Uri, private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri, private readonly registry: PreviewRegistry) {
    // Writes through a memory map raise no watcher event: the watch also polls while the panel is visible.
    this.watch = watchPreviewedFile(uri, panel, REFRESH_DEBOUNCE_MS, () => this.enqueue(() => this.refresh()));
    this.disposables.push(
      registry.add(this),
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // The grid's page size is fixed: only the list follows the setting.
        if (e.affectsConfiguration('zeroedNpy.valuesPerPage', uri) && !(this.report && hasGrid(this.report))) this.enqueue(() => this.showValues({ start: this.valuesStart }));
      }),
      this.watch,
    );
    panel.onDidDispose(() => this.dispose());
    this.dataView = new DataViewHost(uriViewSource(uri), (m) => this.send(m));
    this.disposables.push(this.dataView);
    // resolveCustomEditor returns now: VS Code makes and loads the webview's frame while the file is read (it
    // makes it only once that returns; waiting for the read here cost ~8 ms of every open in the benchmark).
    setPreviewOptions(panel, extensionUri);
    void this.open(extensionUri);
  }

  /** Reads the file first (briefly) and sets the page's HTML with what the read posted, so it paints at once. */
  private async open(extensionUri: vscode.Uri): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const first = new Promise<void>((resolve) => this.enqueue(() => this.refresh().finally(resolve)));
    await Promise.race([first, new Promise<void>((resolve) => { timer = setTimeout(resolve, FIRST_PAINT_WAIT_MS); })]);
    clearTimeout(timer);
    const messages = this.early ?? [];
    this.early = undefined;
    if (this.disposed) return;
    // Unique across sessions: a restored panel keeps its webview state, which remembers the stamp it showed.
    const stamp = Date.now();
    this.embedded = messages.length ? stamp : undefined;
    setPreviewHtml(this.panel, extensionUri, 'webview.js', ['preview.css'], (assets) => buildPreviewHtml({
      ...assets, styleUri: assets.styleUris[0],
      title: displayName(this.uri), loadingText: t('Reading the header of {0}…', displayName(this.uri)), lang: vscode.env.language,
      initialJson: messages.length ? JSON.stringify({ stamp, messages } satisfies InitialState<HostToWebview>) : undefined,
    }));
  }

  /** Posts to the page, or keeps the message for the page's HTML while there is no page yet. */
  private send(m: HostToWebview): void {
    if (this.early) { this.early.push(m); return; }
    // A report, an error or a page replaces the embedded state (the data view's answers do not).
    if (!m.type.startsWith('view-')) this.embedded = undefined;
    void this.panel.webview.postMessage(m);
  }

  snapshot(): PreviewSessionSnapshot {
    const v = this.values;
    return {
      uri: this.uri.toString(), report: this.reportJson, error: this.error, renders: this.renders, title: displayName(this.uri),
      values: v && valuesSnapshot(v),
      view: this.dataView.snapshot(),
      requestView: (request) => this.onMessage({ ...request, type: 'view-request' }),
      requestElement: (index) => this.onMessage({ type: 'view-element', index }),
      requestWhole: (request) => this.onMessage(request),
      showValues: (request) => this.onMessage('start' in request ? { type: 'values-page', start: request.start } : { type: 'values-goto', text: request.goto }),
      showGrid: (request) => this.onMessage({ type: 'values-grid', ...request }),
      polls: this.watch.polls,
      refresh: () => this.onMessage({ type: 'refresh' }),
    };
  }

  refreshIfShowing(uri: string): void {
    if (uri === this.uri.toString()) this.enqueue(() => this.refresh());
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  /**
   * Header reads and page reads run one at a time, in arrival order. Interleaved, a page asked for while a file
   * change was being re-read was dropped or overwritten by the refresh's older page (the paging tests saw it).
   */
  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch(() => undefined);
  }

  /** Inspects again and posts the result; an older inspection finishing late is dropped. */
  private async refresh(): Promise<void> {
    const gen = ++this.generation;
    let message: HostToWebview;
    this.watch.reading();
    try {
      const report = await inspectUri(this.uri);
      if (gen !== this.generation) return;
      // The page shown before the change stays, moved back inside the array if the array shrank.
      const size = readSettings(this.uri).valuesPerPage;
      if (this.valuesStart >= report.elementCount) this.valuesStart = pageStartOf(report.elementCount - 1n, size);
      const grid = hasGrid(report) ? clampGrid(this.gridPos ?? gridOrigin(report), report) : undefined;
      const values = grid ? await this.readGridPage(report, grid, this.keptGoto(report))
        : await this.readPage(report, { start: this.valuesStart, count: size }, this.keptGoto(report));
      if (gen !== this.generation) return;
      this.gridPos = grid;
      this.report = report;
      this.reportJson = reportToJson(report);
      this.error = undefined;
      this.values = values;
      const model = reportToViewModel(report, t, { resizable: this.uri.scheme === 'file', fileName: displayName(this.uri) });
      message = { type: 'report', model: { ...model, valuesPage: values } };
    } catch (e) {
      if (gen !== this.generation) return;
      const model = errorToViewModel(displayName(this.uri), e, t);
      this.report = undefined;
      this.reportJson = undefined;
      this.values = undefined;
      this.error = model.message;
      message = { type: 'error', message: model.message, model };
    }
    this.send(message);
    this.dataView.setReport(this.report);
  }

  private onMessage(m: unknown): void {
    if (!isWebviewToHost(m)) return;
    switch (m.type) {
      // Every (re)load of the page asks; without retainContextWhenHidden that is each time it is shown again. (A
      // message posted before the page's first load was tried instead of waiting: in the browser it was sometimes
      // lost and the page stayed at "Reading the header…".) The page's first load rendered the embedded state: if
      // nothing newer was posted since, it is current.
      case 'ready':
        if (m.shown !== undefined && m.shown === this.embedded) this.embedded = undefined;
        else this.enqueue(() => this.refresh());
        break;
      case 'rendered': this.renders++; this.registry.rendered(this); break;
      case 'refresh': this.enqueue(() => this.refresh()); break;
      case 'action': void this.act(m.action); break;
      case 'values-page': this.enqueue(() => this.showValues({ start: BigInt(m.start) })); break;
      case 'values-goto': this.enqueue(() => this.showValues({ goto: m.text })); break;
      case 'values-grid': this.enqueue(() => this.showValues({ lead: m.lead, row: BigInt(m.row), col: BigInt(m.col) })); break;
      // Not queued: a newer view aborts the older one instead of waiting behind it.
      case 'view-request': void this.dataView.request(m); break;
      case 'view-element': void this.dataView.element(m); break;
      case 'view-whole-start': case 'view-whole-cancel': this.dataView.whole.onRequest(m); break;
    }
  }

  /** What the "Go to index" box held and the row it marked, kept by a re-read while that element still exists. */
  private keptGoto(report: NpyReport): { gotoText?: string; target?: bigint } {
    const v = this.values;
    if (!v) return {};
    const target = v.target !== undefined && BigInt(v.target) < report.elementCount ? BigInt(v.target) : undefined;
    return { gotoText: v.gotoText, ...(target !== undefined ? { target } : {}) };
  }

  /** Reads one page (never throws: a failure becomes the section's sentence). */
  private readPage(report: NpyReport, request: ValuesRequest, extra: { error?: string; gotoText?: string; target?: bigint } = {}): Promise<ValuesViewModel> {
    return this.readSection(report, (path) => readValues(path, report, request), (bytes) => readValuesFromBytes(bytes, report, request),
      (page) => valuesToViewModel(report, page, { pageSize: request.count, ...extra }, t));
  }

  /** One grid page (arrays of 2 or more dimensions), likewise. */
  private readGridPage(report: NpyReport, pos: GridPosition, extra: { error?: string; gotoText?: string; target?: bigint } = {}): Promise<ValuesViewModel> {
    const request = { ...pos, rows: GRID_ROWS, cols: GRID_COLS };
    return this.readSection(report, (path) => readGrid(path, report, request), (bytes) => readGridFromBytes(bytes, report, request),
      (page) => gridToViewModel(report, page, extra, t));
  }

  private async readSection<P>(report: NpyReport, fromFile: (path: string) => Promise<P>, fromBytes: (bytes: Uint8Array) => Promise<P>,
    toModel: (page: P) => ValuesViewModel): Promise<ValuesViewModel> {
    if (report.objectData) {
      return valuesUnavailable(t('The elements are Python objects stored as a pickle; the preview never reads or unpickles them.'), t);
    }
    try {
      // Other file systems hand over whole files only, and inspectUri accepted this one as small enough.
      return toModel(this.uri.scheme === 'file' ? await fromFile(this.uri.fsPath) : await fromBytes(await vscode.workspace.fs.readFile(this.uri)));
    } catch (e) {
      return valuesUnavailable(errorSentence(e), t);
    }
  }

  /** A grid request (paging buttons, leading-index boxes, "Go to index"): reads that grid page and posts it. */
  private async showGrid(report: NpyReport, request: GridRequest): Promise<void> {
    const gen = this.generation;
    const { pos, extra } = gridTarget(request, report, this.gridPos ?? gridOrigin(report));
    const values = await this.readGridPage(report, pos, extra);
    if (gen !== this.generation || report !== this.report) return;
    this.gridPos = pos;
    this.values = values;
    this.send({ type: 'values', values });
  }

  /** Previous/Next (a start index) or "Go to index" (text the user typed): reads that page and posts it. */
  private async showValues(request: GridRequest): Promise<void> {
    const report = this.report;
    if (!report) return;
    if (hasGrid(report)) return this.showGrid(report, request);
    if ('lead' in request) return;
    const gen = this.generation;
    const count = readSettings(this.uri).valuesPerPage;
    const { start, extra } = valuesTarget(request, report, count, this.valuesStart);
    const values = await this.readPage(report, { start, count }, extra);
    if (gen !== this.generation || report !== this.report) return; // the file changed meanwhile: refresh() posts
    this.valuesStart = start;
    this.values = values;
    this.send({ type: 'values', values });
  }

  private async act(action: ActionId): Promise<void> {
    if (action === 'create-like') {
      await vscode.commands.executeCommand('zeroedNpy.createLike', this.uri);
      return;
    }
    if (action === 'resize' || action === 'fit') {
      await vscode.commands.executeCommand('zeroedNpy.resize', action === 'fit' ? { uri: this.uri, fit: true } : this.uri);
      return;
    }
    const r = this.report;
    if (!r) return;
    const text = action === 'copy-json' ? `${JSON.stringify(reportToJson(r), null, 2)}\n`
      : action === 'copy-python' || action === 'copy-python-rw' ? pythonSnippet(r, { writable: action === 'copy-python-rw' }) : rustSnippet(r);
    await vscode.env.clipboard.writeText(text);
    const what = action === 'copy-json' ? t('the report as JSON') : action === 'copy-python' ? t('a read-only Python snippet')
      : action === 'copy-python-rw' ? t('a writable Python snippet') : t('a read-only Rust snippet');
    vscode.window.setStatusBarMessage(t('Copied {0} for {1}.', what, displayName(this.uri)), 4000);
  }
}
