// The one Session (code-server + Chromium) the UI runner starts for all UI test files.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Session, Workbench } from './workbench';
import { REPO_ROOT } from '../vscode/harness/tools';

let current: Session | undefined;

export function setSession(s: Session | undefined): void { current = s; }

export function session(): Session {
  if (!current) throw new Error('UI tests run through out/test/ui/runUi.js, which starts code-server first');
  return current;
}

/** Screenshots for the README go to media/screenshots only when asked (ZEROED_NPY_SCREENSHOTS=media/screenshots). */
export function screenshotDir(): string {
  return path.resolve(REPO_ROOT, process.env.ZEROED_NPY_SCREENSHOTS ?? path.join('out', 'screenshots'));
}

/** Saves the page of a failed test for diagnosis (out/ui-failures). */
async function keepFailure(wb: Workbench | undefined, test: Mocha.Test | undefined): Promise<void> {
  if (!wb || !test || test.state !== 'failed') return;
  const name = test.fullTitle().replace(/[^\w.-]+/g, '_').slice(0, 120);
  await wb.page.screenshot({ path: path.join(REPO_ROOT, 'out', 'ui-failures', `${name}.png`) }).catch(() => undefined);
}

/** What a UI suite's tests share: its folders, and the window the running test opened. */
export interface UiSuite {
  /** The temporary folder made for the suite (for each test with perTest); removed afterwards. */
  base: string;
  /** The folder inside base the windows open (base/samples unless named). */
  dir: string;
  /** The running test's window: set it as soon as it opens, so a failure keeps its screenshot. Closed after each test. */
  wb?: Workbench;
}

export interface UiSuiteOptions {
  /** The name of the folder inside base (it shows in the wizard's title and the README screenshots). */
  folder?: string;
  /** A fresh folder for each test instead of one for the suite. */
  perTest?: boolean;
  /** Fills the folder once it exists (numpy fixtures). */
  setup?: (dir: string) => void;
  /** Runs after each test's window is closed. */
  afterClose?: () => void;
}

/**
 * The hooks every UI suite needs: a fresh temporary folder before the suite (or each test), removed afterwards, and
 * after each test the window's screenshot kept if the test failed, then the window closed. Call it in describe().
 */
export function uiSuite(name: string, options: UiSuiteOptions = {}): UiSuite {
  const ui: UiSuite = { base: '', dir: '' };
  const make = (): void => {
    ui.base = mkdtempSync(path.join(os.tmpdir(), `zeroed-npy-ui-${name}-`));
    ui.dir = path.join(ui.base, options.folder ?? 'samples');
    mkdirSync(ui.dir);
    options.setup?.(ui.dir);
  };
  const remove = (): void => rmSync(ui.base, { recursive: true, force: true });
  if (options.perTest) beforeEach(make);
  else before(make);
  afterEach(async function () {
    await keepFailure(ui.wb, this.currentTest);
    await ui.wb?.close();
    ui.wb = undefined;
    options.afterClose?.();
    if (options.perTest) remove();
  });
  if (!options.perTest) after(remove);
  return ui;
}
