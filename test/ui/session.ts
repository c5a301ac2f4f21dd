// The one Session (code-server + Chromium) the UI runner starts for all UI test files.
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
export async function keepFailure(wb: Workbench | undefined, test: Mocha.Test | undefined): Promise<void> {
  if (!wb || !test || test.state !== 'failed') return;
  const name = test.fullTitle().replace(/[^\w.-]+/g, '_').slice(0, 120);
  await wb.page.screenshot({ path: path.join(REPO_ROOT, 'out', 'ui-failures', `${name}.png`) }).catch(() => undefined);
}
