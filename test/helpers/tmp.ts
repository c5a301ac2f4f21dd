// Temporary folders for tests, and a check that nothing was left behind in them.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder under the OS temp dir; remove it with removeTempDir. */
export function makeTempDir(prefix = 'zeroed-npy-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Names in a folder, sorted. */
export function listDir(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** Names that look like a writer's temp file (".<name>.zeroed-npy-<pid>-<tag>-<random>.tmp"). */
export function leftoverTempFiles(dir: string): string[] {
  return listDir(dir).filter((n) => /\.zeroed-npy-.*\.tmp$/.test(n));
}

/** A writer's temp files and locks (".<name>.zeroed-npy-lock"): what a finished or failed create must not leave. */
export function leftoverDebris(dir: string): string[] {
  return listDir(dir).filter((n) => /\.zeroed-npy-(.*\.tmp|lock)$/.test(n));
}
