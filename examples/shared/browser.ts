/**
 * What the examples' tests share: a real browser (Debian's Chromium through playwright-core),
 * a way to wait for an element's state across shadow roots, and a one-line verdict per check.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
}

/** Waits until the element matching `selector` reflects `state` (`state` attribute). */
export async function waitForState(page: Page, selector: string, state: string, timeout = 15_000): Promise<void> {
  await page.waitForSelector(`${selector}[state="${state}"]`, { timeout });
}

const results = { passed: 0, failed: 0 };

/** Runs one named check; failures are printed and counted, not thrown. */
export async function check(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
    results.passed++;
    console.log(`  ✔ ${name}`);
  } catch (error) {
    results.failed++;
    console.log(`  ✖ ${name}\n    ${String((error as Error)?.stack ?? error).split('\n').slice(0, 6).join('\n    ')}`);
  }
}

/** Prints the example's totals for scripts/examples.mjs and sets the exit code. */
export function report(example: string): void {
  console.log(`${example}: ${results.passed} passed, ${results.failed} failed`);
  if (results.failed > 0) process.exitCode = 1;
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
