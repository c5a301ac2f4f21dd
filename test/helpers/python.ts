// python3 + numpy as the test oracle. Scripts get their inputs as argv (never spliced into code) and
// print JSON on stdout.
import { spawnSync } from 'node:child_process';
import { requireTool } from './tools';

let numpyProbe: { ok: boolean; reason: string; version?: string } | undefined;

/** Whether `python3 -c 'import numpy'` works here (probed once). */
export function numpyStatus(): { ok: boolean; reason: string; version?: string } {
  if (!numpyProbe) {
    const r = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
    if (r.error) numpyProbe = { ok: false, reason: `python3 is not available (${r.error.message})` };
    else if (r.status !== 0) numpyProbe = { ok: false, reason: `python3 cannot import numpy: ${(r.stderr || '').trim().split('\n').pop()}` };
    else numpyProbe = { ok: true, reason: '', version: r.stdout.trim() };
  }
  return numpyProbe;
}

/** Use in before()/it(): skips (or fails under CI=true) when python3/numpy are missing. */
export function requireNumpy(ctx: Mocha.Context): void {
  const s = numpyStatus();
  requireTool(ctx, s.ok, `needs python3 with numpy as the oracle: ${s.reason}`);
}

/** Runs a Python script with arguments; returns stdout. Throws with Python's stderr when it fails. */
export function runPython(script: string, args: readonly string[] = [], input?: string): string {
  const r = spawnSync('python3', ['-c', script, ...args], {
    encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`python3 failed (exit ${r.status}):\n${r.stderr}`);
  return r.stdout;
}

/** Runs a Python script that prints one JSON document; returns it parsed. */
export function pythonJson<T = unknown>(script: string, args: readonly string[] = [], input?: string): T {
  return JSON.parse(runPython(script, args, input)) as T;
}
