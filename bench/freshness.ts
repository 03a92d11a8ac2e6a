/**
 * How long a buyer's page shows a stale status after AvaTax changed (the stale window), and what
 * a person's re-check costs upstream. The demo (Vite + sandbox) runs with one companion, then
 * with three behind a round-robin over one real Redis; Debian's Chromium drives the account page.
 *
 *   reuse loop, tabs side by side   request → reload → request again (the invitation is reused)
 *                                   → open the form link; 2 s later the certificate is filed in
 *                                   AvaTax; time until the zone shows it, no other event
 *   reuse loop, back to the tab     the same, with the page hidden while the certificate is filed;
 *                                   time from the return to the zone showing it
 *   upstream calls per re-check     a page with two zones and the list of one customer, none
 *                                   covered: on a return to the tab all three re-check; the
 *                                   AvaTax (ListCertificatesForCustomer) calls that cost
 *
 * Prints a markdown section. Needs `redis-server` for the three-instance rows (skipped without).
 */
import avatax from 'avatax';
import type { Page } from 'playwright-core';
import { startDemo, type Demo } from '../demo/server.js';
import { redisStore, type RedisStore } from '../src/server/redis.js';
import { launchChromium } from '../test/e2e/browser.js';
import { redisUnavailable, startRedis } from '../test/support/redis-server.js';

type AvaTaxClientClass = typeof avatax.default;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const AvaTaxClient: AvaTaxClientClass = ((avatax as any).default ?? avatax) as AvaTaxClientClass;
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const LIST_ROUTE = 'GET /api/v2/companies/:companyId/customers/:customerCode/certificates';

