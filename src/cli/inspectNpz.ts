// `zeroed-npy inspect <archive>.npz`: a member table, or with --json an array of member reports (npzMemberToJson).
import { inspectNpz, NpzMember, NpzReport, npzMemberToJson } from '../core/npz/inspectNpz';
import { shapeRepr } from '../core/format/shape';
import { formatBytes, formatCount } from '../core/units';
import type { InspectCommand } from './args';
import { sized } from './inspect';
import { grid, Io, printable, table, toJson } from './output';

export async function runInspectNpz(cmd: InspectCommand, io: Io): Promise<void> {
  const npz = await inspectNpz(cmd.file);
  io.stdout(`${cmd.json ? toJson(npz.members.map(npzMemberToJson)) : npzTable(npz)}\n`);
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
