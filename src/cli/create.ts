// `zeroed-npy create`: thin over writeZeroedNpy. Ctrl-C (or SIGTERM) aborts through an AbortController so the
// writer removes its temp file; progress goes to stderr only when stderr is a terminal.
import { NpyError } from '../core/errors';
import { shapeRepr } from '../core/format/shape';
import { formatBytes, formatCount } from '../core/units';
import { writeZeroedNpy, WriteResult } from '../core/file/writer';
import type { CreateCommand } from './args';
import { Io, printable, table, toJson } from './output';

export async function runCreate(cmd: CreateCommand, io: Io): Promise<void> {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  process.on('SIGINT', abort);
  process.on('SIGTERM', abort);
  const progress = cmd.allocate === 'full' && io.stderrIsTty ? progressPrinter(io) : undefined;
  let result: WriteResult;
  try {
    result = await writeZeroedNpy({
      path: cmd.file, dtype: cmd.dtype, shape: cmd.shape, order: cmd.order,
      overwrite: cmd.force, allocate: cmd.allocate, signal: controller.signal, onProgress: progress?.update,
    });
  } catch (e) {
    if (e instanceof NpyError && e.code === 'exists') {
      throw new NpyError('exists', `${e.message.replace(/; choose another name or allow overwriting\.$/, '')}; choose another name or pass --force to replace it.`, e.errno);
    }
    throw e;
  } finally {
    progress?.done();
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
  io.stdout(`${cmd.json ? toJson(createJson(result)) : createSummary(result)}\n`);
}

/** The header's format version, read from its bytes 6 and 7. */
function headerVersion(header: Uint8Array): string {
  return `${header[6] ?? 0}.${header[7] ?? 0}`;
}

export function createJson(r: WriteResult): Record<string, unknown> {
  return {
    path: r.path,
    replaced: r.replaced,
    version: headerVersion(r.header),
    descr: r.dtype.kind === 'struct' ? r.dtype.descrRepr : r.dtype.str,
    dtypeName: r.dtype.name,
    shape: r.shape,
    fortranOrder: r.fortranOrder,
    itemsize: r.dtype.itemsize,
    elementCount: r.elementCount,
    dataOffset: r.header.length,
    dataBytes: r.dataBytes,
    fileBytes: r.fileBytes,
    allocatedBytes: r.allocatedBytes,
    sparse: r.sparse,
    allocate: r.allocate,
    method: r.method ?? null,
  };
}

export function createSummary(r: WriteResult): string {
  const descr = r.dtype.kind === 'struct' ? r.dtype.descrRepr : r.dtype.str;
  const onDisk = r.allocatedBytes === null
    ? 'unknown (this platform does not report allocated blocks)'
    : `${formatBytes(r.allocatedBytes)} (${r.sparse ? 'sparse: the zeros take no disk space until written' : 'fully allocated'})`;
  return [
    `${r.replaced ? 'Replaced' : 'Created'} ${printable(r.path)}`,
    table([
      ['dtype', `${printable(descr)}  ${printable(r.dtype.description)}`],
      ['shape', `${shapeRepr(r.shape)}, ${r.fortranOrder ? 'F (column-major)' : 'C (row-major)'} order`],
      ['elements', formatCount(r.elementCount)],
      ['logical', `${formatBytes(r.fileBytes)} (${formatCount(r.fileBytes)} bytes: ${formatCount(r.header.length)} header + ${formatCount(r.dataBytes)} data)`],
      ['on disk', onDisk],
    ], '  '),
  ].join('\n');
}

function progressPrinter(io: Io): { update: (done: number, total: number) => void; done: () => void } {
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      shown = true;
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      io.stderr(`\rAllocating ${formatBytes(done)} of ${formatBytes(total)} (${pct}%)\u001b[K`);
    },
    done() {
      if (shown) io.stderr('\r\u001b[K');
    },
  };
}
