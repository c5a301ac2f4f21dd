// The CLI as users run it: `node dist/cli.js …` (bundled first if stale). Exit codes 0/1/2, exactly one
// `error:` line for failures, never a stack trace, JSON that numpy agrees with, and Ctrl-C cleaning up.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDtype } from '../../src/core/format/dtype';
import { buildHeader } from '../../src/core/format/header';
import { assertFailure, assertUsage, cliPath, ensureCliBundle, runCli, startCli } from '../helpers/cli';
import { repoRoot } from '../helpers/paths';
import { pythonJson, requireNumpy } from '../helpers/python';
import { leftoverDebris, leftoverTempFiles, listDir, makeTempDir, removeTempDir } from '../helpers/tmp';
import { commandExists, requireTool } from '../helpers/tools';

describe('zeroed-npy CLI', function () {
  this.timeout(60000);
  let dir: string;
  before(() => ensureCliBundle());
  beforeEach(() => { dir = makeTempDir(); });
  afterEach(() => {
    try {
      assert.deepEqual(leftoverDebris(dir), []);
    } finally {
      removeTempDir(dir);
    }
  });

  describe('help, version, usage errors', () => {
    it('--help prints the contract on stdout, exit 0', () => {
      for (const args of [['--help'], ['-h'], ['help'], ['create', '--help'], ['inspect', '-h']]) {
        const r = runCli(args);
        assert.equal(r.code, 0, args.join(' '));
        assert.equal(r.stderr, '');
        assert.match(r.stdout, /zeroed-npy (create|inspect) <file>/);
      }
      assert.match(runCli(['--help']).stdout, /--allocate sparse\|full/);
    });

    it('--version prints package.json\'s version', () => {
      const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
      const r = runCli(['--version']);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, `${pkg.version}\n`);
    });

    it('wrong usage exits 2 with an error line and the usage', () => {
      const cases: Array<[string[], RegExp]> = [
        [[], /missing command/],
        [['frobnicate'], /unknown command 'frobnicate'/],
        [['--bogus'], /unknown option '--bogus'/],
        [['create', 'a.npy', '--dtype', 'f8', '--shape', '3', '--bogus'], /unknown option '--bogus'/],
        [['create', 'a.npy', '--shape', '3'], /missing --dtype/],
        [['create', 'a.npy', '--dtype', 'f8'], /missing --shape/],
        [['create', '--dtype', 'f8', '--shape', '3'], /missing <file>/],
        [['create', 'a.npy', 'b.npy', '--dtype', 'f8', '--shape', '3'], /unexpected argument 'b.npy'/],
        [['create', 'a.npy', '--dtype', 'f8', '--shape', '3', '--order', 'X'], /--order must be C or F/],
        [['create', 'a.npy', '--dtype', 'f8', '--shape', '3', '--allocate', 'some'], /--allocate must be sparse or full/],
        [['create', 'a.npy', '--dtype'], /argument missing/],
        [['create', 'a.npy', '--dtype', 'f8', '--shape', '3', '--force=yes'], /does not take an argument/],
        [['inspect'], /missing <file>/],
        [['inspect', 'a.npy', '--dtype', 'f8'], /unknown option '--dtype'/],
      ];
      for (const [args, re] of cases) assert.match(assertUsage(runCli(args, { cwd: dir })), re, args.join(' '));
      assert.deepEqual(listDir(dir), [], 'usage errors create nothing');
    });
  });

  describe('create', () => {
    it('prints a summary: path, dtype, shape, logical size, on-disk size, sparse', () => {
      const path = join(dir, 'big.npy');
      const r = runCli(['create', path, '--dtype', 'float64', '--shape', '1024x2048x4096']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, new RegExp(`^Created ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`));
      assert.match(r.stdout, /<f8 +float64/);
      assert.match(r.stdout, /\(1024, 2048, 4096\), C/);
      assert.match(r.stdout, /64 GiB \(68,719,476,864 bytes/);
      assert.match(r.stdout, /on disk +4 KiB \(sparse/);
      assert.equal(statSync(path).size, 68719476864);
    });

    it('--json prints one object that numpy agrees with', function () {
      requireNumpy(this);
      const path = join(dir, 's.npy');
      const r = runCli(['create', path, '--dtype', "[('x', '<f4'), ('y', '>i2', (3,))]", '--shape', '(4, 5)', '--order', 'F', '--json']);
      assert.equal(r.code, 0, r.stderr);
      const j = JSON.parse(r.stdout) as Record<string, unknown>;
      const o = pythonJson<Record<string, unknown>>(String.raw`
import sys, json, os, numpy as np
a = np.load(sys.argv[1], mmap_mode='r')
from numpy.lib import format as fmt
print(json.dumps(dict(path=os.path.abspath(sys.argv[1]), descr=repr(fmt.dtype_to_descr(a.dtype)), shape=list(a.shape),
    fortranOrder=bool(a.flags.f_contiguous and not a.flags.c_contiguous), itemsize=a.dtype.itemsize,
    elementCount=int(a.size), dataBytes=int(a.nbytes), fileBytes=os.path.getsize(sys.argv[1]),
    dataOffset=int(a.offset), zeros=not a.tobytes().strip(b'\0'))))
`, [path]);
      assert.equal(o.zeros, true);
      delete o.zeros;
      for (const [k, v] of Object.entries(o)) assert.deepEqual(j[k], v, k);
      assert.equal(j.replaced, false);
      assert.equal(j.version, '1.0');
      assert.equal(j.allocate, 'sparse');
      assert.equal(typeof j.allocatedBytes, 'number');
    });

    it('accepts all three shape spellings (and both scalar spellings) with identical results', () => {
      const files: Buffer[] = [];
      for (const [i, shape] of ['2,3,4', '(2, 3, 4)', '2x3x4'].entries()) {
        const path = join(dir, `s${i}.npy`);
        assert.equal(runCli(['create', path, '--dtype', '<i4', '--shape', shape]).code, 0, shape);
        files.push(readFileSync(path));
      }
      assert.deepEqual(files[1], files[0]);
      assert.deepEqual(files[2], files[0]);
      assert.match(files[0]!.toString('latin1'), /'shape': \(2, 3, 4\)/);
      const scalars = ['()', ''].map((shape, i) => {
        const path = join(dir, `scalar${i}.npy`);
        const r = runCli(['create', path, '--dtype', 'f8', '--shape', shape, '--json']);
        assert.equal(r.code, 0, r.stderr);
        assert.deepEqual((JSON.parse(r.stdout) as { shape: unknown }).shape, []);
        return readFileSync(path);
      });
      assert.deepEqual(scalars[1], scalars[0]);
    });

    it('--force: refused without it (file intact), replaced with it', () => {
      const path = join(dir, 'a.npy');
      writeFileSync(path, 'keep me');
      const line = assertFailure(runCli(['create', path, '--dtype', 'f8', '--shape', '3']));
      assert.match(line, /already exists.*--force/);
      assert.equal(readFileSync(path, 'utf8'), 'keep me');
      const r = runCli(['create', path, '--dtype', 'f8', '--shape', '3', '--force', '--json']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal((JSON.parse(r.stdout) as { replaced: boolean }).replaced, true);
      assert.equal(statSync(path).size, 128 + 24);
      const again = runCli(['create', path, '--dtype', 'u1', '--shape', '3']);
      assertFailure(again);
      assert.equal(statSync(path).size, 128 + 24, 'the replaced file stays after a refused create');
    });

    it('operation failures exit 1 with exactly one error line', () => {
      const failures: Array<[string[], RegExp]> = [
        [['create', join(dir, 'a.npy'), '--dtype', 'float65', '--shape', '3'], /float65/],
        [['create', join(dir, 'a.npy'), '--dtype', 'O', '--shape', '3'], /pickle/],
        [['create', join(dir, 'a.npy'), '--dtype', 'f8', '--shape', '3,-1'], /./],
        [['create', join(dir, 'a.npy'), '--dtype', 'f8', '--shape', String(1n << 62n)], /numpy/],
        [['create', join(dir, 'a.npy'), '--dtype', 'f8', '--shape', String(1n << 50n)], /Node/],
        [['create', join(dir, 'no', 'a.npy'), '--dtype', 'f8', '--shape', '3'], /does not exist/],
        [['create', dir, '--dtype', 'f8', '--shape', '3', '--force'], /folder/],
      ];
      for (const [args, re] of failures) assert.match(assertFailure(runCli(args)), re, args.join(' '));
      assert.deepEqual(listDir(dir), []);
    });

    it('full allocation prints no progress when stderr is not a terminal', () => {
      const path = join(dir, 'full.npy');
      const r = runCli(['create', path, '--dtype', 'u1', '--shape', '3000000', '--allocate', 'full', '--json'],
        { env: { ...process.env, ZEROED_NPY_NO_FALLOCATE: '1' } });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      const j = JSON.parse(r.stdout) as { sparse: boolean; method: string; allocatedBytes: number; fileBytes: number };
      assert.equal(j.method, 'chunked');
      assert.equal(j.sparse, false);
      assert.ok(j.allocatedBytes >= j.fileBytes - 4096);
    });

    it('full allocation shows progress on stderr when it is a terminal (via script(1))', function () {
      requireTool(this, commandExists('script'), 'needs util-linux script(1) to give the CLI a terminal');
      const path = join(dir, 'tty.npy');
      const command = [process.execPath, cliPath, 'create', path, '--dtype', 'u1', '--shape', String(64 << 20), '--allocate', 'full']
        .map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
      const r = spawnSync('script', ['-qec', command, '/dev/null'], {
        encoding: 'utf8', env: { ...process.env, ZEROED_NPY_NO_FALLOCATE: '1' },
      });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /\rAllocating [^\r]* of 64 MiB \(\d+%\)/);
      assert.match(r.stdout, /Allocating 64 MiB of 64 MiB \(100%\)/);
      assert.match(r.stdout, /Created /);
      assert.equal(statSync(path).size, (64 << 20) + 128);
    });

    it('Ctrl-C during a full allocation aborts cleanly: one error line, temp file removed, old file intact', async () => {
      const path = join(dir, 'big.npy');
      writeFileSync(path, 'old');
      // 8 GiB written as zero chunks (fast path off) takes long enough to be interrupted.
      const run = startCli(['create', path, '--dtype', 'u1', '--shape', String(8n << 30n), '--allocate', 'full', '--force'],
        { env: { ...process.env, ZEROED_NPY_NO_FALLOCATE: '1' } });
      const started = Date.now();
      let sawTemp = false;
      while (Date.now() - started < 20000) {
        const tmp = leftoverTempFiles(dir);
        if (tmp.length === 1 && statSync(join(dir, tmp[0]!)).size > 16 << 20) { sawTemp = true; break; }
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.ok(sawTemp, 'the temp file appeared and grew');
      run.child.kill('SIGINT');
      const r = await run.done;
      const line = assertFailure(r);
      assert.match(line, /^error: Cancelled/);
      assert.deepEqual(listDir(dir), ['big.npy']);
      assert.equal(readFileSync(path, 'utf8'), 'old');
    });
  });

  describe('inspect', () => {
    it('prints a readable table with a field table for structs', () => {
      const path = join(dir, 's.npy');
      assert.equal(runCli(['create', path, '--dtype', "[('x', '<f4'), ('y', '<i4', (2,))]", '--shape', '10']).code, 0);
      const r = runCli(['inspect', path]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      for (const label of ['file', 'status', 'version', 'dtype', 'shape', 'order', 'elements', 'header', 'data', 'file size', 'allocated', 'alignment', 'growth room']) {
        assert.match(r.stdout, new RegExp(`^${label} +\\S`, 'm'), label);
      }
      assert.match(r.stdout, /^status +Valid/m);
      assert.match(r.stdout, /^fields\n +name +descr +offset +size +shape\n +x +'<f4' +0 +4\n +y +'<i4' +4 +8 +\(2,\)$/m);
    });

    it('--json has the contract keys and numpy agrees', function () {
      requireNumpy(this);
      const path = join(dir, 'r.npy');
      const o = pythonJson<Record<string, unknown>>(String.raw`
import sys, json, os, numpy as np
from numpy.lib import format as fmt
a = np.asfortranarray(np.arange(24, dtype='>f4').reshape(2, 3, 4))
np.save(sys.argv[1], a)
with open(sys.argv[1], 'rb') as f:
    v = fmt.read_magic(f)
    shape, fortran, dtype = fmt.read_array_header_1_0(f)
    off = f.tell()
print(json.dumps(dict(version='%d.%d' % v, descr=dtype.str, fortranOrder=fortran, shape=list(shape), itemsize=dtype.itemsize,
    elementCount=a.size, dataOffset=off, dataBytes=a.nbytes, fileBytes=os.path.getsize(sys.argv[1]), status='ok')))
`, [path]);
      const r = runCli(['inspect', path, '--json']);
      assert.equal(r.code, 0, r.stderr);
      const j = JSON.parse(r.stdout) as Record<string, unknown>;
      for (const [k, v] of Object.entries(o)) assert.deepEqual(j[k], v, k);
      assert.equal(typeof j.allocatedBytes, 'number');
    });

    it('--json writes integers above 2^53-1 as decimal strings', () => {
      const path = join(dir, 'huge-header.npy');
      writeFileSync(path, buildHeader(parseDtype('u1').dtype, [1n << 60n, 3n], false));
      const r = runCli(['inspect', path, '--json']);
      assert.equal(r.code, 0, r.stderr);
      const j = JSON.parse(r.stdout) as Record<string, unknown>;
      assert.deepEqual(j.shape, [String(1n << 60n), 3]);
      assert.equal(j.elementCount, String(3n << 60n));
      assert.equal(j.status, 'truncated');
      assert.equal(typeof j.fileBytes, 'number');
    });

    it('bad files and missing files exit 1 with one line', () => {
      writeFileSync(join(dir, 'text.npy'), 'just text');
      assert.match(assertFailure(runCli(['inspect', join(dir, 'text.npy')])), /not an \.npy file/);
      assert.match(assertFailure(runCli(['inspect', join(dir, 'missing.npy')])), /does not exist/);
      assert.match(assertFailure(runCli(['inspect', dir])), /folder/);
      assert.ok(existsSync(join(dir, 'text.npy')));
    });

    it('control characters from a hostile header never reach the terminal raw', () => {
      const path = join(dir, 'evil.npy');
      writeFileSync(path, buildHeader(parseDtype("[('\\x1b[31mred\\x07', '<f4')]").dtype, [2n], false));
      const r = runCli(['inspect', path]);
      assert.equal(r.code, 0, r.stderr);
      // eslint-disable-next-line no-control-regex -- no raw control character may reach the terminal
      assert.doesNotMatch(r.stdout, /[\u0000-\u0008\u000b-\u001f\u007f]/);
      assert.match(r.stdout, /\\x1b\[31mred\\x07/);
    });
  });
});
