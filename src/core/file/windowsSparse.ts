// NTFS and ReFS reserve every byte of a file extended with SetEndOfFile (libuv's ftruncate) unless the file was
// first marked sparse with FSCTL_SET_SPARSE, which needs only a handle with write access (MS-FSA 2.1.5.10.38);
// Node cannot send an FSCTL. So we ask Windows' own tools, in order:
//   1. `fsutil sparse setflag <file>` — quick, but Microsoft documents fsutil as needing an administrator;
//   2. Windows PowerShell 5.1 (in every Windows 10/11) sending FSCTL_SET_SPARSE itself: DeviceIoControl declared
//      with System.Reflection.Emit's TypeBuilder.DefinePInvokeMethod (documented .NET; no C# compiler, unlike
//      Add-Type), then the file's SparseFile attribute read back to prove it.
// If neither works the caller refuses a sparse create in one sentence rather than silently reserving the space.
// Not run here (Linux): the commands and the reading of their results are unit-tested.
import { execFile } from 'node:child_process';

export interface SparseAttempt {
  /** Short name for sentences. */
  tool: 'fsutil' | 'PowerShell';
  file: string;
  args: string[];
  /** Added to the environment: PowerShell gets the path here, never inside its script (no quoting, no injection). */
  env?: Record<string, string>;
}

export interface ProcessResult { code: number | null; stdout: string; stderr: string; error?: string }
export type RunProcess = (a: SparseAttempt) => Promise<ProcessResult>;

/** Whether files must be marked sparse before they grow (Windows), and how the tools run: replaced by unit tests. */
export const windowsSparse: { needed: boolean; run: RunProcess } = { needed: process.platform === 'win32', run: (a) => runProcess(a) };

export const PATH_VARIABLE = 'ZEROED_NPY_SPARSE_PATH';
/** What the PowerShell script prints once the attribute reads back set. */
export const SPARSE_OK = 'sparse';

// FSCTL_SET_SPARSE = CTL_CODE(FILE_DEVICE_FILE_SYSTEM, 49, METHOD_BUFFERED, FILE_SPECIAL_ACCESS); no input
// buffer means "set" (winioctl.h documentation). The file is opened sharing read, write and delete, as Node
// (libuv) holds it open meanwhile.
export const POWERSHELL_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  `$p = $env:${PATH_VARIABLE}`,
  "$ab = [Reflection.Emit.AssemblyBuilder]::DefineDynamicAssembly((New-Object Reflection.AssemblyName 'ZeroedNpySparse'), 'Run')",
  "$tb = $ab.DefineDynamicModule('ZeroedNpySparse').DefineType('Fsctl', 'Public, Class')",
  "$m = $tb.DefinePInvokeMethod('DeviceIoControl', 'kernel32.dll', 'Public, Static, PinvokeImpl', 'Standard', [bool], [Type[]]@([Microsoft.Win32.SafeHandles.SafeFileHandle], [uint32], [IntPtr], [uint32], [IntPtr], [uint32], [uint32].MakeByRefType(), [IntPtr]), 'Winapi', 'Auto')",
  "$m.SetImplementationFlags('PreserveSig')",
  "$dll = [Runtime.InteropServices.DllImportAttribute]",
  "$m.SetCustomAttribute((New-Object Reflection.Emit.CustomAttributeBuilder($dll.GetConstructor([Type[]]@([string])), [object[]]@('kernel32.dll'), [Reflection.FieldInfo[]]@($dll.GetField('SetLastError')), [object[]]@($true))))",
  '$t = $tb.CreateType()',
  "$fs = [IO.File]::Open($p, 'Open', 'ReadWrite', 'ReadWrite, Delete')",
  'try {',
  '  $n = [uint32]0',
  '  if (-not $t::DeviceIoControl($fs.SafeFileHandle, 0x900C4, [IntPtr]::Zero, 0, [IntPtr]::Zero, 0, [ref]$n, [IntPtr]::Zero)) {',
  '    throw (New-Object ComponentModel.Win32Exception([Runtime.InteropServices.Marshal]::GetLastWin32Error()))',
  '  }',
  '} finally { $fs.Dispose() }',
  "if (([IO.File]::GetAttributes($p) -band [IO.FileAttributes]::SparseFile) -eq 0) { throw 'the file system kept the file not sparse' }",
  `'${SPARSE_OK}'`,
].join('\n');

/** The attempts, in order, for `path` (absolute). `systemRoot` is %SystemRoot%: the tools by full path, not PATH. */
export function sparseFlagAttempts(path: string, systemRoot = process.env.SystemRoot ?? process.env.SYSTEMROOT): SparseAttempt[] {
  const sys32 = systemRoot ? `${systemRoot.replace(/[\\/]+$/, '')}\\System32\\` : '';
  return [
    { tool: 'fsutil', file: `${sys32}fsutil.exe`, args: ['sparse', 'setflag', path] },
    {
      tool: 'PowerShell', file: `${sys32 ? `${sys32}WindowsPowerShell\\v1.0\\` : ''}powershell.exe`,
      args: ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', POWERSHELL_SCRIPT],
      env: { [PATH_VARIABLE]: path },
    },
  ];
}

/** Whether an attempt did the job: exit 0, and for PowerShell the attribute read back. Otherwise why not, in a few words. */
export function attemptOutcome(a: SparseAttempt, r: ProcessResult): { ok: true } | { ok: false; why: string } {
  if (r.error !== undefined) return { ok: false, why: `${a.tool} could not run (${r.error})` };
  if (r.code === 0 && (a.tool !== 'PowerShell' || r.stdout.trim().split(/\r?\n/).pop() === SPARSE_OK)) return { ok: true };
  const said = firstLine(r.stderr) || firstLine(r.stdout) || `exit code ${String(r.code)}`;
  return { ok: false, why: `${a.tool}: ${said}` };
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '') ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

/**
 * Marks `path` sparse. Resolves undefined when done, or the reasons every attempt failed ("fsutil: …; PowerShell:
 * …") for the caller's sentence.
 */
export async function setSparseFlagWindows(path: string, run: RunProcess = windowsSparse.run): Promise<string | undefined> {
  const reasons: string[] = [];
  for (const a of sparseFlagAttempts(path)) {
    const outcome = attemptOutcome(a, await run(a));
    if (outcome.ok) return undefined;
    reasons.push(outcome.why);
  }
  return reasons.join('; ');
}

function runProcess(a: SparseAttempt): Promise<ProcessResult> {
  return new Promise((done) => {
    execFile(a.file, a.args, { env: { ...process.env, ...a.env }, windowsHide: true, timeout: 60_000, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      const spawnFailed = err && typeof err.code === 'string' ? err.code : undefined;
      done({ code, stdout: String(stdout), stderr: String(stderr), ...(spawnFailed ? { error: spawnFailed } : {}) });
    });
  });
}
