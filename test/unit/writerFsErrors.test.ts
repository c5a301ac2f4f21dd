// errno → sentence mapping, tested directly (it is also reached through real failures in writer.test.ts,
// but EDQUOT, EROFS, EMFILE… cannot be provoked safely on a test machine).
import * as assert from 'node:assert/strict';
import { NpyError } from '../../src/core/errors';
import { fsError, fsErrorSentence } from '../../src/core/file/fsErrors';
import { assertOneSentence } from '../helpers/assertions';

const ERRNOS = ['EFBIG', 'ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'ENOENT', 'EEXIST', 'EISDIR', 'ENOTDIR', 'ENAMETOOLONG', 'EMFILE'];
const PATH = '/data/arrays/a.npy';

function sysError(code: string, syscall = 'open'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: something happened, ${syscall} '/data/arrays/.a.npy.zeroed-npy-1-ab.tmp'`), { code, syscall });
}

describe('fserrors', () => {
  for (const action of ['create', 'read'] as const) {
    it(`gives one distinct sentence per errno naming the file (${action})`, () => {
      const seen = new Map<string, string>();
      for (const errno of ERRNOS) {
        const e = fsError(sysError(errno), { action, path: PATH, bytes: 1n << 40n });
        assert.ok(e instanceof NpyError);
        assert.equal(e.code, 'io');
        assert.equal(e.errno, errno);
        assertOneSentence(e.message);
        assert.ok(e.message.includes(PATH), e.message);
        assert.ok(!e.message.includes('zeroed-npy-1-ab.tmp'), 'never the temp file name');
        for (const [other, msg] of seen) assert.notEqual(e.message, msg, `${errno} and ${other} read the same`);
        seen.set(errno, e.message);
      }
    });
  }

  it('EFBIG names the file system limit when the size is over it', () => {
    const m = fsErrorSentence('EFBIG', { action: 'create', path: PATH, bytes: (17n << 40n) + 128n, fsLimit: { name: 'ext4', maxFileBytes: 16n << 40n } });
    assert.match(m, /^Cannot create \/data\/arrays\/a\.npy: the file system does not allow files of 17(\.\d)? TiB \(ext4 stops at 16 TiB\); choose a smaller shape or another file system/);
    assertOneSentence(m);
  });

  it('EFBIG under the file system limit points at ulimit -f', () => {
    const m = fsErrorSentence('EFBIG', { action: 'create', path: PATH, bytes: 1n << 20n, fsLimit: { name: 'ext4', maxFileBytes: 16n << 40n } });
    assert.match(m, /ulimit -f/);
    assert.doesNotMatch(m, /ext4 stops/);
  });

  it('ENOSPC on a sparse create: with free blocks left it is the extension that was refused (APFS), else the header found no room', () => {
    const space = (freeBytes: bigint) => ({ freeBytes, blockBytes: 4096n, noFreeInodes: false });
    const apfs = fsErrorSentence('ENOSPC', { action: 'create', path: PATH, bytes: 64n << 30n, allocate: 'sparse', space: space(10n << 30n) });
    assert.equal(apfs, `Cannot create ${PATH}: the file system refused a sparse file of 64 GiB for lack of free space (10 GiB free); some file systems (APFS) refuse even a sparse file larger than the free space: free some space, or create it smaller and grow it with resize.`);
    assertOneSentence(apfs);
    assert.match(fsErrorSentence('ENOSPC', { action: 'create', path: PATH, bytes: 64n << 30n, allocate: 'sparse', space: space(0n) }), /no room even for the header/);
    assert.match(fsErrorSentence('ENOSPC', { action: 'create', path: PATH, bytes: 64n << 30n, allocate: 'sparse' }), /no room even for the header/);
  });

  it('ENOENT says which folder is missing when creating, and that the file is missing when reading', () => {
    assert.match(fsErrorSentence('ENOENT', { action: 'create', path: PATH }), /the folder \/data\/arrays does not exist/);
    assert.match(fsErrorSentence('ENOENT', { action: 'read', path: PATH }), /the file does not exist/);
  });

  it('unknown errnos keep the system words, without the syscall and temp path', () => {
    const e = fsError(Object.assign(new Error("EIO: i/o error, write '/data/arrays/.a.npy.zeroed-npy-1-ab.tmp'"), { code: 'EIO' }), { action: 'create', path: PATH });
    assert.equal(e.errno, 'EIO');
    assert.equal(e.message, `Cannot create ${PATH}: i/o error (EIO); try again or choose another folder.`);
  });

  it('passes NpyErrors through and wraps errors without errno in one sentence', () => {
    const original = new NpyError('cancelled', 'Cancelled.');
    assert.equal(fsError(original, { action: 'create', path: PATH }), original);
    const e = fsError(new Error('boom\n    at somewhere (x.js:1:2)'), { action: 'read', path: PATH });
    assert.equal(e.code, 'io');
    assert.equal(e.message, `Cannot read ${PATH}: boom.`);
  });
});
