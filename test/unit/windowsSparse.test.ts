// The Windows sparse path (src/core/file/windowsSparse.ts), run here on Linux with the tools replaced: which
// commands are built, how their results are read, and that create and resize mark the file before it grows and
// refuse in one sentence when Windows will not. The real fsutil/PowerShell were not run (no Windows here).
import * as assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { resizeNpy } from '../../src/core/file/resize';
import {
  attemptOutcome, PATH_VARIABLE, POWERSHELL_SCRIPT, ProcessResult, setSparseFlagWindows, SparseAttempt, sparseFlagAttempts, SPARSE_OK, windowsSparse,
} from '../../src/core/file/windowsSparse';
import { writeZeroedNpy } from '../../src/core/file/writer';
import { rejectsNpy } from '../helpers/assertions';
import { leftoverDebris, listDir, makeTempDir, removeTempDir } from '../helpers/tmp';

const ok: ProcessResult = { code: 0, stdout: '', stderr: '' };
const denied: ProcessResult = { code: 1, stdout: '', stderr: 'Error:  Access is denied.\r\n' };
const psOk: ProcessResult = { code: 0, stdout: `${SPARSE_OK}\r\n`, stderr: '' };

describe('Windows sparse flag: commands and results', () => {
  it('tries fsutil, then PowerShell, by full path under %SystemRoot%', () => {
    const [fsutil, ps] = sparseFlagAttempts('C:\\data\\a.npy', 'C:\\Windows\\');
    assert.deepEqual(fsutil, { tool: 'fsutil', file: 'C:\\Windows\\System32\\fsutil.exe', args: ['sparse', 'setflag', 'C:\\data\\a.npy'] });
    assert.equal(ps!.tool, 'PowerShell');
    assert.equal(ps!.file, 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    assert.deepEqual(ps!.args, ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', POWERSHELL_SCRIPT]);
    // Without %SystemRoot%: the bare names (PATH).
    assert.deepEqual(sparseFlagAttempts('x', '').map((a) => a.file), ['fsutil.exe', 'powershell.exe']);
  });

  it('gives PowerShell the path in an environment variable, never inside its script', () => {
    const hostile = "C:\\it's; $(Remove-Item C:\\*) `\"x\".npy";
    const ps = sparseFlagAttempts(hostile, 'C:\\Windows')[1]!;
    assert.deepEqual(ps.env, { [PATH_VARIABLE]: hostile });
    assert.ok(!ps.args.some((a) => a.includes(hostile) || a.includes('Remove-Item')));
    assert.equal(ps.args.at(-1), POWERSHELL_SCRIPT);
  });

  it('the script sends FSCTL_SET_SPARSE through a P/Invoke declared with Reflection.Emit, then reads the attribute back', () => {
    assert.match(POWERSHELL_SCRIPT, new RegExp(`\\$env:${PATH_VARIABLE}`));
    assert.match(POWERSHELL_SCRIPT, /DefinePInvokeMethod\('DeviceIoControl', 'kernel32\.dll'/);
    assert.match(POWERSHELL_SCRIPT, /0x900C4/); // CTL_CODE(9, 49, METHOD_BUFFERED, FILE_SPECIAL_ACCESS)
    assert.equal(0x900c4, (9 << 16) | (0 << 14) | (49 << 2) | 0);
    assert.match(POWERSHELL_SCRIPT, /\[IO\.File\]::Open\(\$p, 'Open', 'ReadWrite', 'ReadWrite, Delete'\)/);
    assert.match(POWERSHELL_SCRIPT, /\[IO\.FileAttributes\]::SparseFile/);
    assert.doesNotMatch(POWERSHELL_SCRIPT, /Add-Type/, 'no C# compiler');
    assert.match(POWERSHELL_SCRIPT, new RegExp(`'${SPARSE_OK}'$`));
  });

  it('reads results: exit 0 (and for PowerShell the attribute read back) is done; otherwise the first line says why', () => {
    const [fsutil, ps] = sparseFlagAttempts('C:\\a.npy', 'C:\\Windows') as [SparseAttempt, SparseAttempt];
    assert.deepEqual(attemptOutcome(fsutil, ok), { ok: true });
    assert.deepEqual(attemptOutcome(fsutil, denied), { ok: false, why: 'fsutil: Error:  Access is denied.' });
    assert.deepEqual(attemptOutcome(fsutil, { code: 1, stdout: '', stderr: '' }), { ok: false, why: 'fsutil: exit code 1' });
    assert.deepEqual(attemptOutcome(ps, psOk), { ok: true });
    assert.deepEqual(attemptOutcome(ps, ok), { ok: false, why: 'PowerShell: exit code 0' }, 'exit 0 without the read-back is not done');
    assert.deepEqual(attemptOutcome(ps, { code: 1, stdout: '', stderr: 'Cannot invoke method. Method invocation is supported only on core types in this language mode.\r\nAt line:3 char:1\r\n' }),
      { ok: false, why: 'PowerShell: Cannot invoke method. Method invocation is supported only on core types in this language mode.' });
    assert.deepEqual(attemptOutcome(ps, { code: null, stdout: '', stderr: '', error: 'ENOENT' }), { ok: false, why: 'PowerShell could not run (ENOENT)' });
  });

  it('stops at the first attempt that works; reports every reason when none does', async () => {
    const calls: string[] = [];
    const run = (answers: ProcessResult[]) => async (a: SparseAttempt): Promise<ProcessResult> => { calls.push(a.tool); return answers[calls.length - 1]!; };
    assert.equal(await setSparseFlagWindows('C:\\a.npy', run([ok])), undefined);
    assert.deepEqual(calls.splice(0), ['fsutil']);
    assert.equal(await setSparseFlagWindows('C:\\a.npy', run([denied, psOk])), undefined);
    assert.deepEqual(calls.splice(0), ['fsutil', 'PowerShell']);
    assert.equal(await setSparseFlagWindows('C:\\a.npy', run([denied, { code: 1, stdout: '', stderr: 'Exception calling "Open": Access denied' }])),
      'fsutil: Error:  Access is denied.; PowerShell: Exception calling "Open": Access denied');
  });
});

describe('Windows sparse flag: create and resize (tools replaced)', () => {
  let dir: string;
  const saved = { ...windowsSparse };
  beforeEach(() => { dir = makeTempDir(); });
  afterEach(() => {
    Object.assign(windowsSparse, saved);
    removeTempDir(dir);
  });

  /** Makes the writer take the Windows path; records the size of the file each attempt was given. */
  function fakeWindows(answers: ProcessResult[]): Array<{ tool: string; path: string; size: number }> {
    const seen: Array<{ tool: string; path: string; size: number }> = [];
    windowsSparse.needed = true;
    windowsSparse.run = async (a) => {
      const path = a.env?.[PATH_VARIABLE] ?? a.args.at(-1)!;
      seen.push({ tool: a.tool, path, size: statSync(path).size });
      return answers[seen.length - 1]!;
    };
    return seen;
  }

  it('create marks the empty temp file before writing a byte, then creates the file', async () => {
    const seen = fakeWindows([denied, psOk]);
    const target = join(dir, 'a.npy');
    const w = await writeZeroedNpy({ path: target, dtype: 'f8', shape: '1000' });
    assert.equal(w.fileBytes, 8128n);
    assert.deepEqual(seen.map((s) => [s.tool, s.size]), [['fsutil', 0], ['PowerShell', 0]]);
    assert.equal(dirname(seen[0]!.path), dir);
    assert.match(basename(seen[0]!.path), /^\.a\.npy\.zeroed-npy-.*\.tmp$/, 'the temp file, not the target');
    assert.deepEqual(listDir(dir), ['a.npy']);
  });

  it('create refuses a sparse file Windows will not mark, in one sentence, and leaves nothing', async () => {
    fakeWindows([denied, { code: 1, stdout: '', stderr: 'Access denied' }]);
    const target = join(dir, 'big.npy');
    const e = await rejectsNpy(() => writeZeroedNpy({ path: target, dtype: 'f8', shape: String(8n << 30n) }), 'no-sparse');
    assert.equal(e.message, `Cannot create ${target} as a sparse file: Windows would not mark it sparse (fsutil: Error:  Access is denied.; PowerShell: Access denied), so it would take all 64 GiB on disk now; choose full allocation to reserve that space on purpose, or a folder on an NTFS or ReFS drive.`);
    assert.deepEqual(listDir(dir), []);
    assert.deepEqual(leftoverDebris(dir), []);
  });

  it('full allocation never asks for the flag', async () => {
    const seen = fakeWindows([]);
    await writeZeroedNpy({ path: join(dir, 'a.npy'), dtype: 'u1', shape: '100', allocate: 'full' });
    assert.deepEqual(seen, []);
  });

  it('resize marks the file before it grows, and refuses growth Windows will not mark with the file unchanged', async () => {
    const target = join(dir, 'a.npy');
    await writeZeroedNpy({ path: target, dtype: 'f8', shape: '10' });
    const seen = fakeWindows([ok]);
    await resizeNpy({ path: target, shape: [20n] });
    assert.deepEqual(seen.map((s) => [s.tool, s.path, s.size]), [['fsutil', target, 208]]);
    const before = readFileSync(target);
    fakeWindows([denied, denied]);
    const e = await rejectsNpy(() => resizeNpy({ path: target, shape: [1000n] }), 'no-sparse');
    assert.match(e.message, /^Cannot grow .*a\.npy: Windows would not mark it sparse \(fsutil: Error: {2}Access is denied\.; PowerShell: Error: {2}Access is denied\.\), so the 7\.66 KiB it grows by would take that space on disk now; the file is unchanged\.$/);
    assert.deepEqual(readFileSync(target), before);
  });
});
