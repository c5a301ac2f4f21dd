// Running the writer and the CLI into faults: in process, as a child under `ulimit -f`, as user nobody.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { statfsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fullAllocationSettings } from '../../src/core/file/allocate';
import { cliPath, CliResult } from '../helpers/cli';
import { repoRoot } from '../helpers/paths';
import { leftoverTempFiles } from '../helpers/tmp';
import { nobodyKit } from './nobody';

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

/**
 * The bundled CLI to completion, optionally under `ulimit -f <blocks>` and/or as user nobody (65534; then the
 * copies of nobody.ts, run from their folder: nobody may not be able to enter the checkout).
 */
export function runCliWith(args: readonly string[], opts: RunOptions = {}): CliResult {
  let argv = [process.execPath, cliPath, ...args];
  let cwd = repoRoot;
  if (opts.asNobody) {
    const kit = nobodyKit();
    argv = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--', kit.node, kit.cli, ...args];
    cwd = kit.dir;
  }
  if (opts.ulimitF !== undefined) argv = ['sh', '-c', `ulimit -f ${opts.ulimitF} && exec "$@"`, 'sh', ...argv];
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd, env: opts.env ?? process.env, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
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
