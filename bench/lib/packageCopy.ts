// Builds the shipped artifacts (production bundles + VSIX) in a throw-away copy of the repository, so that
// measuring them never rewrites the shared dist/ or leaves a .vsix in the work tree. Used by `npm run bench`
// and by test/unit/bundleBudget.test.ts.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** What `vsce package` needs: the manifest and the files it ships, plus what vscode:prepublish bundles from. */
const COPIED = ['package.json', 'package.nls.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore',
  'tsconfig.json', 'media', 'src', 'scripts'];

export interface PackagedExtension {
  /** The copy: a complete extension folder with production bundles in dist/ (usable as extensionDevelopmentPath). */
  dir: string;
  vsix: string;
  vsixBytes: number;
  /** dist/<name>.js → bytes, production build (minified, as shipped). Source maps are not shipped. */
  bundles: Record<string, number>;
  /** Paths inside the VSIX (from its zip central directory), e.g. extension/dist/extension.js. */
  vsixEntries: string[];
  /** Bytes of the README screenshots the VSIX ships (media/screenshots/*.png in it), budgeted as they are. */
  screenshotBytes: number;
  /** Wall time of `vsce package` including the production bundle (ms); informative only. */
  packageMs: number;
}

/**
 * Copies the sources into `workDir/ext`, runs `npm run package` there (vsce, which runs
 * vscode:prepublish, the production bundle) and returns the sizes. Throws with vsce's output on failure.
 */
export function packageInCopy(repoRoot: string, workDir: string): PackagedExtension {
  const dir = join(workDir, 'ext');
  mkdirSync(dir, { recursive: true });
  for (const name of COPIED) {
    const from = join(repoRoot, name);
    if (existsSync(from)) cpSync(from, join(dir, name), { recursive: true });
  }
  // The copy bundles with the repository's own esbuild; a link costs nothing and vsce skips it (--no-dependencies).
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  if (!existsSync(vsce)) throw new Error(`${vsce} is missing: run 'npm ci' first.`);
  const vsix = join(workDir, 'zeroed-npy.vsix');
  const started = process.hrtime.bigint();
  // The package script's own flags, so the measured VSIX is the one `npm run package` makes.
  const r = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], {
    cwd: dir, encoding: 'utf8', timeout: 180_000,
  });
  const packageMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.error || r.status !== 0 || !existsSync(vsix)) {
    throw new Error(`vsce package failed in ${dir} (exit ${r.status ?? r.error?.message}):\n${r.stdout}${r.stderr}`);
  }
  const bundles: Record<string, number> = {};
  for (const f of readdirSync(join(dir, 'dist')).sort()) {
    if (f.endsWith('.js')) bundles[f] = statSync(join(dir, 'dist', f)).size;
  }
  const vsixEntries = zipEntryNames(readFileSync(vsix));
  const screenshotBytes = vsixEntries.filter((e) => /^extension\/media\/screenshots\/[^/]+\.png$/.test(e))
    .reduce((sum, e) => sum + statSync(join(dir, e.slice('extension/'.length))).size, 0);
  return { dir, vsix, vsixBytes: statSync(vsix).size, bundles, packageMs, vsixEntries, screenshotBytes };
}

/** Names in a zip's central directory (no zip64: a VSIX this small never needs it). */
export function zipEntryNames(zip: Buffer): string[] {
  // End of central directory: signature 0x06054b50, at most 65535 + 22 bytes from the end.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a zip file: no end-of-central-directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    names.push(zip.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}
