// Bundles the entry points: the extension host (Node, cjs, `vscode` external), the CLI (Node, with a shebang)
// and the webviews (browser, iife). Type-checking is tsc's job; esbuild only bundles.
//   node scripts/bundle.mjs [--production]     one build (npm run bundle; vscode:prepublish minifies)
// scripts/watch.mjs imports bundleOptions to rebuild on every change.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The CLI's commands are separate bundles (dist/cli-<command>.js) that dist/cli.js requires only when that command
// runs: `--version` or `inspect x.npy` then compile a few KiB instead of everything (the zip reader is most of it).
// The extension likewise: dist/extension.js only registers; each command and preview is dist/extension-<name>.js,
// required on first use, so activation loads the entry alone. In the sources these are plain `await import('./x')`,
// which tsc's output (used by the tests) resolves as is. Chunks share no state except through arguments: a module
// two chunks both import is copied into each.
const CLI_CHUNKS = ['create', 'inspect', 'inspectNpz', 'resize'];
const EXTENSION_CHUNKS = ['createFlow', 'resizeFlow', 'openPreview', 'previewSession', 'npzSession', 'dtypeMru'];
// The CLI's chunks load through src/cli/codeCache.ts (V8's code cache on Node < 22.1, which has no compile cache).
function chunks(folder, names, prefix, { loader } = {}) {
  return {
    name: `${prefix}-chunks`,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^\\./(${names.join('|')})$`) }, (args) => {
        if (args.kind !== 'dynamic-import' || path.basename(path.dirname(args.importer)) !== folder) return undefined;
        const file = `${prefix}-${args.path.slice(2)}.js`;
        return loader ? { path: file, namespace: `${prefix}-chunk` } : { path: `./${file}`, external: true };
      });
      if (!loader) return;
      build.onLoad({ filter: /.*/, namespace: `${prefix}-chunk` }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(loader)}).loadChunk(${JSON.stringify(args.path)});`,
        resolveDir: root, loader: 'js',
      }));
    },
  };
}

/** esbuild options for every bundle, paths relative to the repository root. */
export function bundleOptions({ production = false } = {}) {
  const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'warning', absWorkingDir: root };
  const node = { ...common, platform: 'node', format: 'cjs', target: 'node18' };
  const browser = { ...common, platform: 'browser', format: 'iife', target: 'es2020' };
  // import() of a chunk becomes require(): a real dynamic import would start Node's ESM loader (+40 ms).
  const cli = { ...node, plugins: [chunks('cli', CLI_CHUNKS, 'cli', { loader: './src/cli/codeCache.ts' })], supported: { 'dynamic-import': false } };
  const extension = { ...node, external: ['vscode'], plugins: [chunks('extension', EXTENSION_CHUNKS, 'extension')], supported: { 'dynamic-import': false } };
  const all = [
    { ...cli, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
    ...CLI_CHUNKS.map((c) => ({ ...cli, entryPoints: [`src/cli/${c}.ts`], outfile: `dist/cli-${c}.js` })),
    { ...extension, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' },
    ...EXTENSION_CHUNKS.map((c) => ({ ...extension, entryPoints: [`src/extension/${c}.ts`], outfile: `dist/extension-${c}.js` })),
    // The data view's reader thread (src/core/values/planeWorkerClient.ts starts it from the file next to its caller).
    { ...node, entryPoints: ['src/core/values/planeWorker.ts'], outfile: 'dist/extension-planeWorker.js' },
    { ...browser, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js' },
    { ...browser, entryPoints: ['src/webview/npzMain.ts'], outfile: 'dist/npzWebview.js' },
  ];
  return all.filter((o) => existsSync(path.join(root, o.entryPoints[0])));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await Promise.all(bundleOptions({ production: process.argv.includes('--production') }).map((o) => build(o)));
}
