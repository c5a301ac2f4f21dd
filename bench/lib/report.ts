// BENCHMARKS.md from the results object: one table per group, medians in bold with min–max, ratios against
// baselines from the same run, bytes allocated and read. Everything here is derived; nothing is typed in.
import type { CreateCase } from '../groups/create';
import type { CrowdedGroup } from '../groups/crowdedFolder';
import type { EditorGroup } from '../editor/drive';
import type { FullCase } from '../groups/full';
import type { InspectFile } from '../groups/inspect';
import type { ViewGroup } from '../groups/view';
import { BUNDLE_BUDGETS, INSPECT_READ_SLACK, SPARSE_ALLOCATED_BUDGET, VSIX_CODE_BUDGET, vsixBudget } from './budgets';
import { bytes, gibPerS, median, ms, range, ratio } from './format';
import type { Machine } from './machine';
import type { BenchConfig, Measured } from './model';
import type { PackagedExtension } from './packageCopy';
import { ratio as ratioOf } from './stats';
import { targetRows, VIEW_TARGETS } from './targets';

export interface Results {
  generatedAt: string;
  commit: string;
  machine: Machine;
  config: BenchConfig;
  baselines?: Measured[];
  create?: CreateCase[];
  crowded?: CrowdedGroup;
  full?: FullCase[];
  inspect?: InspectFile[];
  /** The data view's fit views (issue 11); absent in older results. */
  view?: ViewGroup;
  editor?: EditorGroup;
  sizes?: Omit<PackagedExtension, 'dir' | 'vsix'>;
  /** 1-minute load average when the run started and ended: other work on the machine skews every row alike. */
  load?: { start: number; end: number };
  /** Groups that could not be measured, with the reason. */
  failures: Array<{ group: string; error: string }>;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const byId = (rows: readonly Measured[] | undefined, id: string): Measured | undefined => rows?.find((r) => r.id === id);

function cmdCell(m: Measured, cfg: BenchConfig, repoRoot: string): string {
  if (!m.command) return m.label;
  const shown = m.command.split(cfg.dir).join('$DIR').split(repoRoot + '/').join('').split(process.execPath).join('node');
  return `${m.label}<br><sub>\`${shown.replace(/\|/g, '\\|').replace(/`/g, "'")}\`</sub>`;
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Headline sentences, each computed from the tables below. */
export function headlines(r: Results): string[] {
  const out: string[] = [];
  const c64 = r.create?.find((c) => c.id === '64GiB');
  if (c64) {
    const ours = byId(c64.rows, 'ours');
    const np = byId(c64.rows, 'numpy');
    const cli = byId(c64.rows, 'cli');
    const npp = byId(c64.rows, 'numpy-proc');
    out.push(`Creating the 64 GiB \`<f8\` array: ours ${ms(ours!.summary.median)} in-process vs numpy's open_memmap ` +
      `${ms(np!.summary.median)} (${ratio(ratioOf(ours!.summary, np!.summary))}; ours fsyncs and links a temp file into place, ` +
      `numpy does neither — a bare header + ftruncate + fsync takes ${ms(byId(c64.rows, 'floor-fsync')!.summary.median)}); as a command ${ms(cli!.summary.median)} vs ` +
      `\`python3 -c\` ${ms(npp!.summary.median)} (${ratio(ratioOf(cli!.summary, npp!.summary))}). ` +
      `Allocated: ours ${bytes(ours!.allocatedBytes)}, numpy ${bytes(np!.allocatedBytes)}.`);
  }
  if (r.crowded) {
    const c = r.crowded.rows;
    const x = (a: string, b: string): string => ratio(ratioOf(byId(c, a)?.summary, byId(c, b)?.summary));
    out.push(`Creating 64 GiB in a folder of ${r.crowded.files.toLocaleString('en-US')} files vs an empty one: ` +
      `CLI ${ms(byId(c, 'cli-crowded')!.summary.median)} vs ${ms(byId(c, 'cli-empty')!.summary.median)} (${x('cli-crowded', 'cli-empty')}), ` +
      `in-process ${ms(byId(c, 'ours-crowded')!.summary.median)} vs ${ms(byId(c, 'ours-empty')!.summary.median)} (${x('ours-crowded', 'ours-empty')}).`);
  }
  const node = byId(r.baselines, 'node');
  const cliVersion = byId(r.baselines, 'cli-version');
  const cliInspect = byId(r.baselines, 'cli-inspect');
  if (node && cliVersion && cliInspect) {
    out.push(`The CLI over Node's own start (\`node -e 0\` ${ms(node.summary.median)}, same round-robin): \`--version\` ` +
      `${ms(cliVersion.summary.median)} (${ratio(ratioOf(cliVersion.summary, node.summary))}), \`inspect --json\` of 8 TiB ` +
      `${ms(cliInspect.summary.median)} (${ratio(ratioOf(cliInspect.summary, node.summary))}).`);
  }
  if (r.full?.length) {
    const f = r.full[r.full.length - 1]!;
    const ofa = byId(f.rows, 'ours-fallocate');
    const fa = byId(f.rows, 'fallocate');
    const och = byId(f.rows, 'ours-chunked');
    const dd = byId(f.rows, 'dd');
    out.push(`Full allocation of ${f.gib} GiB: ours (fallocate path) ${ms(ofa!.summary.median)} vs \`fallocate -l\` ` +
      `${ms(fa!.summary.median)}; ours (chunked path) ${gibPerS(och!.bytes!, och!.summary.median)} vs \`dd\` ${gibPerS(dd!.bytes!, dd!.summary.median)}.`);
  }
  if (r.inspect?.length === 2) {
    const [small, big] = r.inspect;
    const o = (f: InspectFile, id: string): Measured => byId(f.rows, id)!;
    const header = byId(big!.rows, 'numpy-header');
    out.push(`Inspecting 8 TiB vs 1 KiB: ${ratio(ratioOf(o(big!, 'ours').summary, o(small!, 'ours').summary))} in-process ` +
      `(${ms(o(big!, 'ours').summary.median)}${header ? `; numpy's header-only reader ${ms(header.summary.median)}, ours ÷ numpy ` +
        `${ratio(ratioOf(o(big!, 'ours').summary, header.summary))}` : ''}), ${ratio(ratioOf(o(big!, 'cli').summary, o(small!, 'cli').summary))} as the CLI; ` +
      `ours reads ${o(big!, 'ours').bytesRead} bytes of the 8 TiB file, np.load(mmap_mode='r') ${o(big!, 'numpy-proc').bytesRead}; ` +
      `CLI ${ms(o(big!, 'cli').summary.median)} vs \`python3 -c\` np.load ${ms(o(big!, 'numpy-proc').summary.median)} ` +
      `(${ratio(ratioOf(o(big!, 'cli').summary, o(big!, 'numpy-proc').summary))}).`);
  }
  if (r.view) {
    const v = r.view.rows;
    const m = (id: string): string => ms(byId(v, id)!.summary.median);
    const big = r.view.files.find((f) => f.id === '1TiB');
    out.push(`Data view, 1 TiB sparse fit view at ${r.view.width} × ${r.view.height} (${big?.shown.toLocaleString('en-US')} elements read one by one, ` +
      `${bytes(byId(v, '1TiB-new-whole')?.bytesRead)}): first rows ${m('1TiB-new-first')}, whole ${m('1TiB-new-whole')} on a new file; ` +
      `${m('1TiB-again-whole')} again; a 1 KiB array's view ${m('1KiB-whole')}; the async path it replaced ${m('1TiB-async-whole')}.`);
  }
  if (r.editor) {
    const e = r.editor.rows;
    out.push(`In VS Code (code-server): activation ${ms(byId(e, 'activation')!.summary.median)}; a 1 TiB preview renders ` +
      `${ms(byId(e, 'open-big')!.summary.median)} after \`openWith\`, ${ratio(ratioOf(byId(e, 'open-big')!.summary, byId(e, 'bare-webview')!.summary))} ` +
      `a bare webview panel's first message (${ms(byId(e, 'bare-webview')!.summary.median)}); 1 KiB: ${ms(byId(e, 'open-small')!.summary.median)}, ` +
      `1 TiB ÷ 1 KiB ${ratio(ratioOf(byId(e, 'open-big')!.summary, byId(e, 'open-small')!.summary))}.`);
  }
  if (r.sizes) {
    const chunks = Object.entries(r.sizes.bundles).filter(([f]) => f.startsWith('extension-'));
    out.push(`Shipped sizes: VSIX ${bytes(r.sizes.vsixBytes)}, dist/extension.js ${bytes(r.sizes.bundles['extension.js'])}` +
      (chunks.length ? ` (the entry activation loads; ${plural(chunks.length, 'bundle')} loaded on first use: ` +
        `${bytes(chunks.reduce((n, [, b]) => n + b, 0))} in all)` : '') + `, dist/webview.js ${bytes(r.sizes.bundles['webview.js'])}.`);
  }
  return out;
}

