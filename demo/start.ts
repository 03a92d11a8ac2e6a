/**
 * `npm start`: the storefront demo on the embedded sandbox. No AvaTax account needed.
 * Environment: PORT (default 5173), SANDBOX_PORT (default 4010; 0 picks a free one).
 */
import { startDemo } from './server.js';

const port = Number(process.env.PORT ?? 5173);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);

const demo = await startDemo({ port, sandbox: { port: sandboxPort } });
const { sandbox } = demo.backend;
process.stdout.write(
  [
    '',
    `  cert-elements demo        ${demo.url}/`,
    `    account profile page    ${demo.url}/index.html`,
    `  AvaTax sandbox            ${sandbox.url}/api/v2   (account ${sandbox.credentials.accountId}, license key ${sandbox.credentials.licenseKey}, company ${sandbox.companyId})`,
    '',
    '  Sign in as any demo customer on the page. Ctrl+C stops everything.',
    '',
  ].join('\n') + '\n',
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void demo.close().finally(() => process.exit(0));
  });
}
