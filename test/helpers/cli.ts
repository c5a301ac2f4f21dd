// Runs the bundled CLI (dist/cli.js) as users do, rebuilding the bundle first when it is missing or older
// than any source file.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

export const cliPath = join(repoRoot, 'dist', 'cli.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds dist/cli.js with scripts/bundle.mjs if it is missing or stale. Throws with esbuild's output on failure. */
export function ensureCliBundle(): void {
  const stale = !existsSync(cliPath) || statSync(cliPath).mtimeMs < newestMtime(join(repoRoot, 'src'));
  if (!stale) return;
  const r = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'bundle.mjs')], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bundling failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
}

export interface CliResult { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** Runs `node dist/cli.js ...args` to completion. */
export function runCli(args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: opts.cwd ?? repoRoot, env: opts.env ?? process.env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the CLI without waiting (for signal tests); resolves with its result when it exits. */
export function startCli(args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): {
  child: ReturnType<typeof spawn>; done: Promise<CliResult>;
} {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: opts.cwd ?? repoRoot, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Exit 1 with exactly one stderr line `error: <sentence>`, nothing on stdout, no stack frames. */
export function assertFailure(r: CliResult): string {
  assert.equal(r.code, 1, `exit code (stderr: ${r.stderr})`);
  assert.equal(r.stdout, '');
  const lines = r.stderr.split('\n');
  assert.equal(lines.length, 2, `exactly one line: ${JSON.stringify(r.stderr)}`);
  assert.equal(lines[1], '');
  assert.match(lines[0]!, /^error: \S.*\.$/);
  assert.doesNotMatch(r.stderr, /^\s+at /m);
  return lines[0]!;
}

/** Exit 2 with an error line and the usage lines. */
export function assertUsage(r: CliResult): string {
  assert.equal(r.code, 2, `exit code (stderr: ${r.stderr})`);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.match(lines[0]!, /^error: /);
  assert.match(lines[1]!, /^usage: zeroed-npy create <file>/);
  assert.doesNotMatch(r.stderr, /^\s+at /m);
  return lines[0]!;
}
