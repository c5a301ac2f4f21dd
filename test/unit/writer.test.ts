// writeZeroedNpy / planZeroedNpy without numpy: sizes, sparseness, safety of existing files, cancellation,
// full allocation (both paths), and one-sentence errors. numpy loading is checked in test/numpy/writer.test.ts.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fallocatePath, fullAllocationSettings } from '../../src/core/file/allocate';
import { NpyError } from '../../src/core/errors';
import { planZeroedNpy, writeZeroedNpy } from '../../src/core/file/writer';
import { assertOneSentence, rejectsNpy } from '../helpers/assertions';
import { cliPath, ensureCliBundle } from '../helpers/cli';
import { leftoverDebris, listDir, makeTempDir, removeTempDir } from '../helpers/tmp';
import { requireTool } from '../helpers/tools';

const GiB = 1n << 30n;
const TiB = 1n << 40n;

describe('planZeroedNpy', () => {
  it('computes sizes with bigints, header first', () => {
    const p = planZeroedNpy({ dtype: 'f8', shape: '1024,2048,4096' });
    assert.deepEqual(p.shape, [1024n, 2048n, 4096n]);
    assert.equal(p.elementCount, 1024n * 2048n * 4096n);
    assert.equal(p.dataBytes, 1024n * 2048n * 4096n * 8n);
    assert.equal(p.fileBytes, BigInt(p.header.length) + p.dataBytes);
    assert.equal(p.header.length % 64, 0);
    assert.equal(p.fortranOrder, false);
    assert.equal(p.dtype.str, '<f8');
  });

  it('accepts Dtype objects and bigint shapes as they are, and Fortran order', () => {
    const base = planZeroedNpy({ dtype: '>i2', shape: '3' });
    const p = planZeroedNpy({ dtype: base.dtype, shape: [5n, 7n], order: 'F' });
    assert.equal(p.dtype, base.dtype);
    assert.deepEqual(p.shape, [5n, 7n]);
    assert.equal(p.fortranOrder, true);
    assert.equal(p.dataBytes, 5n * 7n * 2n);
  });

  it('refuses object dtypes given as Dtype objects', () => {
    const base = planZeroedNpy({ dtype: 'f8', shape: '1' }).dtype;
    assert.throws(() => planZeroedNpy({ dtype: { ...base, kind: 'O', str: '|O', hasObject: true }, shape: [1n] }),
      (e: unknown) => e instanceof NpyError && e.code === 'object-dtype');
  });

  it('refuses negative dims in bigint shapes', () => {
    assert.throws(() => planZeroedNpy({ dtype: 'f8', shape: [3n, -1n] }), (e: unknown) => e instanceof NpyError && e.code === 'bad-shape');
  });

  it('says numpy cannot address over 2^63-1 bytes, and Node cannot size over 2^53-1, in different sentences', () => {
    let numpyMsg = '';
    let nodeMsg = '';
    assert.throws(() => planZeroedNpy({ dtype: 'f8', shape: [1n << 62n] }), (e: unknown) => {
      assert.ok(e instanceof NpyError);
      assert.equal(e.code, 'too-large-numpy');
      numpyMsg = e.message;
      return true;
    });
    // 2^50 float64 = 2^53 bytes: numpy could, Node cannot.
    assert.throws(() => planZeroedNpy({ dtype: 'f8', shape: [1n << 50n] }), (e: unknown) => {
      assert.ok(e instanceof NpyError);
      assert.equal(e.code, 'too-large-node');
      nodeMsg = e.message;
      return true;
    });
    assertOneSentence(numpyMsg);
    assertOneSentence(nodeMsg);
    assert.notEqual(numpyMsg, nodeMsg);
    assert.match(numpyMsg, /numpy/);
    assert.match(nodeMsg, /Node/);
  });

  it('folds a subarray dtype into the shape, as numpy does', () => {
    const p = planZeroedNpy({ dtype: '(2,3)<f8', shape: '4' });
    assert.deepEqual(p.shape, [4n, 2n, 3n]);
    assert.equal(p.dtype.str, '<f8');
    assert.equal(p.dataBytes, 4n * 2n * 3n * 8n);
  });

  it('sizes up to 2^53-1 file bytes are fine', () => {
    const header = planZeroedNpy({ dtype: 'u1', shape: '1' }).header.length;
    const p = planZeroedNpy({ dtype: 'u1', shape: [BigInt(Number.MAX_SAFE_INTEGER) - BigInt(header)] });
    assert.equal(p.fileBytes, BigInt(Number.MAX_SAFE_INTEGER));
  });
});

