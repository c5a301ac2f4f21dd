// Resize in place (src/core/file/resize.ts, `zeroed-npy resize`): what is planned, what is refused (always with the
// file byte for byte untouched), and the command line's contract. numpy's verdict is in test/numpy/resize.test.ts.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDtype } from '../../src/core/format/dtype';
import { NpyError } from '../../src/core/errors';
import { buildHeader, parseHeader } from '../../src/core/format/header';
import { planResize, planResizeAt, resizeNpy } from '../../src/core/file/resize';
import { writeZeroedNpy } from '../../src/core/file/writer';
import { assertFailure, assertUsage, ensureCliBundle, runCli } from '../helpers/cli';
import { makeTempDir, removeTempDir } from '../helpers/tmp';

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A .npy file of dtype and shape whose data bytes are 1, 2, 3, … (so cuts and moves would show). */
function npy(path: string, dtype: string, shape: bigint[], fortran = false, extraData = 0): Uint8Array {
  const header = buildHeader(parseDtype(dtype).dtype, shape, fortran);
  const items = shape.reduce((a, b) => a * b, 1n) * BigInt(parseDtype(dtype).dtype.itemsize);
  const data = Buffer.alloc(Number(items) + extraData);
  for (let i = 0; i < data.length; i++) data[i] = (i % 251) + 1;
  writeFileSync(path, Buffer.concat([header, data]));
  return header;
}

async function refused(p: Promise<unknown>, code: string, pattern: RegExp): Promise<NpyError> {
  let err: unknown;
  await p.then(() => assert.fail('expected a refusal'), (e: unknown) => { err = e; });
  assert.ok(err instanceof NpyError, String(err));
  assert.equal(err.code, code, err.message);
  assert.match(err.message, pattern);
  assert.doesNotMatch(err.message, /\n/);
  return err;
}

