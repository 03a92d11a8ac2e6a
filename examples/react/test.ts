// The React 19 example, as CI runs it from the packed tarball: type check, production build,
// then the built app in Chromium against the real companion and sandbox.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { listen } from 'cert-elements/server';
import { demoCompanion } from '../shared/demo-companion.ts';
import { assert, check, launchBrowser, report, waitForState } from '../shared/browser.ts';
import { tinyPdf, utcDay } from '../shared/files.ts';
import { run } from '../shared/run.ts';

const root = dirname(fileURLToPath(import.meta.url));
console.log('react:');
await check('type-checks with the shipped JSX typings (tsc --strict)', async () => run('tsc', ['-p', 'tsconfig.json'], root));

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

  await check('wrappers: fetchToken prop, onCertStatusChange, the link in the missing slot', async () => {
    await waitForState(page, '#account-status', 'missing');
    await page.locator('#wrapped', { hasText: 'missing' }).waitFor();
    await page.locator('certexpress-link').getByRole('button', { name: 'Request certificate' }).click();
    await page.locator('#link', { hasText: /^https?:\/\// }).waitFor({ timeout: 15_000 });
  });

  await check('a ref reaches the element: refresh() checks again', async () => {
    await page.click('#check');
    await page.locator('#wrapped', { hasText: 'missing, missing' }).waitFor();
  });

  await check('bare tag: attributes, compact, oncert-status-change', async () => {
    await page.locator('#bare', { hasText: 'pending' }).waitFor();
    const compact = await page.locator('cert-status[customer-code="C-1003"]').evaluate((el) => (el as HTMLElement & { compact: boolean }).compact);
    assert(compact === true, `compact is ${compact}`);
  });

  await check('an element loaded after the first render (lazy) works with its props and events', async () => {
    await page.click('#show-upload');
    const upload = page.locator('cert-upload');
    await waitForState(page, 'cert-upload', 'idle');
    await upload.getByLabel('Certificate file').setInputFiles({ name: 'nv.pdf', mimeType: 'application/pdf', buffer: tinyPdf() });
    await upload.getByLabel('Exemption reason').selectOption('RESALE');
    await upload.getByLabel('Signed on').fill(utcDay(-2));
    await upload.getByRole('button', { name: 'Upload certificate' }).click();
    await page.locator('#uploaded', { hasText: 'exempt' }).waitFor({ timeout: 15_000 });
  });

  await check('no page errors', async () => assert(errors.length === 0, errors.join('\n')));
} finally {
  await browser.close();
  await new Promise<void>((done) => site.httpServer.close(() => done()));
  await companion.close();
  await sandbox.close();
}
report('react');
