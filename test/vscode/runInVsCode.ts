// Runs the extension-host test suite inside a real VS Code: code-server + Debian Chromium. The workbench loads
// the repository as the extension under development and our mocha index as its tests (the `payload` URL
// parameter, honoured with the smoke-test driver option), then calls window.codeAutomationExit(code).
// Prints the mocha lines live, then `N passed, N failed`, and exits with the tests' exit code.
//   node out/test/vscode/runInVsCode.js            the real extension (repo root) with suite/
//   node out/test/vscode/runInVsCode.js --smoke    harness self-test: fixtures/smoke-ext with smoke/
// env ZEROED_NPY_TEST_GREP=<regexp> narrows the suite; ZEROED_NPY_KEEP=1 keeps the scratch folder.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SuiteResults } from './harness/mochaIndex';
import { launchChromium } from './harness/browser';
import { CodeServer, createProfile, writeUserSettings } from './harness/codeServer';
import { REPO_ROOT, toolsReady } from './harness/tools';

const HARD_TIMEOUT_MS = Number(process.env.ZEROED_NPY_VSCODE_TIMEOUT_MS ?? 10 * 60_000);

async function main(): Promise<number> {
  const started = Date.now();
  if (!toolsReady('extension-host tests')) return 0;
  const smoke = process.argv.includes('--smoke');
  // The smoke extension is plain JS in the sources; the compiled tests live under out/.
  const extensionRoot = smoke ? path.join(REPO_ROOT, 'test', 'vscode', 'fixtures', 'smoke-ext') : REPO_ROOT;
  const extensionMain = smoke ? path.join(extensionRoot, 'extension.js') : path.join(REPO_ROOT, 'dist', 'extension.js');
  if (!existsSync(extensionMain)) throw new Error(`${extensionMain} is missing: run 'npm run build' first.`);
  const testsIndex = path.join(__dirname, smoke ? 'smoke' : 'suite', 'index.js');

  const scratch = mkdtempSync(path.join(os.tmpdir(), 'zeroed-npy-vscode-'));
  // Also on Ctrl+C / a kill, when `finally` does not run (the harness exits from its signal handlers).
  if (!process.env.ZEROED_NPY_KEEP) process.once('exit', () => rmSync(scratch, { recursive: true, force: true }));
  const workspace = path.join(scratch, 'workspace');
  const resultsFile = path.join(scratch, 'results.json');
  const logFile = path.join(scratch, 'mocha.log');
  writeFileSync(logFile, '');
  mkdirSync(workspace);

  const profile = createProfile(path.join(scratch, 'profile'));
  writeUserSettings(profile, { 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false });
  const env: Record<string, string> = { ZEROED_NPY_TEST_RESULTS: resultsFile, ZEROED_NPY_TEST_LOG: logFile };
  if (process.env.ZEROED_NPY_TEST_GREP) env.ZEROED_NPY_TEST_GREP = process.env.ZEROED_NPY_TEST_GREP;

  let cs: CodeServer | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let printed = 0;
  const pump = (): void => {
    const text = readFileSync(logFile, 'utf8');
    if (text.length > printed) { process.stdout.write(text.slice(printed)); printed = text.length; }
  };
  const ticker = setInterval(pump, 250);
  try {
    cs = await CodeServer.start({ profile, smokeTestDriver: true, env });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const workbenchLog: string[] = [];
    let exitLogs: unknown;
    const exited = new Promise<number>((resolve) => {
      // Both must exist before the workbench loads: it looks them up on window when the tests end.
      void page.exposeFunction('codeAutomationLog', (type: unknown, args: unknown) => {
        workbenchLog.push(`${String(type)} ${JSON.stringify(args)}`);
      });
      void page.exposeFunction('codeAutomationExit', (code: number, logs: unknown) => { exitLogs = logs; resolve(code); });
    });
    page.on('pageerror', (e) => workbenchLog.push(`pageerror ${e.message}`));
    const url = cs.folderUrl(workspace, [
      ['extensionDevelopmentPath', cs.remoteUri(extensionRoot)],
      ['extensionTestsPath', cs.remoteUri(testsIndex)],
      ['skipWelcome', 'true'],
    ]);
    await page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the extension-host tests did not finish within ${HARD_TIMEOUT_MS / 1000} s`)), HARD_TIMEOUT_MS);
    });
    let code: number;
    try {
      code = await Promise.race([exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
    pump();

    const results: SuiteResults | undefined = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
    if (!results) {
      console.error('The test index never reported: the extension host did not run the suite.');
      console.error(workbenchLog.slice(-40).join('\n'));
      console.error(JSON.stringify(exitLogs)?.slice(0, 20_000));
      console.error(cs.output().slice(-5000));
      console.log('0 passed, 1 failed');
      return code || 1;
    }
    for (const f of results.failures) console.log(`\nFAILED: ${f.title}\n${f.error}`);
    if (results.failed > 0 || code !== 0) console.error(cs.output().slice(-3000));
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`\nextension-host tests in code-server: ${secs} s (exit code ${code})`);
    console.log(`${results.passed} passed, ${results.failed} failed${results.pending ? `, ${results.pending} skipped` : ''}`);
    return code !== 0 ? code : results.passed === 0 ? 1 : 0;
  } finally {
    clearInterval(ticker);
    await browser?.close().catch(() => undefined);
    await cs?.stop();
    if (!process.env.ZEROED_NPY_KEEP) rmSync(scratch, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
