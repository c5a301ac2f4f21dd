// The repository root, found from this file whether it runs from test/ (ts) or out/test/ (compiled).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'zeroed-npy') return dir;
      } catch {
        // unreadable package.json: keep looking upwards
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the zeroed-npy package.json above ${start}`);
    dir = parent;
  }
}

export const repoRoot = findRoot(__dirname);
