// The .npy preview page as the host builds it, running the bundled src/webview/main.ts in jsdom against a fake
// acquireVsCodeApi: what it posts (copied out of jsdom's realm so deepEqual compares plain objects) and a way
// to post a host message and let it render. Shared by the webview tests.
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { JSDOM } from 'jsdom';
import { HostToWebview, WebviewToHost } from '../../src/common/messages';
import { buildPreviewHtml } from '../../src/extension/model/html';
import { repoRoot } from './paths';

export function previewPage(): { dom: JSDOM; posted: WebviewToHost[]; send: (m: HostToWebview) => Promise<void> } {
  const bundle = buildSync({ entryPoints: [join(repoRoot, 'src/webview/main.ts')], bundle: true, write: false, format: 'iife',
    platform: 'browser', target: 'es2020', logLevel: 'silent' }).outputFiles[0].text;
  const dom = new JSDOM(buildPreviewHtml({ cspSource: 'x', nonce: 'n', scriptUri: 'w.js', styleUri: 's.css', title: 't', loadingText: '…' }),
    { runScripts: 'outside-only' });
  const posted: WebviewToHost[] = [];
  (dom.window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({ postMessage: (m: WebviewToHost) => posted.push(JSON.parse(JSON.stringify(m)) as WebviewToHost) });
  dom.window.eval(bundle);
  const send = async (m: HostToWebview): Promise<void> => {
    dom.window.dispatchEvent(new dom.window.MessageEvent('message', { data: m }));
    await new Promise((r) => setImmediate(r));
  };
  return { dom, posted, send };
}
