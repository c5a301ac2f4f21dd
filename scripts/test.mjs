// `npm test`: everything a clean clone needs, then every tier. Installs what is missing (npm packages, Debian
// packages as root, Node 24, code-server, Chromium; seconds when already there), lints, builds, then runs the
// tiers in order — unit, numpy cross-checks, faults, extension host (code-server), UI (Chromium) — and ends with
// a summary. A failing tier does not stop the later ones; a failed install or build stops everything.
// Under CI=true a missing tool fails its tier instead of skipping it.
import { ensureNpmPackages, ensureTools, fail, mustRun, run, step } from './lib/setup.mjs';

ensureNpmPackages();
ensureTools({ chromium: true });
step('build');
mustRun('npm', ['run', '--silent', 'build'], 'the build failed (see above); no tests were run.');

const tiers = [
  ['lint', 'lint'],
  ['unit', 'test:unit'],
  ['numpy cross-checks', 'test:numpy'],
  ['faults', 'test:faults'],
  ['extension host (code-server)', 'test:vscode'],
  ['UI (code-server + Chromium)', 'test:ui'],
];
const results = [];
for (const [name, script] of tiers) {
  step(`${name}: npm run ${script}`);
  const t0 = Date.now();
  const status = run('npm', ['run', '--silent', script]);
  results.push({ name, ok: status === 0, seconds: Math.round((Date.now() - t0) / 1000) });
}

step('summary');
for (const r of results) console.log(`  ${r.ok ? 'passed' : 'FAILED'}  ${r.name} (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok).map((r) => r.name);
if (failed.length > 0) fail(`${failed.length} of ${results.length} tiers failed: ${failed.join(', ')}.`);
console.log(`\nall ${results.length} tiers passed`);
