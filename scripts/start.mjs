// `npm start`: install what is missing (npm packages; Node 24 and code-server via test/tools/install.sh, quick
// when already there), build, package the VSIX, install it into a local code-server the way a user installs
// it, make the demo folder, and serve VS Code on 127.0.0.1 until Ctrl+C.
//   npm start                      port 8080 (or $PORT), demo folder .tmp/demo
//   npm start -- --port 9000 --folder ~/data [--skip-build]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeDemo } from './demo/make-demo.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

let opts;
try {
  opts = parseArgs({ options: { port: { type: 'string' }, folder: { type: 'string' }, 'skip-build': { type: 'boolean' } } }).values;
} catch (e) {
  fail(`${e.message}. Usage: npm start -- [--port N] [--folder DIR] [--skip-build]`);
}
const port = Number(opts.port ?? process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`the port must be a whole number from 1 to 65535, not "${opts.port ?? process.env.PORT}".`);

const run = (cmd, args, env = {}) => {
  try {
    execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  } catch {
    process.exit(1); // the command has said what went wrong
  }
};
if (!existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  console.log('== npm ci');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
console.log('== tools (Node 24, code-server)');
run('bash', [path.join(root, 'test', 'tools', 'install.sh')], { ZEROED_NPY_SETUP_NO_CHROMIUM: '1' });
if (!opts['skip-build']) {
  console.log('== build');
  run('npm', ['run', '--silent', 'build']);
  console.log('== package the VSIX');
  run('npm', ['run', '--silent', 'package']);
}

// The harness modules are compiled by the build (out/test/vscode/harness).
const tools = require(path.join(root, 'out', 'test', 'vscode', 'harness', 'tools.js'));
const { CodeServer, createProfile, installExtension, writeUserSettings } = require(path.join(root, 'out', 'test', 'vscode', 'harness', 'codeServer.js'));
const missing = tools.missingTools().filter((m) => !m.startsWith('Chromium'));
if (missing.length) fail(`${missing.join('; ')}. Run 'npm run setup', then 'npm start' again.`);

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
if (!existsSync(vsix)) fail(`${vsix} is missing: run 'npm run package'.`);

let folder;
try {
  folder = opts.folder ? path.resolve(opts.folder) : makeDemo();
} catch (e) {
  fail(`could not make the demo folder: ${e.message}`);
}
if (!existsSync(folder)) fail(`the folder ${folder} does not exist.`);

// A profile kept between runs (your settings and layout survive a restart), in .tmp/ (git-ignored).
const profileRoot = path.join(root, '.tmp', 'code-server-profile');
mkdirSync(profileRoot, { recursive: true });
const firstRun = !existsSync(path.join(profileRoot, 'user-data', 'User', 'settings.json'));
const profile = createProfile(profileRoot);
if (firstRun) {
  writeUserSettings(profile, {
    'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'workbench.colorTheme': 'Default Light Modern',
    // The demo folder sits inside this repository: no "open the parent git repository?" prompt, no chat panel.
    'git.openRepositoryInParentFolders': 'never', 'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
  });
}
console.log('== install the VSIX into code-server');
try {
  await installExtension(profile, vsix);
} catch (e) {
  fail(String(e.message));
}

let cs;
try {
  cs = await CodeServer.start({ port, profile, keepProfile: true });
} catch (e) {
  fail(`code-server did not start on 127.0.0.1:${port} (is the port in use? try --port). ${String(e.message).split('\n')[0]}`);
}
console.log(`\nVS Code with Zeroed .npy ${pkg.version} is running:\n\n    ${cs.folderUrl(folder)}\n\nOpen it in a browser (only this machine can reach it). Ctrl+C stops it.`);
// Ctrl+C / SIGTERM: the harness ends code-server's whole process group and exits (codeServer.ts).
