// BENCHMARKS.md's "Targets (issue 13)" table is derived from the results, never typed in: which rows each ratio
// divides, when a target counts as met (the number as shown), and that a group left out of a run says so.
import * as assert from 'node:assert/strict';
import type { Measured } from '../../bench/lib/model';
import { renderMarkdown, Results } from '../../bench/lib/report';
import { summarize } from '../../bench/lib/stats';
import { targetRows, VIEW_TARGETS } from '../../bench/lib/targets';
import { repoRoot } from '../helpers/paths';

const row = (id: string, ...samples: number[]): Measured => ({ id, label: id, kind: 'process', samples, summary: summarize(samples) });

const machine: Results['machine'] = {
  cpu: 'cpu', cores: 2, ramBytes: 1 << 30, virtualization: null, os: 'os', kernel: 'kernel', fileSystem: 'ext4', node: 'v20',
  python: 'Python 3', numpy: '2', coreutils: 'c', utilLinux: 'u', strace: 's', codeServer: null, chromium: null,
};
const config: Results['config'] = { dir: '/tmp/x', runs: 1, inspectRuns: 1, procRuns: 1, warmup: 0, fullRuns: 1, fullSizesGiB: [1], editorSessions: 1, editorOpens: 1 };
const inspectFile = (id: string, rows: Measured[]): NonNullable<Results['inspect']>[number] =>
  ({ id, label: id, dtype: '<f8', shape: [1n], fileBytes: 1, dataOffset: 128, allocatedBytes: 4096, rows });

/** Results holding only the rows the targets (and the headline sentences) read, with the medians given. */
function results(m: { cliCrowded: number; cliEmpty: number; ours: number; header: number; node: number; version: number; inspect: number;
  activation: number; big: number; bare: number; bareEditor: number; bareInline: number }): Results {
  const others = [row('cli', 1), row('numpy-proc', 1)];
  return {
    generatedAt: 'now', commit: 'abc', machine, config, failures: [],
    crowded: { files: 300_000, makeMs: 1, removeMs: 1, label: 'x', fileBytes: 1,
      rows: [row('ours-empty', 1), row('ours-crowded', 1), row('cli-empty', m.cliEmpty), row('cli-crowded', m.cliCrowded)] },
    inspect: [inspectFile('1KiB', [row('ours', 1), row('numpy-header', 1), ...others]),
      inspectFile('8TiB', [row('ours', m.ours), row('numpy-header', m.header), ...others])],
    baselines: [row('node', m.node), row('cli-version', m.version), row('cli-inspect', m.inspect)],
    editor: { sessions: [], rows: [row('activation', m.activation), row('open-big', m.big), row('open-small', 1), row('bare-webview', m.bare), row('bare-editor', m.bareEditor),
      row('bare-editor-inline', m.bareInline)],
      big: { label: 'big', fileBytes: 1, allocatedBytes: 1, bytesRead: 1, dataOffset: 1 }, small: { label: 'small', fileBytes: 1, bytesRead: 1 } },
  };
}

const base = { cliCrowded: 80, cliEmpty: 80, ours: 30, header: 30, node: 60, version: 60, inspect: 60, activation: 10, big: 200, bare: 200, bareEditor: 210, bareInline: 205 };

