// How dist/cli.js loads a command's bundle (scripts/bundle.mjs routes `import('./inspect')` here). Node ≥ 22.1 keeps
// compiled code itself (module.enableCompileCache, main.ts). Older Node compiles the bundle on every run, and then
// each function again on its first call: about 2.5 ms of an 8 TiB `inspect`, measured. So it keeps V8's code cache
// of each bundle, made after the command ran (so it holds the functions that ran), in a folder of the OS temp folder
// that only this user can write. A cache is used only next to a byte-identical copy of the bundle it was made from,
// and V8 refuses one from another V8 version or flags; anything wrong with it costs the cache, never the command.
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** What happened to a bundle's cache: used, made now, refused (by V8 or for another source), or not kept at all. */
export type CacheOutcome = 'hit' | 'miss' | 'rejected' | 'off';

interface Pending { script: Script; source: Buffer; cacheFile: string }
const pending: Pending[] = [];
let saveOnExit = false;

/** The per-user cache folder (created 0700), or undefined where it cannot be trusted or Node keeps its own cache. */
export function defaultCacheDir(): string | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE || process.platform === 'win32' || typeof process.getuid !== 'function') return undefined;
  // os.tmpdir()'s rule on POSIX, without loading node:os.
  const tmp = (process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp').replace(/(.)\/+$/, '$1');
  return join(tmp, `zeroed-npy-v8-cache-${process.getuid()}`);
}

/** Only a real folder of ours that no one else can write: a cache holds code, so another user must not plant one. */
function usable(dir: string): boolean {
  try {
    // lstat first: a thrown EEXIST from mkdir on every run costs more than the lstat (an Error with a stack).
    let st = lstatSync(dir, { throwIfNoEntry: false });
    if (!st) {
      mkdirSync(dir, { mode: 0o700 });
      st = lstatSync(dir);
    }
    return st.isDirectory() && st.uid === process.getuid?.() && (st.mode & 0o077) === 0;
  } catch {
    return false;
  }
}

/** FNV-1a of the bundle's path: two copies of the CLI (a clone and an installed package) keep separate caches. */
function pathTag(file: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The cache file: the bundle's exact bytes (4-byte length first), then V8's data. Undefined unless it matches. */
function readCache(cacheFile: string, source: Buffer): Buffer | undefined {
  let raw: Buffer;
  try {
    raw = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (raw.length < 4 || raw.readUInt32LE(0) !== source.length) return undefined;
  if (!raw.subarray(4, 4 + source.length).equals(source)) return undefined;
  return raw.subarray(4 + source.length);
}

/** Loads a CommonJS bundle as Node's require would, through the code cache in `dir` (none: plain compile). */
export function loadWithCache(file: string, dir: string | undefined): { exports: unknown; cache: CacheOutcome } {
  const source = readFileSync(file);
  const cacheFile = dir !== undefined && usable(dir) ? join(dir, `${basename(file)}.${pathTag(file)}.${process.versions.v8}.${process.arch}.cache`) : undefined;
  const cachedData = cacheFile ? readCache(cacheFile, source) : undefined;
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source.toString('utf8')}\n})`;
  const script = new Script(wrapped, { filename: file, cachedData });
  const cache: CacheOutcome = !cacheFile ? 'off' : !cachedData ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';
  if (cacheFile && cache !== 'hit') {
    pending.push({ script, source, cacheFile });
    if (!saveOnExit) { saveOnExit = true; process.once('exit', saveCaches); }
  }
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)
    .call(module.exports, module.exports, nodeModule.createRequire(file), module, file, dirname(file));
  return { exports: module.exports, cache };
}

/** A command bundle next to this one (dist/cli-<name>.js). */
export function loadChunk(name: string): unknown {
  const file = join(__dirname, name);
  // Node's own compile cache, where it exists, covers require().
  if (typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function') return nodeModule.createRequire(file)(file);
  return loadWithCache(file, defaultCacheDir()).exports;
}

/** Writes the caches of bundles loaded without one (at exit, so they hold every function the command ran). */
export function saveCaches(): void {
  for (const { script, source, cacheFile } of pending.splice(0)) {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      const length = Buffer.alloc(4);
      length.writeUInt32LE(source.length, 0);
      writeFileSync(tmp, Buffer.concat([length, source, script.createCachedData()]), { mode: 0o600 });
      renameSync(tmp, cacheFile);
    } catch {
      // A full or read-only disk: no cache this time (and no temp file left behind).
      rmSync(tmp, { force: true });
    }
  }
}
