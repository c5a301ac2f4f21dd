// Both previews in all four of VS Code's built-in theme families, switched as a user switches them (Preferences:
// Color Theme): Light Modern, Dark Modern, Dark High Contrast and Light High Contrast. The .npy preview follows
// each; in the .npz preview the selected member stays visibly distinct in every one (in high contrast themes
// buttons are black on black, so its border must tell it apart), and a member's Summary and Format tables keep one
// value column.
// Screenshots of each go to screenshotDir() (ZEROED_NPY_SCREENSHOTS); the README does not show them.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { numpyView, py, writeFixtures } from '../vscode/suite/numpy';
import { screenshotDir, session, uiSuite } from './session';
import { Workbench } from './workbench';

/** The theme's label in the picker, the webview body's data-vscode-theme-kind, and a screenshot suffix. */
const THEMES = [
  { label: 'Light Modern', kind: 'vscode-light', shot: 'light' },
  { label: 'Dark Modern', kind: 'vscode-dark', shot: 'dark' },
  { label: 'Dark High Contrast', kind: 'vscode-high-contrast', shot: 'high-contrast-dark' },
  { label: 'Light High Contrast', kind: 'vscode-high-contrast-light', shot: 'high-contrast-light' },
] as const;

describe('themes: light, dark and both high-contrast themes', () => {
  let fixtures: Record<string, string>;
  let settings: string;
  const ui = uiSuite('themes', {
    setup: (dir) => {
      fixtures = writeFixtures(dir);
      py(`
np.savez(sys.argv[1], first=np.arange(6.0).reshape(2, 3), second=np.zeros(4, dtype=[('x', '<f4'), ('y', '<i2')]), third=np.array(['a', 'b']))
print(1)`, path.join(dir, 'arrays.npz'));
      settings = readFileSync(session().settingsFile, 'utf8');
    },
    afterClose: () => {
      // The theme is a user setting of the shared profile: close this window, then put the settings back so the
      // windows of later tests open light.
      writeFileSync(session().settingsFile, settings);
    },
  });

  /** Preferences: Color Theme, then the theme; waits until the preview's webview has it. */
  async function useTheme(w: Workbench, theme: typeof THEMES[number]): Promise<void> {
    if (theme.kind !== 'vscode-light') {
      await w.runCommand('Preferences: Color Theme');
      await w.quickInput.locator('input').fill(theme.label);
      await w.pickItem(new RegExp(theme.label));
      await w.quickInputHidden();
    }
    await w.preview().locator(`body[data-vscode-theme-kind="${theme.kind}"]`).waitFor({ state: 'attached', timeout: 30_000 });
  }

  it('the .npy preview follows each theme', async () => {
    ui.wb = await session().open(ui.dir);
    await ui.wb.openFromExplorer('structured.npy');
    await ui.wb.previewRendered();
    const body = ui.wb.preview().locator('body');
    const seen: Record<string, { fg: string; bg: string; contrastBorder: string }> = {};
    for (const theme of THEMES) {
      await useTheme(ui.wb, theme);
      seen[theme.kind] = await body.evaluate((b) => ({
        fg: getComputedStyle(b).color,
        bg: getComputedStyle(b).backgroundColor,
        contrastBorder: getComputedStyle(document.documentElement).getPropertyValue('--vscode-contrastBorder').trim(),
      }));
      await ui.wb.shot(screenshotDir(), `preview-${theme.shot}.png`);
      assert.equal(await ui.wb.cell('descr'), numpyView(fixtures.structured).descr, `${theme.label}: still the same report`);
    }
    const light = seen['vscode-light']!;
    const dark = seen['vscode-dark']!;
    assert.notEqual(dark.fg, light.fg, 'text colour follows the theme');
    assert.notEqual(dark.bg, light.bg, 'background follows the theme');
    assert.notEqual(seen['vscode-high-contrast']!.bg, light.bg, 'high contrast dark has a dark background');
    assert.notEqual(seen['vscode-high-contrast-light']!.fg, seen['vscode-high-contrast']!.fg, 'high contrast light has dark text');
    for (const kind of ['vscode-high-contrast', 'vscode-high-contrast-light']) {
      assert.notEqual(seen[kind]!.contrastBorder, '', `${kind}: the high-contrast border colour reaches the page`);
    }
  });

  it('the .npz preview: the selected member stands out in each theme, and its tables share one value column', async () => {
    ui.wb = await session().open(ui.dir);
    await ui.wb.openFromExplorer('arrays.npz');
    await ui.wb.previewRendered();
    const frame = ui.wb.preview();
    await frame.locator('button.member', { hasText: 'second.npy' }).click();
    await frame.locator('tr.selected button.member', { hasText: 'second.npy' }).waitFor();
    await frame.locator('#member-detail #values-table').waitFor();
    for (const theme of THEMES) {
      await useTheme(ui.wb, theme);
      const look = await frame.locator('body').evaluate(() => {
        const css = (e: Element): CSSStyleDeclaration => getComputedStyle(e);
        const page = css(document.body).backgroundColor;
        const opaque = (c: string): string => (c === 'rgba(0, 0, 0, 0)' || c === 'transparent' ? page : c);
        const sel = document.querySelector('tr.selected button.member')!;
        const other = document.querySelector('tr:not(.selected) button.member')!;
        return {
          page,
          selected: { fg: css(sel).color, bg: opaque(css(sel).backgroundColor), border: css(sel).borderTopColor, outline: css(sel).outlineColor, outlineStyle: css(sel).outlineStyle },
          other: { fg: css(other).color, bg: opaque(css(other).backgroundColor), border: css(other).borderTopColor },
        };
      });
      const what = `${theme.label}: ${JSON.stringify(look)}`;
      assert.notEqual(look.selected.fg, look.selected.bg, `${what}: the selected member's name is readable`);
      assert.notEqual(look.selected.border, look.page, `${what}: its border shows against the page`);
      assert.notEqual(look.selected.border, look.other.border, `${what}: its border differs from the other members'`);
      assert.ok(look.selected.bg !== look.other.bg || (look.selected.outlineStyle !== 'none' && look.selected.outline !== look.page),
        `${what}: a different background, or an outline that shows`);
      await ui.wb.shot(screenshotDir(), `npz-${theme.shot}.png`);
    }
    // The member's Summary and Format tables: their values start at one x (the labels differ in length).
    const xs = await frame.locator('#member-detail').evaluate((d) =>
      ['overview', 'format'].map((id) => Math.round(d.querySelector(`#section-${id} td`)!.getBoundingClientRect().left)));
    assert.equal(new Set(xs).size, 1, `value columns at x = ${xs.join(', ')}`);
  });
});
