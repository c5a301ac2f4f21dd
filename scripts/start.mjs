// `npm start`: install what is missing (npm packages; Node 24 and code-server via test/tools/install.sh, seconds
// when already there), build, package the VSIX, install it into a local code-server the way a user installs
// it, make the demo folder, and serve VS Code on 127.0.0.1 until Ctrl+C.
//   npm start                      port 8080 (or $PORT), demo folder .tmp/demo
//   npm start -- --port 9000 --folder ~/data [--skip-build]
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeDemo } from './demo/makeDemo.mjs';
import { ensureNpmPackages, ensureTools, fail, mustRun, root, step } from './lib/setup.mjs';

const require = createRequire(import.meta.url);

let opts;
try {
  opts = parseArgs({ options: { port: { type: 'string' }, folder: { type: 'string' }, 'skip-build': { type: 'boolean' } } }).values;
} catch (e) {
  fail(`${e.message}. Usage: npm start -- [--port N] [--folder DIR] [--skip-build]`);
}
const port = Number(opts.port ?? process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`the port must be a whole number from 1 to 65535, not "${opts.port ?? process.env.PORT}".`);

ensureNpmPackages();
ensureTools({ chromium: false });
if (!opts['skip-build']) {
  step('build');
  mustRun('npm', ['run', '--silent', 'build'], 'the build failed (see above).');
  step('package the VSIX');
  mustRun('npm', ['run', '--silent', 'package'], 'packaging the VSIX failed (see above).');
}

// The harness modules are compiled by the build (out/test/vscode/harness).
if (!existsSync(path.join(root, 'out', 'test', 'vscode', 'harness', 'codeServer.js'))) fail("the build's output (out/) is missing: run 'npm start' without --skip-build.");
const tools = require(path.join(root, 'out', 'test', 'vscode', 'harness', 'tools.js'));
const { CodeServer, createProfile, installExtension, writeUserSettings } = require(path.join(root, 'out', 'test', 'vscode', 'harness', 'codeServer.js'));
const missing = tools.missingTools().filter((m) => !m.startsWith('Chromium'));
if (missing.length) fail(`${missing.join('; ')}, though the set-up step said it was ready. Delete test/tools/*/node_modules and run 'npm start' again.`);

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
if (!existsSync(vsix)) fail(`${vsix} is missing: run 'npm start' without --skip-build.`);

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
step(`install ${vsix} into code-server`);
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
console.log(`\nVS Code with Zeroed .npy ${pkg.version} is running:\n\n    ${cs.folderUrl(folder)}\n\n` +
  'Open it in a browser (only this machine can reach it). Ctrl+C stops it.\n\n' +
  `The extension it runs is ${vsix}\n` +
  `To use it in your own VS Code: code --install-extension ${vsix}\n` +
  '(or Extensions view → … → Install from VSIX…; with Remote-SSH, WSL or a container, install it on the remote side).');
// Ctrl+C / SIGTERM: the harness ends code-server's whole process group and exits (codeServer.ts).
