/**
 * A cold storefront page on the production build, with every request delayed 100 ms by Chrome
 * (DevTools Protocol network emulation): time to the first status shown, in sequential round
 * trips, and the layout shift the element causes to the text below it (CLS).
 *
 *   token with verdicts    the companion's /token, which answers the zones the page named
 *   host token endpoint    a token endpoint that ignores them (as a host's own may)
 * each with and without `cert-elements.css` (the room reserved before the script runs).
 *
 * Served here: the page, dist/ (run `npm run build` first; done here when dist/ is missing),
 * the companion under /cert-api on an in-process sandbox. Prints a markdown section;
 * BENCH_SPANS=1 also prints every request of each page with its start and end.
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { createSandbox } from '../src/sandbox/index.js';
import { createCertServer } from '../src/server/index.js';
import { launchChromium } from '../test/e2e/browser.js';
import { sequentialRoundTrips } from './_round-trips.js';

const RTT_MS = 100;
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);

if (!existsSync('dist/cert-elements.min.js')) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

const page = (css: boolean, endpoint: string): string => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Account</title>${css ? '<link rel="stylesheet" href="/dist/cert-elements.css">' : ''}
<script type="module" src="/dist/cert-elements.min.js"></script></head>
<body style="font: 16px/1.5 sans-serif; max-width: 40em; margin: 2em auto">
<h1>Your account</h1><h2>Ship to Washington</h2>
<cert-status token-endpoint="${endpoint}" country="US" region="WA"></cert-status>
<p id="below">Orders shipped to Washington are tax exempt while a certificate is on file. ${'Text that follows the status. '.repeat(20)}</p>
</body></html>`;

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

const sandbox = await createSandbox({});
const companion = createCertServer({
  avatax: { ...sandbox.credentials, companyId: sandbox.companyId, environment: sandbox.url },
  secret: 'bench-secret-0123456789-abcdefghijklmnopq',
  basePath: '/cert-api',
  logger: false,
  authorize: () => ({ customerCode: 'C-1001', scopes: ['status:read'] }),
});
const api = getRequestListener((request) => companion.fetch(request));

async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname.startsWith('/cert-api/')) {
    // `/cert-api/plain-token` plays a host's own endpoint: it drops the zones the page named.
    if (url.pathname === '/cert-api/plain-token') {
      req.url = '/cert-api/token';
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const { status: _dropped, ...body } = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
      const answer = await companion.fetch(new Request(`http://${req.headers.host}/cert-api/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
      return;
    }
    return api(req, res);
  }
  if (url.pathname.startsWith('/page/')) {
    const [, , css, endpoint] = url.pathname.split('/');
    res.writeHead(200, { 'content-type': 'text/html' }).end(page(css === 'css', `/cert-api/${endpoint}`));
    return;
  }
  const file = join(process.cwd(), url.pathname);
  if (url.pathname.startsWith('/dist/') && existsSync(file)) {
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    return;
  }
  res.writeHead(404).end();
}

const server = createServer((req, res) => void serve(req, res));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;


interface Row { setup: string; ms: number[]; trips: number[]; cls: number[] }
const rows: Row[] = [];
const browser = await launchChromium();
try {
  for (const [setup, path] of [
    ['warm-up', '/page/css/token'],
    ['token with verdicts, cert-elements.css', '/page/css/token'],
    ['token with verdicts, no stylesheet', '/page/none/token'],
    ['host token endpoint (4 trips), cert-elements.css', '/page/css/plain-token'],
  ] as const) {
    const row: Row = { setup, ms: [], trips: [], cls: [] };
    for (let i = 0; i < ROUNDS; i++) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: RTT_MS, downloadThroughput: -1, uploadThroughput: -1 });
      await tab.addInitScript(`
        window.__cls = 0;
        new MutationObserver(() => {
          const state = document.querySelector('cert-status')?.getAttribute('state');
          if (state && state !== 'loading' && !window.__shown) { window.__shown = performance.now(); window.__shownAt = performance.timeOrigin + window.__shown; }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['state'] });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });`);
      tab.on('console', (m) => process.env['BENCH_DEBUG'] && console.error('page:', m.text()));
      tab.on('pageerror', (e) => console.error('page error:', e.message));
      const spans: Array<{ start: number; end: number; url: string }> = [];
      tab.on('requestfinished', (request) => {
        const t = request.timing();
        spans.push({ start: t.startTime, end: t.startTime + t.responseEnd, url: request.url() });
      });
      await tab.goto(origin + path);
      await tab.waitForSelector('cert-status[state="exempt"]', { timeout: 30_000 }).catch(async (error: unknown) => {
        throw new Error(`no status: ${await tab.evaluate<string>("document.querySelector('cert-status')?.getAttribute('state') + ' ' + document.querySelector('cert-status')?.shadowRoot?.textContent")}`, { cause: error });
      });
      await tab.waitForTimeout(300);
      // From the start of navigation, by the page's own clock.
      row.ms.push(Math.round(await tab.evaluate<number>('window.__shown')));
      row.cls.push(await tab.evaluate<number>('window.__cls'));
      // Only what leads to the first status: every request (page, script, stylesheet, chunks, cert
      // API) that finished before it showed, by the wall clock both sides share.
      const shownAt = await tab.evaluate<number>('window.__shownAt');
      row.trips.push(sequentialRoundTrips(spans.filter((s) => s.end <= shownAt)));
      if (process.env['BENCH_SPANS']) console.error(setup, spans.map((s) => `${s.url.replace(origin, '')} ${Math.round(s.start - spans[0]!.start)}-${Math.round(s.end - spans[0]!.start)}`).join('\n'), 'shown', Math.round(shownAt - spans[0]!.start));
      await context.close();
    }
    if (setup !== 'warm-up') rows.push(row);
  }
} finally {
  await browser.close();
  server.close();
  await sandbox.close();
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`\n### Cold page to first status, production build, ${RTT_MS} ms added to every request (medians of ${ROUNDS})\n`);
console.log('| page | sequential round trips | time to status (ms) | in round trips | layout shift (CLS) |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.setup} | ${median(r.trips)} | ${median(r.ms)} | ${(median(r.ms) / RTT_MS).toFixed(1)} | ${median(r.cls).toFixed(3)} |`);
}
