/**
 * Everything the demo shop's backend does, as one fetch handler: its sign-in, its token endpoint
 * (the companion's `/token`, authorised by the sign-in cookie) and the cert API, in front of an
 * in-process sandbox standing in for AvaTax.
 *
 *   /demo-api/customers  GET     the demo customers (for the sign-in picker)
 *   /demo-api/accounts   GET     the ERP's customer list (salesperson only), for the grid page
 *   /demo-api/session    GET     who is signed in, with their ship-to zones
 *                        POST    sign in: {"customerCode":"C-1001"} or {"role":"staff"}
 *                        DELETE  sign out
 *   /cert-api/…                  the companion: POST /cert-api/token, /cert-api/v1/…
 */
import { randomBytes } from 'node:crypto';
import { createSandbox, type Sandbox, type SandboxOptions } from '../src/sandbox/index.js';
import { CertRefusal, createCertServer, type AuthorizeResult, type CertServer, type CertStore } from '../src/server/index.js';
import { ALL_SCOPES, type Scope } from '../src/client/contract.js';
import { DEMO_CUSTOMERS, findDemoCustomer } from './customers.js';
import { SessionCookies, type DemoSession } from './session.js';

export const CERT_API_PATH = '/cert-api';
const BUYER_SCOPES: Scope[] = ['status:read', 'invite:create', 'certificate:upload', 'certificate:read'];

export interface DemoBackend {
  /** Answers the demo's backend routes; null for anything else (the page's own files). */
  handle(request: Request): Promise<Response | null>;
  sandbox: Sandbox;
  close(): Promise<void>;
}

export interface DemoBackendOptions {
  sandbox?: SandboxOptions;
  /** Origins allowed to call the cert API cross-origin (the page itself is same-origin). */
  allowedOrigins?: string[];
  /**
   * Companion instances behind a round-robin (default 1), each with the store `store(i)` makes
   * (default: its own memory store). Benchmarks run several over one Redis.
   */
  instances?: number;
  store?: (instance: number) => CertStore;
}

export async function createDemoBackend(options: DemoBackendOptions = {}): Promise<DemoBackend> {
  const sandbox = await createSandbox(options.sandbox);
  const cookies = new SessionCookies();
  const secret = randomBytes(32).toString('base64url');
  const certServers: CertServer[] = Array.from({ length: options.instances ?? 1 }, (_, i) =>
    createCertServer({
      avatax: { ...sandbox.credentials, companyId: sandbox.companyId, environment: sandbox.url },
      secret,
      basePath: CERT_API_PATH,
      allowedOrigins: options.allowedOrigins ?? [],
      authorize: (request, { customerCode }) => authorizeFromSession(cookies.read(request), customerCode),
      logger: false,
      ...(options.store ? { store: options.store(i) } : {}),
    }),
  );
  let turn = 0;

  async function handle(request: Request): Promise<Response | null> {
    const { pathname } = new URL(request.url);
    if (pathname === CERT_API_PATH || pathname.startsWith(`${CERT_API_PATH}/`)) return certServers[turn++ % certServers.length]!.fetch(request);
    if (pathname === '/demo-api/customers' && request.method === 'GET') {
      return json(DEMO_CUSTOMERS.map(({ customerCode, name, note }) => ({ customerCode, name, note })));
    }
    if (pathname === '/demo-api/accounts' && request.method === 'GET') return accountsRoute(cookies.read(request), sandbox);
    if (pathname === '/demo-api/session') return sessionRoute(request, cookies);
    return null;
  }

  return { handle, sandbox, close: () => sandbox.close() };
}

/**
 * The host's rule for tokens: a buyer gets a token for their own customer record only (asking
 * for another is refused); the salesperson gets a staff token for any customer.
 */
