// The workerd example from the packed tarball: type check, bundle, run the worker in workerd
// (from npm, nodejs_compat, no require shim) against the sandbox over loopback, and drive the
// shop in Chromium.
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox } from 'cert-elements/sandbox';
import { assert, check, launchBrowser, report } from '../shared/browser.ts';
import { checkShopPage } from '../shared/shop-checks.ts';
import { run } from '../shared/run.ts';
import { buildWorker } from './build.ts';
import { startWorkerd } from './workerd.ts';

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

console.log('workerd:');
await check('type-checks (tsc --strict)', async () => run('tsc', ['-p', 'tsconfig.json'], dirname(fileURLToPath(import.meta.url))));
await buildWorker();
const sandbox = await createSandbox({ port: 0, inviteDelayMs: 300 });
const shop = await startWorkerd(await freePort(), {
  AVATAX_ENVIRONMENT: sandbox.url,
  AVATAX_ACCOUNT_ID: sandbox.credentials.accountId,
  AVATAX_LICENSE_KEY: sandbox.credentials.licenseKey,
  AVATAX_COMPANY_ID: String(sandbox.companyId),
  CERT_ELEMENTS_SECRET: 'example-secret-change-me-0123456789abcdef',
});
const browser = await launchBrowser();
try {
  await check('the companion reaches AvaTax (the sandbox) from workerd', async () => {
    const health = (await (await fetch(`${shop.url}/cert-api/v1/health`)).json()) as { ok: boolean; upstream: string };
    assert(health.ok && health.upstream === 'reachable', JSON.stringify(health));
  });
  await checkShopPage(browser, `${shop.url}/`);
} finally {
  await browser.close();
  shop.stop();
  await sandbox.close();
}
report('workerd');
