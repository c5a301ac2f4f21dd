// `npm run bench`: measures every group, then writes BENCHMARKS.md and bench/results.json.
//   node out/bench/run.js                 full run; writes BENCHMARKS.md and bench/results.json
//   node out/bench/run.js --quick         few repeats (checking the harness); writes out/bench-results/ instead
//   node out/bench/run.js --only create,inspect   some groups only; writes out/bench-results/ instead
//   node out/bench/run.js --render bench/results.json   rewrites BENCHMARKS.md from stored results, no measuring
// Groups: baselines, create, crowded, full, inspect, view, editor. BENCH_DIR=<folder> makes the files there (default: the OS
// temp folder); the file system matters, so it is reported. A group that cannot run (tools missing) is named in
// BENCHMARKS.md and the run exits 1.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cliPath, ensureCliBundle } from '../test/helpers/cli';
import { repoRoot } from '../test/helpers/paths';
import { benchEditor } from './editor/drive';
import { benchBaselines } from './groups/baselines';
import { benchCreate } from './groups/create';
import { benchCrowdedFolder } from './groups/crowdedFolder';
import { benchFull } from './groups/full';
import { benchInspect } from './groups/inspect';
import { benchView } from './groups/view';
import { describeMachine } from './lib/machine';
import type { BenchConfig } from './lib/model';
import { numpyVersion } from './lib/numpy';
import { packageInCopy } from './lib/packageCopy';
import { headlines, renderMarkdown, Results } from './lib/report';
import { targetRows, VIEW_TARGETS } from './lib/targets';
import { straceAvailable } from './lib/strace';

const GROUPS = ['baselines', 'create', 'crowded', 'full', 'inspect', 'view', 'editor'] as const;
type Group = (typeof GROUPS)[number];

function log(s: string): void {
  process.stderr.write(`bench: [${(process.uptime()).toFixed(1)} s] ${s}\n`);
}

function gitCommit(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
  if (head.status !== 0) return 'unknown';
  // Only the files that make the measured code count: a dirty bench/ or docs do not change the numbers.
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src', 'scripts', 'package.json'], { cwd: repoRoot, encoding: 'utf8' });
  return `${head.stdout.trim()}${dirty.stdout.trim() ? ' + uncommitted changes in src/' : ''}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, render: { type: 'string' } } });
  if (values.render) {
    const json = resolve(values.render);
    const stored = JSON.parse(readFileSync(json, 'utf8')) as Results;
    const md = json === join(repoRoot, 'bench', 'results.json') ? join(repoRoot, 'BENCHMARKS.md') : join(dirname(json), 'BENCHMARKS.md');
    writeFileSync(md, renderMarkdown(stored, repoRoot));
    log(`wrote ${md} from ${json}`);
    return 0;
  }
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...GROUPS];
  for (const g of only) if (!(GROUPS as readonly string[]).includes(g)) throw new Error(`unknown group ${g}; groups: ${GROUPS.join(', ')}`);
  const partial = values.quick === true || only.length < GROUPS.length;
  const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'zeroed-npy-bench-'));
  const cfg: BenchConfig = values.quick
    ? { dir, runs: 5, inspectRuns: 50, procRuns: 3, warmup: 1, fullRuns: 1, fullSizesGiB: [1], editorSessions: 1, editorOpens: 2 }
    : { dir, runs: 30, inspectRuns: 300, procRuns: 20, warmup: 2, fullRuns: 3, fullSizesGiB: [1, 2], editorSessions: 5, editorOpens: 10 };

  // Tools every group needs: fail now, with the fix, rather than after minutes of measuring.
  const numpy = (() => { try { return numpyVersion(); } catch (e) { return (e as Error).message; } })();
  if (!/^\d+\.\d+/.test(numpy)) throw new Error(`python3 with numpy is needed for the baselines (${numpy}); run 'npm run setup'`);
  if (!straceAvailable()) throw new Error("strace is needed to count bytes read by processes; install it (apt-get install -y strace)");
  ensureCliBundle();
  log(`files in ${dir}; CLI ${cliPath}`);

  const results: Results = {
    generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: gitCommit(),
    machine: describeMachine(dir),
    config: cfg,
    failures: [],
  };
  const load0 = loadavg()[0]!;
  const attempt = async (group: string, fn: () => Promise<void>): Promise<void> => {
    try {
      await fn();
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      log(`${group} FAILED: ${error}`);
      results.failures.push({ group, error });
    }
  };
  const want = (g: Group): boolean => only.includes(g);
  try {
    let extensionDir: string | undefined;
    await attempt('sizes', async () => {
      log('packaging the extension in a copy (production bundles + VSIX)');
      const p = packageInCopy(repoRoot, join(dir, 'package'));
      extensionDir = p.dir;
      results.sizes = { vsixBytes: p.vsixBytes, bundles: p.bundles, packageMs: p.packageMs, vsixEntries: p.vsixEntries, screenshotBytes: p.screenshotBytes };
    });
    // The CLI as users run it after `npm start`: the packaged copy's production bundle (the work tree's if packaging failed).
    const cli = extensionDir ? { path: join(extensionDir, 'dist', 'cli.js'), build: 'production' as const } : { path: cliPath, build: 'development' as const };
    if (want('baselines')) await attempt('baselines', async () => { log(`process start baselines (${cli.path})`); results.baselines = await benchBaselines(cfg, cli); });
    if (want('create')) await attempt('create', async () => { results.create = await benchCreate(cfg, log); });
    if (want('crowded')) await attempt('crowded folder', async () => { results.crowded = await benchCrowdedFolder(cfg, log); });
    if (want('full')) await attempt('full allocation', async () => { results.full = await benchFull(cfg, log); });
    if (want('inspect')) await attempt('inspect', async () => { results.inspect = await benchInspect(cfg, log); });
    if (want('view')) await attempt('view', async () => { results.view = await benchView(cfg, log); });
    if (want('editor')) {
      await attempt('in the editor', async () => {
        if (!extensionDir) throw new Error('the extension could not be packaged (see sizes)');
        results.editor = await benchEditor(cfg, extensionDir, log);
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  results.load = { start: load0, end: loadavg()[0]! };
  const outDir = partial ? join(repoRoot, 'out', 'bench-results') : repoRoot;
  const jsonPath = partial ? join(outDir, 'results.json') : join(repoRoot, 'bench', 'results.json');
  const mdPath = join(outDir, 'BENCHMARKS.md');
  mkdirSync(outDir, { recursive: true });
  // The run's temp folder is $DIR everywhere in the stored results (config, file system, every command line), so
  // `--render` shows the same text as the run did.
  const stored = (_k: string, v: unknown): unknown => (typeof v === 'bigint' ? v.toString() : typeof v === 'string' ? v.split(dir).join('$DIR') : v);
  writeFileSync(jsonPath, `${JSON.stringify(results, stored, 1)}\n`);
  writeFileSync(mdPath, renderMarkdown(results, repoRoot));
  log(`wrote ${mdPath} and ${jsonPath}`);
  for (const h of headlines(results)) console.log(`- ${h}`);
  for (const t of [...targetRows(results), ...targetRows(results, VIEW_TARGETS)]) console.log(`- target: ${t.what}: ${t.measured} (${t.target}): ${t.met}`);
  if (results.failures.length) {
    for (const f of results.failures) console.error(`not measured: ${f.group}: ${f.error}`);
    return 1;
  }
  return 0;
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(`bench: error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
