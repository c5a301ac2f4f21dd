// What the README's two commands (`npm start`, `npm test`) do before their real work, so that a clean clone on
// a fresh machine needs nothing else: the npm packages (npm ci, skipped while the lockfile is unchanged) and the
// real-editor tools (test/tools/install.sh: Debian packages as root, Node 24 and code-server from npm; about a
// second when present). Every child runs with childEnv: never with the npm configuration npm exported to us.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import childEnvModule from './childEnv.js';

const { childEnv } = childEnvModule;
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const started = Date.now();

/** `== what (12 s)`: a step heading with the seconds since the command started. */
export function step(what) {
  console.log(`\n== ${what} (${Math.round((Date.now() - started) / 1000)} s)`);
}

/** One line on stderr, exit 1: the child has already said what went wrong, we say which step. */
export function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

/** Runs a command in the repository with the child environment; returns its exit status (signals count as 1). */
export function run(cmd, args, extra = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: childEnv(process.env, extra) });
  if (r.error) fail(`could not run ${cmd}: ${r.error.message}`);
  return r.status ?? 1;
}

/** Like run, but a failure ends this command with `error: <failed>`. */
export function mustRun(cmd, args, failed, extra = {}) {
  if (run(cmd, args, extra) !== 0) fail(failed);
}

const stampFile = path.join(root, 'node_modules', '.zeroed-npy-installed');

function lockHash() {
  const h = createHash('sha256');
  for (const f of ['package.json', 'package-lock.json']) h.update(readFileSync(path.join(root, f)));
  return `${h.digest('hex')} ${process.platform}-${process.arch}`;
}

/** npm ci unless node_modules was installed by us from this very lockfile (the stamp says so). */
export function ensureNpmPackages() {
  const want = lockHash();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === want) {
    step('npm packages: already installed');
    return;
  }
  step('npm packages: npm ci');
  mustRun('npm', ['ci', '--no-audit', '--no-fund'], 'npm ci failed (see above); nothing else was run.');
  writeFileSync(stampFile, want);
}

/** test/tools/install.sh; `chromium: false` skips the browser (only the tests need it). */
export function ensureTools({ chromium }) {
  step(`tools: ${chromium ? 'Chromium, ' : ''}Node 24, code-server`);
  mustRun('bash', [path.join(root, 'test', 'tools', 'install.sh')], 'the tools did not install (see above).',
    chromium ? {} : { ZEROED_NPY_SETUP_NO_CHROMIUM: '1' });
}
