// The host side of the preview's data view (issue 11): answers the webview's view-request by reading only the
// shown elements (the core's PlaneWorker, a reader thread), posting rows as they arrive and then the statistics of what
// was shown. A newer request aborts the older one; an answer to an older request is never posted after a
// newer one started. Owned by PreviewSession, which hands it each new report and the webview's requests.
import * as vscode from 'vscode';
import { ElementRequest, ViewHostMessage, ViewRequest, ViewSetup } from '../common/viewMessages';
import { NpyError } from '../core/errors';
import { NpyReport } from '../core/types';
import { ravelIndex } from '../core/values/elementIndex';
import { detectImage } from '../core/values/imageLayout';
import { dtypeOfReport, readValues } from '../core/values/pages';
import { fitStride, notNumericReason, planPlane, PlaneRequest } from '../core/values/plane';
import { PlaneWorker } from '../core/values/planeWorkerClient';
import { robustRange, StatsAccumulator } from '../core/values/stats';
import { shownLabel, statsLine, viewLabels } from './model/dataViewText';
import { errorSentence } from './model/reportView';
import { WholeStatsHost, WholeStatsSnapshot } from './wholeStats';

const t = vscode.l10n.t;

/** What the last finished view sent, for the tests inside VS Code (previews()[i].view). */
export interface DataViewSnapshot {
  /** The last element text sent for the cursor. */
  element?: { index: string[]; text: string };
  unavailable?: string;
  error?: string;
  /** The last view posted in full. */
  done?: {
    id: number; rows: number; cols: number; channels: number; step: number; rowStart: number; colStart: number;
    origin: string[]; label: string; statsText: string; bytesRead: number;
    /** channels × rows × cols numbers as posted in view-rows. */
    values: Float64Array;
  };
  /** The "Whole array" statistics' last run. */
  whole?: WholeStatsSnapshot;
}

/**
 * Where the picture reads its elements: a file on disk whose .npy starts at fileOffset (0, or a stored .npz
 * member's place in the archive), or the sentence saying why it cannot read in place.
 */
export type ViewSource = { path: string; fileOffset?: number } | { unavailable: string };

/** The source of a previewed .npy URI: only file: URIs can be read element by element. */
export function uriViewSource(uri: vscode.Uri): ViewSource {
  return uri.scheme === 'file' ? { path: uri.fsPath }
    : { unavailable: t('The picture reads single elements in place, which only files on a local or remote disk allow; this file system hands over whole files, so the values table below is all there is for now.') };
}

export class DataViewHost implements vscode.Disposable {
  private report?: NpyReport;
  private controller?: AbortController;
  private latest = 0;
  /** The request being read, if any: a new report reads it again rather than leaving it unanswered. */
  private pending?: ViewRequest;
  private last: DataViewSnapshot = {};
  /** Reads the planes off this thread (synchronous preads in a worker, one per preview); ended by dispose(). */
  private readonly planes = new PlaneWorker();

  /** The "Whole array" statistics (their messages come through the session), read from the same source. */
  readonly whole: WholeStatsHost;

  constructor(private source: ViewSource, private readonly post: (m: ViewHostMessage) => void) {
    this.whole = new WholeStatsHost(() => this.source, post);
  }

  /** A new report (or none after an error), read from `source` if given: the webview rebuilds its controls and asks again. */
  setReport(report: NpyReport | undefined, source?: ViewSource): void {
    this.controller?.abort();
    this.whole.setReport(report);
    this.report = report;
    if (source) this.source = source;
    if (!report) return;
    const setup = this.setup(report);
    this.last = setup.unavailable ? { unavailable: setup.unavailable } : {};
    this.post({ type: 'view-setup', setup });
    // The webview asks again after view-setup (with a newer id, which aborts this one); other callers get their answer.
    if (this.pending && !setup.unavailable) void this.request(this.pending);
  }

  snapshot(): DataViewSnapshot {
    return { ...this.last, ...(this.elementText ? { element: this.elementText } : {}), whole: this.whole.snapshot() };
  }

  private elementText?: { index: string[]; text: string };

  /**
   * The element under the cursor as numpy prints it, through the values decoder (one element's bytes read). An
   * index outside the array, or a file that cannot be read now, gets no answer: the cursor keeps the number.
   */
  async element(r: ElementRequest): Promise<void> {
    const report = this.report;
    const source = this.source;
    if (!report || !('path' in source) || r.index.length !== report.shape.length) return;
    const idx = r.index.map((i) => BigInt(i));
    if (idx.some((i, k) => i >= report.shape[k])) return;
    try {
      const page = await readValues(source.path, report, { start: ravelIndex(idx, report.shape), count: 1 }, source.fileOffset);
      const text = page.items[0]?.text;
      if (text === undefined || report !== this.report) return;
      this.elementText = { index: r.index, text };
      this.post({ type: 'view-element-text', index: r.index, text });
    } catch {
      // unreadable right now (a refresh follows): the cursor keeps showing the number
    }
  }

  dispose(): void {
    this.controller?.abort();
    this.whole.dispose();
    this.planes.dispose();
    this.report = undefined;
  }

  private setup(report: NpyReport): ViewSetup {
    const ui = viewLabels(t);
    const shape = report.shape.map(String);
    const base = { shape, fields: [] as string[], complex: false, image: false, kind: '', ui };
    if ('unavailable' in this.source) return { ...base, unavailable: this.source.unavailable };
    try {
      // One element is enough to learn whether the array can be drawn at all (a whole big plane is refused by size).
      planPlane(report, { view: { mode: 'window', row0: 0, col0: 0, rows: 1, cols: 1 } });
    } catch (e) {
      return { ...base, unavailable: errorSentence(e) };
    }
    const dtype = dtypeOfReport(report);
    const fields = dtype.kind === 'struct'
      ? (dtype.fields ?? []).filter((f) => f.name !== '' && f.shape.length === 0 && notNumericReason(f.dtype) === null).map((f) => f.name)
      : [];
    const complex = dtype.kind === 'c';
    const whole = this.whole.offer(report);
    return { ...base, fields, complex, image: detectImage(report) !== null, kind: dtype.kind, ...(whole ? { whole } : {}) };
  }

