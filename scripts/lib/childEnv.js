// The environment for the npm and node children our scripts start (install.sh, start.mjs, test.mjs, the test
// harness). Under `npm start` / `npm test` / `npm run …`, npm exports its own configuration to the script:
// npm_config_* (among them a user agent naming *its* Node: "npm/11 node/v20"), npm_lifecycle_*, npm_package_*,
// INIT_CWD, and node_modules/.bin folders on PATH. A nested npm reads those back as configuration, so
// code-server's postinstall saw "node/v20" and refused, though Node 24 was first on PATH. Children get the
// user's environment without npm's, plus what each needs, set explicitly by the caller.
// Plain CommonJS: start.mjs and test.mjs run it before anything is installed or compiled.
'use strict';
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const NPM_PREFIXES = ['npm_config_', 'npm_lifecycle_', 'npm_package_'];
const NPM_NAMES = new Set(['INIT_CWD', 'NODE', 'npm_command', 'npm_execpath', 'npm_node_execpath']);
// How to reach the registry (proxy, mirror, CA) and where downloads are kept: a nested npm computes the same
// values from the same rc files, unless the user set them in the environment, which a child must then see too.
const KEPT = new Set(['registry', 'proxy', 'https_proxy', 'noproxy', 'cafile', 'ca', 'strict_ssl', 'cache'].map((k) => `npm_config_${k}`));

/** Whether npm exported `name` to the script that runs us (and a child must not inherit it). */
function isNpmVariable(name) {
  const lower = name.toLowerCase();
  if (KEPT.has(lower)) return false;
  return NPM_NAMES.has(name) || NPM_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * PATH without the folders npm put in front for its script: `<dir>/node_modules/.bin` for the project folder
 * and each folder above it, and npm's own node-gyp shim.
 * @param {string} value
 * @param {string | undefined} projectDir npm_config_local_prefix (or INIT_CWD) of the npm that ran us
 */
function withoutNpmPath(value, projectDir) {
  const added = new Set();
  for (let dir = projectDir ? path.resolve(projectDir) : undefined; dir;) {
    added.add(path.join(dir, 'node_modules', '.bin'));
    const up = path.dirname(dir);
    dir = up === dir ? undefined : up;
  }
  return value.split(path.delimiter)
    .filter((p) => !added.has(p) && !/[\\/]@npmcli[\\/]run-script[\\/]lib[\\/]node-gyp-bin$/.test(p))
    .join(path.delimiter);
}

/**
 * The environment for a child: `env` without npm's variables, then `extra` (undefined values delete).
 * @param {NodeJS.ProcessEnv} [env]
 * @param {Record<string, string | undefined>} [extra]
 * @returns {NodeJS.ProcessEnv}
 */
function childEnv(env = process.env, extra = {}) {
  /** @type {NodeJS.ProcessEnv} */
  const out = {};
  for (const [k, v] of Object.entries(env)) if (!isNpmVariable(k)) out[k] = v;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  // After the extras: a caller's PATH is usually built from ours ("node24/bin:$PATH").
  const pathKey = Object.keys(out).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  const underNpm = env.npm_lifecycle_event !== undefined || env.npm_config_user_agent !== undefined;
  if (underNpm && out[pathKey] !== undefined) {
    out[pathKey] = withoutNpmPath(out[pathKey], env.npm_config_local_prefix ?? env.INIT_CWD);
  }
  return out;
}

module.exports = { childEnv, isNpmVariable, withoutNpmPath };

// As a command, like env(1): node childEnv.js [NAME=value …] command [args …] runs the command with the
// child environment plus those settings and exits with its status (install.sh runs its nested npm this way).
if (require.main === module) {
  const args = process.argv.slice(2);
  /** @type {Record<string, string>} */
  const extra = {};
  while (args.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[0])) {
    const a = /** @type {string} */ (args.shift());
    const eq = a.indexOf('=');
    extra[a.slice(0, eq)] = a.slice(eq + 1);
  }
  if (args.length === 0) {
    console.error('usage: node childEnv.js [NAME=value …] command [args …]');
    process.exit(2);
  }
  const r = spawnSync(args[0], args.slice(1), { stdio: 'inherit', env: childEnv(process.env, extra) });
  if (r.error) {
    console.error(`error: could not run ${args[0]}: ${r.error.message}`);
    process.exit(127);
  }
  process.exit(r.status ?? 1);
}
