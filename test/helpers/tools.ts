// One rule for tests that need an outside tool (python3 + numpy, Chromium, code-server, chattr …):
// when it is missing the test skips with a visible reason, except under CI=true where it FAILS.
import { spawnSync } from 'node:child_process';

export const isCI = process.env.CI === 'true';

/** Call from a test or hook (`this`): returns if `ok`, else fails under CI=true or skips with `reason` printed. */
export function requireTool(ctx: Mocha.Context, ok: boolean, reason: string): void {
  if (ok) return;
  if (isCI) throw new Error(`${reason} (CI=true: a missing tool fails the test instead of skipping it)`);
  // mocha prints skipped tests as "pending" without a reason: say it here.
  console.warn(`      skipped: ${reason}`);
  ctx.skip();
}

const onPathCache = new Map<string, boolean>();

/** True if `command --version`-style probing finds the command (any exit status but ENOENT counts). */
export function commandExists(command: string): boolean {
  let ok = onPathCache.get(command);
  if (ok === undefined) {
    const r = spawnSync('sh', ['-c', `command -v "$1" >/dev/null 2>&1`, 'sh', command]);
    ok = r.status === 0;
    onPathCache.set(command, ok);
  }
  return ok;
}
