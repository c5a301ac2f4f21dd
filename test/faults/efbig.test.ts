// Case 1, EFBIG: ext4's own limit (16 TiB − 4 KiB with 4 KiB blocks; this machine's / is ext4) and the
// process file-size limit (`ulimit -f`) of a CLI child, sparse and full, fast path and chunked path.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileSystemLimit, fsErrorSentence } from '../../src/core/file/fsErrors';
import { fallocatePath, fullAllocationSettings } from '../../src/core/file/allocate';
import { planZeroedNpy, writeZeroedNpy } from '../../src/core/file/writer';
import { ensureCliBundle } from '../helpers/cli';
import { listDir, makeTempDir, removeTempDir } from '../helpers/tmp';
import { requireTool } from '../helpers/tools';
import { checkCliFault, checkCoreFault, plantOld } from './matrix';
import { failureOf, isExt4, restoreAllocationSettings, runCliWith } from './run';

const TiB = 1n << 40n;
const EXT4_MAX = 16n * TiB - 4096n;

/** A u1 shape whose file (header + data) is exactly `fileBytes`. */
function u1ShapeForFileBytes(fileBytes: bigint): bigint[] {
  const guess = planZeroedNpy({ dtype: 'u1', shape: [fileBytes] }).header.length;
  const shape = [fileBytes - BigInt(guess)];
  assert.equal(planZeroedNpy({ dtype: 'u1', shape }).fileBytes, fileBytes);
  return shape;
}