describe('resize: the plan', () => {
  const header = (dtype: string, shape: bigint[], fortran = false) => parseHeader(buildHeader(parseDtype(dtype).dtype, shape, fortran));

  it('tells reshape, grow, shrink and unchanged apart, on the growth axis of each order', () => {
    const c = header('<f8', [100n, 3n]);
    const size = BigInt(c.dataOffset) + 2400n;
    assert.equal(planResize(c, size, { shape: '300' }).kind, 'reshape');
    assert.equal(planResize(c, size, { shape: '100, 3' }).kind, 'unchanged');
    const grow = planResize(c, size, { shape: '250, 3' });
    assert.equal(grow.kind, 'grow');
    assert.equal(grow.rowsChanged, 150n);
    assert.equal(grow.newFileBytes, BigInt(c.dataOffset) + 6000n);
    assert.equal(grow.cutBytes, 0n);
    assert.equal(grow.header.length, c.dataOffset, 'the header keeps its length');
    assert.equal(grow.change, 'grows axis 0 from 100 to 250 (+150 rows, +3.52 KiB logical)');
    const shrink = planResize(c, size, { shape: '60,3' });
    assert.equal(shrink.kind, 'shrink');
    assert.equal(shrink.cutBytes, 960n);
    assert.match(shrink.summary, /^shrinks axis 0 from 100 to 60 \(−40 rows, −960 B logical\); cuts 960 B off the end of the file$/);
    const f = header('>i2', [4n, 5n, 6n], true);
    assert.equal(planResize(f, BigInt(f.dataOffset) + 240n, { shape: '4,5,9' }).kind, 'grow');
    assert.equal(planResize(f, BigInt(f.dataOffset) + 240n, { shape: '4,5,9' }).change, 'grows axis 2 from 6 to 9 (+3 indices, +120 B logical)');
  });

  it('refuses a change of another axis, of the number of dimensions, or of a 0-d array\'s size', () => {
    const c = header('<f8', [100n, 3n]);
    assert.throws(() => planResize(c, 0n, { shape: '100, 4' }, 'a.npy'), /^NpyError: Cannot resize a\.npy from \(100, 3\) to \(100, 4\): that changes axis 1, and only axis 0 \(the growth axis in C order\) can grow or shrink in place \(a reshape must keep the 300 elements\)\.$/);
    assert.throws(() => planResize(header('<f8', [4n, 5n], true), 0n, { shape: '5, 5' }), /changes axis 0, and only axis 1 \(the growth axis in Fortran order\)/);
    assert.throws(() => planResize(c, 0n, { shape: '100, 3, 2' }), /changes the number of dimensions and of elements/);
    assert.throws(() => planResize(header('<f8', []), 0n, { shape: '2' }), /is a 0-d array with 1 element/);
    assert.throws(() => planResize(header('<f8', []), 0n, { fit: true }), /0-d array: it has no axis to fit/);
    assert.throws(() => planResize(c, 0n, {}), /either a new shape or fit/);
    assert.throws(() => planResize(c, 0n, { shape: '3', fit: true }), /either a new shape or fit/);
  });

  it('refuses sizes numpy or Node cannot address, object arrays, and rows of 0 bytes for fit', () => {
    const c = header('<f8', [100n, 3n]);
    assert.throws(() => planResize(c, 0n, { shape: `${1n << 62n}, 3` }), (e: NpyError) => e.code === 'too-large-numpy');
    assert.throws(() => planResize(c, 0n, { shape: `${1n << 49n}, 3` }), (e: NpyError) => e.code === 'too-large-node' && /2\^53−1/.test(e.message));
    assert.throws(() => planResize(c, 0n, { shape: '9223372036854775808, 3' }), (e: NpyError) => e.code === 'bad-shape');
    const o = parseHeader(new Uint8Array(buildHeaderWithObject()));
    assert.throws(() => planResize(o, 1000n, { shape: '5' }), /holds Python objects \(a pickle\)/);
    assert.throws(() => planResize(header('<f8', [3n, 0n]), 1000n, { fit: true }), /holds 0 bytes/);
  });

  it('fit: takes in appended whole rows, and a partial row is a cut', () => {
    const c = header('<u2', [10n, 3n]);
    const off = BigInt(c.dataOffset);
    const more = planResize(c, off + 14n * 6n, { fit: true });
    assert.deepEqual([more.kind, more.newShape, more.cutBytes, more.newFileBytes], ['grow', [14n, 3n], 0n, off + 84n]);
    const torn = planResize(c, off + 7n * 6n + 5n, { fit: true });
    assert.deepEqual([torn.kind, torn.newShape, torn.cutBytes], ['shrink', [7n, 3n], 5n]);
    assert.match(torn.change, /^sets axis 0 to the 7 rows the data holds, from 10/);
    const ok = planResize(c, off + 60n, { fit: true });
    assert.deepEqual([ok.kind, ok.cutBytes], ['unchanged', 0n]);
  });
});

function buildHeaderWithObject(): Uint8Array {
  const text = "{'descr': '|O', 'fortran_order': False, 'shape': (3,), }";
  const padded = text + ' '.repeat(128 - 10 - text.length - 1) + '\n';
  return Buffer.concat([Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, padded.length, 0]), Buffer.from(padded, 'latin1')]);
}

