// `npm start`: the local AvaTax sandbox in Node and the shop in workerd on http://127.0.0.1:8788.
import { createSandbox } from 'cert-elements/sandbox';
import { buildWorker } from './build.ts';
import { startWorkerd } from './workerd.ts';

await buildWorker();
const sandbox = await createSandbox({ port: 0, inviteDelayMs: 300 });
const shop = await startWorkerd(8788, {
  AVATAX_ENVIRONMENT: sandbox.url,
  AVATAX_ACCOUNT_ID: sandbox.credentials.accountId,
  AVATAX_LICENSE_KEY: sandbox.credentials.licenseKey,
  AVATAX_COMPANY_ID: String(sandbox.companyId),
  CERT_ELEMENTS_SECRET: 'example-secret-change-me-0123456789abcdef',
});
console.log(`shop on ${shop.url}`);
