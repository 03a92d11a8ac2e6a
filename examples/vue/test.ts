// The Vue 3 example, as CI runs it from the packed tarball: vue-tsc --strictTemplates with the
// shipped typings, production build, then the app in Chromium against the real companion.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, check, report, waitForState } from '../shared/browser.ts';
import { withViteApp } from '../shared/vite-app.ts';
import { run } from '../shared/run.ts';

const root = dirname(fileURLToPath(import.meta.url));
console.log('vue:');
await check('type-checks templates with the shipped typings (vue-tsc, strictTemplates)', async () => run('vue-tsc', ['-p', 'tsconfig.json'], root));

await withViteApp(root, async (page, errors) => {
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
});
report('vue');