describe('resize: the file', () => {
  let dir: string;
  beforeEach(() => { dir = makeTempDir(); });
  afterEach(() => removeTempDir(dir));

  it('grows sparsely: the old bytes stay, the new ones read as zeros, no block is added', async () => {
    const path = join(dir, 'a.npy');
    const r0 = await writeZeroedNpy({ path, dtype: 'f8', shape: '1024, 1024, 64' });
    const before = statSync(path).blocks;
    const r = await resizeNpy({ path, shape: '4096, 1024, 64' });
    assert.equal(r.plan.kind, 'grow');
    assert.equal(r.report.fileBytes, r0.fileBytes * 4n - 3n * BigInt(r0.header.length));
    assert.equal(r.report.dataOffset, r0.header.length);
    assert.equal(statSync(path).blocks, before);
    assert.equal(r.allocatedAfter, r.allocatedBefore);
  });

  it('shrinks only with force, and then cuts exactly the rows dropped', async () => {
    const path = join(dir, 'a.npy');
    const h = npy(path, '<i4', [10n, 2n]);
    const hash = sha(path);
    await refused(resizeNpy({ path, shape: '4, 2' }), 'needs-force', /^Not resized: this shrinks axis 0 from 10 to 4 \(−6 rows, −48 B logical\) and cuts 48 B off the end of .*a\.npy, whose data would be lost; allow cutting \(--force\) to go ahead\. A job that has the file memory-mapped crashes \(SIGBUS\)/);
    assert.equal(sha(path), hash, 'untouched');
    const r = await resizeNpy({ path, shape: '4, 2', force: true });
    const now = readFileSync(path);
    assert.equal(now.length, h.length + 32);
    assert.deepEqual([...now.subarray(h.length)], Array.from({ length: 32 }, (_, i) => i + 1));
    assert.deepEqual(r.report.shape, [4n, 2n]);
    assert.equal(r.report.status, 'ok');
  });

  it('reshape and unchanged touch nothing but the header (unchanged: nothing at all)', async () => {
    const path = join(dir, 'a.npy');
    const h = npy(path, '<f4', [6n, 4n], false, 3);
    const data = readFileSync(path).subarray(h.length);
    const r = await resizeNpy({ path, shape: '2, 3, 4' });
    assert.equal(r.plan.kind, 'reshape');
    assert.ok(readFileSync(path).subarray(h.length).equals(data), 'data and trailing bytes as they were');
    assert.equal(r.report.status, 'trailing-bytes');
    const mtime = statSync(path).mtimeMs;
    const hash = sha(path);
    await new Promise((res) => setTimeout(res, 20));
    assert.equal((await resizeNpy({ path, shape: '(2, 3, 4)' })).plan.kind, 'unchanged');
    assert.equal(sha(path), hash);
    assert.equal(statSync(path).mtimeMs, mtime, 'not even rewritten');
  });

  it('growing a file with trailing bytes never cuts them; fit takes them in', async () => {
    const path = join(dir, 'a.npy');
    npy(path, '<u2', [3n, 2n], false, 8 * 4);
    const size = statSync(path).size;
    const r = await resizeNpy({ path, shape: '5, 2' });
    assert.equal(statSync(path).size, size, 'the 8 trailing rows stay');
    assert.equal(r.report.status, 'trailing-bytes');
    const fit = await resizeNpy({ path, fit: true });
    assert.deepEqual(fit.report.shape, [11n, 2n]);
    assert.equal(fit.report.status, 'ok');
  });

  it('refuses hostile and unsuitable files in one sentence, each byte untouched', async () => {
    const cases: Array<[string, Buffer | string, string, RegExp]> = [
      ['text.npy', 'hello, world', 'not-npy', /not an \.npy file/],
      ['empty.npy', '', 'not-npy', /empty/],
      ['v9.npy', Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 9, 0, 10, 0]), 'bad-version', /version 9\.0/],
      ['cut.npy', Buffer.from(buildHeader(parseDtype('<f8').dtype, [3n], false)).subarray(0, 40), 'bad-header', /cut off inside its header/],
      ['object.npy', Buffer.concat([Buffer.from(buildHeaderWithObject()), Buffer.from('pickle')]), 'resize-refused', /Python objects/],
      ['extra-key.npy', rawHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'x': 1}"), 'bad-header', /unexpected key/],
    ];
    for (const [name, bytes, code, pattern] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const hash = sha(path);
      await refused(resizeNpy({ path, shape: '7' }), code, pattern);
      await refused(planResizeAt(path, { shape: '7' }), code, pattern);
      assert.equal(sha(path), hash, name);
    }
    await refused(resizeNpy({ path: join(dir, 'missing.npy'), shape: '7' }), 'io', /^Cannot resize .*missing\.npy: the file does not exist; check the path\.$/);
    mkdirSync(join(dir, 'folder.npy'));
    await refused(resizeNpy({ path: join(dir, 'folder.npy'), shape: '7' }), 'io', /it is a folder/);
  });

  it('v2.0 and v3.0 headers keep their version and length', async () => {
    const wide = `[${Array.from({ length: 4000 }, (_, i) => `('f${i}', '<u1')`).join(', ')}]`;
    const p2 = join(dir, 'v2.npy');
    const h2 = npy(p2, wide, [2n]);
    assert.equal(h2[6], 2);
    const r2 = await resizeNpy({ path: p2, shape: '5' });
    assert.equal(r2.report.version, '2.0');
    assert.equal(r2.report.dataOffset, h2.length);
    const p3 = join(dir, 'v3.npy');
    const h3 = npy(p3, "[('温度', '<f4')]", [2n]);
    assert.equal(h3[6], 3);
    const r3 = await resizeNpy({ path: p3, shape: '9' });
    assert.equal(r3.report.version, '3.0');
    assert.equal(r3.report.dataOffset, h3.length);
    assert.deepEqual(r3.report.shape, [9n]);
  });
});

