// The host side of the "Whole array" statistics (issue 11): offers them with what a run reads, runs the core's
// wholeStatsFromFile when the user presses Start (progress posted a few times a second at most), and stops on
// Cancel, on a new report (the file changed) and on dispose. Owned by DataViewHost.
import * as vscode from 'vscode';
import { ViewHostMessage, WholeRequest } from '../common/viewMessages';
import { NpyError } from '../core/errors';
import { NpyReport } from '../core/types';
import { wholeStatsFromFile, wholeStatsPlan } from '../core/values/wholeStats';
import type { ViewSource } from './dataView';
import { errorSentence } from './model/reportView';
import { wholeCancelledText, wholeProgressText, wholeReadsText, wholeResultText } from './model/wholeStatsText';

const t = vscode.l10n.t;
/** Least time between two progress messages. */
const PROGRESS_MS = 200;

/** What the last run did, for the tests inside VS Code (previews()[i].view.whole). */
export interface WholeStatsSnapshot {
  state: 'idle' | 'running' | 'done' | 'cancelled' | 'error' | 'stale';
  id?: number;
  text?: string;
  bytesRead?: number;
  totalBytes?: number;
  largestRead?: number;
  /** Progress messages posted by the last run. */
  progressPosts: number;
  stats?: { count: number; nan: number; posInf: number; negInf: number; zeros: number; min: number | null; max: number | null; mean: number | null; std: number | null };
}

export class WholeStatsHost implements vscode.Disposable {
  private report?: NpyReport;
  private controller?: AbortController;
  private last: WholeStatsSnapshot = { state: 'idle', progressPosts: 0 };

  /** source: the picture's (a file whose .npy starts at fileOffset — 0, or a stored .npz member's place — or none). */
  constructor(private readonly source: () => ViewSource, private readonly post: (m: ViewHostMessage) => void) {}

  private file(): { path: string; fileOffset: number } | undefined {
    const s = this.source();
    return 'path' in s ? { path: s.path, fileOffset: s.fileOffset ?? 0 } : undefined;
  }

  /** The offer for the view's setup: what a run reads; undefined when the array has no numbers to count. */
  offer(report: NpyReport): { reads: string } | undefined {
    const file = this.file();
    if (!file) return undefined;
    try {
      return { reads: wholeReadsText(wholeStatsPlan(report, { fileOffset: file.fileOffset }), t) };
    } catch {
      return undefined;
    }
  }

  /** A new report: a run of the old data stops, and its result no longer describes the file. */
  setReport(report: NpyReport | undefined): void {
    this.controller?.abort();
    this.controller = undefined;
    if (this.last.state !== 'idle') this.last = { ...this.last, state: 'stale' };
    this.report = report;
  }

  snapshot(): WholeStatsSnapshot {
    return { ...this.last };
  }

  onRequest(m: WholeRequest): void {
    if (m.type === 'view-whole-cancel') {
      if (m.id === this.last.id) this.controller?.abort();
      return;
    }
    void this.start(m.id, m.field, m.part);
  }

  /** Runs one whole-array pass; never throws: a failure or a cancel is one sentence. */
  private async start(id: number, field: string | undefined, part: 'abs' | 'arg' | 'real' | 'imag' | undefined): Promise<void> {
    const report = this.report;
    const file = this.file();
    if (!report || !file) return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const choice = { fileOffset: file.fileOffset, ...(field !== undefined ? { field } : {}), ...(part !== undefined ? { part } : {}) };
    this.last = { state: 'running', id, progressPosts: 0, bytesRead: 0 };
    let bytesRead = 0;
    let totalBytes = 0;
    try {
      const plan = wholeStatsPlan(report, choice);
      totalBytes = plan.totalBytes;
      this.last.totalBytes = totalBytes;
      const progress = (read: number) => {
        bytesRead = read;
        this.last.bytesRead = read;
        this.last.progressPosts++;
        this.post({ type: 'view-whole-progress', id, bytesRead: read, totalBytes, text: wholeProgressText(read, totalBytes, t) });
      };
      progress(0);
      const r = await wholeStatsFromFile(file.path, report, {
        ...choice, signal: controller.signal, progressIntervalMs: PROGRESS_MS,
        onProgress: (p) => { if (!controller.signal.aborted && p.bytesRead < totalBytes) progress(p.bytesRead); else bytesRead = p.bytesRead; },
      });
      if (controller.signal.aborted) throw new NpyError('cancelled', 'cancelled');
      // The posted statistics are the window's type (ViewStats: no finite count).
      const { count, nan, posInf, negInf, zeros, min, max, mean, std } = r.stats;
      const stats = { count, nan, posInf, negInf, zeros, min, max, mean, std };
      const text = wholeResultText(stats, { ...r, approximate: r.approximate }, t);
      this.last = { ...this.last, state: 'done', text, stats, bytesRead: r.bytesRead, largestRead: r.largestRead };
      this.post({ type: 'view-whole-done', id, stats, text });
    } catch (e) {
      // Stopped by a new report (setReport cleared the controller): the webview rebuilds and says why.
      if (this.controller !== controller) return;
      const cancel = e instanceof NpyError && e.code === 'cancelled';
      const message = cancel ? wholeCancelledText(bytesRead, totalBytes, t) : errorSentence(e);
      this.last = { ...this.last, state: cancel ? 'cancelled' : 'error', text: message, bytesRead };
      this.post({ type: 'view-whole-error', id, message });
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }

  dispose(): void {
    this.controller?.abort();
    this.report = undefined;
  }
}
