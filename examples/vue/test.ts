// The Vue 3 example, as CI runs it from the packed tarball: vue-tsc --strictTemplates with the
// shipped typings, production build, then the app in Chromium against the real companion.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { listen } from 'cert-elements/server';
import { demoCompanion } from '../shared/demo-companion.ts';
import { assert, check, launchBrowser, report, waitForState } from '../shared/browser.ts';
import { run } from '../shared/run.ts';

const root = dirname(fileURLToPath(import.meta.url));
console.log('vue:');
await check('type-checks templates with the shipped typings (vue-tsc, strictTemplates)', async () => run('vue-tsc', ['-p', 'tsconfig.json'], root));

const { certServer, sandbox } = await demoCompanion();
const companion = await listen(certServer);
process.env['CERT_API_TARGET'] = companion.url;
await build({ root, logLevel: 'warn' });
const site = await preview({ root, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', strictPort: false } });
const browser = await launchBrowser();
const page = await browser.newPage();
const errors: string[] = [];
page.on('pageerror', (error) => errors.push(String(error)));
try {
  await page.goto(site.resolvedUrls!.local[0]!);

  await check('bare `compact` is true; fetchToken bound with .prop; @cert-status-change', async () => {
    await waitForState(page, '#badge', 'exempt');
    await page.locator('#badge-status', { hasText: 'exempt' }).waitFor();
    const compact = await page.locator('#badge').evaluate((el) => (el as HTMLElement & { compact: unknown }).compact);
    assert(compact === true, `compact is ${String(compact)}`);
    assert(!(await page.locator('#badge').getAttribute('fetchtoken')), 'the function became an attribute');
  });

  await check('bare `auto` creates the invitation at once; @certexpress-link-ready', async () => {
    await waitForState(page, '#zone', 'missing');
    await page.locator('#link', { hasText: /^https?:\/\// }).waitFor({ timeout: 15_000 });
  });

  await check('no page errors', async () => assert(errors.length === 0, errors.join('\n')));
} finally {
  await browser.close();
  await new Promise<void>((done) => site.httpServer.close(() => done()));
  await companion.close();
  await sandbox.close();
}
report('vue');
