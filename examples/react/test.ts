// The React 19 example, as CI runs it from the packed tarball: type check, production build,
// then the built app in Chromium against the real companion and sandbox.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, check, report, waitForState } from '../shared/browser.ts';
import { withViteApp } from '../shared/vite-app.ts';
import { tinyPdf, utcDay } from '../shared/files.ts';
import { run } from '../shared/run.ts';

const root = dirname(fileURLToPath(import.meta.url));
console.log('react:');
await check('type-checks with the shipped JSX typings (tsc --strict)', async () => run('tsc', ['-p', 'tsconfig.json'], root));

await withViteApp(root, async (page, errors) => {
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
});
report('react');