  /** Reads and posts the view the webview asked for. Never throws: a refusal or failure is one sentence. */
  async request(r: ViewRequest): Promise<void> {
    const report = this.report;
    const source = this.source;
    if (!report) return;
    if (this.last.unavailable) { this.post({ type: 'view-error', id: r.id, message: this.last.unavailable }); return; }
    if (!('path' in source)) return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.latest = r.id;
    this.pending = r;
    const current = () => !controller.signal.aborted && this.latest === r.id;
    try {
      const base: PlaneRequest = {
        rowAxis: r.rowAxis, colAxis: r.colAxis, index: r.index.map((i) => BigInt(i)),
        ...(r.field !== undefined ? { field: r.field } : {}), ...(r.part !== undefined ? { part: r.part } : {}),
      };
      const shape = report.shape;
      const planeRows = r.rowAxis === null ? 1 : Number(shape[r.rowAxis] ?? 0n);
      const planeCols = Number(shape[r.colAxis] ?? 0n);
      const view: PlaneRequest['view'] = r.mode === 'fit'
        ? { mode: 'fit', stride: fitStride(planeRows, planeCols, r.rowAxis === null ? 1 : r.height, r.width) }
        : { mode: 'window', row0: r.row0, col0: r.col0, rows: r.rowAxis === null ? 1 : r.height, cols: r.width };
      const channels = this.channelCount(report, r);
      const plan = planPlane(report, { ...base, view, index: this.indexFor(base.index!, r.channelAxis, 0) });
      const label = shownLabel({
        mode: r.mode, line: plan.rowAxis === null, rows: plan.rows, cols: plan.cols, step: plan.rowStep,
        rowStart: plan.rowStart, colStart: plan.colStart, planeRows, planeCols,
      }, t);
      this.post({
        type: 'view-start', id: r.id, rows: plan.rows, cols: plan.cols, rowStart: plan.rowStart, colStart: plan.colStart,
        step: plan.rowStep, planeRows, planeCols, origin: plan.origin.map(String), rowAxis: plan.rowAxis, colAxis: plan.colAxis,
        label, channels,
      });
      const all = new Float64Array(channels * plan.rows * plan.cols);
      const stats = new StatsAccumulator();
      let bytesRead = 0, approximate = false, missing = 0;
      for (let channel = 0; channel < channels; channel++) {
        const plane = await this.planes.read(source.path, report, { ...base, view, index: this.indexFor(base.index!, r.channelAxis, channel) }, {
          signal: controller.signal, fileOffset: source.fileOffset,
          onRows: (rows) => {
            if (!current()) return;
            // A copy: the batch is a view into the whole plane's buffer, which must not travel each time.
            const values = rows.values.slice();
            all.set(values, (channel * plan.rows + rows.firstRow) * plan.cols);
            this.post({ type: 'view-rows', id: r.id, channel, firstRow: rows.firstRow, rowCount: rows.rowCount, values });
          },
        });
        stats.add(plane.values);
        bytesRead += plane.bytesRead;
        approximate ||= plane.approximate;
        missing += plane.missing;
      }
      if (!current()) return;
      const s = stats.result();
      const notes = [
        approximate ? t('Some 64-bit integers lie beyond ±2^53 and are drawn rounded to the nearest float64.') : '',
        missing > 0 ? t('{0} shown elements lie past the end of the truncated file and are drawn as NaN.', missing) : '',
      ].filter((n) => n !== '');
      const statsText = statsLine(s, t);
      this.post({ type: 'view-done', id: r.id, stats: s, finite: finiteRange(all), robust: robustRange(all), statsText, bytesRead, ...(notes.length ? { note: notes.join(' ') } : {}) });
      this.pending = undefined;
      this.last = {
        done: {
          id: r.id, rows: plan.rows, cols: plan.cols, channels, step: plan.rowStep, rowStart: plan.rowStart, colStart: plan.colStart,
          origin: plan.origin.map(String), label, statsText, bytesRead, values: all,
        },
      };
    } catch (e) {
      if (e instanceof NpyError && e.code === 'cancelled') return;
      if (!current()) return;
      this.pending = undefined;
      const message = errorSentence(e);
      this.last = { ...this.last, error: message };
      this.post({ type: 'view-error', id: r.id, message });
    }
  }

  /** 3 or 4 channels along channelAxis for an image request; 1 otherwise. */
  private channelCount(report: NpyReport, r: ViewRequest): number {
    if (r.channelAxis === undefined) return 1;
    const n = report.shape[r.channelAxis];
    if (n === undefined || r.channelAxis === r.colAxis || r.channelAxis === r.rowAxis || r.rowAxis === null || (n !== 3n && n !== 4n)) {
      throw new NpyError('bad-shape', t('An image needs a channel axis of length 3 or 4 apart from its row and column axes.'));
    }
    return Number(n);
  }

  private indexFor(index: ReadonlyArray<number | bigint>, channelAxis: number | undefined, channel: number): Array<number | bigint> {
    const out = index.slice();
    if (channelAxis !== undefined) out[channelAxis] = channel;
    return out;
  }
}

function finiteRange(values: Float64Array): { low: number; high: number } | null {
  let low = Infinity, high = -Infinity;
  for (const x of values) if (Number.isFinite(x)) { if (x < low) low = x; if (x > high) high = x; }
  return low <= high ? { low, high } : null;
}
