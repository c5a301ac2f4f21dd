// package.json against the source: every contributed command is registered in src/extension, menus point at
// contributed commands, the custom editor's view type is the one the provider registers, every %key% has a
// string in package.nls.json, and the packaging rules (activation, icon, allow-list) hold.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths';

interface Manifest {
  main: string; icon: string; engines: { vscode: string }; activationEvents: string[];
  devDependencies: Record<string, string>; scripts: Record<string, string>;
  capabilities: Record<string, { supported: boolean | 'limited'; description?: string }>;
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    menus: Record<string, Array<{ command: string; when?: string; group?: string }>>;
    customEditors: Array<{ viewType: string; selector: Array<{ filenamePattern: string }>; priority?: string }>;
    configuration: { properties: Record<string, { default: unknown; type: string; enum?: string[] }> };
  };
}

const raw = readFileSync(join(repoRoot, 'package.json'), 'utf8');
const pkg = JSON.parse(raw) as Manifest;
const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const extensionSource = sources(join(repoRoot, 'src/extension')).map((p) => readFileSync(p, 'utf8')).join('\n');
const registered = [...extensionSource.matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]);
const providers = [...extensionSource.matchAll(/registerCustomEditorProvider\(\s*'([^']+)'/g)].map((m) => m[1]);
const contributed = pkg.contributes.commands.map((c) => c.command);

describe('manifest', () => {
  it('contributes the four commands under one prefix and category', () => {
    assert.deepEqual([...contributed].sort(), ['zeroedNpy.create', 'zeroedNpy.createLike', 'zeroedNpy.openPreview', 'zeroedNpy.resize']);
    const cats = new Set(pkg.contributes.commands.map((c) => nls[c.category?.replace(/%/g, '') ?? ''] ?? c.category));
    assert.deepEqual([...cats], ['Zeroed .npy']);
  });

  it('registers every contributed command in src/extension, and contributes every registered one', () => {
    assert.deepEqual([...registered].sort(), [...contributed].sort());
  });

  it('menus only point at contributed commands', () => {
    for (const [menu, items] of Object.entries(pkg.contributes.menus)) {
      for (const item of items) assert.ok(contributed.includes(item.command), `${menu}: ${item.command}`);
    }
  });

  it('explorer: create on folders, create-like and resize on .npy files; both hidden from the palette without a .npy', () => {
    const explorer = pkg.contributes.menus['explorer/context'];
    assert.ok(explorer.some((m) => m.command === 'zeroedNpy.create' && m.when === 'explorerResourceIsFolder'));
    for (const command of ['zeroedNpy.createLike', 'zeroedNpy.resize']) {
      assert.ok(explorer.some((m) => m.command === command && /!explorerResourceIsFolder && resourceExtname == \.npy/.test(m.when ?? '')), command);
      const palette = pkg.contributes.menus.commandPalette.find((m) => m.command === command);
      assert.ok(palette?.when && /resourceExtname == \.npy/.test(palette.when) && /activeCustomEditorId == zeroedNpy\.preview/.test(palette.when), command);
    }
  });

  it('explorer: our entries sit in their own group, right below the navigation group (Open to the Side stays on top)', () => {
    const explorer = pkg.contributes.menus['explorer/context'];
    const groups = explorer.map((m) => (m.group ?? '').split('@')[0]);
    assert.deepEqual([...new Set(groups)], ['1_zeroedNpy'], groups.join(', '));
    // VS Code sorts groups by name after 'navigation'; its own explorer groups start at 2_workspace, so 1_ is next.
    const orders = explorer.map((m) => Number((m.group ?? '').split('@')[1]));
    assert.deepEqual(orders, [1, 2, 3, 4], 'create, create like, preview, resize in that order');
  });

  it('the custom editors\' view types are the ones the providers register', () => {
    assert.deepEqual(pkg.contributes.customEditors.map((e) => e.viewType), ['zeroedNpy.preview', 'zeroedNpy.npzPreview']);
    const [ed, npz] = pkg.contributes.customEditors;
    assert.deepEqual([...providers].sort(), pkg.contributes.customEditors.map((e) => e.viewType).sort());
    // "**/*.npy" (an ends-with match on the path), not "*.npy": VS Code's glob "*" stops at a backslash, so a
    // file named "back\slash.npy" (a valid name on Linux and macOS) opened in the text editor instead.
    assert.deepEqual(ed.selector, [{ filenamePattern: '**/*.npy' }]);
    assert.equal(ed.priority, 'default');
    assert.ok(extensionSource.includes(`'vscode.openWith', uri, '${ed.viewType}'`), 'openWith uses the same view type');
    // The .npz preview is a sibling editor with its own webview bundle.
    assert.deepEqual(npz.selector, [{ filenamePattern: '**/*.npz' }]);
    assert.equal(npz.priority, 'default');
  });

  it('activates on its contributions only (activationEvents is empty) and ships the bundle as main', () => {
    assert.deepEqual(pkg.activationEvents, []);
    assert.equal(pkg.main, './dist/extension.js');
    assert.equal(pkg.engines.vscode, '^1.74.0');
    assert.equal(pkg.devDependencies['@types/vscode'], '1.74.0');
  });

  it('every %key% has a string in package.nls.json', () => {
    const keys = [...raw.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length >= 10);
    for (const k of keys) assert.ok(typeof nls[k] === 'string' && nls[k].length > 0, k);
    for (const k of Object.keys(nls)) assert.ok(keys.includes(k), `unused nls key ${k}`);
  });

  it('declares the settings the extension reads, with the documented defaults', () => {
    const p = pkg.contributes.configuration.properties;
    assert.equal(p['zeroedNpy.defaultDtype'].default, '<f8');
    assert.equal(p['zeroedNpy.defaultOrder'].default, 'C');
    assert.deepEqual(p['zeroedNpy.allocation'].enum, ['sparse', 'full']);
    assert.equal(p['zeroedNpy.allocation'].default, 'sparse');
    assert.equal(p['zeroedNpy.openPreviewAfterCreate'].default, true);
    assert.equal(p['zeroedNpy.revealInExplorer'].default, true);
    const settingsSource = readFileSync(join(repoRoot, 'src/extension/settings.ts'), 'utf8');
    for (const key of Object.keys(p)) {
      assert.ok(key.startsWith('zeroedNpy.'), key);
      assert.ok(settingsSource.includes(`'${key.slice('zeroedNpy.'.length)}'`), `settings.ts reads ${key}`);
    }
  });

  it('declares untrusted and virtual workspace support with reasons', () => {
    for (const cap of ['untrustedWorkspaces', 'virtualWorkspaces']) {
      const c = pkg.capabilities[cap];
      assert.ok(c.supported === true || c.supported === 'limited', cap);
      if (c.supported === 'limited') assert.ok(c.description && nls[c.description.replace(/%/g, '')], `${cap} explains the limit`);
    }
  });

  it('has a 128×128 PNG icon', () => {
    const png = readFileSync(join(repoRoot, pkg.icon));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.toString('latin1', 12, 16), 'IHDR');
    assert.equal(png.readUInt32BE(16), 128);
    assert.equal(png.readUInt32BE(20), 128);
  });

  it('.vscodeignore is an allow-list of the bundles, media, docs and manifest', () => {
    const lines = readFileSync(join(repoRoot, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    assert.equal(lines[0], '**');
    const allowed = lines.slice(1);
    assert.ok(allowed.every((l) => l.startsWith('!')), 'everything after ** re-includes');
    for (const need of ['!dist/extension.js', '!dist/webview.js', '!media/icon.png', '!media/preview.css', '!README.md', '!CHANGELOG.md', '!LICENSE', '!package.nls.json']) {
      assert.ok(allowed.includes(need), need);
    }
    assert.ok(!allowed.some((l) => l.endsWith('.map') || l.includes('*')), 'no source maps, no wildcards');
    // The extension page shows the README offline: every picture it shows ships in the VSIX.
    const pictures = [...readFileSync(join(repoRoot, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    assert.ok(pictures.length >= 4, `README pictures: ${pictures.join(', ')}`);
    for (const p of pictures) assert.ok(allowed.includes(`!${p}`), `${p} is shown by the README but not packaged`);
    assert.match(pkg.scripts.package, /^vsce package --no-dependencies/);
    assert.match(pkg.devDependencies['@vscode/vsce'], /^\d+\.\d+\.\d+$/, 'vsce pinned');
  });

  it('the webview never uses innerHTML and the host builds HTML only through escapeHtml', () => {
    const webview = sources(join(repoRoot, 'src/webview')).map((p) => readFileSync(p, 'utf8')).join('\n');
    assert.doesNotMatch(webview, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    assert.doesNotMatch(extensionSource, /retainContextWhenHidden\s*:/, 'no retainContextWhenHidden option');
    const css = readFileSync(join(repoRoot, 'media/preview.css'), 'utf8');
    assert.doesNotMatch(css.replace(/\/\*[\s\S]*?\*\//g, ''), /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|:\s*(white|black|red|green|blue|gray|grey)\s*[;}!]/i, 'colours only from --vscode-* variables');
  });

  it('src/core and the pure modules never import vscode', () => {
    const pure = [...sources(join(repoRoot, 'src/core')), ...sources(join(repoRoot, 'src/extension/model')), ...sources(join(repoRoot, 'src/common')),
      ...sources(join(repoRoot, 'src/webview'))];
    for (const p of pure) assert.doesNotMatch(readFileSync(p, 'utf8'), /from 'vscode'|require\('vscode'\)/, p);
  });
});
