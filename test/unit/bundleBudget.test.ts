// Size budgets for what ships: the production bundles and the VSIX, built the way `npm run package` builds them
// but in a throw-away copy of the repository (bench/lib/packageCopy.ts), so the test never depends on, or
// overwrites, artifacts in the work tree and can never find them missing. Budgets live in bench/lib/budgets.ts
// (with their headroom) and are quoted in BENCHMARKS.md.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_BUDGETS, VSIX_CODE_BUDGET, vsixBudget } from '../../bench/lib/budgets';
import { inlineable } from '../../src/extension/model/html';
import { PackagedExtension, packageInCopy } from '../../bench/lib/packageCopy';
import { repoRoot } from '../helpers/paths';
import { makeTempDir, removeTempDir } from '../helpers/tmp';

describe('bundle and VSIX size budgets (production build)', function () {
  this.timeout(180_000);
  let dir: string;
  let pkg: PackagedExtension;
  before(() => {
    dir = makeTempDir();
    // Throws with vsce's own output when packaging fails: that is a failure, not a skip.
    pkg = packageInCopy(repoRoot, dir);
  });
  after(() => { if (dir) removeTempDir(dir); });

  for (const [file, budget] of Object.entries(BUNDLE_BUDGETS)) {
    it(`dist/${file} is at most ${budget / 1024} KiB`, () => {
      const size = pkg.bundles[file];
      assert.ok(size !== undefined, `the production build made no dist/${file} (it made: ${Object.keys(pkg.bundles).join(', ')})`);
      assert.ok(size > 0, `dist/${file} is empty`);
      assert.ok(size <= budget, `dist/${file} is ${size} bytes, over its ${budget}-byte budget: a dependency bundled by mistake?`);
    });
  }

  // The previews write these into their pages (model/html.ts); one that could not be would load by URI, slower.
  for (const [script, styles] of [['webview.js', ['preview.css']], ['npzWebview.js', ['preview.css', 'npz.css']]] as const) {
    it(`dist/${script} and its stylesheets can be written into the page as they are`, () => {
      const read = (...p: string[]) => readFileSync(join(pkg.dir, ...p), 'utf8');
      assert.equal(inlineable({ script: read('dist', script), styles: styles.map((f) => read('media', f)) }), true);
    });
  }

  it(`the VSIX is at most ${VSIX_CODE_BUDGET / 1024} KiB besides the README screenshots it ships`, () => {
    assert.ok(pkg.vsixBytes > 0, 'the VSIX is empty');
    assert.ok(pkg.screenshotBytes > 0, 'the README screenshots are not in the VSIX (the extension page shows them offline)');
    const budget = vsixBudget(pkg.screenshotBytes);
    assert.ok(pkg.vsixBytes <= budget, `the VSIX is ${pkg.vsixBytes} bytes, over its ${budget}-byte budget (${VSIX_CODE_BUDGET} + ${pkg.screenshotBytes} of screenshots)`);
  });

  it('the VSIX ships every bundle it was measured with (all dist/*.js but the CLI\'s)', () => {
    // A size budget met by leaving a bundle out of the package would be a broken extension, not a small one.
    const missing = Object.keys(pkg.bundles).filter((f) => !/^cli(-\w+)?\.js$/.test(f) && !pkg.vsixEntries.includes(`extension/dist/${f}`));
    assert.deepEqual(missing, [], `dist/${missing.join(', dist/')} not in the VSIX: add it to the allow-list in .vscodeignore`);
  });

  it('every bundle has a budget', () => {
    // A new entry point must get a budget here rather than slip through unmeasured.
    assert.deepEqual(Object.keys(pkg.bundles).sort(), Object.keys(BUNDLE_BUDGETS).sort());
  });
});
