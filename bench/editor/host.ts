// Runs inside the VS Code extension host (loaded as extensionTestsPath by bench/editor/drive.ts): times the
// extension's activation and the opening of .npy previews, then writes the samples to the JSON file named by
// ZEROED_NPY_BENCH_EDITOR. The wait polls every millisecond, so samples are at most ~1 ms late.
import { rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import * as vscode from 'vscode';
import { writeZeroedNpy } from '../../src/core/file/writer';
import { PREVIEW_EDITOR_OPTIONS } from '../../src/extension/previewEditor';
import { closeAllEditors, EXTENSION_ID, firstRender, PreviewState, previewOf, ZeroedNpyApi } from '../../test/vscode/suite/extension';

export interface HostConfig {
  big: string; small: string; opens: number; out: string;
  /** A folder holding bare.js and bare.css, for the floor panel that loads its script and style as files. */
  assets: string;
  /** Open a bare webview first, so the window's first-webview cost is measured on the floor instead of on ours. */
  bareFirst: boolean;
  /** A file the bench-only custom editor opens (drive.ts adds zeroedNpyBench.floor to the copy's manifest). */
  floorFile: string;
  /** A folder to make new 1 TiB sparse planes in, this many per session, for the data view row (absent: none). */
  planes?: { dir: string; count: number };
}

export interface HostResult {
  extensionPath?: string;
  /** True if something had activated the extension before the benchmark asked (then activationMs is not a cold activation). */
  wasActive?: boolean;
  activationMs?: number;
  /** Our bundles loaded when activate() returned (the extension's own answer), and after all the previews. */
  loadedAtActivation?: string[];
  loadedAfterPreviews?: string[];
  /** How long the window took to settle before the activation was timed. */
  settleMs?: number;
  /** The first webview this window creates: our 1 TiB preview, or the bare panel when bareFirst. */
  firstWebview?: { kind: 'preview' | 'bare'; ms: number };
  bigMs: number[];
  smallMs: number[];
  bareMs: number[];
  /** The bare panel again, its script and stylesheet loaded as files through asWebviewUri (as our preview's are). */
  bareFilesMs: number[];
  /** The bare page again, but as a custom editor opened with vscode.openWith (the route our preview takes). */
  bareEditorMs: number[];
  /** The bare panel's inline page (nothing fetched, as ours) as that custom editor: the floor of our route and page. */
  bareEditorInlineMs: number[];
  /** A new 1 TiB sparse plane each: openWith → the webview's own first fit view done (every row read, posted and stated). */
  planeViewMs?: number[];
  planeView?: { rows: number; cols: number; bytesRead: number };
  big?: { fileBytes: string | number; allocatedBytes: string | number | null; bytesRead: number; dataOffset: number };
  small?: { fileBytes: string | number; bytesRead: number };
  error?: string;
}

/** Our bundles in this process's module cache (the entry requires its chunks through it), as dist/<name>. */
function loadedBundles(extensionPath: string): string[] {
  const dist = join(extensionPath, 'dist');
  return Object.keys(require.cache).filter((f) => f.startsWith(dist + sep)).map((f) => `dist/${f.slice(dist.length + 1)}`).sort();
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

/**
 * Waits until no further extension activates for 2 s (at most 30 s): the window's start-up (built-in extensions,
 * the workbench loading) must not be billed to our activation. Users open a .npy file after start-up too.
 */
async function settle(): Promise<number> {
  const t0 = now();
  let count = -1;
  let since = t0;
  while (now() - t0 < 30_000) {
    const n = vscode.extensions.all.filter((e) => e.isActive).length;
    if (n !== count) { count = n; since = now(); } else if (now() - since >= 2000) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return now() - t0;
}

/**
 * Closes every editor, then times vscode.openWith → the webview's first 'rendered' message reaching the host (the
 * test API's onDidRender: waiting on the message, as the floor rows do, not polling beside it).
 */
async function timedOpen(api: ZeroedNpyApi, file: string): Promise<{ ms: number; state: PreviewState }> {
  await closeAllEditors();
  await until(`the previous preview of ${file} to close`, () => (previewOf(api, file) ? undefined : true));
  let t0 = 0;
  const state = await firstRender(api, file, () => { t0 = now(); return vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(file), 'zeroedNpy.preview'); }, 60_000);
  const ms = now() - t0;
  if (state.error !== undefined || !state.report) throw new Error(`the preview of ${file} shows an error: ${state.error}`);
  return { ms, state };
}

/**
 * The floor for any webview here: a bare panel whose script posts one message. Opening our preview cannot beat
 * it, since the preview is a webview too.
 */
async function timedBareWebview(assets?: string): Promise<number> {
  await closeAllEditors();
  const t0 = now();
  const roots = assets ? [vscode.Uri.file(assets)] : undefined;
  const panel = vscode.window.createWebviewPanel('zeroedNpyBench.bare', 'bare webview', vscode.ViewColumn.One, { enableScripts: true, localResourceRoots: roots });
  const got = new Promise<void>((resolve) => { panel.webview.onDidReceiveMessage(() => resolve()); });
  const uri = (f: string): string => panel.webview.asWebviewUri(vscode.Uri.joinPath(vscode.Uri.file(assets!), f)).toString();
  panel.webview.html = assets
    ? `<!DOCTYPE html><html><head><link rel="stylesheet" href="${uri('bare.css')}"></head><body><p>bare</p><script src="${uri('bare.js')}"></script></body></html>`
    : BARE_INLINE;
  await got;
  const ms = now() - t0;
  panel.dispose();
  return ms;
}

/**
 * The page of timedBareEditor's custom editor: the bare panel's HTML, with its files or inline (floorInline); its
 * first message resolves `heard`. Registered with our previews' options, so only the page differs.
 */
let heard: (() => void) | undefined;
let floorInline = false;
const FLOOR_VIEW_TYPE = 'zeroedNpyBench.floor';
const BARE_INLINE = '<!DOCTYPE html><html><body><p>bare</p><script>acquireVsCodeApi().postMessage("rendered")</script></body></html>';

function registerFloorEditor(assets: string): vscode.Disposable {
  return vscode.window.registerCustomEditorProvider(FLOOR_VIEW_TYPE, {
    openCustomDocument: (uri) => ({ uri, dispose: () => undefined }),
    resolveCustomEditor: (_doc, panel) => {
      panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.file(assets)] };
      panel.webview.onDidReceiveMessage(() => heard?.());
      const uri = (f: string): string => panel.webview.asWebviewUri(vscode.Uri.joinPath(vscode.Uri.file(assets), f)).toString();
      panel.webview.html = floorInline ? BARE_INLINE
        : `<!DOCTYPE html><html><head><link rel="stylesheet" href="${uri('bare.css')}"></head><body><p>bare</p><script src="${uri('bare.js')}"></script></body></html>`;
    },
  } satisfies vscode.CustomReadonlyEditorProvider, PREVIEW_EDITOR_OPTIONS);
}

