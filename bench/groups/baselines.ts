// What starting an interpreter costs here, for reading the process rows: a CLI row can never beat `node -e 0`,
// a numpy row never `python3 -c "import numpy"`. The CLI's `--version` and `inspect --json` (8 TiB file) run in
// the same round-robin as `node -e 0`, so their ratio to it is what the CLI adds over Node's own start (issue 13).
// They run the production (minified) dist/cli.js of the packaged copy: the bundle `npm start` leaves in dist/ (its
// `vsce package` runs vscode:prepublish), which the README's `node dist/cli.js` and `npm link` then use.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeZeroedNpy } from '../../src/core/file/writer';
import { timeRoundRobin } from '../lib/commands';
import type { BenchConfig, Measured } from '../lib/model';

/** Which dist/cli.js to time: the packaged copy's production bundle, or the work tree's development one. */
export interface CliBundle { path: string; build: 'production' | 'development' }

export async function benchBaselines(cfg: BenchConfig, cli: CliBundle): Promise<Measured[]> {
  const file = join(cfg.dir, 'baselines-8TiB.npy');
  await writeZeroedNpy({ path: file, dtype: '<f8', shape: [1n << 40n] });
  try {
    return timeRoundRobin([
      { id: 'node', label: 'Node start: `node -e 0`', command: { cmd: process.execPath, args: ['-e', '0'] } },
      { id: 'cli-version', label: `ours: CLI \`zeroed-npy --version\` (${cli.build} bundle)`, command: { cmd: process.execPath, args: [cli.path, '--version'] } },
      { id: 'cli-inspect', label: `ours: CLI \`zeroed-npy inspect --json\`, 8 TiB sparse \`<f8\` (1099511627776,) (${cli.build} bundle)`,
        command: { cmd: process.execPath, args: [cli.path, 'inspect', file, '--json'] } },
      { id: 'python', label: 'Python start: `python3 -c pass`', command: { cmd: 'python3', args: ['-c', 'pass'] } },
      { id: 'python-numpy', label: 'Python + numpy import: `python3 -c "import numpy"`', command: { cmd: 'python3', args: ['-c', 'import numpy'] } },
    ], cfg.procRuns, 1);
  } finally {
    rmSync(file, { force: true });
  }
}
