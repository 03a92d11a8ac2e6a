// The Express 5 example from the packed tarball: type check, then the shop in Chromium.
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoCompanion } from '../shared/demo-companion.ts';
import { check, launchBrowser, report } from '../shared/browser.ts';
import { checkShopPage } from '../shared/shop-checks.ts';
import { run } from '../shared/run.ts';
import { shopApp } from './app.ts';

console.log('express:');
await check('type-checks (tsc --strict)', async () => run('tsc', ['-p', 'tsconfig.json'], dirname(fileURLToPath(import.meta.url))));
const { certServer, sandbox } = await demoCompanion();
const server = shopApp(certServer).listen(0, '127.0.0.1');
await new Promise((ready) => server.once('listening', ready));
const browser = await launchBrowser();
try {
  await checkShopPage(browser, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
} finally {
  await browser.close();
  server.close();
  await sandbox.close();
}
report('express');
