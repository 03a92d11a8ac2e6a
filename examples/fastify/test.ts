// The Fastify 5 example from the packed tarball: type check, then the shop in Chromium.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoCompanion } from '../shared/demo-companion.ts';
import { assert, check, launchBrowser, report } from '../shared/browser.ts';
import { checkShopPage } from '../shared/shop-checks.ts';
import { run } from '../shared/run.ts';
import { shopApp } from './app.ts';

console.log('fastify:');
await check('type-checks (tsc --strict)', async () => run('tsc', ['-p', 'tsconfig.json'], dirname(fileURLToPath(import.meta.url))));
const { certServer, sandbox } = await demoCompanion();
const app = await shopApp(certServer);
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const browser = await launchBrowser();
try {
  await checkShopPage(browser, `${url}/`);
  await check("the shop's own routes keep Fastify's JSON parser", async () => {
    const echoed = await fetch(`${url}/api/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    assert((await echoed.text()) === '{"a":1}', 'echo differs');
  });
} finally {
  await browser.close();
  await app.close();
  await sandbox.close();
}
report('fastify');
