// The CLI's code cache for Node < 22.1 (src/cli/codeCache.ts): a bundle loads the same with or without it; a cache
// is used only for the byte-identical bundle it was made from; a damaged cache or an untrusted folder costs the cache,
// never the command; and the built CLI prints the same bytes with the cache cold, warm and off.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CacheOutcome } from '../../src/cli/codeCache';
import { writeZeroedNpy } from '../../src/core/file/writer';
import { ensureCliBundle, runCli } from '../helpers/cli';
import { makeTempDir, removeTempDir } from '../helpers/tmp';

const BUNDLE = `"use strict";
function twice(x) { return 2 * x; }
module.exports = { answer: twice(21), file: __filename, dir: __dirname, hasRequire: typeof require('node:path').join };
`;

/**
 * loadWithCache in a fresh Node process, as each CLI run is (in one process V8's own in-memory cache would answer a
 * second compile of the same text, and the file's cache would never be read). The cache is written at its exit.
 */
function loadWithCache(file: string, cacheDir: string): { exports: unknown; cache: CacheOutcome } {
  const script = `const [m, f, d] = process.argv.slice(1); const r = require(m).loadWithCache(f, d);
process.stdout.write(JSON.stringify(r));`;
  const r = spawnSync(process.execPath, ['-e', script, require.resolve('../../src/cli/codeCache'), file, cacheDir], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { exports: unknown; cache: CacheOutcome };
}

describe('CLI code cache (Node < 22.1)', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => { dir = makeTempDir(); });
  afterEach(() => removeTempDir(dir));

  function bundle(text = BUNDLE): string {
    const f = join(dir, 'cli-x.js');
    writeFileSync(f, text);
    return f;
  }

  it('loads a bundle as require would; the first load makes the cache, the next uses it', () => {
    const f = bundle();
    const cacheDir = join(dir, 'cache');
    const first = loadWithCache(f, cacheDir);
    assert.deepEqual(first.exports, { answer: 42, file: f, dir, hasRequire: 'function' });
    assert.equal(first.cache, 'miss');
    const files = readdirSync(cacheDir);
    assert.equal(files.length, 1);
    assert.match(files[0]!, /^cli-x\.js\..+\.cache$/);
    const second = loadWithCache(f, cacheDir);
    assert.equal(second.cache, 'hit');
    assert.deepEqual(second.exports, first.exports);
  });

  it('a changed bundle of the same length is not given the old cache', () => {
    const f = bundle();
    const cacheDir = join(dir, 'cache');
    loadWithCache(f, cacheDir);
    bundle(BUNDLE.replace('2 * x', '3 * x'));
    const changed = loadWithCache(f, cacheDir);
    assert.equal(changed.cache, 'miss');
    assert.equal((changed.exports as { answer: number }).answer, 63);
    assert.equal(loadWithCache(f, cacheDir).cache, 'hit', 'made again for the new bundle');
  });

  it('a damaged cache is refused by V8 and replaced; the bundle still loads', () => {
    const f = bundle();
    const cacheDir = join(dir, 'cache');
    loadWithCache(f, cacheDir);
    const cacheFile = join(cacheDir, readdirSync(cacheDir)[0]!);
    const raw = readFileSync(cacheFile);
    const header = 4 + Buffer.byteLength(BUNDLE);
    writeFileSync(cacheFile, Buffer.concat([raw.subarray(0, header), Buffer.alloc(raw.length - header, 0xa5)]));
    const damaged = loadWithCache(f, cacheDir);
    assert.equal(damaged.cache, 'rejected');
    assert.equal((damaged.exports as { answer: number }).answer, 42);
    assert.equal(loadWithCache(f, cacheDir).cache, 'hit');
  });

  it('keeps no cache in a folder others can write, in a symlink, or where no folder can be made', () => {
    const f = bundle();
    const open = join(dir, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    const real = join(dir, 'real');
    mkdirSync(real, { mode: 0o700 });
    const link = join(dir, 'link');
    symlinkSync(real, link);
    const underFile = join(f, 'cache');
    for (const d of [open, link, underFile]) {
      const r = loadWithCache(f, d);
      assert.equal(r.cache, 'off', d);
      assert.equal((r.exports as { answer: number }).answer, 42);
    }
    assert.deepEqual(readdirSync(open), []);
    assert.deepEqual(readdirSync(real), []);
  });

  it('the built CLI prints the same inspect --json with the cache cold, warm and off', async () => {
    ensureCliBundle();
    const file = join(dir, 'big.npy');
    await writeZeroedNpy({ path: file, dtype: '<f8', shape: [1n << 40n] });
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp };
    delete env.NODE_DISABLE_COMPILE_CACHE;
    const cold = runCli(['inspect', file, '--json'], { env });
    const cacheDir = join(tmp, `zeroed-npy-v8-cache-${process.getuid!()}`);
    const nodeHasOwnCache = typeof (await import('node:module') as { enableCompileCache?: unknown }).enableCompileCache === 'function';
    // Node ≥ 22.1 keeps its own cache instead.
    assert.equal(existsSync(cacheDir) && readdirSync(cacheDir).some((n) => n.startsWith('cli-inspect.js.')), !nodeHasOwnCache);
    const warm = runCli(['inspect', file, '--json'], { env });
    const off = runCli(['inspect', file, '--json'], { env: { ...env, NODE_DISABLE_COMPILE_CACHE: '1' } });
    for (const r of [cold, warm, off]) {
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
    }
    assert.equal(warm.stdout, cold.stdout);
    assert.equal(off.stdout, cold.stdout);
    assert.equal(JSON.parse(cold.stdout).shape[0], 2 ** 40);
    if (!nodeHasOwnCache) assert.deepEqual(readdirSync(cacheDir).filter((n) => n.endsWith('.tmp')), [], 'no temp file left');
  });
});
