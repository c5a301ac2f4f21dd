// Pieces of the create command that need no editor: argument checking, the JSON form of results, and the
// closing message with the measured on-disk size.
import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { formatBytes } from '../../../src/core/units';
import { writeZeroedNpy } from '../../../src/core/file/writer';
import { parseCreateArgs } from '../../../src/extension/model/createArgs';
import { createdMessage, createdNotice } from '../../../src/extension/model/createdMessage';
import { replaceConfirmation } from '../../../src/extension/model/replaceConfirmation';
import { toJsonForm } from '../../../src/extension/model/jsonForm';
import { formatMessage } from '../../../src/extension/model/translate';
import { makeTempDir, removeTempDir } from '../../helpers/tmp';

const t = formatMessage;

describe('zeroedNpy.create arguments', () => {
  it('passes every documented value through', () => {
    const r = parseCreateArgs({ folder: '/tmp', dtype: '<f8', shape: '2, 3', order: 'F', name: 'a.npy', overwrite: true, allocate: 'full' }, t);
    assert.deepEqual(r, { ok: true, args: { folder: '/tmp', dtype: '<f8', shape: '2, 3', order: 'F', name: 'a.npy', overwrite: true, allocate: 'full' } });
  });

  it('accepts a shape array and "Fortran"/"c" for order', () => {
    const r = parseCreateArgs({ shape: [1024, 2048], order: 'fortran' }, t);
    assert.ok(r.ok);
    assert.equal(r.args.shape, '1024, 2048');
    assert.equal(r.args.order, 'F');
    const s = parseCreateArgs({ shape: [], order: 'c' }, t);
    assert.ok(s.ok);
    assert.equal(s.args.shape, '()');
    assert.equal(s.args.order, 'C');
  });

  for (const [what, raw] of [
    ['dtype', { dtype: 8 }], ['shape', { shape: [1.5] }], ['shape', { shape: {} }], ['order', { order: 'K' }],
    ['name', { name: 3 }], ['overwrite', { overwrite: 'yes' }], ['allocate', { allocate: 'dense' }],
  ] as const) {
    it(`refuses a wrongly typed ${what} with one sentence`, () => {
      const r = parseCreateArgs(raw as Record<string, unknown>, t);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.message, new RegExp(`^The ${what} argument [^\\n]+\\.$`));
    });
  }
});

describe('JSON form of results', () => {
  it('bigint → number when exact, decimal string beyond 2^53 − 1; bytes → arrays', () => {
    const j = toJsonForm({ a: 5n, b: (1n << 53n) + 1n, c: new Uint8Array([0x93, 0x4e]), d: [1n, 'x'], e: undefined, f: null, g: { h: true } });
    assert.deepEqual(j, { a: 5, b: '9007199254740993', c: [0x93, 0x4e], d: [1, 'x'], f: null, g: { h: true } });
    assert.equal(toJsonForm(BigInt(Number.MAX_SAFE_INTEGER)), Number.MAX_SAFE_INTEGER);
  });

  it('turns a real WriteResult into plain JSON that survives a round trip', async () => {
    const dir = makeTempDir();
    try {
      const r = await writeZeroedNpy({ path: join(dir, 'a.npy'), dtype: '<i2', shape: '3, 4' });
      const j = toJsonForm(r) as Record<string, unknown>;
      assert.deepEqual(JSON.parse(JSON.stringify(j)), j);
      assert.equal(j.path, r.path);
      assert.equal(j.fileBytes, Number(r.fileBytes));
      assert.equal(j.sparse, r.sparse);
      assert.deepEqual(j.shape, [3, 4]);
    } finally {
      removeTempDir(dir);
    }
  });
});

describe('created message', function () {
  this.timeout(20000);
  it('"Created zeros_f8_1024x2048x4096.npy: 64 GiB logical, <measured> on disk (sparse)."', async () => {
    const dir = makeTempDir();
    try {
      const path = join(dir, 'zeros_f8_1024x2048x4096.npy');
      const r = await writeZeroedNpy({ path, dtype: '<f8', shape: '1024, 2048, 4096', allocate: 'sparse' });
      const onDisk = BigInt(statSync(path).blocks) * 512n;
      assert.equal(r.allocatedBytes, onDisk);
      assert.ok(r.sparse, 'this file system keeps holes');
      assert.equal(createdMessage(r, t), `Created zeros_f8_1024x2048x4096.npy: 64 GiB logical, ${formatBytes(onDisk)} on disk (sparse).`);
    } finally {
      removeTempDir(dir);
    }
  });

  it('says so when every byte was written, or when the size on disk is unknown', () => {
    const base = { path: '/d/z.npy', fileBytes: 1n << 30n, sparse: false };
    assert.equal(createdMessage({ ...base, allocatedBytes: 1n << 30n, allocate: 'full' }, t), 'Created z.npy: 1 GiB logical, 1 GiB on disk (fully allocated).');
    assert.equal(createdMessage({ ...base, allocatedBytes: 1n << 30n, allocate: 'sparse' }, t),
      'Created z.npy: 1 GiB logical, 1 GiB on disk (this file system does not keep it sparse).');
    assert.equal(createdMessage({ ...base, allocatedBytes: null, allocate: 'sparse' }, t),
      'Created z.npy: 1 GiB logical (the file system does not report its size on disk).');
    assert.equal(createdMessage({ ...base, fileBytes: 208n, allocatedBytes: 4096n, allocate: 'sparse' }, t), 'Created z.npy: 208 B logical, 4 KiB on disk.');
  });

  it('the notification is short when the preview shows the sizes, whole (a warning) when the disk did not keep it sparse', () => {
    const base = { path: '/d/zeros_f8_1024x2048x4096.npy', fileBytes: 64n << 30n, sparse: true, allocatedBytes: 4096n, allocate: 'sparse' as const };
    assert.deepEqual(createdNotice(base, t, true), { text: 'Created zeros_f8_1024x2048x4096.npy.', warning: false });
    assert.deepEqual(createdNotice(base, t, false), { text: createdMessage(base, t), warning: false });
    const dense = { ...base, sparse: false, allocatedBytes: 64n << 30n };
    assert.deepEqual(createdNotice(dense, t, true), { text: createdMessage(dense, t), warning: true });
    assert.deepEqual(createdNotice({ ...dense, allocate: 'full' }, t, true), { text: 'Created zeros_f8_1024x2048x4096.npy.', warning: false });
  });
});

describe('replace confirmation', () => {
  it('says the current data is lost, with its size, and lists Keep first (the default answer)', () => {
    const c = replaceConfirmation('zeros_f4_1000x1000.npy', 4_000_128n, t);
    assert.equal(c.message, `zeros_f4_1000x1000.npy already exists and holds ${formatBytes(4_000_128n)}. Replace it with a zero-filled file? Its current data will be lost.`);
    assert.match(c.keep, /^Keep/);
    assert.match(c.replace, /Lose Its Data/);
    assert.match(replaceConfirmation('a.npy', undefined, t).message, /current data will be lost/);
  });
});