/**
 * The floor for a custom editor: the same bare page, but opened as ours is — vscode.openWith on a file, through
 * VS Code's editor resolver and a custom document — so the route's own cost is on both sides.
 */
async function timedBareEditor(file: string, inline: boolean): Promise<number> {
  await closeAllEditors();
  floorInline = inline;
  const got = new Promise<void>((resolve) => { heard = resolve; });
  const t0 = now();
  await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(file), FLOOR_VIEW_TYPE);
  await got;
  const ms = now() - t0;
  heard = undefined;
  return ms;
}

interface ViewDone { rows: number; cols: number; bytesRead: number }

/**
 * The data view in the editor: a new 1 TiB sparse (370727, 370727) float64 file (made untimed), then
 * vscode.openWith until the host has posted the whole of the webview's own first fit view (its snapshot's view.done).
 */
async function timedNewPlane(api: ZeroedNpyApi, dir: string, k: number): Promise<{ ms: number; done: ViewDone }> {
  const file = join(dir, `plane-${k}.npy`);
  await writeZeroedNpy({ path: file, dtype: '<f8', shape: [370727n, 370727n] });
  await closeAllEditors();
  const t0 = now();
  await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(file), 'zeroedNpy.preview');
  const done = await until(`the first view of ${file}`, () => {
    const v = (previewOf(api, file) as (PreviewState & { view?: { done?: ViewDone; error?: string } }) | undefined)?.view;
    if (v?.error) throw new Error(`the view of ${file} failed: ${v.error}`);
    return v?.done;
  });
  const ms = now() - t0;
  await closeAllEditors();
  rmSync(file, { force: true });
  return { ms, done };
}

export async function run(): Promise<void> {
  const cfg = JSON.parse(process.env.ZEROED_NPY_BENCH_EDITOR ?? 'null') as HostConfig | null;
  if (!cfg) throw new Error('ZEROED_NPY_BENCH_EDITOR is not set: run this through bench/editor/drive.ts');
  const result: HostResult = { bigMs: [], smallMs: [], bareMs: [], bareFilesMs: [], bareEditorMs: [], bareEditorInlineMs: [] };
  const floor = registerFloorEditor(cfg.assets);
  try {
    const ext = vscode.extensions.getExtension<ZeroedNpyApi>(EXTENSION_ID);
    if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
    result.extensionPath = ext.extensionPath;
    result.settleMs = await settle();
    result.wasActive = ext.isActive;
    const t0 = now();
    const api = await ext.activate();
    result.activationMs = now() - t0;
    if (typeof api?.previews !== 'function') throw new Error('activate() did not return { previews() }');
    result.loadedAtActivation = api.loadedAtActivation;

    if (cfg.bareFirst) result.firstWebview = { kind: 'bare', ms: await timedBareWebview() };
    const first = await timedOpen(api, cfg.big);
    if (!cfg.bareFirst) result.firstWebview = { kind: 'preview', ms: first.ms };
    const r = first.state.report!;
    result.big = { fileBytes: r.fileBytes, allocatedBytes: r.allocatedBytes, bytesRead: r.bytesRead, dataOffset: r.dataOffset };
    // Alternate the two files and the bare webview so drift falls on all alike.
    for (let i = 0; i < cfg.opens; i++) {
      result.bareMs.push(await timedBareWebview());
      result.bareFilesMs.push(await timedBareWebview(cfg.assets));
      result.bareEditorMs.push(await timedBareEditor(cfg.floorFile, false));
      result.bareEditorInlineMs.push(await timedBareEditor(cfg.floorFile, true));
      const s = await timedOpen(api, cfg.small);
      result.smallMs.push(s.ms);
      result.small = { fileBytes: s.state.report!.fileBytes, bytesRead: s.state.report!.bytesRead };
      result.bigMs.push((await timedOpen(api, cfg.big)).ms);
    }
    if (cfg.planes) {
      result.planeViewMs = [];
      for (let k = 0; k < cfg.planes.count; k++) {
        const { ms, done } = await timedNewPlane(api, cfg.planes.dir, k);
        result.planeViewMs.push(ms);
        result.planeView = { rows: done.rows, cols: done.cols, bytesRead: done.bytesRead };
      }
    }
    await closeAllEditors();
    result.loadedAfterPreviews = loadedBundles(ext.extensionPath);
  } catch (e) {
    result.error = e instanceof Error ? e.message : String(e);
    throw e;
  } finally {
    floor.dispose();
    writeFileSync(cfg.out, JSON.stringify(result));
  }
}
