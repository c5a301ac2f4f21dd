// Terminal output helpers: aligned tables, JSON with bigints, and escaping of text that comes from files
// (field names, header text) so a hostile file cannot send control sequences to the terminal.
import { writeSync } from 'node:fs';
import { bigintToJson } from '../core/units';

/** Raw writes (callers add the newlines), so tests and main.ts can plug in any stream. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stderrIsTty: boolean;
}

/**
 * Writes all of `text` to a file descriptor synchronously (a short write continues; a non-blocking pipe that is
 * full is waited on). A reader that went away (`| head`) ends the process quietly with the exit code so far.
 */
export function writeToFd(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if (code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      throw e;
    }
  }
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
