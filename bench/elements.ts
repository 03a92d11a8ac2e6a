/**
 * What many elements on one page cost the network: for 1, 50 and 500 `<cert-status>` elements
 * of one buyer (four ship-to zones), and for a salesperson's grid of one compact badge per
 * customer, the requests made to the cert API from first paint until every element shows a
 * settled state, and how many of them had to wait for another (sequential round trips).
 * Runs the demo (Vite + companion + sandbox) and Debian's Chromium; prints a markdown table.
 */
import type { Request as PwRequest } from 'playwright-core';
import { startDemo } from '../demo/server.js';
import { launchChromium } from '../test/e2e/browser.js';
import { sequentialRoundTrips } from './_round-trips.js';

interface Row {
  scenario: string;
  elements: number;
  token: number;
  status: number;
  batch: number;
  total: number;
  roundTrips: number;
  settledMs: number;
}


const demo = await startDemo({ port: 0, hmr: false, sandbox: { port: 0, customers: 500 } });
const browser = await launchChromium();
const rows: Row[] = [];

async function measure(scenario: string, who: object, query: string, elements: number): Promise<void> {
  const context = await browser.newContext();
  await context.request.post(`${demo.url}/demo-api/session`, { data: who });
  const page = await context.newPage();
  const spans: Array<{ start: number; end: number; url: string; method: string }> = [];
  const record = (request: PwRequest) => {
    if (!request.url().includes('/cert-api/')) return;
    const t = request.timing();
    spans.push({ start: t.startTime, end: t.startTime + t.responseEnd, url: request.url(), method: request.method() });
  };
  page.on('requestfinished', record);
  page.on('requestfailed', record);
  await page.goto(`${demo.url}/bench.html?n=${elements}${query}`);
  // Runs in the page, where demo/page/bench.ts sets `benchResult` once every element has settled.
  const result = await page
    .waitForFunction(() => (globalThis as { benchResult?: { settledMs: number } }).benchResult, undefined, { timeout: 120_000 })
    .then((handle) => handle.jsonValue());
  const count = (test: (s: (typeof spans)[number]) => boolean) => spans.filter(test).length;
  rows.push({
    scenario,
    elements,
    token: count((s) => s.url.endsWith('/token')),
    status: count((s) => s.method === 'GET' && s.url.includes('/v1/status')),
    batch: count((s) => s.url.includes('/v1/status/batch')),
    total: spans.length,
    roundTrips: sequentialRoundTrips(spans),
    settledMs: result!.settledMs,
  });
  await context.close();
}

try {
  // One warm-up so Vite's first transform of the modules is not counted against 1 element.
  await measure('warm-up', { customerCode: 'C-1001' }, '', 1);
  rows.length = 0;
  for (const n of [1, 50, 500]) await measure('buyer, 4 zones', { customerCode: 'C-1001' }, '', n);
  for (const n of [50, 250, 500]) await measure('staff grid, 1 per customer', { role: 'staff' }, '&grid', n);
} finally {
  await browser.close();
  await demo.close();
}

console.log('\n### Elements on one page: requests from first paint to settled\n');
console.log('| scenario | elements | token requests | status GETs | batch POSTs | all cert-API requests | sequential round trips | settled (ms, indicative) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.scenario} | ${r.elements} | ${r.token} | ${r.status} | ${r.batch} | ${r.total} | ${r.roundTrips} | ${r.settledMs} |`);
}
