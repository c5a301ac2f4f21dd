// Names are names: a file called "back\slash.npy" is one name on Linux and macOS; only Windows reads the
// backslash as a folder separator. URI paths use "/" everywhere.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileBaseName, uriBaseName } from '../../src/core/file/baseName';
import { buildHeader } from '../../src/core/format/header';
import { dtypeFromDescr } from '../../src/core/format/dtype';
import { inspectNpy } from '../../src/core/file/inspect';
import { makeTempDir, removeTempDir } from '../helpers/tmp';

describe('file names from paths', () => {
  it('posix: a backslash is part of the name', () => {
    assert.equal(fileBaseName('/data/back\\slash.npy', 'linux'), 'back\\slash.npy');
    assert.equal(fileBaseName('/data/back\\slash.npy', 'darwin'), 'back\\slash.npy');
    assert.equal(fileBaseName('relative.npy', 'linux'), 'relative.npy');
  });

  it('Windows: both separators end a folder', () => {
    assert.equal(fileBaseName('C:\\Users\\me\\zeros.npy', 'win32'), 'zeros.npy');
    assert.equal(fileBaseName('C:/Users/me/zeros.npy', 'win32'), 'zeros.npy');
    assert.equal(fileBaseName('\\\\server\\share\\a.npy', 'win32'), 'a.npy');
  });

  it('URI paths: the last "/" segment, whatever the platform', () => {
    assert.equal(uriBaseName('/data/back\\slash.npy'), 'back\\slash.npy');
    assert.equal(uriBaseName('/c:/Users/me/zeros.npy'), 'zeros.npy');
    assert.equal(uriBaseName('/'), '');
  });

  it('inspect names a real "back\\slash.npy" by its whole name on this platform', async function () {
    if (process.platform === 'win32') this.skip(); // a backslash cannot be part of a Windows file name
    const dir = makeTempDir();
    try {
      const file = join(dir, 'back\\slash.npy');
      const header = buildHeader(dtypeFromDescr({ type: 'str', value: '<f8' }).dtype, [2n], false);
      writeFileSync(file, Buffer.concat([Buffer.from(header), Buffer.alloc(16)]));
      assert.equal((await inspectNpy(file)).fileName, 'back\\slash.npy');
    } finally {
      removeTempDir(dir);
    }
  });
});
