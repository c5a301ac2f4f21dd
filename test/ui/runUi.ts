// Runs the UI tests: packages nothing itself (npm run test:ui packages the VSIX first), installs the VSIX into a
// throw-away code-server profile, starts code-server and Chromium once, runs mocha over out/test/ui/*.test.js,
// prints `N passed, N failed` and exits with mocha's verdict. A hard timeout bounds the whole run.
//   env ZEROED_NPY_TEST_GREP=<regexp> narrows; ZEROED_NPY_SCREENSHOTS=media/screenshots refreshes README pictures.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { setSession } from './session';
import { Session } from './workbench';
import { toolsReady } from '../vscode/harness/tools';

const HARD_TIMEOUT_MS = Number(process.env.ZEROED_NPY_UI_TIMEOUT_MS ?? 15 * 60_000);

async function main(): Promise<number> {
  const started = Date.now();
  if (!toolsReady('UI tests')) return 0;
  const hard = setTimeout(() => {
    console.error(`error: the UI tests did not finish within ${HARD_TIMEOUT_MS / 1000} s`);
    console.log('0 passed, 1 failed');
    process.exit(1); // the exit hook of codeServer.ts kills the server's process group
  }, HARD_TIMEOUT_MS);
  const session = await Session.start();
  setSession(session);
  try {
    const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'spec' });
    if (process.env.ZEROED_NPY_TEST_GREP) mocha.grep(process.env.ZEROED_NPY_TEST_GREP);
    for (const f of readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
    let passed = 0;
    let failed = 0;
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', () => { passed++; });
      runner.on('fail', () => { failed++; });
    });
    console.log(`\nUI tests in code-server + Chromium: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`${passed} passed, ${failed} failed`);
    return failed > 0 || passed === 0 ? 1 : 0;
  } finally {
    clearTimeout(hard);
    setSession(undefined);
    await session.stop();
  }
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
