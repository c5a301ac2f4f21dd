// The UI tests' VS Code: the packaged VSIX installed into a throw-away code-server profile with code-server's own
// --install-extension (as a user installs it), Debian Chromium driven by playwright-core, and helpers that act
// like a person: the command palette, the quick input, the explorer's context menu, the preview's webview.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { launchChromium } from '../vscode/harness/browser';
import { CodeServer, createProfile, installExtension, writeUserSettings } from '../vscode/harness/codeServer';
import { REPO_ROOT } from '../vscode/harness/tools';

export function vsixPath(): string {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return path.join(REPO_ROOT, `${pkg.name}-${pkg.version}.vsix`);
}

export const BASE_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'window.commandCenter': false,
  'zeroedNpy.revealInExplorer': true,
  'zeroedNpy.openPreviewAfterCreate': true,
};

/** One code-server with the VSIX installed and one Chromium, shared by every UI test file. */
export class Session {
  private constructor(readonly cs: CodeServer, readonly browser: Browser) {}

  static async start(settings: Record<string, unknown> = {}): Promise<Session> {
    const vsix = vsixPath();
    if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run 'npm run package' first.`);
    const profile = createProfile();
    writeUserSettings(profile, { ...BASE_SETTINGS, ...settings });
    await installExtension(profile, vsix);
    const cs = await CodeServer.start({ profile });
    try {
      return new Session(cs, await launchChromium());
    } catch (e) {
      await cs.stop();
      throw e;
    }
  }

  get settingsFile(): string { return path.join(this.cs.profile.userDataDir, 'User', 'settings.json'); }

  async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.cs.stop();
  }

  /** A new browser tab on `folder`, once the workbench and the explorer are up. */
  async open(folder: string): Promise<Workbench> {
    const context = await this.browser.newContext({ viewport: { width: 1400, height: 860 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await page.goto(this.cs.folderUrl(folder));
    // Ready when the explorer shows the folder (its tree exists even when the folder is empty).
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list').waitFor({ timeout: 60_000 });
    const wb = new Workbench(context, page, dialogs);
    // Until the remote extensions are scanned, a click on a .npy opens the text editor: wait for our commands.
    await wb.waitForCommand('Create Zeroed .npy');
    return wb;
  }
}

export class Workbench {
  constructor(readonly context: BrowserContext, readonly page: Page, readonly dialogs: string[]) {}

  async close(): Promise<void> { await this.context.close(); }

  get quickInput(): Locator { return this.page.locator('.quick-input-widget'); }

  /** Waits until the palette lists `label` (the extension's contributions are known), then closes it. */
  async waitForCommand(label: string): Promise<void> {
    await this.runCommand(label, false);
    await this.page.keyboard.press('Escape');
    await this.quickInputHidden();
  }

  /** F1, type the command, wait for its row; retried because the extension may still be activating. */
  async runCommand(label: string, run = true): Promise<void> {
    const row = this.quickInput.locator('.quick-input-list .monaco-list-row', { hasText: label });
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      await this.quickInput.locator('input').waitFor({ state: 'visible' });
      await this.quickInput.locator('input').fill(`>${label}`);
      try {
        await row.first().waitFor({ state: 'visible', timeout: 5_000 });
        break;
      } catch (e) {
        if (attempt >= 6) throw e;
        await this.page.keyboard.press('Escape');
      }
    }
    if (run) await row.first().click();
  }

  /** The quick input's current step, title and message (the wizard's live size line). */
  async step(): Promise<{ title: string; message: string; placeholder: string; value: string }> {
    const qi = this.quickInput;
    await qi.waitFor({ state: 'visible' });
    return {
      title: (await qi.locator('.quick-input-title').textContent())?.trim() ?? '',
      message: (await qi.locator('.quick-input-message').textContent().catch(() => ''))?.trim() ?? '',
      placeholder: (await qi.locator('input').getAttribute('placeholder')) ?? '',
      value: await qi.locator('input').inputValue(),
    };
  }

  /** Waits until the quick input's title says it is at step `n`. */
  async waitForStep(n: number): Promise<void> {
    await this.quickInput.locator('.quick-input-title', { hasText: new RegExp(`\\b${n}/\\d+`) }).waitFor({ state: 'visible' });
  }

  async pickItem(text: string | RegExp): Promise<void> {
    const row = this.quickInput.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
    await row.waitFor({ state: 'visible' });
    await row.click();
  }

  async typeAndWaitMessage(text: string, message: RegExp): Promise<string> {
    const box = this.quickInput.locator('input');
    await box.fill(text);
    const msg = this.quickInput.locator('.quick-input-message', { hasText: message });
    await msg.waitFor({ state: 'visible' });
    return (await msg.textContent())?.trim() ?? '';
  }

  async back(): Promise<void> {
    await this.quickInput.locator('.quick-input-titlebar .codicon-quick-input-back').click();
  }

  async quickInputHidden(): Promise<void> {
    await this.quickInput.waitFor({ state: 'hidden' });
  }

  /** The explorer row of a file or folder (by its label). */
  explorerRow(name: string): Locator {
    // A CSS string: a name with a backslash or a quote ("back\\slash.npy") needs them escaped.
    return this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name.replace(/["\\]/g, '\\$&')}"]`);
  }

  /**
   * Click a .npy in the explorer and wait for the preview (not yet rendered). Right after a window loads, the
   * workbench may still open it in the text editor ("binary file") because the remote extension's custom
   * editor is registered a little after its commands; a person would close that and click again, so do we.
   */
  async openFromExplorer(name: string): Promise<void> {
    // A text editor: Monaco for text-like bytes, or the "binary file" placeholder.
    const textEditor = this.page.locator('.part.editor .monaco-editor')
      .or(this.page.getByText('The file is not displayed in the text editor'));
    const webview = this.page.locator('iframe.webview.ready');
    for (let attempt = 1; ; attempt++) {
      await this.explorerRow(name).click();
      const which = await Promise.race([
        webview.first().waitFor({ state: 'attached', timeout: 30_000 }).then(() => 'preview', () => 'neither'),
        textEditor.first().waitFor({ state: 'visible', timeout: 30_000 }).then(() => 'text', () => 'neither'),
      ]);
      if (which === 'preview') return;
      if (which === 'neither') throw new Error(`clicking ${name} opened no editor`);
      if (attempt >= 4) throw new Error(`${name} kept opening in the text editor instead of the .npy preview`);
      console.log(`      (${name} opened in the text editor, attempt ${attempt}: closing it and clicking again)`);
      await this.page.locator('.tabs-container .tab.active .tab-actions .action-label').click();
      await textEditor.first().waitFor({ state: 'hidden' });
      await this.page.waitForTimeout(1000 * attempt);
    }
  }

  /** Right-click `name` in the explorer and choose `entry` in the context menu. */
  async contextMenu(name: string, entry: string, screenshot?: { dir: string; name: string }): Promise<void> {
    const row = this.explorerRow(name);
    await row.waitFor({ state: 'visible' });
    await row.click({ button: 'right' });
    const item = this.page.locator('.context-view .monaco-menu .action-item', { hasText: entry }).first();
    await item.waitFor({ state: 'visible' });
    await item.hover();
    if (screenshot) {
      mkdirSync(screenshot.dir, { recursive: true });
      await this.page.screenshot({ path: path.join(screenshot.dir, screenshot.name) });
    }
    await item.click();
  }

  /** The preview's content: the webview iframe, then its inner active frame. */
  preview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  /** The text of the preview's value cell `data-key=key`. */
  async cell(key: string): Promise<string> {
    return ((await this.preview().locator(`[data-key="${key}"]`).first().textContent()) ?? '').trim();
  }

  /** A screenshot into `dir` (the mouse parked first, so no hover tooltip covers the picture). */
  async shot(dir: string, name: string): Promise<string> {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, name);
    await this.page.mouse.move(1390, 500);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Waits for the preview webview to show a report (or an error page). */
  async previewRendered(state: 'rendered' | 'error' = 'rendered'): Promise<void> {
    await this.preview().locator(`body[data-state="${state}"]`).waitFor({ state: 'attached', timeout: 30_000 });
  }
}