function rawHeader(text: string): Buffer {
  const padded = text + ' '.repeat(64 - ((10 + text.length + 1) % 64)) + '\n';
  return Buffer.concat([Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, padded.length & 0xff, padded.length >> 8]), Buffer.from(padded, 'latin1')]);
}

describe('zeroed-npy resize (command line)', function () {
  this.timeout(60000);
  let dir: string;
  before(() => ensureCliBundle());
  beforeEach(() => { dir = makeTempDir(); });
  afterEach(() => removeTempDir(dir));

  it('prints a summary, or the inspect report with --json', () => {
    const path = join(dir, 'a.npy');
    npy(path, '<f8', [100n, 3n]);
    const r = runCli(['resize', path, '--shape', '250,3']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Resized .*a\.npy: grew axis 0 from 100 to 250 \(\+150 rows, \+3\.52 KiB logical\), 0 B more on disk\. Now \(250, 3\), 5\.98 KiB \(Valid: /);
    const j = runCli(['resize', path, '--shape', '750', '--json']);
    assert.equal(j.code, 0, j.stderr);
    const report = JSON.parse(j.stdout) as Record<string, unknown>;
    const inspect = JSON.parse(runCli(['inspect', path, '--json']).stdout) as Record<string, unknown>;
    assert.deepEqual(report, inspect, 'the same fields as inspect --json');
    assert.deepEqual(report.shape, [750]);
    const same = runCli(['resize', path, '--shape', '(750,)']);
    assert.match(same.stdout, /already has the shape \(750,\); nothing was changed\.\n$/);
  });

  it('refusals: exit 1, one error line, the file untouched; the shrink names --force', () => {
    const path = join(dir, 'a.npy');
    npy(path, '<f8', [100n, 3n]);
    const hash = sha(path);
    assert.match(assertFailure(runCli(['resize', path, '--shape', '10,3'])), /pass --force to go ahead/);
    assert.match(assertFailure(runCli(['resize', path, '--shape', '100,4'])), /changes axis 1/);
    assert.match(assertFailure(runCli(['resize', path, '--shape', '1x2x3x4x5x6x7x8x9'])), /changes the number of dimensions/);
    assert.match(assertFailure(runCli(['resize', path, '--shape=-1,3'])), /negative/);
    assert.match(assertFailure(runCli(['resize', join(dir, 'nope.npy'), '--fit'])), /does not exist/);
    truncateSync(path, statSync(path).size - 4);
    const torn = sha(path);
    assert.match(assertFailure(runCli(['resize', path, '--fit'])), /^error: Not resized: this sets axis 0 to the 99 rows the data holds, from 100 .* and cuts 20 B off the end/);
    assert.equal(sha(path), torn);
    assert.notEqual(torn, hash);
    const fixed = runCli(['resize', path, '--fit', '--force', '--json']);
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.deepEqual((JSON.parse(fixed.stdout) as { shape: number[]; status: string }).shape, [99, 3]);
  });

  it('wrong usage exits 2 with the usage lines, which name resize; --help resize explains --force', () => {
    assert.match(assertUsage(runCli(['resize'])), /missing <file> for resize/);
    assert.match(assertUsage(runCli(['resize', 'a.npy'])), /resize needs --shape <shape> or --fit/);
    assert.match(assertUsage(runCli(['resize', 'a.npy', '--fit', '--shape', '3'])), /not both/);
    assert.match(assertUsage(runCli(['resize', 'a.npy', '--shape'])), /argument missing|--shape/);
    assert.match(runCli(['resize', 'a.npy', '--fit', '--nope']).stderr, /^error: unknown option '--nope'/);
    const usage = runCli(['resize']).stderr;
    assert.match(usage, /zeroed-npy resize <file> --shape <shape> \[--force\] \[--json\]\n {7}zeroed-npy resize <file> --fit \[--force\] \[--json\]/);
    const help = runCli(['help', 'resize']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--force .*\n.*lost, and a job that has the file memory-mapped crashes \(SIGBUS\)/);
  });
});
