// `zeroed-npy inspect <file>.npz` as users run it: a member table, --json an array of member reports, and
// exactly one `error:` line (exit 1) for a damaged archive.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCliBundle, runCli } from '../helpers/cli';
import { makeTempDir, removeTempDir } from '../helpers/tmp';
import { buildZip, npyBytes } from './npzZip';

describe('npz: zeroed-npy inspect', function () {
  this.timeout(60000);
  let dir: string;
  let path: string;
  before(() => {
    ensureCliBundle();
    dir = makeTempDir('zeroed-npy-npzcli-');
    path = join(dir, 'a.npz');
    writeFileSync(path, buildZip([
      { name: 'x.npy', data: npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", new Uint8Array(24)) },
      { name: 'y\x1b[31m.npy', data: npyBytes("{'descr': '>i2', 'fortran_order': True, 'shape': (2, 5), }", new Uint8Array(20)), method: 8 },
      { name: 'notes.txt', data: Buffer.from('hello') },
    ]).bytes);
  });
  after(() => removeTempDir(dir));

  it('prints a member table with dtype, shape, order, sizes, method and status; names are escaped', () => {
    const r = runCli(['inspect', path]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^file\s+.*a\.npz$/m);
    assert.match(r.stdout, /3 members/);
    assert.match(r.stdout, /^read\s+[\d,]+ bytes/m);
    assert.match(r.stdout, /^\s+name\s+dtype\s+shape\s+order\s+uncompressed\s+compressed\s+method\s+status$/m);
    assert.match(r.stdout, /^\s+x\.npy\s+<f8\s+\(3,\)\s+C\s+152 B\s+152 B\s+stored\s+valid$/m);
    assert.match(r.stdout, /^\s+y\\x1b\[31m\.npy\s+>i2\s+\(2, 5\)\s+F\s+148 B\s+\S+ B\s+deflated\s+valid$/m);
    assert.match(r.stdout, /^\s+notes\.txt\s+-\s+-\s+-\s+5 B\s+5 B\s+stored\s+not a \.npy$/m);
    assert.ok(!r.stdout.includes('\x1b'), 'no raw escape sequence reaches the terminal');
    assert.match(r.stdout, /^notes$/m);
  });

  it('--json prints an array of member reports', () => {
    const r = runCli(['inspect', path, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const a = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    assert.ok(Array.isArray(a));
    assert.equal(a.length, 3);
    assert.deepEqual(a.map((m) => m.member), ['x.npy', 'y\x1b[31m.npy', 'notes.txt']);
    assert.equal(a[0]!.descr, '<f8');
    assert.deepEqual(a[0]!.shape, [3]);
    assert.equal(a[0]!.status, 'ok');
    assert.equal(a[0]!.compression, 'stored');
    assert.equal(a[0]!.uncompressedSize, 152);
    assert.equal(a[1]!.fortranOrder, true);
    assert.equal(a[1]!.compression, 'deflated');
    assert.equal(a[1]!.method, 8);
    assert.equal(a[2]!.status, 'error');
    assert.equal(a[2]!.errorCode, 'not-npy');
    assert.equal(typeof a[2]!.error, 'string');
  });

  it('a damaged archive is one error line and exit 1', () => {
    const bad = join(dir, 'bad.npz');
    writeFileSync(bad, Buffer.from('PK\x03\x04 this is not really a zip'));
    for (const args of [['inspect', bad], ['inspect', bad, '--json']]) {
      const r = runCli(args);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^error: .*bad\.npz is not a zip archive, or it is truncated: .*\.\n$/);
      assert.equal(r.stderr.split('\n').length, 2);
    }
  });
});
