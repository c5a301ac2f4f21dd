// Issue 13's speed targets, each derived from rows of one run: a ratio of two medians measured side by side
// (interleaved), or for activation a median in ms. Shown in BENCHMARKS.md ("Targets (issue 13)") and after a run.
// Issue 11's (VIEW_TARGETS, "Targets (issue 11)"): the 1 TiB fit view's first rows and whole view, medians in ms.
import { ms } from './format';
import type { Measured } from './model';
import type { Results } from './report';

export interface TargetRow {
  what: string;
  /** e.g. "1.021× (77.3 ms ÷ 75.7 ms, medians of 20 runs each)", or "not measured in this run". */
  measured: string;
  /** e.g. "≤ 1.05×". */
  target: string;
  met: 'yes' | 'no' | 'not measured';
  /** The ratio (or ms for activation), unrounded; null when not measured. */
  value: number | null;
}

interface Target {
  what: string;
  limit: number;
  unit: '×' | 'ms';
  /** The measured row, and for ratios the baseline it is divided by (same run, interleaved). */
  rows(r: Results): { row?: Measured; base?: Measured };
}

const byId = (rows: readonly Measured[] | undefined, id: string): Measured | undefined => rows?.find((x) => x.id === id);

export const TARGETS: readonly Target[] = [
  { what: '`zeroed-npy create` (CLI, 64 GiB sparse) in a folder of 300,000 files ÷ in an empty folder', limit: 1.05, unit: '×',
    rows: (r) => ({ row: byId(r.crowded?.rows, 'cli-crowded'), base: byId(r.crowded?.rows, 'cli-empty') }) },
  { what: "in-process `inspectNpy` of an 8 TiB file ÷ numpy's header-only reader (`read_magic` + `_read_array_header`) in-process",
    limit: 1.0, unit: '×', rows: (r) => {
      const big = r.inspect?.find((f) => f.id === '8TiB');
      return { row: byId(big?.rows, 'ours'), base: byId(big?.rows, 'numpy-header') };
    } },
  { what: 'CLI `inspect --json` process (8 TiB file) ÷ bare `node -e 0`', limit: 1.10, unit: '×',
    rows: (r) => ({ row: byId(r.baselines, 'cli-inspect'), base: byId(r.baselines, 'node') }) },
  { what: 'CLI `--version` process ÷ bare `node -e 0`', limit: 1.05, unit: '×',
    rows: (r) => ({ row: byId(r.baselines, 'cli-version'), base: byId(r.baselines, 'node') }) },
  { what: 'extension activation (`extension.activate()`, cold, in code-server)', limit: 15, unit: 'ms',
    rows: (r) => ({ row: byId(r.editor?.rows, 'activation') }) },
  { what: "1 TiB preview rendered ÷ a bare webview panel's first message", limit: 1.10, unit: '×',
    rows: (r) => ({ row: byId(r.editor?.rows, 'open-big'), base: byId(r.editor?.rows, 'bare-webview') }) },
  // Not the wording: the floor of any custom editor (the bare panel's own page through VS Code's custom-editor
  // route: openWith, the editor resolver, a custom document) against the bare panel, and ours against that floor.
  { what: "(context) the floor of the route: the bare panel's page opened as a custom editor (`vscode.openWith`) ÷ the bare panel", limit: 1.10, unit: '×',
    rows: (r) => ({ row: byId(r.editor?.rows, 'bare-editor-inline'), base: byId(r.editor?.rows, 'bare-webview') }) },
  { what: '(context) 1 TiB preview rendered ÷ that floor (both pages inline, both through `vscode.openWith`)', limit: 1.10, unit: '×',
    rows: (r) => ({ row: byId(r.editor?.rows, 'open-big'), base: byId(r.editor?.rows, 'bare-editor-inline') }) },
];

export const VIEW_TARGETS: readonly Target[] = [
  { what: '1 TiB sparse `<f8` fit view at 512 × 512 (262,144 elements), first view of a new file: first rows delivered', limit: 300, unit: 'ms',
    rows: (r) => ({ row: byId(r.view?.rows, '1TiB-new-first') }) },
  { what: '1 TiB sparse `<f8` fit view at 512 × 512 (262,144 elements), first view of a new file: whole view read', limit: 2000, unit: 'ms',
    rows: (r) => ({ row: byId(r.view?.rows, '1TiB-new-whole') }) },
];

export function targetRows(r: Results, targets: readonly Target[] = TARGETS): TargetRow[] {
  return targets.map((t) => {
    const target = t.unit === 'ms' ? `≤ ${t.limit} ms` : `≤ ${t.limit.toFixed(2)}×`;
    const { row, base } = t.rows(r);
    const missing = { what: t.what, target, measured: 'not measured in this run', met: 'not measured' as const, value: null };
    if (!row || (t.unit === '×' && (!base || base.summary.median <= 0))) return missing;
    const runs = (k: number): string => `${k} run${k === 1 ? '' : 's'}`;
    const n = base && base.summary.n !== row.summary.n ? `${row.summary.n} and ${runs(base.summary.n)}` : `${runs(row.summary.n)}${base ? ' each' : ''}`;
    const value = t.unit === 'ms' ? row.summary.median : row.summary.median / base!.summary.median;
    // "met" compares the number as shown (1.050× meets ≤ 1.05×), so the two never disagree.
    const digits = t.unit === 'ms' || value >= 10 ? 2 : 3;
    const shown = `${value.toFixed(digits)}${t.unit === 'ms' ? ' ms' : '×'}`;
    const met = Number(value.toFixed(digits)) <= t.limit ? 'yes' : 'no';
    const measured = t.unit === 'ms' ? `${shown} (median of ${n})` : `${shown} (${ms(row.summary.median)} ÷ ${ms(base!.summary.median)}, medians of ${n})`;
    return { what: t.what, measured, target, met, value };
  });
}