describe('bench: Targets (issue 13) table', () => {
  it('divides the row by its own baseline, for each of the six targets and the two custom-editor context rows', () => {
    const t = targetRows(results({ ...base, cliCrowded: 84, ours: 27, inspect: 69, version: 66, activation: 16.5, big: 230, bareInline: 221 }));
    assert.deepEqual(t.map((x) => x.value), [84 / 80, 27 / 30, 69 / 60, 66 / 60, 16.5, 230 / 200, 221 / 200, 230 / 221]);
    assert.deepEqual(t.map((x) => x.met), ['yes', 'yes', 'no', 'no', 'no', 'no', 'no', 'yes']);
    assert.deepEqual(t.map((x) => x.target), ['≤ 1.05×', '≤ 1.00×', '≤ 1.10×', '≤ 1.05×', '≤ 15 ms', '≤ 1.10×', '≤ 1.10×', '≤ 1.10×']);
    assert.match(t[0]!.measured, /^1\.050× \(84\.0 ms ÷ 80\.0 ms, medians of 1 run each\)$/);
    assert.match(t[4]!.measured, /^16\.50 ms \(median of 1 run\)$/);
  });

  it('counts a target as met by the number shown: 1.0504× shows as 1.050× and meets ≤ 1.05×; 1.0506× does not', () => {
    assert.equal(targetRows(results({ ...base, cliCrowded: 1.0504, cliEmpty: 1 }))[0]!.met, 'yes');
    const over = targetRows(results({ ...base, cliCrowded: 1.0506, cliEmpty: 1 }))[0]!;
    assert.equal(over.met, 'no');
    assert.match(over.measured, /^1\.051×/);
  });

  it('says "not measured" for every target whose group was left out of the run', () => {
    const none = { ...results(base), crowded: undefined, inspect: undefined, baselines: undefined, editor: undefined };
    const t = targetRows(none);
    assert.equal(t.length, 8);
    for (const x of t) {
      assert.equal(x.met, 'not measured');
      assert.equal(x.value, null);
    }
  });

  it('puts the table in BENCHMARKS.md, a missed target in bold', () => {
    const md = renderMarkdown(results({ ...base, activation: 20 }), repoRoot);
    const section = md.split('## Targets (issue 13)')[1]?.split('\n## ')[0];
    assert.ok(section, 'no "Targets (issue 13)" section');
    assert.match(section, /\| extension activation [^\n]*\| \*\*20\.00 ms \(median of 1 run\)\*\* \| ≤ 15 ms \| no \|/);
    assert.match(section, /\| CLI `--version` process ÷ bare `node -e 0` \| 1\.000× [^|]*\| ≤ 1\.05× \| yes \|/);
  });
});

describe('bench: Targets (issue 11) table', () => {
  const viewGroup = (first: number, whole: number): NonNullable<Results['view']> => ({
    width: 512, height: 512, files: [{ id: '1TiB', label: 'big', rows: 512, cols: 512, stride: 725, shown: 262144 }],
    rows: [row('1TiB-new-first', first), row('1TiB-new-whole', whole), row('1TiB-again-whole', 1), row('1KiB-whole', 1), row('1TiB-async-whole', 1)],
  });

  it('takes the 1 TiB fit view\'s first rows and whole view from the view group, in ms, met when at most 300 ms and 2 s', () => {
    const t = targetRows({ ...results(base), view: viewGroup(120, 2100) }, VIEW_TARGETS);
    assert.deepEqual(t.map((x) => x.value), [120, 2100]);
    assert.deepEqual(t.map((x) => x.target), ['≤ 300 ms', '≤ 2000 ms']);
    assert.deepEqual(t.map((x) => x.met), ['yes', 'no']);
    assert.deepEqual(targetRows({ ...results(base), view: viewGroup(301, 2000) }, VIEW_TARGETS).map((x) => x.met), ['no', 'yes']);
  });

  it('says "not measured" without the view group, and puts its own table in BENCHMARKS.md', () => {
    assert.deepEqual(targetRows(results(base), VIEW_TARGETS).map((x) => x.met), ['not measured', 'not measured']);
    const md = renderMarkdown({ ...results(base), view: viewGroup(120, 2100) }, repoRoot);
    const section = md.split('## Targets (issue 11)')[1]?.split('\n## ')[0];
    assert.ok(section, 'no "Targets (issue 11)" section');
    assert.match(section, /first rows delivered \| 120\.00 ms \(median of 1 run\) \| ≤ 300 ms \| yes \|/);
    assert.match(section, /whole view read \| \*\*2100\.00 ms \(median of 1 run\)\*\* \| ≤ 2000 ms \| no \|/);
    assert.match(md, /## Data view \(issue 11\)/);
  });
});

describe('bench: the load sentence in BENCHMARKS.md', () => {
  // "Busy" only when the load was high before the run began: its own last groups always raise the load at the end.
  const md = (start: number, end: number): string => renderMarkdown({ ...results(base), load: { start, end } }, repoRoot);

  it('says busy when the load was high at the start', () => {
    assert.match(md(1.5, 3.9), /\*\*Busy machine:\*\* the 1-minute load average was 1\.5 at the start and 3\.9 at the end/);
  });

  it('does not blame other work for the load the run itself makes at its end', () => {
    const text = md(0.3, 4.0);
    assert.doesNotMatch(text, /Busy machine|other work was running/);
    assert.match(text, /Load: the 1-minute load average was 0\.3 when this run started on 2 cores \(nothing else running\) and 4\.0 at its end/);
  });
});
