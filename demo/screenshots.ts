/**
 * `npm run screenshots`: pictures of the elements' main states, taken from the real demo (its
 * sandbox, companion and pages) in Chromium, so they can be made again after any change.
 * Writes PNGs cropped to the element or panel to docs/screenshots/ (or the directory given as
 * the first argument): every shot in the light and the dark page theme, some at 375 px and in
 * Spanish and French. `SHOTS=grid,error` takes only those.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { chooseCustomer, signIn } from './drive.js';
import { startDemo, type Demo } from './server.js';

const OUT = process.argv[2] ?? 'docs/screenshots';

type Theme = 'light' | 'dark' | 'brand';

interface Shot {
  name: string;
  /** Page themes to take it in (default light and dark). */
  themes?: Theme[];
  lang?: string;
  width?: number;
  /** Crops the picture to this many pixels from the top of what `take` returns. */
  maxHeight?: number;
  /** Signs in, opens the page, brings it to the state; returns what to crop to. */
  take(page: Page, demo: Demo): Promise<Locator>;
}

const settled = (page: Page, selector: string): Promise<void> =>
  page.locator(`${selector}:not([state="loading"])`).first().waitFor({ timeout: 15_000 });

/** The account page of `customer`, every status settled. */
async function account(page: Page, demo: Demo, customer: string): Promise<void> {
  await signIn(page.request, demo.url, customer);
  await page.goto(`${demo.url}/index.html`);
  await page.locator('#exemptions:not([hidden])').waitFor();
  await page.waitForFunction("[...document.querySelectorAll('cert-status')].every((el) => !/^(loading|)$/.test(el.getAttribute('state') ?? ''))", null, { timeout: 15_000 });
}

/** The list item of one zone on the account page. */
const zoneItem = (page: Page, region: string): Locator => page.locator('#zones li').filter({ has: page.locator(`cert-status[region="${region}"]`) });

/** A shot of `customer`'s account page, cropped to `selector`. */
const accountPanel = (customer: string, selector: string): Shot['take'] => async (page, demo) => {
  await account(page, demo, customer);
  return page.locator(selector);
};

/** A shot of order entry for Rainier Supply (on file in Washington), cropped to `selector`. */
const rainierOrder = (selector: string): Shot['take'] => async (page, demo) => {
  await signIn(page.request, demo.url, 'staff');
  await page.goto(`${demo.url}/erp.html`);
  await chooseCustomer(page, 'Rainier', 'C-1001');
  await page.locator('cert-status#status[state="exempt"]').waitFor();
  return page.locator(selector);
};

/** A shot of one zone of `customer`'s account page. */
const accountZone = (customer: string, region: string): Shot['take'] => async (page, demo) => {
  await account(page, demo, customer);
  return zoneItem(page, region);
};

const SHOTS: Shot[] = [
  // A buyer's zones (C-1001: on file, expiring, missing) in each theme and language.
  ...([
    { name: 'account-zones' },
    { name: 'account-zones-es', themes: ['light'], lang: 'es' },
    { name: 'account-zones-fr', themes: ['light'], lang: 'fr' },
    { name: 'account-zones-brand', themes: ['brand'] },
    { name: 'account-375', width: 375 },
  ] satisfies Omit<Shot, 'take'>[]).map((shot): Shot => ({ ...shot, take: accountPanel('C-1001', '#exemptions') })),
  { name: 'on-file', take: accountPanel('C-1001', '#on-file') },
  // One Washington zone per seeded state.
  { name: 'expired', take: accountZone('C-1002', 'WA') },
  { name: 'pending', take: accountZone('C-1003', 'WA') },
  { name: 'invalid', take: accountZone('C-1004', 'WA') },
  {
    name: 'request-ready',
    async take(page, demo) {
      await account(page, demo, 'C-9999');
      const link = page.locator('certexpress-link[region="CO"]');
      // The first theme's request is still open for the second: then the link is ready at once.
      await page.locator('certexpress-link[region="CO"]:is([state="idle"], [state="ready"])').waitFor();
      if ((await link.getAttribute('state')) === 'idle') await link.getByRole('button').click();
      await page.locator('certexpress-link[region="CO"][state="ready"]').waitFor({ timeout: 15_000 });
      return zoneItem(page, 'CO');
    },
  },
  {
    name: 'error',
    async take(page, demo) {
      await demo.backend.sandbox.setFaults({ errorRate: 1 });
      try {
        await signIn(page.request, demo.url, 'C-1005');
        await page.goto(`${demo.url}/index.html`);
        await page.locator('cert-status[region="WA"][state="error"]').waitFor({ timeout: 30_000 });
      } finally {
        demo.backend.sandbox.clearFaults();
      }
      return zoneItem(page, 'WA');
    },
  },
  {
    name: 'erp-sidebar',
    async take(page, demo) {
      await signIn(page.request, demo.url, 'staff');
      await page.goto(`${demo.url}/erp.html`);
      await chooseCustomer(page, 'Evergreen', 'C-1005');
      await settled(page, 'cert-status#status');
      await page.locator('certexpress-link#request').getByRole('button', { name: /Send/ }).waitFor();
      return page.locator('.erp-side');
    },
  },
  { name: 'erp-order', take: rainierOrder('.erp-order') },
  { name: 'erp-375', themes: ['light'], width: 375, take: rainierOrder('body') },
  {
    name: 'grid',
    async take(page, demo) {
      await signIn(page.request, demo.url, 'staff');
      await page.goto(`${demo.url}/grid.html`);
      await page.getByRole('status').filter({ hasText: /\d+ customers:/ }).waitFor({ timeout: 30_000 });
      return page.locator('.erp-panel');
    },
    // The first dozen rows tell the story; the whole table is 256 rows long.
    maxHeight: 560,
  },
];

/** A new context per shot: its own sign-in cookie, page theme, language and width. */
async function context(browser: Browser, theme: Theme, shot: Shot): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport: { width: shot.width ?? 1100, height: 900 },
    deviceScaleFactor: 1,
    // The operating system in dark mode too: the elements must follow the page, not the OS.
    colorScheme: theme === 'dark' ? 'dark' : 'light',
  });
  // The demo's theme and language switches keep their choice here (demo/page/prefs.ts).
  await ctx.addInitScript(`localStorage.setItem('demo-theme', ${JSON.stringify(theme)}); localStorage.setItem('demo-lang', ${JSON.stringify(shot.lang ?? 'en')});`);
  return ctx;
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const demo = await startDemo({ port: 0, hmr: false, sandbox: { port: 0, inviteDelayMs: 300, customers: 250 } });
  const browser = await launchChromium();
  const only = process.env.SHOTS?.split(',');
  try {
    for (const shot of SHOTS) {
      if (only && !only.includes(shot.name)) continue;
      for (const theme of shot.themes ?? ['light', 'dark']) {
        const ctx = await context(browser, theme, shot);
        const page = await ctx.newPage();
        try {
          const target = await shot.take(page, demo);
          await page.evaluate('document.fonts.ready');
          const file = join(OUT, `${shot.name}${shot.themes?.length === 1 ? '' : `-${theme}`}.png`);
          const box = shot.maxHeight ? await target.boundingBox() : null;
          if (box) await page.screenshot({ path: file, animations: 'disabled', caret: 'hide', fullPage: true, clip: { ...box, height: Math.min(box.height, shot.maxHeight!) } });
          else await target.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
          process.stdout.write(`screenshots: ${file}\n`);
        } finally {
          await ctx.close();
        }
      }
    }
  } finally {
    await browser.close();
    await demo.close();
  }
}

await main();
