// numpy baselines: in-process timings from bench/numpy_inprocess.py, and the same operations as one
// `python3 -c …` process each (what a user's script pays, interpreter start and `import numpy` included).
import { join } from 'node:path';
import { repoRoot } from '../../test/helpers/paths';
import type { Command } from './time';
import { output } from './time';

export const NUMPY_SCRIPT = join(repoRoot, 'bench', 'numpy_inprocess.py');

export interface NumpyRun { samples_ms: number[]; allocated: number; size: number; numpy: string }

export interface NumpyOp {
  op: 'create' | 'load' | 'header'; path?: string; paths?: string[]; dtype?: string; shape?: readonly bigint[]; runs: number; warmup: number;
}

function cfgJson(o: NumpyOp): string {
  return JSON.stringify({ ...o, shape: (o.shape ?? []).map(String) });
}

export function numpyInProcess(o: NumpyOp): NumpyRun {
  return JSON.parse(output('python3', [NUMPY_SCRIPT, cfgJson(o)])) as NumpyRun;
}

/** load/header on several files, timed round-robin in one process: samples per path. */
export function numpyInProcessEach(o: NumpyOp & { paths: string[] }): Record<string, number[]> {
  return (JSON.parse(output('python3', [NUMPY_SCRIPT, cfgJson(o)])) as { samples_by_path: Record<string, number[]> }).samples_by_path;
}

/** The in-process script as a Command (for strace: one run, no warm-up). */
export function numpyInProcessCommand(o: NumpyOp): Command {
  return { cmd: 'python3', args: [NUMPY_SCRIPT, cfgJson(o)] };
}

const pyTuple = (shape: readonly bigint[]): string => `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;

/** `python3 -c "open_memmap(p, mode='w+', …)"`. */
export function numpyCreateCommand(path: string, dtype: string, shape: readonly bigint[]): Command {
  return {
    cmd: 'python3',
    args: ['-c', `import sys; from numpy.lib.format import open_memmap; open_memmap(sys.argv[1], mode='w+', dtype='${dtype}', shape=${pyTuple(shape)})`, path],
  };
}

/** `python3 -c "np.load(p, mmap_mode='r')"`. */
export function numpyLoadCommand(path: string): Command {
  return { cmd: 'python3', args: ['-c', "import sys, numpy as np; np.load(sys.argv[1], mmap_mode='r')", path] };
}

export function numpyVersion(): string {
  return output('python3', ['-c', 'import numpy; print(numpy.__version__)']);
}
