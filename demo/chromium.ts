/**
 * Debian's Chromium driven by playwright-core, for the end-to-end tests and the screenshot script
 * (CHROME_PATH overrides). The flags keep a root, offline CI machine quiet: no sandbox (root),
 * no background traffic.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
