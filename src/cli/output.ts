// Terminal output helpers: aligned tables, JSON with bigints, and escaping of text that comes from files
// (field names, header text) so a hostile file cannot send control sequences to the terminal.
import { bigintToJson } from '../core/units';

/** Raw writes (callers add the newlines), so tests and main.ts can plug in any stream. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stderrIsTty: boolean;
}

/** Control characters (C0, DEL, C1) and bidi overrides shown as escapes instead of being printed raw. */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Rows of [label, value] with the labels padded to one column. */
export function table(rows: ReadonlyArray<readonly [string, string]>, indent = ''): string {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`.trimEnd()).join('\n');
}

/** Columns aligned under a header row. */
export function grid(header: readonly string[], rows: ReadonlyArray<readonly string[]>, indent = ''): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    (indent + cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')).trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** JSON.stringify that writes bigints as numbers when exact, else as decimal strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? bigintToJson(v) : v), 2);
}