describe('faults: EFBIG', function () {
  this.timeout(20000);
  let dir: string;
  before(() => ensureCliBundle());
  beforeEach(() => { dir = makeTempDir(); });
  afterEach(() => {
    removeTempDir(dir);
    restoreAllocationSettings();
  });

  describe('ext4 limit', () => {
    beforeEach(function () {
      requireTool(this, isExt4(dir), `needs ${dir} on ext4 for its 16 TiB file-size limit`);
    });

    for (const allocate of ['sparse', 'full'] as const) {
      it(`17 TiB ${allocate} over an existing file: EFBIG naming ext4's limit`, async () => {
        const target = join(dir, 'huge.npy');
        const old = plantOld(target);
        const shape = [(17n * TiB) / 8n];
        const bytes = planZeroedNpy({ dtype: 'f8', shape }).fileBytes;
        const before = listDir(dir);
        const e = await failureOf(() => writeZeroedNpy({ path: target, dtype: 'f8', shape, overwrite: true, allocate }));
        const fsLimit = await fileSystemLimit(dir);
        checkCoreFault({
          no: 1, name: `ext4 17 TiB ${allocate}`, target, before, old, errno: 'EFBIG',
          sentence: fsErrorSentence('EFBIG', { action: 'create', path: target, bytes, fsLimit, allocate }),
        }, e);
        assert.match(String((e as Error).message), /ext4 stops at 16 TiB/);
      });
    }

    it('17 TiB full, chunked path: refused before writing a byte (no progress past the header)', async () => {
      fullAllocationSettings.useFallocate = false;
      const target = join(dir, 'huge.npy');
      const shape = [17n * TiB];
      const before = listDir(dir);
      const progress: number[] = [];
      const e = await failureOf(() => writeZeroedNpy({ path: target, dtype: 'u1', shape, allocate: 'full', onProgress: (d) => progress.push(d) }));
      checkCoreFault({ no: 1, name: 'ext4 17 TiB full chunked', target, before, errno: 'EFBIG', sentence: /ext4 stops at 16 TiB/ }, e);
      assert.deepEqual(progress, [], 'no zero chunk was written');
    });

    // Bugs fixed: the limit was taken as 16 TiB, so a file just under 16 TiB but over 16 TiB − 4 KiB got the
    // sentence blaming `ulimit -f`; and "files of 16 TiB (ext4 stops at 16 TiB)" contradicted itself.
    it('the limit is 16 TiB − 4 KiB exactly: that size is created, one byte more is EFBIG naming ext4 in exact bytes', async () => {
      const ok = join(dir, 'max.npy');
      const r = await writeZeroedNpy({ path: ok, dtype: 'u1', shape: u1ShapeForFileBytes(EXT4_MAX) });
      assert.equal(BigInt(statSync(ok).size), EXT4_MAX);
      assert.ok(r.allocatedBytes !== null && r.allocatedBytes <= 4096n, `sparse: ${r.allocatedBytes}`);
      unlinkSync(ok);
      const target = join(dir, 'over.npy');
      const before = listDir(dir);
      const e = await failureOf(() => writeZeroedNpy({ path: target, dtype: 'u1', shape: u1ShapeForFileBytes(EXT4_MAX + 1n) }));
      checkCoreFault({
        no: 1, name: 'ext4 16 TiB-4 KiB+1 B sparse', target, before, errno: 'EFBIG',
        sentence: /does not allow files of 17,592,186,040,321 bytes \(ext4 stops at 17,592,186,040,320 bytes\)/,
      }, e);
      assert.doesNotMatch(String((e as Error).message), /ulimit/);
    });
  });

  describe('ulimit -f in a CLI child', () => {
    before(function () {
      requireTool(this, spawnSync('sh', ['-c', 'ulimit -f 64']).status === 0, 'needs a POSIX sh with ulimit -f');
    });

    const variants: Array<{ name: string; args: string[]; env?: NodeJS.ProcessEnv; needsFallocate?: boolean }> = [
      { name: 'ulimit -f sparse', args: [] },
      { name: 'ulimit -f full fallocate', args: ['--allocate', 'full'], needsFallocate: true },
      { name: 'ulimit -f full chunked', args: ['--allocate', 'full'], env: { ...process.env, ZEROED_NPY_NO_FALLOCATE: '1' } },
    ];
    for (const v of variants) {
      it(`${v.name}: 1 MiB over an existing file with --force`, async function () {
        if (v.needsFallocate) requireTool(this, fallocatePath() !== undefined, 'needs util-linux fallocate for the fast path');
        const target = join(dir, 'limited.npy');
        const old = plantOld(target);
        const before = listDir(dir);
        const r = runCliWith(['create', target, '--dtype', 'u1', '--shape', '1048576', '--force', ...v.args], { ulimitF: 64, env: v.env });
        const bytes = planZeroedNpy({ dtype: 'u1', shape: '1048576' }).fileBytes;
        const allocate = v.args.includes('full') ? 'full' : 'sparse';
        checkCliFault({
          no: 1, name: `${v.name} (cli)`, target, before, old, errno: 'EFBIG',
          sentence: fsErrorSentence('EFBIG', { action: 'create', path: target, bytes, allocate, fsLimit: await fileSystemLimit(dir) }),
        }, r);
        assert.match(r.stderr, /ulimit -f/);
      });
    }

    // Bug fixed: the kernel kills `fallocate` with SIGXFSZ (Node ignores the signal, its children do not); that
    // was taken as "fallocate unsupported" and the chunked path then wrote zeros up to the limit before EFBIG.
    it('fallocate killed by SIGXFSZ is EFBIG at once: no chunk written (chunked path alone writes up to the limit)', function () {
      requireTool(this, fallocatePath() !== undefined, 'needs util-linux fallocate for the fast path');
      const writer = require.resolve('../../src/core/file/writer');
      const allocate = require.resolve('../../src/core/file/allocate');
      const script = `const s = require(${JSON.stringify(allocate)}).fullAllocationSettings;
        s.chunkBytes = 16 * 1024; s.useFallocate = process.argv[2] === 'fallocate';
        const progress = [];
        require(${JSON.stringify(writer)}).writeZeroedNpy({ path: process.argv[1], dtype: 'u1', shape: '1048576', allocate: 'full', onProgress: (d) => progress.push(d) })
          .then(() => console.log(JSON.stringify({ errno: 'none', progress })), (e) => console.log(JSON.stringify({ errno: e.errno, progress })));`;
      const run = (mode: string): { errno: string; progress: number[] } => {
        const r = spawnSync('sh', ['-c', 'ulimit -f 64 && exec "$@"', 'sh', process.execPath, '-e', script, join(dir, `${mode}.npy`), mode], { encoding: 'utf8' });
        assert.equal(r.status, 0, r.stderr);
        return JSON.parse(r.stdout) as { errno: string; progress: number[] };
      };
      const fast = run('fallocate');
      const chunked = run('chunked');
      assert.equal(fast.errno, 'EFBIG');
      assert.equal(chunked.errno, 'EFBIG');
      assert.equal(fast.progress.length, 1, `only the header was reported: ${JSON.stringify(fast.progress)}`);
      assert.ok(chunked.progress.length > 1, `the chunked path writes up to the limit first: ${JSON.stringify(chunked.progress)}`);
      assert.deepEqual(listDir(dir), []);
    });
  });
});
