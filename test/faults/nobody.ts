// Children that run as user nobody (65534). They cannot enter a checkout that sits in a folder only its owner
// may enter (any clone in /root, any `mktemp -d`), nor run a Node installed there (nvm in ~): they get copies in
// a world-readable temp folder — the CLI bundle, the compiled core, and Node itself when nobody cannot run ours.
import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cliPath } from '../helpers/cli';
import { commandExists } from '../helpers/tools';

export const NOBODY_UID = 65534;
const SETPRIV = ['--reuid=65534', '--regid=65534', '--clear-groups', '--'];

/** What a nobody child runs: `node` with `cli` (dist/cli.js and its command bundles) or `require(join(core, 'file', 'writer.js'))`, in `dir`. */
export interface NobodyKit { dir: string; node: string; cli: string; core: string }

let kit: NobodyKit | undefined;

/** Runs argv as nobody in `cwd`, to completion. */
export function spawnAsNobody(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): SpawnSyncReturns<string> {
  return spawnSync('setpriv', [...SETPRIV, ...argv], { cwd, env, encoding: 'utf8' });
}

function makeReadable(path: string): void {
  const st = statSync(path);
  chmodSync(path, st.isDirectory() ? 0o755 : st.mode & 0o111 ? 0o755 : 0o644);
  if (st.isDirectory()) for (const n of readdirSync(path)) makeReadable(join(path, n));
}

/** The copies (made once per test process, removed when it exits). Needs dist/cli.js and out/src/core built. */
export function nobodyKit(): NobodyKit {
  if (kit) return kit;
  const dir = mkdtempSync(join(tmpdir(), 'zeroed-npy-nobody-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  // dist/cli.js loads each command's bundle (dist/cli-<command>.js) from its own folder: copy them all.
  for (const name of readdirSync(dirname(cliPath)).filter((n) => /^cli(-\w+)?\.js$/.test(n))) copyFileSync(join(dirname(cliPath), name), join(dir, name));
  const cli = join(dir, 'cli.js');
  const core = join(dir, 'core');
  // The whole compiled core: writer.js requires its siblings in format/, values/, ….
  cpSync(dirname(dirname(require.resolve('../../src/core/file/writer'))), core, { recursive: true });
  makeReadable(dir);
  let node = process.execPath;
  if (spawnAsNobody([node, '-e', '0'], dir).status !== 0) {
    node = join(dir, 'node');
    copyFileSync(process.execPath, node);
    chmodSync(node, 0o755);
  }
  kit = { dir, node, cli, core };
  return kit;
}

/** Whether this process can run the CLI as nobody (root, util-linux setpriv, a temp folder nobody can reach). */
export function canRunAsNobody(): { ok: boolean; reason: string } {
  if (process.getuid?.() !== 0) return { ok: false, reason: 'needs root to start a child as user nobody' };
  if (!commandExists('setpriv')) return { ok: false, reason: 'needs util-linux setpriv to start a child as user nobody' };
  const k = nobodyKit();
  const r = spawnAsNobody([k.node, '-e', 'process.stdout.write(String(process.getuid()))'], k.dir);
  if (r.stdout !== String(NOBODY_UID)) return { ok: false, reason: `setpriv to nobody failed: ${r.stderr || r.error?.message}` };
  const v = spawnAsNobody([k.node, k.cli, '--version'], k.dir);
  if (v.status !== 0) return { ok: false, reason: `nobody cannot run the CLI copy in ${k.dir} (is ${tmpdir()} closed to other users?): ${v.stderr.trim()}` };
  return { ok: true, reason: '' };
}
