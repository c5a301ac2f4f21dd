// Running the writer and the CLI into faults: in process, as a child under `ulimit -f`, as user nobody.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { statfsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fullAllocationSettings } from '../../src/core/allocate';
import { cliPath, CliResult } from '../helpers/cli';
import { repoRoot } from '../helpers/paths';
import { leftoverTempFiles } from '../helpers/tmp';
import { commandExists } from '../helpers/tools';

const allocationDefaults = { ...fullAllocationSettings };

/** Puts the writer's test knobs back as the process started with them (ZEROED_NPY_NO_FALLOCATE included). */
export function restoreAllocationSettings(): void {
  Object.assign(fullAllocationSettings, allocationDefaults);
}

/** What `fn` threw; fails the test if it succeeded. */
export async function failureOf(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  return assert.fail('expected the attempt to fail, but it succeeded');
}

/** ext2/3/4 share one statfs magic number; this machine's / is ext4. */
export function isExt4(dir: string): boolean {
  return statfsSync(dir).type === 0xef53;
}

export interface RunOptions { env?: NodeJS.ProcessEnv; ulimitF?: number; asNobody?: boolean }

/** The bundled CLI to completion, optionally under `ulimit -f <blocks>` and/or as user nobody (65534). */
export function runCliWith(args: readonly string[], opts: RunOptions = {}): CliResult {
  let argv = [process.execPath, cliPath, ...args];
  if (opts.asNobody) argv = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--', ...argv];
  if (opts.ulimitF !== undefined) argv = ['sh', '-c', `ulimit -f ${opts.ulimitF} && exec "$@"`, 'sh', ...argv];
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd: repoRoot, env: opts.env ?? process.env, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Whether this process can run children as nobody (root with util-linux setpriv). */
export function canRunAsNobody(): { ok: boolean; reason: string } {
  if (process.getuid?.() !== 0) return { ok: false, reason: 'needs root to start a child as user nobody' };
  if (!commandExists('setpriv')) return { ok: false, reason: 'needs util-linux setpriv to start a child as user nobody' };
  const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '--', process.execPath, '-e', 'process.stdout.write(String(process.getuid()))'], { encoding: 'utf8' });
  return r.stdout === '65534' ? { ok: true, reason: '' } : { ok: false, reason: `setpriv to nobody failed: ${r.stderr || r.error?.message}` };
}

/** Resolves once a temp file in `dir` has grown past `bytes` (fails after 20 s). */
export async function waitForTempGrowth(dir: string, bytes: number): Promise<string> {
  const started = Date.now();
  while (Date.now() - started < 20000) {
    const [tmp] = leftoverTempFiles(dir);
    if (tmp !== undefined) {
      try {
        if (statSync(join(dir, tmp)).size > bytes) return tmp;
      } catch {
        // renamed or removed between listing and stat: look again
      }
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return assert.fail(`no temp file in ${dir} grew past ${bytes} bytes within 20 s`);
}
