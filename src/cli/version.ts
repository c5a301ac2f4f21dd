// The version printed by --version is package.json's. The bundle (dist/cli.js) and the tsc output
// (out/src/cli/version.js) sit at different depths, so look upwards for our own package.json.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function packageVersion(start: string = __dirname): string {
  let dir = start;
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'zeroed-npy' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no package.json here (or not ours): go up
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return 'unknown';
}
