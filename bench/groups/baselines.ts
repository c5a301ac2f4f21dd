// What starting an interpreter costs here, for reading the process rows: a CLI row can never beat `node -e 0`,
// a numpy row never `python3 -c "import numpy"`.
import { timeRoundRobin } from '../lib/commands';
import type { BenchConfig, Measured } from '../lib/model';

export function benchBaselines(cfg: BenchConfig): Measured[] {
  return timeRoundRobin([
    { id: 'node', label: 'Node start: `node -e 0`', command: { cmd: process.execPath, args: ['-e', '0'] } },
    { id: 'python', label: 'Python start: `python3 -c pass`', command: { cmd: 'python3', args: ['-c', 'pass'] } },
    { id: 'python-numpy', label: 'Python + numpy import: `python3 -c "import numpy"`', command: { cmd: 'python3', args: ['-c', 'import numpy'] } },
  ], cfg.procRuns, 1);
}