interface Row {
  setup: string;
  sideBySideMs: number[];
  afterReturnMs: number[];
  recheckRequests: number[];
  callsPerRecheck: number[];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Files a certificate straight in AvaTax (the sandbox), as the CertExpress page does when a buyer signs. */
async function fileCertificate(demo: Demo, customerCode: string, zone: string): Promise<void> {
  const { sandbox } = demo.backend;
  const sdk = new AvaTaxClient({ appName: 'bench', appVersion: '1', machineName: 'bench', environment: sandbox.url })
    .withSecurity({ accountId: sandbox.credentials.accountId, licenseKey: sandbox.credentials.licenseKey });
  const signedDate = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  await (sdk as any).createCertificates({
    companyId: sandbox.companyId,
    model: [{ signedDate, exemptionReason: { name: 'RESALE' }, exposureZone: { name: zone }, customers: [{ customerCode }], filename: 'signed.pdf' }],
  });
}

async function listCalls(demo: Demo): Promise<number> {
  const stats = (await (await fetch(`${demo.backend.sandbox.url}/_sandbox/stats`)).json()) as { byRoute: Record<string, number> };
  return stats.byRoute[LIST_ROUTE] ?? 0;
}

const setHidden = (page: Page, hidden: boolean) =>
  page.evaluate(`Object.defineProperty(document, 'hidden', { configurable: true, get: () => ${hidden} }); document.dispatchEvent(new Event('visibilitychange'))`);

/** Signs in, then requests, reloads, requests again (reused) and opens the link for the zone. */
async function reuseLoopUntilOpened(demo: Demo, page: Page, customerCode: string, region: string): Promise<void> {
  await page.context().request.post(`${demo.url}/demo-api/session`, { data: { customerCode } });
  await page.goto(`${demo.url}/index.html`);
  const status = page.locator(`cert-status[region="${region}"]`);
  const link = page.locator(`certexpress-link[region="${region}"]`);
  for (let visit = 0; visit < 2; visit++) {
    if (visit) await page.reload();
    await status.and(page.locator(':not([state="loading"])')).waitFor();
    await link.getByRole('button', { name: 'Request certificate' }).click();
    await link.and(page.locator('[state="ready"]')).waitFor();
  }
  // The form opens in the page's place of a new tab: what counts is the element's event.
  await page.evaluate(`window.addEventListener('click', (e) => e.preventDefault(), { capture: true })`);
  await link.getByRole('link').click();
}

async function round(demo: Demo, page: Page, row: Row): Promise<void> {
  // Tabs side by side: the page stays visible and must notice by itself.
  await reuseLoopUntilOpened(demo, page, 'C-1006', 'QC');
  await sleep(2000);
  let t0 = Date.now();
  await fileCertificate(demo, 'C-1006', 'Quebec');
  await page.locator('cert-status[region="QC"][state="exempt"]').waitFor({ timeout: 60_000 });
  row.sideBySideMs.push(Date.now() - t0);

  // Away in the form's tab: the page is hidden while the buyer signs, then comes back.
  await reuseLoopUntilOpened(demo, page, 'C-1002', 'WA');
  await setHidden(page, true);
  await fileCertificate(demo, 'C-1002', 'Washington');
  await sleep(1000);
  t0 = Date.now();
  await setHidden(page, false);
  await page.locator('cert-status[region="WA"][state="exempt"]').waitFor({ timeout: 60_000 });
  row.afterReturnMs.push(Date.now() - t0);

  // What one return costs: C-1004 shows Washington (revoked), Oregon (missing) and the list.
  await page.context().request.post(`${demo.url}/demo-api/session`, { data: { customerCode: 'C-1004' } });
  await page.goto(`${demo.url}/index.html`);
  await page.locator('cert-status[region="OR"][state="missing"]').waitFor();
  await page.locator('cert-status:not([region])[state="invalid"]').waitFor();
  await setHidden(page, true);
  await sleep(500);
  const requests: string[] = [];
  page.on('request', (r) => void (r.url().includes('/v1/status') && requests.push(r.url())));
  const before = await listCalls(demo);
  await setHidden(page, false);
  await sleep(1000);
  row.recheckRequests.push(requests.length);
  row.callsPerRecheck.push((await listCalls(demo)) - before);
}

async function measure(setup: string, options: Parameters<typeof startDemo>[0], rounds: number): Promise<Row> {
  const row: Row = { setup, sideBySideMs: [], afterReturnMs: [], recheckRequests: [], callsPerRecheck: [] };
  const browser = await launchChromium();
  try {
    for (let i = 0; i < rounds; i++) {
      const demo = await startDemo({ port: 0, hmr: false, ...options, sandbox: { port: 0, inviteDelayMs: 300 } });
      const context = await browser.newContext();
      try {
        await round(demo, await context.newPage(), row);
      } finally {
        await context.close();
        await demo.close();
      }
    }
  } finally {
    await browser.close();
  }
  return row;
}

const rows: Row[] = [await measure('1 companion (memory store)', {}, ROUNDS)];
const noRedis = redisUnavailable();
if (!noRedis) {
  const redis = await startRedis();
  const stores: RedisStore[] = [];
  let demoNumber = 0;
  try {
    rows.push(
      await measure('3 companions, round-robin, one Redis', {
        instances: 3,
        store: (i) => {
          // Each demo (a fresh sandbox) gets keys of its own; its three instances share them.
          if (i === 0) demoNumber++;
          const store = redisStore({ url: redis.url, prefix: `bench:${demoNumber}:` });
          stores.push(store);
          return store;
        },
      }, ROUNDS),
    );
  } finally {
    for (const store of stores) await store.close();
    await redis.stop();
  }
}

console.log('\n### Freshness: the stale window after AvaTax changed\n');
console.log(`Medians of ${ROUNDS} rounds; a fresh demo per round (companion status cache on, 30 s). The re-check row: one return to the tab of a page whose three elements (two zones, the list) all re-check.\n`);
console.log('| setup | tabs side by side: change → shown (s) | back to the tab: return → shown (s) | re-check: status requests | re-check: AvaTax calls |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.setup} | ${(median(r.sideBySideMs) / 1000).toFixed(1)} | ${(median(r.afterReturnMs) / 1000).toFixed(2)} | ${median(r.recheckRequests)} | ${median(r.callsPerRecheck)} |`);
}
if (noRedis) console.log(`\n(three instances: ${noRedis})`);