function authorizeFromSession(session: DemoSession | null, requested: string | undefined): AuthorizeResult | null {
  if (!session) return null;
  if (session.role === 'staff') return { customerCode: '*', scopes: [...ALL_SCOPES] };
  const customer = findDemoCustomer(session.customerCode);
  if (!customer) return null;
  if (requested && requested !== customer.customerCode) throw new CertRefusal('forbidden');
  return { customerCode: customer.customerCode, scopes: BUYER_SCOPES, profile: customer.profile };
}

async function sessionRoute(request: Request, cookies: SessionCookies): Promise<Response> {
  if (request.method === 'GET') {
    const session = cookies.read(request);
    if (!session) return json({ signedIn: false });
    if (session.role === 'staff') return json({ signedIn: true, role: 'staff', name: session.name });
    const customer = findDemoCustomer(session.customerCode);
    if (!customer) return json({ signedIn: false });
    return json({ signedIn: true, role: 'buyer', customerCode: customer.customerCode, name: customer.name, email: customer.profile.emailAddress, shipTo: customer.shipTo });
  }
  // Signing in or out changes who the browser is: only the demo's own pages may do it, and only
  // with a JSON request, which another site cannot send without CORS.
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== new URL(request.url).origin) return json({ error: 'Cross-site request refused' }, 403);
  if (request.method === 'DELETE') return json({ signedIn: false }, 200, { 'set-cookie': cookies.clear() });
  if (request.method === 'POST') {
    if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
      return json({ error: 'Send JSON: {"customerCode":"C-1001"} or {"role":"staff"}' }, 415);
    }
    let body: { customerCode?: unknown; role?: unknown };
    try {
      body = (await request.json()) as typeof body;
    } catch {
      return json({ error: 'Send JSON: {"customerCode":"C-1001"} or {"role":"staff"}' }, 400);
    }
    let session: DemoSession;
    if (body.role === 'staff') session = { role: 'staff', name: 'Sam Seller' };
    else if (typeof body.customerCode === 'string' && findDemoCustomer(body.customerCode)) {
      session = { role: 'buyer', customerCode: body.customerCode };
    } else return json({ error: 'Unknown demo customer' }, 400);
    return json({ signedIn: true }, 200, { 'set-cookie': cookies.serialize(session) });
  }
  return json({ error: 'Method not allowed' }, 405, { allow: 'GET, POST, DELETE' });
}

/** One row of the ERP's customer list: who, and where their goods ship to. */
export interface DemoAccount {
  customerCode: string;
  name: string;
  city: string | null;
  country: string;
  region: string;
}

/**
 * The ERP's customer master. A real ERP reads its own database; the demo has no other store, so
 * its backend reads the customers from the sandbox (credentials stay here) and ships each one to
 * its address's region.
 */
async function accountsRoute(session: DemoSession | null, sandbox: Sandbox): Promise<Response> {
  if (session?.role !== 'staff') return json({ error: 'Sign in as the salesperson to see the customer list.' }, 401);
  const { accountId, licenseKey } = sandbox.credentials;
  const query = new URLSearchParams({ $top: '1000', $orderBy: 'customerCode' });
  try {
    const response = await fetch(`${sandbox.url}/api/v2/companies/${sandbox.companyId}/customers?${query}`, {
      headers: { authorization: `Basic ${Buffer.from(`${accountId}:${licenseKey}`).toString('base64')}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) return json({ error: `The customer list is unavailable (AvaTax answered ${response.status}).` }, 502);
    const page = (await response.json()) as { value?: { customerCode?: string; name?: string; city?: string; country?: string; region?: string }[] };
    const accounts: DemoAccount[] = (page.value ?? [])
      .filter((c) => c.customerCode && c.country && c.region)
      .map((c) => ({ customerCode: c.customerCode!, name: c.name ?? '', city: c.city ?? null, country: c.country!, region: c.region! }));
    return json(accounts);
  } catch {
    return json({ error: 'The customer list is unavailable (AvaTax did not answer).' }, 503);
  }
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}
