// Debian's Chromium driven by playwright-core (never a downloaded browser). Flags keep it off the network.
import { Browser, chromium } from 'playwright-core';
import { CHROMIUM } from './tools';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}
