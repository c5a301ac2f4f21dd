// Exact quantities from the benchmark issue (speed is measured by `npm run bench`, never asserted):
// - bytes read by `inspect` ≤ header + 4 KiB, counted by the kernel (strace) for the CLI as a process, which also
//   sees any read Node makes outside the FileHandle layer. The in-process count through FileHandle is in
//   test/unit/inspect.test.ts (exactly the header of an 8 TiB file), so it is not repeated here.
// - allocated bytes (stat blocks × 512) after a sparse create ≤ 4096 on ext4: 1 TiB in-process, 64 GiB and 1 TiB
//   through the CLI (the 64 GiB in-process case is in test/unit/writer.test.ts).
import * as assert from 'node:assert/strict';
import { statfsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { INSPECT_READ_SLACK, SPARSE_ALLOCATED_BUDGET } from '../../bench/lib/budgets';
import { countReads, straceAvailable } from '../../bench/lib/strace';
import { planZeroedNpy, writeZeroedNpy } from '../../src/core/file/writer';
import { cliPath, ensureCliBundle, runCli } from '../helpers/cli';
import { makeTempDir, removeTempDir } from '../helpers/tmp';
import { requireTool } from '../helpers/tools';

/** statfs magic numbers of file systems where ftruncate leaves only the written header block allocated. */
const SPARSE_FS: Record<number, string> = {
  0xef53: 'ext2/3/4', 0x58465342: 'XFS', 0x9123683e: 'btrfs', 0x01021994: 'tmpfs', 0x794c7630: 'overlayfs',
};

describe('budgets: bytes read by inspect (strace on the CLI)', function () {
  this.timeout(60_000);
  let dir: string;
  before(function () {
    requireTool(this, process.platform === 'linux' && straceAvailable(), "needs strace on Linux to count the CLI's reads (apt-get install -y strace)");
    ensureCliBundle();
    dir = makeTempDir();
  });
  after(() => { if (dir) removeTempDir(dir); });

  for (const [name, shape] of [['1 KiB', [112n]], ['8 TiB sparse', [1n << 40n]]] as const) {
    it(`zeroed-npy inspect of ${name === '1 KiB' ? 'a' : 'an'} ${name} file reads at most header + ${INSPECT_READ_SLACK} bytes, and says how many`, async () => {
      const path = join(dir, `${name.replace(/\W+/g, '-')}.npy`);
      const w = await writeZeroedNpy({ path, dtype: '<f8', shape: [...shape] });
      const header = w.header.length;
      const reads = countReads({ cmd: process.execPath, args: [cliPath, 'inspect', path, '--json'] }, path);
      assert.ok(reads.calls > 0, 'strace saw no read of the file at all: the count would be meaningless');
      assert.ok(reads.bytes <= header + INSPECT_READ_SLACK, `read ${reads.bytes} bytes in ${reads.calls} calls; header is ${header}`);
      if (reads.maxEnd !== null) assert.ok(reads.maxEnd <= header + INSPECT_READ_SLACK, `read up to offset ${reads.maxEnd}`);
      // The report's "read" line must be the truth the kernel saw.
      const r = runCli(['inspect', path, '--json']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal((JSON.parse(r.stdout) as { bytesRead: number }).bytesRead, reads.bytes);
    });
  }
});

describe('budgets: allocated bytes after a sparse create', function () {
  this.timeout(60_000);
  let dir: string;
  let fsName: string | undefined;
  before(function () {
    ensureCliBundle();
    dir = makeTempDir();
    const type = statfsSync(dir).type;
    fsName = SPARSE_FS[type];
    requireTool(this, process.platform === 'linux' && fsName !== undefined,
      `the ${SPARSE_ALLOCATED_BUDGET}-byte allocation budget is defined for ext4 (and XFS, btrfs, tmpfs, overlayfs); ${dir} is on file system type 0x${type.toString(16)}`);
  });
  after(() => { if (dir) removeTempDir(dir); });

  const allocated = (p: string): number => statSync(p).blocks * 512;

  it(`1 TiB in-process (writeZeroedNpy): ≤ ${SPARSE_ALLOCATED_BUDGET} bytes allocated, as reported`, async () => {
    const path = join(dir, 'core-1TiB.npy');
    const r = await writeZeroedNpy({ path, dtype: '<f8', shape: [16384n, 16384n, 512n] });
    assert.equal(statSync(path).size, 2 ** 40 + 128);
    assert.ok(allocated(path) <= SPARSE_ALLOCATED_BUDGET, `${fsName}: allocated ${allocated(path)} bytes`);
    assert.equal(r.allocatedBytes, BigInt(allocated(path)));
  });

  for (const [name, shape] of [['64 GiB', '1024,2048,4096'], ['1 TiB', '16384,16384,512']] as const) {
    it(`${name} through the CLI: ≤ ${SPARSE_ALLOCATED_BUDGET} bytes allocated, as reported`, () => {
      const path = join(dir, `cli-${name.replace(' ', '')}.npy`);
      const r = runCli(['create', path, '--dtype', '<f8', '--shape', shape, '--json']);
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { fileBytes: number; allocatedBytes: number };
      assert.equal(statSync(path).size, Number(planZeroedNpy({ dtype: '<f8', shape }).fileBytes));
      assert.equal(out.fileBytes, statSync(path).size);
      assert.ok(allocated(path) <= SPARSE_ALLOCATED_BUDGET, `${fsName}: allocated ${allocated(path)} bytes`);
      assert.equal(out.allocatedBytes, allocated(path));
    });
  }
});
