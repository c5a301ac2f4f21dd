// Measurement, not a speed test: prints the time and allocated bytes to create and to inspect the 64 GiB
// <f8 (1024, 2048, 4096) file, next to numpy's open_memmap and coreutils truncate measured in the same run.
// Only exact quantities are asserted (sizes, bytes read); timings are printed.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inspectNpy } from '../../src/core/file/inspect';
import { writeZeroedNpy } from '../../src/core/file/writer';
import { cliPath, ensureCliBundle } from '../helpers/cli';
import { pythonJson, requireNumpy } from '../helpers/python';
import { makeTempDir, removeTempDir } from '../helpers/tmp';

const RUNS = 7;
const SIZE = (64n << 30n) + 128n;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function ms(ns: bigint): number {
  return Number(ns) / 1e6;
}

describe('measure: 64 GiB create and inspect', function () {
  this.timeout(120000);
  let dir: string;
  before(function () {
    requireNumpy(this);
    ensureCliBundle();
    dir = makeTempDir();
  });
  after(() => { if (dir) removeTempDir(dir); });

  it(`prints medians of ${RUNS} runs`, async () => {
    const path = join(dir, 'big.npy');
    const create: number[] = [];
    const inspect: number[] = [];
    const cli: number[] = [];
    let allocated = -1;
    let bytesRead = -1;
    for (let i = 0; i < RUNS; i++) {
      rmSync(path, { force: true });
      let t = process.hrtime.bigint();
      const w = await writeZeroedNpy({ path, dtype: '<f8', shape: '1024,2048,4096' });
      create.push(ms(process.hrtime.bigint() - t));
      allocated = Number(w.allocatedBytes);
      t = process.hrtime.bigint();
      const r = await inspectNpy(path);
      inspect.push(ms(process.hrtime.bigint() - t));
      bytesRead = r.bytesRead;
      assert.equal(r.fileBytes, SIZE);
      rmSync(path);
      t = process.hrtime.bigint();
      const c = spawnSync(process.execPath, [cliPath, 'create', path, '--dtype', '<f8', '--shape', '1024,2048,4096']);
      cli.push(ms(process.hrtime.bigint() - t));
      assert.equal(c.status, 0, String(c.stderr));
    }
    const nodeStart: number[] = [];
    const truncate: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = process.hrtime.bigint();
      spawnSync(process.execPath, ['-e', '0']);
      nodeStart.push(ms(process.hrtime.bigint() - t));
      rmSync(path, { force: true });
      t = process.hrtime.bigint();
      spawnSync('truncate', ['-s', String(SIZE), path]);
      truncate.push(ms(process.hrtime.bigint() - t));
    }
    const np = pythonJson<{ create: number; load: number; allocated: number }>(String.raw`
import sys, os, time, json, statistics, numpy as np
from numpy.lib import format as fmt
path, runs = sys.argv[1], int(sys.argv[2])
create, load = [], []
for _ in range(runs):
    if os.path.exists(path): os.remove(path)
    t = time.perf_counter(); m = fmt.open_memmap(path, mode='w+', dtype='<f8', shape=(1024, 2048, 4096)); del m
    create.append((time.perf_counter() - t) * 1e3)
    t = time.perf_counter(); a = np.load(path, mmap_mode='r'); del a
    load.append((time.perf_counter() - t) * 1e3)
print(json.dumps(dict(create=statistics.median(create), load=statistics.median(load), allocated=os.stat(path).st_blocks * 512)))
`, [path, String(RUNS)]);
    assert.equal(BigInt(statSync(path).size), SIZE);
    const f = (x: number): string => `${x.toFixed(2)} ms`;
    console.log([
      `      64 GiB <f8 (1024, 2048, 4096), median of ${RUNS} runs on ${dir}:`,
      `        writeZeroedNpy          ${f(median(create))}, allocated ${allocated} bytes`,
      `        inspectNpy              ${f(median(inspect))}, read ${bytesRead} bytes`,
      `        CLI create (process)    ${f(median(cli))}  (bare node start ${f(median(nodeStart))})`,
      `        numpy open_memmap       ${f(np.create)}, allocated ${np.allocated} bytes; np.load(mmap) ${f(np.load)}`,
      `        truncate -s (process)   ${f(median(truncate))}`,
    ].join('\n'));
  });
});
