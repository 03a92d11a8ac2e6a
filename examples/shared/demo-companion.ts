/**
 * The companion the example apps run against: the local AvaTax sandbox and `createCertServer`
 * mounted under `/cert-api`. A real shop's `authorize` decides the customer from its own
 * sign-in; here any demo customer may be asked for, and C-1001 is "the signed-in buyer".
 */
import { createSandbox, type Sandbox } from 'cert-elements/sandbox';
import { createCertServer, type CertServer, type CertServerConfig } from 'cert-elements/server';

export interface DemoCompanion {
  certServer: CertServer;
  sandbox: Sandbox;
}

const DEMO_CUSTOMERS = /^C-100[1-6]$/;

/** Starts the sandbox and builds the companion served under `basePath`. */
export async function demoCompanion(options: { basePath?: string; logger?: CertServerConfig['logger'] } = {}): Promise<DemoCompanion> {
  const sandbox = await createSandbox({ port: 0, inviteDelayMs: 300 });
  const certServer = createCertServer({
    avatax: { ...sandbox.credentials, companyId: sandbox.companyId, environment: sandbox.url },
    secret: 'example-secret-change-me-0123456789abcdef',
    basePath: options.basePath ?? '/cert-api',
    logger: options.logger ?? false,
    authorize: (_request, { customerCode }) => ({
      customerCode: customerCode && DEMO_CUSTOMERS.test(customerCode) ? customerCode : 'C-1001',
      scopes: ['status:read', 'invite:create', 'certificate:upload', 'certificate:read'],
    }),
  });
  return { certServer, sandbox };
}
