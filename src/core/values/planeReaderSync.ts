// The same reads as readPlane (planeReader.ts: the same batches, merged runs and decoding), done with
// synchronous preads. A strided overview of a big file is up to 262,144 reads of a few bytes: one promise and
// thread-pool round trip each costs more than the read itself, so this loop is the fast path. It blocks its
// thread, so the extension runs it in a worker (planeWorker.ts); tests and the bench may call it directly.
import { readSync } from 'node:fs';
import { fsError } from '../file/fsErrors';
import { withRegularFileSync } from '../file/regularFile';
import { NpyReport } from '../types';
import { PlaneRequest } from './plane';
import { batchValues, cancelled, Plane, PlaneRows, planeBatches, startPlane, storeRun } from './planeReader';

/** Reads into `into` (from its offset 0) up to `length` bytes at `position`; returns how many (fewer only at end of file). */
export type SyncRead = (position: number, length: number, into: Uint8Array) => number;

export interface PlaneSyncOptions {
  onRows?: (rows: PlaneRows) => void;
  /** Asked before every read: true stops the view with NpyError 'cancelled'. */
  isCancelled?: () => boolean;
  /** Byte position in the file where the .npy starts (a stored .npz member); 0 for a .npy. */
  fileOffset?: number;
}

/** readPlane with a synchronous source. Throws NpyError (one sentence) on bad requests, I/O errors and cancel. */
export function readPlaneSync(read: SyncRead, report: NpyReport, request: PlaneRequest = {}, options: PlaneSyncOptions = {}): Plane {
  const job = startPlane(report, request);
  // One buffer for every read (a run is at most 2 × its elements' bytes + 4 KiB; it grows when one is longer).
  let scratch = new Uint8Array(8192);
  let view = new DataView(scratch.buffer);
  for (const batch of planeBatches(job.plane)) {
    const out = batchValues(job, batch);
    // Last run first. Reads a page or two apart in ascending order look like a sequential stream to the kernel,
    // which then reads ahead (and on a sparse file allocates and zeroes every page read ahead); in descending
    // order each read is a lone random read of its own page. Measured with fincore on a new 1 TiB sparse file,
    // 262,144 reads: 262,061 pages cached (1 GiB) descending, 905,041 (3.7 GB) ascending.
    const { runs } = batch;
    for (let k = runs.length - 1; k >= 0; k--) {
      const run = runs[k];
      if (options.isCancelled?.()) throw cancelled();
      if (run.length > scratch.length) {
        scratch = new Uint8Array(run.length);
        view = new DataView(scratch.buffer);
      }
      storeRun(job, batch, run, view, read(run.from, run.length, scratch), out);
    }
    options.onRows?.({ firstRow: batch.firstRow, rowCount: batch.rowCount, values: out });
  }
  return job.plane;
}

/** readPlaneSync over a file on disk, opened for this view only (the same sentences as readPlaneFromFile). */
export function readPlaneFromFileSync(path: string, report: NpyReport, request: PlaneRequest = {}, options: PlaneSyncOptions = {}): Plane {
  const ctx = { action: 'read' as const, path };
  const at = options.fileOffset ?? 0;
  return withRegularFileSync(path, 'a .npy file', ({ fd }) => readPlaneSync((position, length, into) => {
    let done = 0;
    try {
      while (done < length) {
        const n = readSync(fd, into, done, length - done, at + position + done);
        if (n === 0) break;
        done += n;
      }
    } catch (e) {
      throw fsError(e, ctx);
    }
    return done;
  }, report, request, options));
}
