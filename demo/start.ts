/**
 * `npm start`: the storefront demo on the embedded sandbox. No AvaTax account needed.
 * Environment: PORT (default 5173, or the next free one), SANDBOX_PORT (default 4010, or a free
 * one when 4010 is taken; 0 always picks a free one).
 */
import { startDemo, type Demo } from './server.js';

const port = process.env.PORT ? Number(process.env.PORT) : undefined;
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);

async function start(): Promise<Demo> {
  try {
    return await startDemo({ port, sandbox: { port: sandboxPort, customers: 250 } });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || process.env.SANDBOX_PORT) throw error;
    process.stderr.write(`Port ${sandboxPort} is taken; the sandbox takes a free one instead.\n`);
    return startDemo({ port, sandbox: { port: 0, customers: 250 } });
  }
}

const demo = await start();
const { sandbox } = demo.backend;
process.stdout.write(
  [
    '',
    `  cert-elements demo        ${demo.url}/`,
    `    account page            ${demo.url}/index.html`,
    `    order entry (staff)     ${demo.url}/erp.html`,
    `    customer grid (staff)   ${demo.url}/grid.html`,
    `  AvaTax sandbox            ${sandbox.url}/api/v2   (account ${sandbox.credentials.accountId}, license key ${sandbox.credentials.licenseKey}, company ${sandbox.companyId})`,
    '',
    '  Sign in as any demo customer, or as the salesperson, on the page. Ctrl+C stops everything.',
    '',
  ].join('\n') + '\n',
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void demo.close().finally(() => process.exit(0));
  });
}
