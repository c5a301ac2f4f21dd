// Resize under faults: the CLI killed (SIGKILL, through its ZEROED_NPY_TEST_KILL_AFTER hook) right after each
// durable step leaves a file numpy loads with the old or the new shape, its data intact; a user who may not
// write the file gets one sentence and an untouched file.
import * as assert from 'node:assert/strict';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDtype } from '../../src/core/format/dtype';
import { buildHeader } from '../../src/core/format/header';
import { ensureCliBundle } from '../helpers/cli';
import { pythonJson, requireNumpy } from '../helpers/python';
import { makeTempDir, removeTempDir } from '../helpers/tmp';
import { requireTool } from '../helpers/tools';
import { canRunAsNobody } from './nobody';
import { runCliWith } from './run';

const LOAD = String.raw`
import json, sys
import numpy as np
m = np.load(sys.argv[1], mmap_mode='r')
a = np.load(sys.argv[1])
print(json.dumps(dict(shape=list(m.shape), loadShape=list(a.shape), data=a.astype('<i8').ravel().tolist())))
`;

/** (rows, 3) int32 with the values 0, 1, 2, …, as numpy lays them out. */
function make(path: string, rows: number): Buffer {
  const header = buildHeader(parseDtype('<i4').dtype, [BigInt(rows), 3n], false);
  const data = Buffer.alloc(rows * 12);
  for (let i = 0; i < rows * 3; i++) data.writeInt32LE(i, i * 4);
  const bytes = Buffer.concat([header, data]);
  writeFileSync(path, bytes);
  return bytes;
}

describe('faults: resize', function () {
  this.timeout(60000);
  let dir: string;
  before(() => ensureCliBundle());
  beforeEach(() => { dir = makeTempDir(); });
  afterEach(() => removeTempDir(dir));

  // What numpy must see after a kill right after `step`: the shape, and the elements (old values, zeros after).
  const cases: Array<{ what: string; args: string[]; step: string; shape: number[] }> = [
    { what: 'grow, killed after extending', args: ['--shape', '8,3'], step: 'extended', shape: [5, 3] },
    { what: 'grow, killed after the header', args: ['--shape', '8,3'], step: 'header-written', shape: [8, 3] },
    { what: 'shrink, killed after the header', args: ['--shape', '2,3', '--force'], step: 'header-written', shape: [2, 3] },
    { what: 'shrink, killed after the cut', args: ['--shape', '2,3', '--force'], step: 'cut', shape: [2, 3] },
    { what: 'reshape, killed after the header', args: ['--shape', '15'], step: 'header-written', shape: [15] },
  ];
  for (const c of cases) {
    it(`${c.what}: numpy loads ${JSON.stringify(c.shape)} with the data intact`, function () {
      requireNumpy(this);
      const path = join(dir, 'a.npy');
      make(path, 5);
      const r = runCliWith(['resize', path, ...c.args], { env: { ...process.env, ZEROED_NPY_TEST_KILL_AFTER: c.step } });
      assert.equal(r.signal, 'SIGKILL', `killed at ${c.step} (exit ${r.code}, ${r.stderr})`);
      const seen = pythonJson<{ shape: number[]; loadShape: number[]; data: number[] }>(LOAD, [path]);
      assert.deepEqual(seen.shape, c.shape);
      assert.deepEqual(seen.loadShape, c.shape);
      const n = c.shape.reduce((a, b) => a * b, 1);
      assert.deepEqual(seen.data, Array.from({ length: n }, (_, i) => (i < 15 ? i : 0)));
    });
  }

  it('the hook really stops the process between the steps (without it the resize completes)', function () {
    requireNumpy(this);
    const path = join(dir, 'a.npy');
    make(path, 5);
    const r = runCliWith(['resize', path, '--shape', '8,3']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(pythonJson<{ shape: number[] }>(LOAD, [path]).shape, [8, 3]);
  });

  it('as user nobody, a file nobody may not write: one sentence, the file untouched', function () {
    const s = canRunAsNobody();
    requireTool(this, s.ok, s.reason);
    chmodSync(dir, 0o755);
    const path = join(dir, 'root-owned.npy');
    const bytes = make(path, 5);
    chmodSync(path, 0o644);
    const r = runCliWith(['resize', path, '--shape', '8,3'], { asNobody: true });
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `error: Cannot resize ${path}: permission denied; check the file's permissions.\n`);
    assert.ok(readFileSync(path).equals(bytes));
  });
});
