// `npm run watch`: rebuilds the bundles (esbuild) and type-checks into out/ (tsc --watch) on every change, until
// Ctrl+C. The lines "[watch] build started/finished" and "✘ [ERROR] …" are what .vscode/tasks.json's problem
// matchers read, so F5 waits for the first bundle and build errors show in the Problems view.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { context } from 'esbuild';
import { bundleOptions } from './bundle.mjs';
import childEnvModule from './lib/childEnv.js';
import { root } from './lib/setup.mjs';

const require = createRequire(import.meta.url);

const report = {
  name: 'report',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const only = process.argv[2]; // 'esbuild' or 'tsc' (the VS Code tasks run them apart); both when absent
if (only !== 'tsc') {
  for (const options of bundleOptions()) {
    const ctx = await context({ ...options, logLevel: 'silent', plugins: [report] });
    await ctx.watch();
  }
}
if (only !== 'esbuild') {
  const tsc = require.resolve('typescript/bin/tsc');
  const child = spawn(process.execPath, [tsc, '-p', '.', '--watch', '--preserveWatchOutput'],
    { cwd: root, stdio: 'inherit', env: childEnvModule.childEnv() });
  child.on('exit', (code) => process.exit(code ?? 0));
}
