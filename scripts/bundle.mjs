// Bundles the three entry points: the extension host (Node, cjs, `vscode` external), the CLI (Node, with a
// shebang) and the webview (browser, iife). Type-checking is tsc's job; esbuild only bundles.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'warning' };

const jobs = [
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs',
    target: 'node18', banner: { js: '#!/usr/bin/env node' } }),
];
if (existsSync('src/extension/extension.ts')) {
  jobs.push(build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js',
    platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] }));
}
if (existsSync('src/webview/main.ts')) {
  jobs.push(build({ ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js',
    platform: 'browser', format: 'iife', target: 'es2020' }));
}
if (existsSync('src/webview/npzMain.ts')) {
  jobs.push(build({ ...common, entryPoints: ['src/webview/npzMain.ts'], outfile: 'dist/npzWebview.js',
    platform: 'browser', format: 'iife', target: 'es2020' }));
}
await Promise.all(jobs);
