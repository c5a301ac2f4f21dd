// Reads planes of files in a worker thread (planeWorker.ts), so the tens of thousands of small preads of a
// strided overview neither block the extension host nor pay a promise and thread-pool round trip each.
//
// One worker per owner (a preview), started on its first read and reused: starting a thread and loading its
// code costs tens of milliseconds, which would come out of the first rows' budget on every request. A pool did
// not help: two threads splitting the rows of a new 1 TiB file's fit view took as long as one (1.24–1.47 s vs
// 1.22–1.57 s here, the kernel's page-cache work being the cost), and the other core draws the webview. A view of a few merged reads (a small array, a 1:1 window of a C-order plane: one read a
// row) is read on the calling thread with async reads instead: starting the thread would cost more than reading.
// One read at a time: a newer read cancels the older one (it rejects with NpyError 'cancelled'), as does its
// AbortSignal. dispose() ends the thread; it never outlives its owner.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { NpyError } from '../errors';
import { NpyReport } from '../types';
import { PlaneRequest } from './plane';
import { BATCH_ELEMENTS, cancelled, Plane, PlaneJob, PlaneOptions, planeBatches, readPlaneFromFile, startPlane } from './planeReader';
import type { PlaneJobMessage, PlaneWorkerData, PlaneWorkerReply } from './planeWorker';

/** The worker's code: its own bundle next to this one (dist/), else the compiled module beside this file (out/, tests). */
function workerScript(): string {
  const bundled = join(__dirname, 'extension-planeWorker.js');
  return existsSync(bundled) ? bundled : join(__dirname, 'planeWorker.js');
}

interface Pending {
  id: number;
  job: PlaneJob;
  options: PlaneOptions;
  resolve: (plane: Plane) => void;
  reject: (e: unknown) => void;
  cleanup: () => void;
}

function stopped(why: string): NpyError {
  return new NpyError('io', `The view could not be read: its reader thread stopped (${why.replace(/[.\s]+$/, '')}).`);
}

/** Views of at most this many merged reads (in one batch) are read without the thread. */
export const INLINE_READS = 64;

export class PlaneWorker {
  private worker?: Worker;
  /** Cancels the view being read on the calling thread, if any. */
  private inline?: AbortController;
  private readonly wanted = new Int32Array(new SharedArrayBuffer(4));
  private lastId = 0;
  private current?: Pending;
  private disposed = false;
  /** Threads started and ended so far (tests: one per owner however many reads, none left after dispose). */
  started = 0;
  exited = 0;

  /** @param inlineReads views of at most this many merged reads are read on the calling thread (0: every view in the thread). */
  constructor(private readonly inlineReads = INLINE_READS) {}

  /** readPlaneFromFile, in the worker: the same plane, rows, counters and sentences. */
  read(path: string, report: NpyReport, request: PlaneRequest = {}, options: PlaneOptions = {}): Promise<Plane> {
    if (this.disposed) return Promise.reject(cancelled());
    let job: PlaneJob;
    try {
      job = startPlane(report, request); // a refused request gets its sentence here, without a round trip
    } catch (e) {
      return Promise.reject(e);
    }
    if (options.signal?.aborted) return Promise.reject(cancelled());
    this.settle(this.current, cancelled());
    this.inline?.abort();
    this.inline = undefined;
    if (this.small(job)) return this.readHere(path, report, request, options);
    const id = (this.lastId = (this.lastId % 0x7ffffffe) + 1);
    Atomics.store(this.wanted, 0, id);
    return new Promise<Plane>((resolve, reject) => {
      const signal = options.signal;
      const pending: Pending = { id, job, options, resolve, reject, cleanup: () => signal?.removeEventListener('abort', onAbort) };
      const onAbort = (): void => this.settle(pending, cancelled());
      signal?.addEventListener('abort', onAbort, { once: true });
      this.current = pending;
      try {
        const worker = this.thread();
        worker.ref();
        const message: PlaneJobMessage = { id, path, report, request, fileOffset: options.fileOffset ?? 0 };
        worker.postMessage(message);
      } catch (e) {
        this.settle(pending, stopped(e instanceof Error ? e.message : String(e)));
      }
    });
  }

  /** Cancels the read in progress and ends the thread. */
  dispose(): void {
    this.disposed = true;
    this.inline?.abort();
    this.settle(this.current, cancelled());
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }

  /** One batch of few merged reads. */
  private small(job: PlaneJob): boolean {
    const { rows, cols } = job.plane;
    if (rows * cols > BATCH_ELEMENTS / 4) return false; // more than one batch (planeBatches)
    const first = planeBatches(job.plane).next();
    return !first.done && first.value.runs.length <= this.inlineReads;
  }

  /** The async reader on this thread, cancelled by the caller's signal or by the next read. */
  private async readHere(path: string, report: NpyReport, request: PlaneRequest, options: PlaneOptions): Promise<Plane> {
    const controller = new AbortController();
    this.inline = controller;
    const abort = (): void => controller.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    try {
      return await readPlaneFromFile(path, report, request, { ...options, signal: controller.signal });
    } finally {
      options.signal?.removeEventListener('abort', abort);
      if (this.inline === controller) this.inline = undefined;
    }
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const data: PlaneWorkerData = { wanted: this.wanted.buffer as SharedArrayBuffer };
    const w = new Worker(workerScript(), { workerData: data, name: 'zeroed-npy plane reader' });
    this.started++;
    w.on('message', (m: PlaneWorkerReply) => this.reply(m));
    const gone = (why: string): void => {
      if (this.worker !== w) return;
      this.worker = undefined;
      this.settle(this.current, stopped(why));
    };
    w.on('error', (e) => { gone(e.message.split('\n')[0] ?? String(e)); void w.terminate(); });
    w.on('exit', (code) => { this.exited++; gone(`exit code ${code}`); });
    this.worker = w;
    return w;
  }

  private reply(m: PlaneWorkerReply): void {
    const p = this.current;
    if (!p || m.id !== p.id) return; // an answer to a read that was cancelled or superseded
    const plane = p.job.plane;
    if (m.type === 'rows') {
      const at = m.firstRow * plane.cols;
      plane.values.set(m.values, at);
      try {
        p.options.onRows?.({ firstRow: m.firstRow, rowCount: m.rowCount, values: plane.values.subarray(at, at + m.values.length) });
      } catch (e) {
        this.settle(p, e);
      }
    } else if (m.type === 'done') {
      Object.assign(plane, { bytesRead: m.bytesRead, readCalls: m.readCalls, approximate: m.approximate, missing: m.missing });
      this.settle(p, null);
    } else {
      this.settle(p, m.code === null ? new Error(m.message) : new NpyError(m.code, m.message, m.errno));
    }
  }

  /** Ends `p` (if still current): resolved with its plane when error is null, else rejected; the thread idles unref'd. */
  private settle(p: Pending | undefined, error: unknown): void {
    if (!p || this.current !== p) return;
    this.current = undefined;
    if (Atomics.load(this.wanted, 0) === p.id) Atomics.store(this.wanted, 0, 0);
    p.cleanup();
    // Idle, the thread must not keep a process alive (a test run, the bench); the host's dispose() ends it.
    this.worker?.unref();
    if (error === null) p.resolve(p.job.plane); else p.reject(error);
  }
}
