// Group "in the editor": starts code-server + Chromium through the real-editor harness (test/vscode/harness),
// loads the packaged extension (production bundles) as the extension under development and bench/editor/host.js
// as its "tests", once per session: each session is a fresh server, profile and browser context, so each gives
// one cold activation. Samples come back through a JSON file the host writes.
import { mkdirSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeZeroedNpy } from '../../src/core/file/writer';
import { launchChromium } from '../../test/vscode/harness/browser';
import { CodeServer, createProfile, writeUserSettings } from '../../test/vscode/harness/codeServer';
import { missingTools } from '../../test/vscode/harness/tools';
import type { BenchConfig, Measured } from '../lib/model';
import { summarize } from '../lib/stats';
import { nowMs } from '../lib/time';
import type { HostConfig, HostResult } from './host';

export interface EditorGroup {
  sessions: Array<HostResult & { serverStartMs: number; sessionMs: number }>;
  rows: Measured[];
  big: { label: string; fileBytes: number; allocatedBytes: number; bytesRead: number; dataOffset: number };
  small: { label: string; fileBytes: number; bytesRead: number };
  /** Our bundles loaded at activation and after the previews, in the last session (absent in older results). */
  bundles?: { atActivation: string[]; afterPreviews: string[] };
}

const SESSION_TIMEOUT_MS = 180_000;

