// Size budgets asserted by test/unit/bundleBudget.test.ts and test/unit/budgets.test.ts, and quoted in
// BENCHMARKS.md. Headroom: about 2–3× the production sizes measured when they were last set (extension.js
// 119 KiB, webview.js 5.5 KiB, npzWebview.js 4.5 KiB, cli.js 77 KiB, VSIX 57 KiB of code + 186 KiB for the README's three screenshots), so they catch a dependency
// bundled by mistake, not ordinary growth. A new entry point needs a budget here (the test says so).
const KiB = 1024;

/** Production bundles (dist/*.js as `vsce package` builds them), bytes. */
export const BUNDLE_BUDGETS: Readonly<Record<string, number>> = {
  // The extension: an entry that only registers (activation loads it alone), and one bundle per command/preview
  // required on first use (scripts/bundle.mjs); measured 2.5 KiB and 1–68 KiB.
  'extension.js': 16 * KiB,
  'extension-createFlow.js': 192 * KiB,
  'extension-resizeFlow.js': 160 * KiB,
  'extension-openPreview.js': 16 * KiB,
  'extension-dtypeMru.js': 16 * KiB,
  'extension-previewSession.js': 192 * KiB,
  'extension-npzSession.js': 224 * KiB,
  // The data view's reader thread (a worker_threads script: plane planning, decoding, synchronous preads).
  'extension-planeWorker.js': 64 * KiB,
  // The preview's webview holds the data view since issue 11: its code and four 256-entry colormaps (6 KiB of hex); measured 27 KiB.
  'webview.js': 48 * KiB,
  // The .npz webview draws a selected stored member's picture with the same data view code; measured 30 KiB.
  'npzWebview.js': 48 * KiB,
  // The CLI: a small entry that loads each command's bundle only when that command runs (scripts/bundle.mjs).
  'cli.js': 32 * KiB,
  'cli-create.js': 128 * KiB,
  'cli-inspect.js': 128 * KiB,
  'cli-inspectNpz.js': 192 * KiB,
  'cli-resize.js': 128 * KiB,
};

// The VSIX without the README's screenshots (code, manifest, CSS, icon, texts; ~150 KiB zipped when set): the
// screenshots are budgeted as they are (PNG does not zip smaller), so a new picture needs no new number here and
// a dependency bundled by mistake still shows.
export const VSIX_CODE_BUDGET = 320 * KiB;

/** The VSIX's budget: VSIX_CODE_BUDGET plus the bytes of the screenshots it ships. */
export function vsixBudget(screenshotBytes: number): number {
  return VSIX_CODE_BUDGET + screenshotBytes;
}

/** inspect may read the header and at most this much more (one page). */
export const INSPECT_READ_SLACK = 4096;

/** Allocated bytes (stat blocks × 512) after a sparse create on ext4: the header's one block. */
export const SPARSE_ALLOCATED_BUDGET = 4096;
