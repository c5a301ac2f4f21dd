// Size budgets asserted by test/unit/bundle-budget.test.ts and test/unit/budgets.test.ts, and quoted in
// BENCHMARKS.md. Headroom: about 2–5× the sizes measured when they were set (production build: extension.js
// 64 KiB, webview.js 2.9 KiB, cli.js 43 KiB, VSIX 36 KiB), so they catch a dependency bundled by mistake,
// not ordinary growth.
const KiB = 1024;

/** Production bundles (dist/*.js as `vsce package` builds them), bytes. */
export const BUNDLE_BUDGETS: Readonly<Record<string, number>> = {
  'extension.js': 160 * KiB,
  'webview.js': 16 * KiB,
  'cli.js': 128 * KiB,
};

export const VSIX_BUDGET = 128 * KiB;

/** inspect may read the header and at most this much more (one page). */
export const INSPECT_READ_SLACK = 4096;

/** Allocated bytes (stat blocks × 512) after a sparse create on ext4: the header's one block. */
export const SPARSE_ALLOCATED_BUDGET = 4096;
