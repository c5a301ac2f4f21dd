// `zeroed-npy inspect`: a short table a person can read, or reportToJson's object with --json. A .npz gets a
// member table (inspectNpz.ts, loaded only for archives: the zip reader is most of the CLI's code).
import { growthReach, inspectNpy, reportToJson } from '../core/file/inspect';
import { shapeRepr } from '../core/format/shape';
import { DtypeField, NpyReport } from '../core/types';
import { formatBytes, formatCount } from '../core/units';
import type { InspectCommand } from './args';
import { grid, Io, printable, table, toJson } from './output';

export async function runInspect(cmd: InspectCommand, io: Io): Promise<void> {
  if (/\.npz$/i.test(cmd.file)) {
    await (await import('./inspectNpz')).runInspectNpz(cmd, io);
    return;
  }
  const report = await inspectNpy(cmd.file);
  io.stdout(`${cmd.json ? toJson(reportToJson(report)) : inspectTable(report)}\n`);
}

export function sized(n: bigint): string {
  return `${formatBytes(n)} (${formatCount(n)} bytes)`;
}

export function inspectTable(r: NpyReport): string {
  const fileSize = r.status === 'ok' ? sized(r.fileBytes) : `${sized(r.fileBytes)}, expected ${formatCount(r.expectedFileBytes)}`;
  const allocated = r.allocatedBytes === null
    ? 'unknown (this platform does not report allocated blocks)'
    : `${formatBytes(r.allocatedBytes)}${r.allocatedBytes < r.fileBytes ? ' (sparse)' : ''}`;
  const alignment = r.alignment === 'other' ? 'none (data offset is not a multiple of 16)' : `${r.alignment} bytes`;
  const reach = growthReach(r);
  const growth = reach === null
    ? 'none (0-d array)'
    : reach.unlimited
      ? `axis ${r.growthAxis} can grow in place (zeroed-npy resize) to any size numpy allows (${r.growthRoom} spare header bytes)`
      : `axis ${r.growthAxis} can grow in place (zeroed-npy resize) up to ${formatCount(10n ** BigInt(reach.digits) - 1n)} (${r.growthRoom} spare header bytes)`;
  const rows: Array<[string, string]> = [
    ['file', printable(r.path)],
    ['status', printable(r.statusMessage)],
    ['version', r.version],
    ['dtype', `${printable(r.descr)}  ${printable(r.dtypeDescription)}`],
    ['shape', shapeRepr(r.shape)],
    ['order', r.fortranOrder ? 'F (column-major)' : 'C (row-major)'],
    ['elements', formatCount(r.elementCount)],
    // The same meaning and words as the preview: everything before the data.
    ['header', `${formatCount(r.dataOffset)} bytes (${formatCount(r.headerLength)} of them header text), data starts at byte ${formatCount(r.dataOffset)}`],
    ['data', r.objectData ? `${sized(r.dataBytes)}, a pickle (not read)` : sized(r.dataBytes)],
    ['file size', fileSize],
    ['allocated', allocated],
    ['alignment', alignment],
    ['growth room', growth],
    ['read', `${formatCount(r.bytesRead)} bytes (the header only)`],
  ];
  const parts = [table(rows)];
  if (r.fields) {
    const fieldRows = flattenFields(r.fields, '', 0);
    parts.push('fields', grid(['name', 'descr', 'offset', 'size', 'shape'], fieldRows, '  '));
  }
  return parts.join('\n');
}

// Nested structs are listed with dotted names and absolute offsets, the way a reader of the bytes needs them.
function flattenFields(fields: readonly DtypeField[], prefix: string, base: number): string[][] {
  const rows: string[][] = [];
  for (const f of fields) {
    const name = `${prefix}${f.name === '' ? "''" : printable(f.name)}`;
    const nested = f.dtype.kind === 'struct' && f.dtype.fields && f.shape.length === 0;
    rows.push([name, nested ? 'struct' : printable(f.descr), String(base + f.offset), String(f.size),
      f.shape.length ? `(${f.shape.join(', ')}${f.shape.length === 1 ? ',' : ''})` : '']);
    if (nested && f.dtype.fields) rows.push(...flattenFields(f.dtype.fields, `${name}.`, base + f.offset));
  }
  return rows;
}
