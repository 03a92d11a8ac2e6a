/**
 * The demo pages as a phone shows them and as their switches set them: at 375 px no page is wider
 * than the screen, the header's actions stay on it and the grid keeps its certificate column; the
 * theme switch changes the page and the elements with it, the language switch the elements' text.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startDemo, type Demo } from '../../demo/server.js';
import { chooseCustomer, signIn } from '../../demo/drive.js';
import { launchChromium } from './browser.js';

let demo: Demo;
let browser: Browser;

before(async () => {
  demo = await startDemo({ port: 0, hmr: false, sandbox: { port: 0, inviteDelayMs: 300, customers: 20 } });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

/** Runs `steps` on a page of a phone-sized context signed in as `who` (a customer code or `staff`), the OS in dark mode. */
async function onPhone(who: string, steps: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, colorScheme: 'dark' });
  try {
    await signIn(context.request, demo.url, who);
    await steps(await context.newPage());
  } finally {
    await context.close();
  }
}

const allSettled = (page: Page): Promise<unknown> =>
  page.waitForFunction("[...document.querySelectorAll('cert-status')].length > 0 && [...document.querySelectorAll('cert-status')].every((el) => !/^(loading|)$/.test(el.getAttribute('state') ?? ''))", null, { timeout: 20_000 });

async function assertFitsPhone(page: Page, what: string): Promise<void> {
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  assert.ok(width <= 375, `${what} is ${width} px wide on a 375 px screen`);
}

/** Whether `selector`'s first match is drawn and lies within the screen's width. */
async function onScreen(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  return !!box && box.width > 0 && box.x >= 0 && box.x + box.width <= 375;
}

/** The background colour the first `<cert-status>` paints, as `[r, g, b]` (run in the page). */
const BACKGROUND = "getComputedStyle(document.querySelector('cert-status').shadowRoot.querySelector('[part~=base]')).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)";
const statusBackground = (page: Page): Promise<number[]> => page.evaluate<number[]>(BACKGROUND);

const isDark = ([r, g, b]: number[]): boolean => (r! + g! + b!) / 3 < 80;

test('the account page at 375 px: no sideways scrolling, each zone fits', () =>
  onPhone('C-1001', async (page) => {
    await page.goto(`${demo.url}/index.html`);
    await allSettled(page);
    await assertFitsPhone(page, 'the account page');
    assert.ok(await onScreen(page, 'cert-status[region="NV"]'), 'the missing zone is on screen');
  }));

test('order entry at 375 px: no sideways scrolling, Sign out and the certificate panel on screen', () =>
  onPhone('staff', async (page) => {
    await page.goto(`${demo.url}/erp.html`);
    await chooseCustomer(page, 'Rainier', 'C-1001');
    await page.locator('cert-status#status[state="exempt"]').waitFor({ timeout: 20_000 });
    await assertFitsPhone(page, 'order entry');
    assert.ok(await onScreen(page, '#sign-out'), 'Sign out is on screen');
    assert.ok(await onScreen(page, 'cert-status#status'), 'the certificate panel is on screen');
    assert.ok(await onScreen(page, 'certexpress-link#request'), 'the request form is on screen');
  }));

test('the customer grid at 375 px keeps the certificate column', () =>
  onPhone('staff', async (page) => {
    await page.goto(`${demo.url}/grid.html`);
    await allSettled(page);
    await assertFitsPhone(page, 'the grid');
    assert.ok(await onScreen(page, '.erp-grid tbody cert-status'), 'the certificate badge of the first row is on screen');
  }));

test('the theme switch: a light page draws light elements although the OS is dark; dark draws dark ones', () =>
  onPhone('C-1001', async (page) => {
    await page.goto(`${demo.url}/index.html?theme=light`);
    await allSettled(page);
    assert.ok(!isDark(await statusBackground(page)), 'light page, light element');
    await page.getByLabel('Theme').selectOption('dark');
    await page.waitForFunction(`((c) => (c[0] + c[1] + c[2]) / 3 < 80)(${BACKGROUND})`, null, { timeout: 5000 });
    assert.ok(isDark(await statusBackground(page)), 'dark page, dark element');
    // The choice is kept for the next page.
    await page.goto(`${demo.url}/index.html`);
    await allSettled(page);
    assert.ok(isDark(await statusBackground(page)), 'still dark after a reload');
  }));

test('the language switch: the elements speak the chosen language at once, the demo text stays English', () =>
  onPhone('C-1001', async (page) => {
    await page.goto(`${demo.url}/index.html?lang=en`);
    await allSettled(page);
    const washington = page.locator('cert-status[region="WA"]');
    await washington.getByText('Certificate on file').waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await washington.getByText('Certificat enregistré').waitFor({ timeout: 5000 });
    assert.equal(await page.evaluate<string>('document.documentElement.lang'), 'fr');
    await page.getByRole('heading', { name: 'Ship to Washington' }).waitFor();
  }));