export function renderMarkdown(r: Results, repoRoot: string): string {
  const { config: cfg, machine: m } = r;
  const L: string[] = [];
  L.push('# Benchmarks', '');
  L.push(`Generated by \`npm run bench\` (bench/run.ts) on ${r.generatedAt} at commit \`${r.commit}\`. ` +
    'Raw samples and every number below: [bench/results.json](bench/results.json). To reproduce: the README\'s set-up ' +
    '(`npm ci`, `npm run setup`), then `npm run bench` (a few minutes; about 18 GiB are written and deleted again by the ' +
    'full-allocation group, and 300,000 empty files made and removed by the crowded-folder group).', '');
  if (r.failures.length) {
    L.push('**Not measured in this run:**', '');
    for (const f of r.failures) L.push(`- ${f.group}: ${f.error.split('\n')[0]}`);
    L.push('');
  }
  // The load at the end is mostly the run's own (its last group drives code-server and Chromium), so only the load
  // at the start says whether other work was running.
  if (r.load && r.load.start > m.cores / 2) {
    L.push(`> **Busy machine:** the 1-minute load average was ${r.load.start.toFixed(1)} at the start and ${r.load.end.toFixed(1)} at ` +
      `the end of this run on ${m.cores} cores (other work was running). Absolute times are inflated and the min – max spreads ` +
      'wide; ratios between interleaved rows hold up better than absolute numbers.', '');
  } else if (r.load) {
    L.push(`Load: the 1-minute load average was ${r.load.start.toFixed(1)} when this run started on ${m.cores} cores (nothing else ` +
      `running) and ${r.load.end.toFixed(1)} at its end, from the run's own last groups (the editor group runs code-server and Chromium).`, '');
  }
  L.push('## Headline', '');
  for (const h of headlines(r)) L.push(`- ${h}`);
  L.push('');

  L.push('## Targets (issue 13)', '');
  L.push('Each ratio divides two medians measured side by side in this run (interleaved, see Method); activation is a median. ' +
    '"met" compares the number as shown with the target.', '');
  L.push(table(['what', 'measured', 'target', 'met'], targetRows(r).map((t) => [t.what, t.met === 'no' ? `**${t.measured}**` : t.measured, t.target, t.met])));
  L.push('');
  L.push('## Targets (issue 11)', '');
  L.push('Medians of the data view group (see "Data view" below), on this machine.', '');
  L.push(table(['what', 'measured', 'target', 'met'], targetRows(r, VIEW_TARGETS).map((t) => [t.what, t.met === 'no' ? `**${t.measured}**` : t.measured, t.target, t.met])));
  L.push('');

  L.push('## Machine', '');
  L.push(table(['', ''], [
    ['CPU', `${m.cpu}, ${m.cores} cores${m.virtualization ? ` (virtual machine: ${m.virtualization})` : ''}`],
    ['RAM', bytes(m.ramBytes)],
    ['OS / kernel', `${m.os}; ${m.kernel}`],
    ['File system', m.fileSystem.split(cfg.dir).join('$DIR')],
    ['Node', m.node],
    ['Python / numpy', `${m.python} / numpy ${m.numpy}`],
    ['coreutils / util-linux', `${m.coreutils} / ${m.utilLinux}`],
    ['strace', m.strace],
    ...(r.load ? [['Load average (1 min)', `${r.load.start.toFixed(2)} at the start, ${r.load.end.toFixed(2)} at the end of the run`]] : []),
    ['Editor', m.codeServer ? `code-server ${m.codeServer}; ${m.chromium ?? 'no Chromium'} (headless)` : 'not installed'],
  ]));
  L.push('');

  L.push('## Method', '');
  L.push(`- In-process rows: ${plural(cfg.runs, 'timed run')} after ${plural(cfg.warmup, 'warm-up run')} in one process (Node: \`process.hrtime\`; ` +
    'numpy: `time.perf_counter` inside one python3 process, bench/numpy_inprocess.py).' +
    (cfg.inspectRuns ? ` In-process inspect rows take microseconds, so ${plural(cfg.inspectRuns, 'timed run')}, in 5 blocks: ours, then numpy's ` +
      'header reader, then np.load, block after block.' : ''));
  L.push(`- Process rows: ${plural(cfg.procRuns, 'run')} after 1 warm-up, wall time of the whole child process (\`spawnSync\` + ` +
    '`process.hrtime`); interpreter start is included, see the baselines.');
  L.push('- Interleaving: rows that run in the same process are timed round-robin (ours, floor, floor + fsync; ours and ' +
    'the tool in each full-allocation pair; a create in the crowded and in the empty folder; the process rows, the CLI\'s ' +
    'with `node -e 0`), so load from elsewhere on the machine falls on them alike.');
  L.push('- **Median** in bold, then min – max. Ratios divide medians measured in this same run (below 1× = faster than the baseline). ' +
    'Anything untimed (removing the previous file, writing the header for the `truncate` floor) happens before the clock starts.');
  L.push('- Allocated = `stat` blocks × 512 of the file after the last run. Bytes read = bytes returned by read syscalls on that file: ' +
    'counted through Node\'s read calls (FileHandle and fs.readSync) for ours in-process, by `strace -f -y -e trace=read,pread64,readv,preadv,preadv2` for every process ' +
    '(numpy in-process rows: the same script, one run, under strace).');
  L.push(`- Files are made in a fresh folder on the file system above and removed afterwards.`, '');

  if (r.baselines) {
    L.push('### Process start (for reading the process rows), and the CLI over it', '');
    const node = byId(r.baselines, 'node');
    L.push(table(['command', 'median', 'min – max', '× `node -e 0`'], r.baselines.map((b) => [b.label, median(b.summary), range(b.summary),
      b.id === 'node' || !b.id.startsWith('cli') ? '' : ratio(ratioOf(b.summary, node?.summary))])));
    L.push('');
  }

  if (r.create) {
    L.push('## Create (sparse)', '');
    L.push('numpy\'s `open_memmap(mode=\'w+\')` writes the header, seeks to the end and writes one byte, so it allocates the header ' +
      'block and the last block; ours writes the header and `ftruncate`s, so only the header block is allocated. Ours also fsyncs ' +
      'and moves a temp file into place (an existing file is never half-replaced); the `floor + fsync` row shows what the fsync costs.', '');
    for (const c of r.create) {
      L.push(`### ${c.label}: ${bytes(c.fileBytes)}, header ${c.headerBytes} B`, '');
      const npIn = byId(c.rows, 'numpy');
      const floorIn = byId(c.rows, 'floor');
      const npProc = byId(c.rows, 'numpy-proc');
      const floorProc = byId(c.rows, 'truncate');
      L.push(table(['', 'how', 'median', 'min – max', 'allocated', '× numpy', '× floor'], c.rows.map((x) => {
        const inproc = x.kind === 'in-process';
        return [cmdCell(x, cfg, repoRoot), x.kind, median(x.summary), range(x.summary), bytes(x.allocatedBytes),
          ratio(ratioOf(x.summary, (inproc ? npIn : npProc)?.summary)), ratio(ratioOf(x.summary, (inproc ? floorIn : floorProc)?.summary))];
      })));
      L.push('', '× numpy: in-process rows against numpy in-process, process rows against `python3 -c`. × floor: against the Node floor ' +
        '(in-process) or `truncate -s` (process).', '');
    }
  }

  if (r.crowded) {
    const c = r.crowded;
    L.push('## Create in a crowded folder', '');
    L.push(`${c.label} (${bytes(c.fileBytes)}, sparse), created in a folder already holding ${c.files.toLocaleString('en-US')} empty ` +
      'files and in an empty folder, timed round-robin (the in-process rows together, then the CLI rows together). A cost that grows ' +
      `with the folder would show here as a ratio above 1×. Making the files took ${(c.makeMs / 1000).toFixed(1)} s and removing them ` +
      `${(c.removeMs / 1000).toFixed(1)} s (once per run, untimed).`, '');
    L.push(table(['', 'how', 'median', 'min – max', 'crowded ÷ empty'], c.rows.map((x) => {
      const empty = x.id.endsWith('-crowded') ? byId(c.rows, x.id.replace(/-crowded$/, '-empty')) : undefined;
      return [cmdCell(x, cfg, repoRoot), x.kind, median(x.summary), range(x.summary), empty ? ratio(ratioOf(x.summary, empty.summary)) : ''];
    })), '');
  }

  if (r.full) {
    L.push('## Full allocation', '');
    L.push(`Every block reserved (\`--allocate full\`). The chunked path and \`dd\` really write the zeros (${plural(cfg.fullRuns, 'run')} each, ` +
      'the disk is shared); the fallocate rows only reserve extents. "speed ×" is throughput relative to the tool the path mirrors ' +
      '(ours fallocate path vs `fallocate -l`, ours chunked path vs `dd`): above 1× is faster.', '');
    const rows: string[][] = [];
    for (const f of r.full) {
      for (const x of f.rows) {
        const base = x.id === 'ours-fallocate' ? byId(f.rows, 'fallocate') : x.id === 'ours-chunked' ? byId(f.rows, 'dd') : undefined;
        const speed = base ? ratioOf(base.summary, x.summary) : null;
        rows.push([`${f.gib} GiB`, cmdCell(x, cfg, repoRoot), x.kind, median(x.summary), range(x.summary), `${x.summary.n}`,
          gibPerS(x.bytes!, x.summary.median), bytes(x.allocatedBytes), base ? ratio(speed) : '']);
      }
    }
    L.push(table(['size', '', 'how', 'median', 'min – max', 'runs', 'throughput (median)', 'allocated', 'speed ×'], rows), '');
  }

  if (r.inspect?.length === 2) {
    const [small, big] = r.inspect;
    L.push('## Inspect', '');
    L.push(`Files: ${small!.label} (${bytes(small!.fileBytes)}, header ${small!.dataOffset} B) and ${big!.label} ` +
      `(${bytes(big!.fileBytes)}, header ${big!.dataOffset} B, allocated ${bytes(big!.allocatedBytes)}). ` +
      '8 TiB ÷ 1 KiB near 1× means the cost does not depend on the file\'s size. × numpy compares the 8 TiB medians: in-process rows ' +
      'against numpy\'s in-process np.load, process rows against `python3 -c`; × header reader: in-process rows against numpy\'s ' +
      'header-only reader (read_magic + read_array_header) in-process, the least numpy does to answer the same question.', '');
    const rows = small!.rows.map((x) => {
      const y = byId(big!.rows, x.id)!;
      const np = byId(big!.rows, x.kind === 'in-process' ? 'numpy-load' : 'numpy-proc');
      const header = x.kind === 'in-process' ? byId(big!.rows, 'numpy-header') : undefined;
      return [cmdCell(x, cfg, repoRoot), x.kind, `${median(x.summary)}<br>${range(x.summary)}`, `${median(y.summary)}<br>${range(y.summary)}`,
        ratio(ratioOf(y.summary, x.summary)), `${x.bytesRead ?? '—'} / ${y.bytesRead ?? '—'}`, `${x.readCalls ?? '—'} / ${y.readCalls ?? '—'}`,
        x.readCountedBy ?? '', ratio(ratioOf(y.summary, np?.summary)), header ? ratio(ratioOf(y.summary, header.summary)) : ''];
    });
    L.push(table(['', 'how', '1 KiB: median<br>min – max', '8 TiB: median<br>min – max', '8 TiB ÷ 1 KiB', 'bytes read<br>1 KiB / 8 TiB',
      'read calls', 'counted by', '× numpy', '× header reader'], rows));
    L.push('', `The test suite asserts bytes read ≤ header + ${INSPECT_READ_SLACK} (in fact exactly the header) — see Budgets below.`, '');
  }

  if (r.view) {
    const v = r.view;
    L.push('## Data view (issue 11)', '');
    L.push(`Fit views drawn at ${v.width} × ${v.height}, read in-process through what the preview's host calls: \`PlaneWorker.read\` ` +
      '(synchronous preads in a worker thread, rows posted as they are read), timed from the call to the first rows delivered and to ' +
      'the whole plane. One run of each row in turn. "New file": a sparse file made (untimed) just before the run, so none of it is ' +
      'cached, read by a new reader thread, as a preview\'s first view of a file a job has just created; "again": the same view ' +
      'once more on the same thread. The last rows are the async `readPlaneFromFile` (libuv\'s pool, 8 reads in flight) the preview ' +
      `used before, for reference. Files: ${v.files.map((f) => `${f.label}, stride ${f.stride}: ` +
        `${f.rows} × ${f.cols}`).join('; ')}. Bytes read and read calls are the reader's own count, which test/unit/planeWorker.test.ts ` +
      'checks against strace.', '');
    // First rows against the 1 KiB view's first rows, whole against whole.
    const small = (id: string): Measured | undefined => byId(v.rows, id.endsWith('-first') ? '1KiB-first' : '1KiB-whole');
    L.push(table(['', 'median', 'min – max', 'samples', 'bytes read', 'read calls', '× 1 KiB view'], v.rows.map((x) => [x.label, median(x.summary),
      range(x.summary), `${x.summary.n}`, bytes(x.bytesRead), `${x.readCalls ?? '—'}`, x.id.startsWith('1KiB') ? '' : ratio(ratioOf(x.summary, small(x.id)?.summary))])));
    L.push('');
  }
  if (r.editor) {
    const e = r.editor;
    L.push('## In the editor', '');
    L.push(`VS Code = code-server ${m.codeServer ?? '?'} with headless Chromium, driven through the real-editor harness ` +
      '(test/vscode/harness). Each session is a fresh server, profile and browser context that loads the packaged extension ' +
      '(production bundles) as the extension under development and bench/editor/host.ts as its test runner, which times, inside ' +
      `the extension host: \`extension.activate()\` once (cold), then \`vscode.openWith(file, 'zeroedNpy.preview')\` until the webview ` +
      `reports its table rendered (the test API's \`onDidRender\` event), all editors closed between opens. ` +
      `${plural(cfg.editorSessions, 'session')} × ${plural(cfg.editorOpens, 'open')} of each file, alternating. Files: ${e.big.label} ` +
      `(${bytes(e.big.fileBytes)}, allocated ${bytes(e.big.allocatedBytes)}; the preview read ${e.big.bytesRead} B, header ${e.big.dataOffset} B) ` +
      `and ${e.small.label}.`, '');
    const big = byId(e.rows, 'open-big');
    const small = byId(e.rows, 'open-small');
    const bare = byId(e.rows, 'bare-webview');
    L.push(table(['', 'median', 'min – max', 'samples', '× bare webview'], e.rows.map((x) => [x.label, median(x.summary), range(x.summary),
      `${x.summary.n}`, x.id.startsWith('open') || x.id.startsWith('bare-') ? ratio(ratioOf(x.summary, bare?.summary))
        : x.id === 'first-open' ? ratio(ratioOf(x.summary, (byId(e.rows, 'first-bare') ?? bare)?.summary)) : ''])));
    if (e.bundles) {
      const list = (xs: string[]): string => (xs.length ? xs.map((x) => `\`${x}\``).join(', ') : 'none reported');
      L.push('', `Our bundles loaded when \`activate()\` returned: ${list(e.bundles.atActivation)}; after the previews: ` +
        `${list(e.bundles.afterPreviews)} (Node's module cache in the extension host, last session).`);
    }
    L.push('', `1 TiB preview ÷ bare webview: **${ratio(ratioOf(big?.summary, bare?.summary))}**; ` +
      `1 TiB ÷ 1 KiB preview time: **${ratio(ratioOf(big?.summary, small?.summary))}**. Activation is timed after the ` +
      'window has settled (no extension activated for 2 s), as when a user opens a file after start-up. The bare-webview row is ' +
      'the floor for any webview in this editor: a panel whose script posts one message; the next row is the same panel loading ' +
      'that script and a stylesheet as files, as our preview loads dist/webview.js and its CSS, so the gap between the two is what ' +
      'fetching files costs any webview here. The bare-editor row is that page again, opened as a custom editor the way ours is ' +
      '(`vscode.openWith` on a file: the editor resolver, a custom document, then the panel), declared by the benchmark in the ' +
      'packaged copy\'s manifest after its VSIX was measured; the gap between it and the panel is what the route costs any ' +
      'custom editor. The bare-editor-inline row opens the bare panel\'s own page (its script inline, nothing fetched) through that ' +
      'route: our preview\'s page is inline too since issue 13, so this row is the floor for it, and its ratio to the panel is what ' +
      'no custom editor can go below here. Both bench editors are registered with our previews\' options. A window\'s first webview costs more ' +
      'than later ones, so every other session opens the bare panel first and the two ' +
      'first-webview rows compare like with like.', '');
  }
  if (r.sizes) {
    L.push('### Sizes (production build, as `vsce package` makes it)', '');
    const rows = Object.entries(r.sizes.bundles).map(([f, n]) => [`dist/${f}`, bytes(n), BUNDLE_BUDGETS[f] ? bytes(BUNDLE_BUDGETS[f]) : '—',
      r.sizes!.vsixEntries?.includes(`extension/dist/${f}`) ? 'in the VSIX' : /^cli(-\w+)?\.js$/.test(f) ? 'CLI (npm `bin` and its command bundles), not in the VSIX' : 'not in the VSIX']);
    const shots = r.sizes.screenshotBytes;
    rows.push(['VSIX', bytes(r.sizes.vsixBytes), shots === undefined ? '—' : bytes(vsixBudget(shots)),
      `zip, \`vsce package --no-dependencies\`; the budget is ${bytes(VSIX_CODE_BUDGET)} plus the README screenshots it ships` +
      (shots === undefined ? '' : ` (${bytes(shots)})`)]);
    L.push(table(['artifact', 'bytes', 'budget', ''], rows), '');
  }

  L.push('## Budgets asserted by the test suite', '');
  L.push('Speed is never asserted; exact quantities are:', '');
  L.push(`- test/unit/budgets.test.ts — bytes read by the CLI \`zeroed-npy inspect\` (counted by strace) ≤ header + ${INSPECT_READ_SLACK}, ` +
    'and equal to the bytesRead it reports, for a 1 KiB and an 8 TiB file; allocated bytes ≤ ' +
    `${SPARSE_ALLOCATED_BUDGET} after sparse creates of 1 TiB in-process and of 64 GiB and 1 TiB through the CLI (ext4; also XFS, btrfs, tmpfs, overlayfs).`);
  L.push(`- test/unit/writer.test.ts — the 64 GiB in-process create allocates ≤ ${SPARSE_ALLOCATED_BUDGET} bytes.`);
  L.push('- test/unit/inspect.test.ts — inspectNpy reads exactly the header of an 8 TiB file (bytesRead === dataOffset, no read past it).');
  L.push(`- test/unit/bundleBudget.test.ts — production dist/*.js and the VSIX under the budgets in the table above (bench/lib/budgets.ts).`);
  L.push('');
  return L.join('\n');
}
