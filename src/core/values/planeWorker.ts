// The worker thread behind PlaneWorker (planeWorkerClient.ts): reads planes with synchronous preads
// (planeReaderSync.ts) off the extension host's main thread and posts each batch of rows as soon as it is read,
// its buffer transferred, not copied. One read at a time; the client's shared flag holds the job it still wants,
// checked before every read, so a newer request (or a cancel) stops the current one within one read.
// Bundled on its own as dist/extension-planeWorker.js (scripts/bundle.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import { isNpyError, NpyErrorCode } from '../errors';
import { NpyReport } from '../types';
import { PlaneRequest } from './plane';
import { readPlaneFromFileSync } from './planeReaderSync';

export interface PlaneWorkerData {
  /** Int32Array(1) over a SharedArrayBuffer: the job the client wants now (0: none). */
  wanted: SharedArrayBuffer;
}

export interface PlaneJobMessage { id: number; path: string; report: NpyReport; request: PlaneRequest; fileOffset: number }

export type PlaneWorkerReply =
  | { type: 'rows'; id: number; firstRow: number; rowCount: number; values: Float64Array }
  | { type: 'done'; id: number; bytesRead: number; readCalls: number; approximate: boolean; missing: number }
  | { type: 'error'; id: number; code: NpyErrorCode | null; errno?: string; message: string };

const port = parentPort;
if (port) {
  const wanted = new Int32Array((workerData as PlaneWorkerData).wanted);
  const post = (m: PlaneWorkerReply, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);
  port.on('message', (job: PlaneJobMessage) => {
    const stale = (): boolean => Atomics.load(wanted, 0) !== job.id;
    try {
      const plane = readPlaneFromFileSync(job.path, job.report, job.request, {
        fileOffset: job.fileOffset,
        isCancelled: stale,
        onRows: (rows) => {
          // A copy of the batch (a view into the whole plane) that can travel without detaching the plane.
          const values = rows.values.slice();
          post({ type: 'rows', id: job.id, firstRow: rows.firstRow, rowCount: rows.rowCount, values }, [values.buffer]);
        },
      });
      post({ type: 'done', id: job.id, bytesRead: plane.bytesRead, readCalls: plane.readCalls, approximate: plane.approximate, missing: plane.missing });
    } catch (e) {
      // NpyError keeps its code and sentence; anything else (a bug) its first line, never a stack.
      const message = e instanceof Error ? e.message.split('\n')[0] || e.name : String(e);
      post({ type: 'error', id: job.id, code: isNpyError(e) ? e.code : null, ...(isNpyError(e) && e.errno ? { errno: e.errno } : {}), message });
    }
  });
}
