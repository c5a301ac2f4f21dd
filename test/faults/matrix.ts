// The fault matrix: every case is checked for the same four things, recorded, and printed as one table at
// the end of the tier (a root-level after() hook) so the outcome can be quoted.
//   1. exactly one clear sentence (NpyError, or the CLI's single `error:` line), naming the file;
//   2. the file that was at the target before (if any) is byte-identical, same inode and same mtime;
//   3. no temp file is left in the folder;
//   4. no half file under the final name: the folder lists exactly what it listed before.
import * as assert from 'node:assert/strict';
import { lstatSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { NpyError } from '../../src/core/errors';
import { assertOneSentence } from '../helpers/assertions';
import type { CliResult } from '../helpers/cli';
import { leftoverDebris, listDir } from '../helpers/tmp';

export interface OldFile { path: string; bytes: Buffer; ino: bigint; mtimeNs: bigint }

/** Puts a recognisable "precious" file at `path` and remembers it. */
export function plantOld(path: string, content = `precious old data at ${path}\n`): OldFile {
  writeFileSync(path, content);
  return snapshot(path);
}

export function snapshot(path: string): OldFile {
  const st = statSync(path, { bigint: true });
  return { path, bytes: readFileSync(path), ino: st.ino, mtimeNs: st.mtimeNs };
}

function oldIntact(old: OldFile): { ok: boolean; why: string } {
  let now: OldFile;
  try {
    now = snapshot(old.path);
  } catch (e) {
    return { ok: false, why: `gone: ${(e as Error).message}` };
  }
  if (!now.bytes.equals(old.bytes)) return { ok: false, why: 'bytes changed' };
  if (now.ino !== old.ino) return { ok: false, why: 'replaced (other inode)' };
  if (now.mtimeNs !== old.mtimeNs) return { ok: false, why: 'mtime changed' };
  return { ok: true, why: '' };
}

export interface FaultCase {
  /** The brief's case number (1 EFBIG … 7 --force over ENOSPC); the table is sorted by it. */
  no: number;
  /** Short name for the table. */
  name: string;
  /** The target the writer/CLI was asked to create. */
  target: string;
  /** The folder listing taken just before the attempt. */
  before: string[];
  /** The file that was at the target before, if any. */
  old?: OldFile;
  /** Expected errno (undefined for cancellation). */
  errno: string | undefined;
  /** The exact sentence expected, when the test can compute it; else a pattern. */
  sentence: string | RegExp;
}

interface Row { no: number; name: string; via: string; errno: string; sentence: string; old: string; leftovers: string; verdict: string }
const rows: Row[] = [];

/** Checks an in-process failure (what writeZeroedNpy threw). Records the row first, then asserts. */
export function checkCoreFault(c: FaultCase, thrown: unknown): NpyError {
  const e = thrown as NpyError;
  const isNpy = thrown instanceof NpyError;
  const message = isNpy ? e.message : String((thrown as Error)?.stack ?? thrown);
  record(c, 'core', isNpy ? e.errno : undefined, message);
  assert.ok(isNpy, `expected an NpyError, got ${message}`);
  assertOneSentence(e.message);
  assert.equal(e.errno, c.errno, `errno of: ${e.message}`);
  assert.equal(e.code, c.errno === undefined ? 'cancelled' : 'io');
  checkCommon(c, e.message);
  return e;
}

/** Checks a CLI failure: exit 1, nothing on stdout, exactly one `error: <sentence>` line on stderr. */
export function checkCliFault(c: FaultCase, r: CliResult): string {
  const line = r.stderr.endsWith('\n') ? r.stderr.slice(0, -1) : r.stderr;
  const sentence = line.replace(/^error: /, '');
  record(c, 'cli', c.errno, sentence, r.code === 1 ? '' : `exit ${r.code ?? r.signal}`);
  assert.equal(r.code, 1, `exit code 1 (stderr: ${r.stderr})`);
  assert.equal(r.stdout, '');
  assert.ok(!line.includes('\n') && line.startsWith('error: '), `one error line: ${JSON.stringify(r.stderr)}`);
  assertOneSentence(sentence);
  checkCommon(c, sentence);
  return sentence;
}

function checkCommon(c: FaultCase, message: string): void {
  assert.ok(message.includes(c.target), `names the file ${c.target}: ${message}`);
  if (typeof c.sentence === 'string') assert.equal(message, c.sentence);
  else assert.match(message, c.sentence);
  if (c.old) {
    const o = oldIntact(c.old);
    assert.ok(o.ok, `the previous file at the target is intact: ${o.why}`);
  } else {
    assert.throws(() => lstatSync(c.target), /ENOENT/, 'no (half) file under the final name');
  }
  const folder = dirname(c.target);
  assert.deepEqual(leftoverDebris(folder), [], 'no temp file or lock left');
  assert.deepEqual(listDir(folder), c.before, 'the folder lists what it listed before');
}

/** Records a case that is not a single failure (a killed run and the run after it), as the test saw it. */
export function recordOutcome(r: { no: number; name: string; via: string; errno: string; target: string; sentence: string; old: string; leftovers: string }): void {
  rows.push({ no: r.no, name: r.name, via: r.via, errno: r.errno, sentence: r.sentence.split(r.target).join('<file>'), old: r.old, leftovers: r.leftovers, verdict: '' });
}

function record(c: FaultCase, via: string, errno: string | undefined, message: string, extra = ''): void {
  const folder = dirname(c.target);
  let leftovers: string[] = [];
  let extraNames: string[] = [];
  try {
    leftovers = leftoverDebris(folder);
    extraNames = listDir(folder).filter((n) => !c.before.includes(n) && !leftovers.includes(n));
  } catch {
    // folder unreadable (permission tests run as another user): the assertions will say
  }
  const o = c.old ? oldIntact(c.old) : undefined;
  const half = !c.old && extraNames.includes(c.target.slice(folder.length + 1));
  rows.push({
    no: c.no,
    name: c.name,
    via,
    errno: errno ?? '-',
    sentence: message.split(c.target).join('<file>').replace(/\n[\s\S]*/, ' …'),
    old: o ? (o.ok ? 'intact' : `CHANGED (${o.why})`) : (half ? 'HALF FILE' : 'none'),
    leftovers: [leftovers.length === 0 ? '0' : leftovers.join(' '), extra].filter(Boolean).join(' '),
    verdict: '',
  });
}

// Each row gets pass/FAIL from mocha's own result (rows are recorded before the assertions run).
let firstRowOfTest = 0;
beforeEach(() => { firstRowOfTest = rows.length; });
afterEach(function () {
  const verdict = this.currentTest?.state === 'passed' ? 'pass' : 'FAIL';
  for (const r of rows.slice(firstRowOfTest)) r.verdict = verdict;
});

after(() => {
  if (rows.length === 0) return;
  type Col = Exclude<keyof Row, 'no'>;
  const cells = (r: Row): Record<Col, string> => ({ ...r, name: `${r.no}. ${r.name}` });
  const head: Record<Col, string> = { name: 'case', via: 'via', errno: 'errno', sentence: 'sentence', old: 'old file', leftovers: 'temps', verdict: 'test' };
  const body = [...rows].sort((a, b) => a.no - b.no).map(cells);
  const keys: Col[] = ['name', 'via', 'errno', 'old', 'leftovers', 'verdict', 'sentence'];
  const width = (k: Col): number => Math.max(...[head, ...body].map((r) => r[k].length));
  const line = (r: Record<Col, string>): string => keys.map((k) => (k === 'sentence' ? r[k] : r[k].padEnd(width(k)))).join(' | ');
  console.log(`\n  Fault matrix (${rows.length} cases; 1 EFBIG, 2 ENOSPC, 3 EACCES/EPERM, 4 EROFS, 5 cancel, 6 SIGKILL, 7 --force + ENOSPC, 8 vanishing files)\n`);
  console.log(`  ${line(head)}`);
  for (const r of body) console.log(`  ${line(r)}`);
  console.log('');
});