describe('writeZeroedNpy', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => { dir = makeTempDir(); });
  afterEach(() => {
    try {
      assert.deepEqual(leftoverDebris(dir), [], 'no temp file or lock may be left behind');
    } finally {
      removeTempDir(dir);
      fullAllocationSettings.useFallocate = true;
      fullAllocationSettings.chunkBytes = 8 * 1024 * 1024;
    }
  });

  it('creates a 64 GiB <f8 (1024, 2048, 4096) file that allocates at most 4096 bytes', async () => {
    const path = join(dir, 'big.npy');
    const r = await writeZeroedNpy({ path, dtype: '<f8', shape: '1024,2048,4096' });
    const st = statSync(path);
    assert.equal(BigInt(st.size), 64n * GiB + 128n);
    assert.equal(r.fileBytes, 64n * GiB + 128n);
    assert.ok(st.blocks * 512 <= 4096, `allocated ${st.blocks * 512} bytes`);
    assert.equal(r.allocatedBytes, BigInt(st.blocks) * 512n);
    assert.equal(r.sparse, true);
    assert.equal(r.method, 'ftruncate');
    assert.equal(r.replaced, false);
    assert.equal(r.path, path);
    assert.deepEqual(readHead(path, r.header.length), r.header);
    assert.deepEqual(listDir(dir), ['big.npy']);
  });

  it('never touches an existing file without overwrite', async () => {
    const path = join(dir, 'a.npy');
    const old = Buffer.from('precious bytes\n');
    writeFileSync(path, old);
    const before = statSync(path);
    const e = await rejectsNpy(() => writeZeroedNpy({ path, dtype: 'f8', shape: '10' }), 'exists');
    assert.ok(e.message.includes(path));
    assert.deepEqual(readFileSync(path), old);
    assert.equal(statSync(path).mtimeMs, before.mtimeMs);
    assert.deepEqual(listDir(dir), ['a.npy']);
  });

  it('replaces an existing file with overwrite', async () => {
    const path = join(dir, 'a.npy');
    writeFileSync(path, 'old');
    const r = await writeZeroedNpy({ path, dtype: 'u1', shape: '(2, 3)', overwrite: true });
    assert.equal(r.replaced, true);
    const bytes = readFileSync(path);
    assert.equal(bytes.length, r.header.length + 6);
    assert.deepEqual(new Uint8Array(bytes.subarray(0, r.header.length)), r.header);
    assert.ok(bytes.subarray(r.header.length).every((b) => b === 0));
  });

  it('a replaced file keeps its permission bits, and its owner and group (as root); a new one gets the default', async function () {
    const path = join(dir, 'a.npy');
    writeFileSync(path, 'old');
    chmodSync(path, 0o640);
    const root = process.getuid?.() === 0;
    if (root) chownSync(path, 65534, 65534);
    await writeZeroedNpy({ path, dtype: 'u1', shape: '3', overwrite: true });
    const st = statSync(path);
    assert.equal(st.mode & 0o777, 0o640);
    if (root) assert.deepEqual([st.uid, st.gid], [65534, 65534]);
    chmodSync(path, 0o600);
    await writeZeroedNpy({ path, dtype: 'u1', shape: '3', overwrite: true });
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const fresh = join(dir, 'b.npy');
    await writeZeroedNpy({ path: fresh, dtype: 'u1', shape: '3' });
    const umask = process.umask();
    assert.equal(statSync(fresh).mode & 0o777, 0o666 & ~umask);
  });

  it('syncs the folder after the new name is in place (strace: fsync of the folder after link/rename)', function () {
    requireTool(this, process.platform === 'linux' && spawnSync('strace', ['-V']).status === 0, 'needs strace on Linux (apt-get install -y strace)');
    ensureCliBundle();
    for (const force of [false, true]) {
      const path = join(dir, 'a.npy');
      const log = join(dir, `strace-${force}.log`);
      const r = spawnSync('strace', ['-f', '-qq', '-y', '-e', 'trace=fsync,link,linkat,rename,renameat,renameat2', '-o', log,
        process.execPath, cliPath, 'create', path, '--dtype', 'u1', '--shape', '3', ...(force ? ['--force'] : [])], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const lines = readFileSync(log, 'utf8').split('\n');
      const moved = lines.findIndex((l) => /\b(link|linkat|rename|renameat2?)\(/.test(l) && l.includes(path) && / = 0$/.test(l));
      assert.ok(moved >= 0, `no successful link/rename to ${path}:\n${lines.join('\n')}`);
      const folderSync = lines.findIndex((l, i) => i > moved && new RegExp(`fsync\\(\\d+<${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}>\\) += 0`).test(l));
      assert.ok(folderSync > moved, `no fsync of ${dir} after the move:\n${lines.join('\n')}`);
      rmSync(log);
    }
  });

  it('reads no directory entries: a create in a folder of 5,000 files lists nothing (strace: no getdents)', function () {
    requireTool(this, process.platform === 'linux' && spawnSync('strace', ['-V']).status === 0, 'needs strace on Linux (apt-get install -y strace)');
    ensureCliBundle();
    for (let i = 0; i < 5000; i++) writeFileSync(join(dir, `f${i}.bin`), '');
    const log = join(dir, 'strace.log');
    const path = join(dir, 'a.npy');
    const r = spawnSync('strace', ['-f', '-qq', '-y', '-e', 'trace=getdents,getdents64,openat', '-o', log,
      process.execPath, cliPath, 'create', path, '--dtype', 'u1', '--shape', '3'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const lines = readFileSync(log, 'utf8').split('\n');
    assert.ok(lines.some((l) => l.includes(`${path}.zeroed-npy-`) || l.includes('.a.npy.zeroed-npy-lock')), `strace saw no open of the lock: the count would be meaningless\n${lines.join('\n')}`);
    const listings = lines.filter((l) => /\bgetdents(64)?\(/.test(l) && l.includes(`<${dir}>`));
    assert.deepEqual(listings, [], 'directory entries of the target folder were read');
  });

  it('a missing folder gives one sentence and creates nothing', async () => {
    const path = join(dir, 'missing', 'a.npy');
    const e = await rejectsNpy(() => writeZeroedNpy({ path, dtype: 'f8', shape: '4' }), 'io');
    assert.equal(e.errno, 'ENOENT');
    assert.ok(e.message.includes(path));
    assert.match(e.message, /does not exist/);
    assert.deepEqual(listDir(dir), []);
  });

  it('a file in place of the folder is ENOTDIR; a folder in place of the file is EISDIR', async () => {
    writeFileSync(join(dir, 'file'), 'x');
    const e1 = await rejectsNpy(() => writeZeroedNpy({ path: join(dir, 'file', 'a.npy'), dtype: 'f8', shape: '4' }), 'io');
    assert.equal(e1.errno, 'ENOTDIR');
    mkdirSync(join(dir, 'sub'));
    for (const overwrite of [false, true]) {
      const e2 = await rejectsNpy(() => writeZeroedNpy({ path: join(dir, 'sub'), dtype: 'f8', shape: '4', overwrite }), 'io');
      assert.equal(e2.errno, 'EISDIR');
    }
    assert.deepEqual(listDir(dir), ['file', 'sub']);
    assert.deepEqual(listDir(join(dir, 'sub')), []);
  });

  it('refuses an empty name and a trailing separator', async () => {
    await rejectsNpy(() => writeZeroedNpy({ path: '', dtype: 'f8', shape: '4' }), 'bad-name');
    await rejectsNpy(() => writeZeroedNpy({ path: `${dir}/`, dtype: 'f8', shape: '4' }), 'bad-name');
  });

  it('validates everything before any I/O (bad dtype, folder untouched)', async () => {
    await rejectsNpy(() => writeZeroedNpy({ path: join(dir, 'a.npy'), dtype: 'not-a-dtype', shape: '4' }), 'bad-dtype');
    await rejectsNpy(() => writeZeroedNpy({ path: join(dir, 'a.npy'), dtype: 'f8', shape: '4,,x' }), 'bad-shape');
    assert.deepEqual(listDir(dir), []);
  });

  it('a 17 TiB file on ext4 fails with EFBIG in one sentence, old file intact, no temp file', async function () {
    const fsType = spawnSync('stat', ['-f', '-c', '%T', dir], { encoding: 'utf8' }).stdout.trim();
    const path = join(dir, 'huge.npy');
    writeFileSync(path, 'old content');
    const shape = [(17n * TiB) / 8n];
    if (/^ext[234]|ext2\/ext3/.test(fsType)) {
      const e = await rejectsNpy(() => writeZeroedNpy({ path, dtype: 'f8', shape, overwrite: true }), 'io');
      assert.equal(e.errno, 'EFBIG');
      assert.ok(e.message.includes(path));
      assert.match(e.message, /ext4 stops at 16 TiB/);
      assert.match(e.message, /17 TiB/);
    } else {
      // Not ext4 here: the same path through the process file-size limit (see the ulimit test below).
      console.warn(`      ${dir} is ${fsType}, not ext4: checking EFBIG with ulimit -f instead`);
      const r = efbigViaUlimit(dir, path);
      assert.equal(r.errno, 'EFBIG', r.message);
      assertOneSentence(r.message);
    }
    assert.equal(readFileSync(path, 'utf8'), 'old content');
    assert.deepEqual(listDir(dir), ['huge.npy']);
  });

  it('EFBIG from the process file-size limit (ulimit -f) names the limit, old file intact', function () {
    requireTool(this, spawnSync('sh', ['-c', 'ulimit -f 64'], { encoding: 'utf8' }).status === 0, 'needs a POSIX sh with ulimit -f');
    const path = join(dir, 'limited.npy');
    writeFileSync(path, 'old content');
    const r = efbigViaUlimit(dir, path);
    assert.equal(r.code, 'io', r.message);
    assert.equal(r.errno, 'EFBIG', r.message);
    assertOneSentence(r.message);
    assert.match(r.message, /ulimit -f/);
    assert.equal(readFileSync(path, 'utf8'), 'old content');
    assert.deepEqual(listDir(dir), ['limited.npy']);
  });

  describe('full allocation', () => {
    const SIZE = '4194304'; // 4 MiB of u1

    it('fast path: fallocate -l, zeros, fully allocated, progress ends at the file size', async function () {
      requireTool(this, fallocatePath() !== undefined, 'needs util-linux fallocate on PATH for the fast path');
      const path = join(dir, 'full.npy');
      const progress: Array<[number, number]> = [];
      const r = await writeZeroedNpy({ path, dtype: 'u1', shape: SIZE, allocate: 'full', onProgress: (d, t) => progress.push([d, t]) });
      assert.equal(r.method, 'fallocate');
      checkFull(path, r.fileBytes, r.header, r.allocatedBytes);
      checkProgress(progress, Number(r.fileBytes));
    });

    it('chunked path: zero chunks with monotonic progress', async () => {
      fullAllocationSettings.useFallocate = false;
      fullAllocationSettings.chunkBytes = 1024 * 1024;
      const path = join(dir, 'full.npy');
      const progress: Array<[number, number]> = [];
      const r = await writeZeroedNpy({ path, dtype: 'u1', shape: SIZE, allocate: 'full', onProgress: (d, t) => progress.push([d, t]) });
      assert.equal(r.method, 'chunked');
      assert.equal(r.sparse, false);
      checkFull(path, r.fileBytes, r.header, r.allocatedBytes);
      checkProgress(progress, Number(r.fileBytes));
      // header, then ceil(4 MiB / 1 MiB) chunks
      assert.equal(progress.length, 1 + Math.ceil(4194304 / (1024 * 1024)));
    });

    it('cancel mid-allocation: cancelled, no temp file, old file intact', async () => {
      fullAllocationSettings.useFallocate = false;
      fullAllocationSettings.chunkBytes = 512 * 1024;
      const path = join(dir, 'a.npy');
      writeFileSync(path, 'old content');
      const ac = new AbortController();
      let calls = 0;
      await rejectsNpy(() => writeZeroedNpy({
        path, dtype: 'u1', shape: SIZE, allocate: 'full', overwrite: true, signal: ac.signal,
        onProgress: (done) => { calls++; if (done > 1024 * 1024) ac.abort(); },
      }), 'cancelled');
      assert.ok(calls >= 3 && calls < 9, `stopped early, after ${calls} progress calls`);
      assert.equal(readFileSync(path, 'utf8'), 'old content');
      assert.deepEqual(listDir(dir), ['a.npy']);
    });

    it('an already aborted signal creates nothing', async () => {
      const ac = new AbortController();
      ac.abort();
      await rejectsNpy(() => writeZeroedNpy({ path: join(dir, 'a.npy'), dtype: 'u1', shape: '10', signal: ac.signal }), 'cancelled');
      assert.deepEqual(listDir(dir), []);
    });

    it('a file that appears meanwhile is never clobbered without overwrite', async () => {
      fullAllocationSettings.useFallocate = false;
      fullAllocationSettings.chunkBytes = 1024 * 1024;
      const path = join(dir, 'race.npy');
      let planted = false;
      await rejectsNpy(() => writeZeroedNpy({
        path, dtype: 'u1', shape: SIZE, allocate: 'full',
        onProgress: () => { if (!planted) { writeFileSync(path, 'someone else'); planted = true; } },
      }), 'exists');
      assert.equal(readFileSync(path, 'utf8'), 'someone else');
      assert.deepEqual(listDir(dir), ['race.npy']);
    });
  });

  describe('a folder that refuses writes (chattr +i)', () => {
    let locked: string | undefined;
    afterEach(() => {
      if (locked) spawnSync('chattr', ['-i', locked]);
      locked = undefined;
    });

    it('gives one sentence naming the file, and leaves nothing', async function () {
      const sub = join(dir, 'locked');
      mkdirSync(sub);
      const r = spawnSync('chattr', ['+i', sub], { encoding: 'utf8' });
      if (r.status !== 0) {
        // No chattr (or the file system has no immutable flag); root ignores chmod, so there is no other way to
        // provoke EPERM/EACCES here: test-errno mapping in writerFsErrors.test.ts covers the sentences.
        requireTool(this, false, `chattr +i is not available here (${(r.stderr || r.error?.message || '').trim()}); errno sentences are tested directly`);
        return;
      }
      locked = sub;
      const path = join(sub, 'a.npy');
      const e = await rejectsNpy(() => writeZeroedNpy({ path, dtype: 'f8', shape: '4' }), 'io');
      assert.ok(e.errno === 'EPERM' || e.errno === 'EACCES', `errno ${e.errno}`);
      assert.ok(e.message.includes(path));
      assert.deepEqual(listDir(sub), []);
    });
  });
});

/** The first n bytes of a file (never the whole 64 GiB). */
function readHead(path: string, n: number): Uint8Array {
  const buf = new Uint8Array(n);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buf, 0, n, 0);
  } finally {
    closeSync(fd);
  }
  return buf;
}

function checkFull(path: string, fileBytes: bigint, header: Uint8Array, allocatedBytes: bigint | null): void {
  const bytes = readFileSync(path);
  assert.equal(BigInt(bytes.length), fileBytes);
  assert.deepEqual(new Uint8Array(bytes.subarray(0, header.length)), header);
  assert.ok(bytes.subarray(header.length).every((b) => b === 0), 'data all zero');
  assert.ok(allocatedBytes !== null && allocatedBytes >= fileBytes - 4096n, `allocated ${allocatedBytes} of ${fileBytes}`);
  assert.equal(BigInt(statSync(path).blocks) * 512n, allocatedBytes);
}

function checkProgress(progress: Array<[number, number]>, total: number): void {
  assert.ok(progress.length >= 2, 'progress reported');
  for (let i = 1; i < progress.length; i++) {
    assert.ok(progress[i]![0] > progress[i - 1]![0], `progress increases: ${JSON.stringify(progress)}`);
  }
  assert.ok(progress.every(([d, t]) => t === total && d <= total));
  assert.equal(progress[progress.length - 1]![0], total);
}

/** Runs the writer in a child whose file-size limit is 64 KiB, creating 1 MiB sparse: EFBIG. */
function efbigViaUlimit(dir: string, path: string): { code: string; errno?: string; message: string } {
  const writer = require.resolve('../../src/core/file/writer');
  const script = `require(${JSON.stringify(writer)}).writeZeroedNpy({ path: ${JSON.stringify(path)}, dtype: 'u1', shape: '1048576', overwrite: true })
    .then(() => console.log(JSON.stringify({ code: 'none', message: 'created' })),
          (e) => console.log(JSON.stringify({ code: e.code, errno: e.errno, message: e.message })))`;
  const r = spawnSync('sh', ['-c', 'ulimit -f 64 && exec "$0" -e "$1"', process.execPath, script], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { code: string; errno?: string; message: string };
}