export async function benchEditor(cfg: BenchConfig, extensionDir: string, log: (s: string) => void): Promise<EditorGroup> {
  const missing = missingTools();
  if (missing.length) throw new Error(`${missing.join('; ')}: run 'npm run setup' first`);
  const root = join(cfg.dir, 'editor');
  const workspace = join(root, 'workspace');
  mkdirSync(workspace, { recursive: true });
  // The floor panel's files: a script that posts one message and a small stylesheet, as our preview loads its own.
  const assets = join(root, 'assets');
  mkdirSync(assets);
  writeFileSync(join(assets, 'bare.js'), 'acquireVsCodeApi().postMessage("rendered");\n');
  writeFileSync(join(assets, 'bare.css'), 'body { font-family: sans-serif; }\n');
  // A bench-only custom editor for the floor that takes our preview's route (vscode.openWith on a file): added to
  // the packaged copy's manifest after its VSIX was measured, so nothing shipped changes.
  addFloorEditor(extensionDir);
  const floorFile = join(workspace, 'floor.benchfloor');
  writeFileSync(floorFile, 'floor\n');
  const big = await writeZeroedNpy({ path: join(workspace, 'huge-1TiB.npy'), dtype: '<f8', shape: [16384n, 16384n, 512n] });
  const small = await writeZeroedNpy({ path: join(workspace, 'small-1KiB.npy'), dtype: '<f8', shape: [112n] });
  const hostIndex = join(__dirname, 'host.js');
  if (!existsSync(hostIndex)) throw new Error(`${hostIndex} is missing: compile with 'tsc -p bench'`);

  const browser = await launchChromium();
  const sessions: EditorGroup['sessions'] = [];
  try {
    for (let s = 0; s < cfg.editorSessions; s++) {
      log(`editor session ${s + 1}/${cfg.editorSessions}`);
      const out = join(root, `session-${s}.json`);
      rmSync(out, { force: true });
      // Odd sessions open a bare webview first: the window's first webview costs extra whoever opens it.
      const hostCfg: HostConfig = { big: big.path, small: small.path, opens: cfg.editorOpens, out, assets, floorFile, bareFirst: s % 2 === 1,
        planes: { dir: workspace, count: Math.min(3, cfg.editorOpens) } };
      const profile = createProfile(join(root, `profile-${s}`));
      writeUserSettings(profile, { 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false });
      const t0 = nowMs();
      const cs = await CodeServer.start({ profile, smokeTestDriver: true, env: { ZEROED_NPY_BENCH_EDITOR: JSON.stringify(hostCfg) } });
      const serverStartMs = nowMs() - t0;
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        const exited = new Promise<number>((resolve) => {
          // Both must exist before the workbench loads: it calls them when the extension tests end.
          void page.exposeFunction('codeAutomationLog', () => undefined);
          void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
        });
        const t1 = nowMs();
        await page.goto(cs.folderUrl(workspace, [
          ['extensionDevelopmentPath', cs.remoteUri(extensionDir)],
          ['extensionTestsPath', cs.remoteUri(hostIndex)],
          ['skipWelcome', 'true'],
        ]));
        let timer: NodeJS.Timeout | undefined;
        const code = await Promise.race([exited, new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`editor session ${s + 1} did not finish within ${SESSION_TIMEOUT_MS / 1000} s`)), SESSION_TIMEOUT_MS);
        })]).finally(() => clearTimeout(timer));
        const sessionMs = nowMs() - t1;
        if (!existsSync(out)) throw new Error(`the extension host never wrote ${out} (exit ${code}):\n${cs.output().slice(-3000)}`);
        const r = JSON.parse(readFileSync(out, 'utf8')) as HostResult;
        if (r.error || code !== 0) throw new Error(`editor session ${s + 1} failed (exit ${code}): ${r.error ?? 'no error recorded'}`);
        if (r.extensionPath !== extensionDir) throw new Error(`the extension host loaded ${r.extensionPath}, not the packaged copy ${extensionDir}`);
        sessions.push({ ...r, serverStartMs, sessionMs });
      } finally {
        await context.close().catch(() => undefined);
        await cs.stop();
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
  }

  const cold = sessions.filter((x) => x.wasActive === false);
  if (cold.length === 0) throw new Error('the extension was already active in every session, so no cold activation was measured');
  const row = (id: string, label: string, samples: number[]): Measured => ({ id, label, kind: 'in-process', samples, summary: summarize(samples) });
  const last = sessions[sessions.length - 1]!;
  rmSync(root, { recursive: true, force: true });
  return {
    sessions,
    rows: [
      row('activation', 'activation: `extension.activate()` (load the entry dist/extension.js + activate())', cold.map((x) => x.activationMs!)),
      row('first-open', "the window's first webview: our 1 TiB preview, `vscode.openWith` → table rendered",
        sessions.filter((x) => x.firstWebview?.kind === 'preview').map((x) => x.firstWebview!.ms)),
      ...(sessions.some((x) => x.firstWebview?.kind === 'bare')
        ? [row('first-bare', "the window's first webview: a bare panel → its first message",
          sessions.filter((x) => x.firstWebview?.kind === 'bare').map((x) => x.firstWebview!.ms))]
        : []),
      row('open-big', 'preview 1 TiB: `vscode.openWith` → table rendered', sessions.flatMap((x) => x.bigMs)),
      row('open-small', 'preview 1 KiB: `vscode.openWith` → table rendered', sessions.flatMap((x) => x.smallMs)),
      row('bare-webview', 'floor: a bare webview panel (`createWebviewPanel`) → its first message', sessions.flatMap((x) => x.bareMs)),
      row('bare-files', 'the bare panel with its script and stylesheet as files (`asWebviewUri`, as ours) → its first message',
        sessions.flatMap((x) => x.bareFilesMs)),
      row('bare-editor', 'the same bare page as a custom editor: `vscode.openWith` on a file (the route ours takes) → its first message',
        sessions.flatMap((x) => x.bareEditorMs)),
      row('bare-editor-inline', "the bare panel's inline page as that custom editor (nothing fetched, as ours) → its first message",
        sessions.flatMap((x) => x.bareEditorInlineMs ?? [])),
      ...(sessions.some((x) => x.planeViewMs?.length)
        ? [row('view-new-plane', `data view: a new 1 TiB sparse \`<f8\` (370727, 370727) file, \`vscode.openWith\` → the webview's own fit view ` +
          `complete (${last.planeView ? `${last.planeView.rows} × ${last.planeView.cols} elements, ${last.planeView.bytesRead.toLocaleString('en-US')} B read` : '?'}: ` +
          'every row read in the reader thread, posted, and the statistics)', sessions.flatMap((x) => x.planeViewMs ?? []))]
        : []),
      row('server-start', 'code-server start (process → listening), context only', sessions.map((x) => x.serverStartMs)),
    ],
    big: { label: '1 TiB `<f8` (16384, 16384, 512), sparse', fileBytes: Number(big.fileBytes), allocatedBytes: Number(big.allocatedBytes),
      bytesRead: last.big!.bytesRead, dataOffset: last.big!.dataOffset },
    small: { label: '1 KiB `<f8` (112,)', fileBytes: Number(small.fileBytes), bytesRead: last.small!.bytesRead },
    bundles: { atActivation: last.loadedAtActivation ?? [], afterPreviews: last.loadedAfterPreviews ?? [] },
  };
}

/** Declares the floor's custom editor (zeroedNpyBench.floor, for *.benchfloor, never the default) in the copy's manifest. */
function addFloorEditor(extensionDir: string): void {
  const manifest = join(extensionDir, 'package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { contributes: { customEditors: unknown[] } };
  if (pkg.contributes.customEditors.some((e) => (e as { viewType?: string }).viewType === 'zeroedNpyBench.floor')) return;
  pkg.contributes.customEditors.push({ viewType: 'zeroedNpyBench.floor', displayName: 'bench floor', selector: [{ filenamePattern: '*.benchfloor' }], priority: 'option' });
  writeFileSync(manifest, JSON.stringify(pkg, null, 2));
}
