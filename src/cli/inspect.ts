// `zeroed-npy inspect`: a short table a person can read, or reportToJson's object with --json. A .npz gets a
// member table, or with --json an array of member reports (npzMemberToJson).
import { growthReach, inspectNpy, reportToJson } from '../core/inspect';
import { inspectNpz, NpzMember, NpzReport, npzMemberToJson } from '../core/npz';
import { shapeRepr } from '../core/shape';
import { DtypeField, NpyReport } from '../core/types';
import { formatBytes, formatCount } from '../core/units';
import type { InspectCommand } from './args';
import { grid, Io, printable, table, toJson } from './output';

export async function runInspect(cmd: InspectCommand, io: Io): Promise<void> {
  if (/\.npz$/i.test(cmd.file)) {
    const npz = await inspectNpz(cmd.file);
    io.stdout(`${cmd.json ? toJson(npz.members.map(npzMemberToJson)) : npzTable(npz)}\n`);
    return;
  }
  const report = await inspectNpy(cmd.file);
  io.stdout(`${cmd.json ? toJson(reportToJson(report)) : inspectTable(report)}\n`);
}

function sized(n: bigint): string {
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
    ['header', `${formatCount(r.headerLength)} bytes, data at offset ${formatCount(r.dataOffset)}`],
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

export function npzTable(z: NpzReport): string {
  const unlisted = z.entryCount - z.members.length;
  const rows: Array<[string, string]> = [
    ['file', printable(z.path)],
    ['archive', `${sized(z.fileBytes)}, ${formatCount(z.entryCount)} member${z.entryCount === 1 ? '' : 's'}${z.zip64 ? ', Zip64' : ''}`],
    ['read', `${formatCount(z.bytesRead)} bytes (the zip directory and each member's header only)`],
  ];
  const header = ['name', 'dtype', 'shape', 'order', 'uncompressed', 'compressed', 'method', 'status'];
  const memberRows = z.members.map((m) => {
    const r = m.report;
    return [printable(m.name), r ? printable(r.descr) : '-', r ? shapeRepr(r.shape) : '-', r ? (r.fortranOrder ? 'F' : 'C') : '-',
      formatBytes(m.uncompressedSize), formatBytes(m.compressedSize), m.compression === 'unsupported' ? `method ${m.method}` : m.compression,
      memberStatus(m)];
  });
  const parts = [table(rows), 'members', grid(header, memberRows, '  ')];
  if (unlisted > 0) parts.push(`  … and ${formatCount(unlisted)} more members not listed`);
  // Full sentences for anything not plainly valid, one line each, after the table.
  const notes = z.members.filter((m) => !m.report || m.report.status !== 'ok' || m.report.objectData)
    .map((m) => `  ${printable(m.name)}: ${printable(m.report ? m.report.statusMessage : m.error ?? '')}`);
  if (notes.length) parts.push('notes', ...notes);
  return parts.join('\n');
}

function memberStatus(m: NpzMember): string {
  const r = m.report;
  if (!r) return m.errorCode === 'not-npy' ? 'not a .npy' : m.errorCode === 'unsupported-compression' ? 'unsupported compression' : 'error';
  if (r.objectData) return 'object data (not read)';
  return r.status === 'ok' ? 'valid' : r.status === 'truncated' ? `truncated by ${formatCount(r.statusBytes)} bytes` : `${formatCount(r.statusBytes)} trailing bytes`;
}
