/**
 * The real backend of the browser tests: the sandbox (AvaTax emulator) and the companion on
 * loopback (port 0), reached same-origin through a WTR middleware that also counts requests per
 * route and can inject faults the sandbox cannot produce (a 401 or 503 from the companion, a hung
 * answer). Test-only routes:
 *   GET  /_test/hits            → { hits: [{ route, at, fresh }] } since the last reset (`fresh`: sent
 *                                 with `Cache-Control: no-cache`, a person's re-check)
 *   GET  /_test/origins         → { crossOrigin, foreignOrigin }: API bases of companions on other origins
 *   POST /_test/reset           → clears hits, proxy faults and sandbox faults
 *   POST /_test/faults          → JSON { unauthorized?: n, unavailable?: n, hang?: boolean, sandbox?: FaultOptions }
 *                                 (`slow: { ms, count? }` holds the next count API requests ms before forwarding)
 *   GET  /_test/sdk/certificates?customerCode=  → { certificates } the sandbox lists for that customer, asked
 *                                 with the official `avatax` SDK (not through the companion)
 *   POST /_test/sdk/certificates {customerCode, zone}  → files a valid certificate for the customer in the
 *                                 zone (by name) with the SDK, behind the companion's back (as a buyer
 *                                 signing on the CertExpress page would)
 * A token endpoint URL with `no-status` plays a host's own endpoint that ignores the zones named in
 * the token request (so the page asks each status itself).
 * Who asks for a token is chosen by the `test-role` cookie: `staff` (sub `*`), `anonymous` (401),
 * `forbidden` (403), `staff-no-documents` (staff without certificate:read); otherwise the customer named in the token request (default C-1001).
 */
import type { IncomingMessage } from 'node:http';
import { CertRefusal, createCertServer, listen } from '../../src/server/index.js';
import { createSandbox, type FaultOptions } from '../../src/sandbox/index.js';
import { ALL_SCOPES } from '../../src/client/contract.js';
import avatax from 'avatax';

// The SDK's typings declare an ES default export; at runtime the CommonJS export is the class.
type AvaTaxClientClass = typeof avatax.default;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const AvaTaxClient: AvaTaxClientClass = ((avatax as any).default ?? avatax) as AvaTaxClientClass;

/** The slice of Koa's context the middleware uses. */
export interface MiddlewareContext {
  method: string;
  path: string;
  url: string;
  req: IncomingMessage;
  status: number;
  body: unknown;
  type: string;
  set(name: string, value: string): void;
}

export interface TestBackend {
  companionUrl: string;
  sandboxUrl: string;
  middleware: (ctx: MiddlewareContext, next: () => Promise<unknown>) => Promise<unknown>;
  close(): Promise<void>;
}

interface ProxyFaults {
  unauthorized?: number;
  unavailable?: number;
  hang?: boolean;
  /** The next `slow.count` (default 1) API requests wait `slow.ms` before being forwarded. */
  slow?: { ms: number; count?: number };
}

const BASE = '/cert-api';

/** Route name of a cert API path, with ids folded: `GET /v1/invitations/:id`. */
const routeOf = (method: string, path: string): string =>
  `${method} ${path.slice(BASE.length).replace(/\/\d+(?=\/|$)/g, '/:id')}`;

const cookie = (req: IncomingMessage, name: string): string | undefined =>
  req.headers.cookie?.match(new RegExp(`(?:^|; )${name}=([^;]*)`))?.[1];

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts sandbox + companion; `origin` is the page origin the tests run on (the token's apiBase). */
export async function startBackend({ origin }: { origin: string }): Promise<TestBackend> {
  // 250 generated customers (G-000001…) for staff-grid tests.
  const sandbox = await createSandbox({ inviteDelayMs: 300, customers: 250 });
  const server = createCertServer({
    avatax: {
      accountId: sandbox.credentials.accountId,
      licenseKey: sandbox.credentials.licenseKey,
      companyId: sandbox.companyId,
      environment: sandbox.url,
      timeoutMs: 5000,
    },
    secret: 'browser-tests-secret-0123456789-abcdefghijklmnop',
    basePath: BASE,
    apiBase: origin + BASE,
    statusCacheSeconds: 0,
    inviteRateLimit: 1000,
    logger: false,
    authorize: (request, { customerCode }) => {
      const role = request.headers.get('cookie')?.match(/(?:^|; )test-role=([^;]*)/)?.[1];
      if (role === 'anonymous') return null;
      if (role === 'forbidden') throw new CertRefusal('forbidden');
      // `staff-no-documents`: staff without certificate:read.
      if (role === 'staff-no-documents') return { customerCode: '*', scopes: ALL_SCOPES.filter((x) => x !== 'certificate:read') };
      return { customerCode: role === 'staff' ? '*' : (customerCode ?? 'C-1001'), scopes: [...ALL_SCOPES] };
    },
  });
  const companion = await listen(server, { port: 0, host: '127.0.0.1' });

  // Cross-origin embedding: companions reached directly on their own port (another origin than
  // the page), answering with their own URL as apiBase. `crossOrigin` allows the page origin;
  // `foreignOrigin` does not. GET /_test/origins → { crossOrigin, foreignOrigin } (API bases).
  const direct = (allowedOrigins: string[]) =>
    listen(createCertServer({
      avatax: { accountId: sandbox.credentials.accountId, licenseKey: sandbox.credentials.licenseKey, companyId: sandbox.companyId, environment: sandbox.url, timeoutMs: 5000 },
      secret: 'browser-tests-secret-0123456789-abcdefghijklmnop',
      basePath: BASE,
      allowedOrigins,
      statusCacheSeconds: 0,
      logger: false,
      authorize: (request, { customerCode }) => {
        const role = request.headers.get('cookie')?.match(/(?:^|; )test-role=([^;]*)/)?.[1];
        if (!role || role === 'anonymous') return null; // no cookie: credentials were not sent
        return { customerCode: role === 'staff' ? '*' : (customerCode ?? 'C-1001'), scopes: [...ALL_SCOPES] };
      },
    }), { port: 0, host: '127.0.0.1' });
  const crossOrigin = await direct([origin]);
  const foreignOrigin = await direct(['https://erp.example']);

  let hits: Array<{ route: string; at: number; fresh: boolean }> = [];
  let faults: ProxyFaults = {};
  let hung: Array<() => void> = [];
  const releaseHung = (): void => {
    hung.forEach((release) => release());
    hung = [];
  };

  const json = (ctx: MiddlewareContext, status: number, body: unknown): void => {
    ctx.status = status;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(body);
  };

  const middleware = async (ctx: MiddlewareContext, next: () => Promise<unknown>): Promise<unknown> => {
    if (ctx.path === '/_test/hits') return json(ctx, 200, { hits });
    if (ctx.path === '/_test/origins') return json(ctx, 200, { crossOrigin: crossOrigin.url + BASE, foreignOrigin: foreignOrigin.url + BASE });
    if (ctx.path === '/_test/sdk/certificates') {
      const sdk = new AvaTaxClient({ appName: 'cert-elements-tests', appVersion: '1', machineName: 'ci', environment: sandbox.url, timeout: 5000 })
        .withSecurity({ accountId: sandbox.credentials.accountId, licenseKey: sandbox.credentials.licenseKey });
      if (ctx.method === 'POST') {
        const { customerCode, zone } = JSON.parse((await readBody(ctx.req)).toString()) as { customerCode: string; zone: string };
        const signedDate = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const [created] = await (sdk as any).createCertificates({
          companyId: sandbox.companyId,
          model: [{ signedDate, exemptionReason: { name: 'RESALE' }, exposureZone: { name: zone }, customers: [{ customerCode }], filename: 'signed.pdf' }],
        });
        return json(ctx, 200, { id: created.id });
      }
      const customerCode = new URL(ctx.url, 'http://test').searchParams.get('customerCode') ?? '';
      // The SDK inserts path parameters unencoded.
      const found = await sdk.listCertificatesForCustomer({ companyId: sandbox.companyId, customerCode: encodeURIComponent(customerCode), include: 'customers' });
      return json(ctx, 200, { certificates: found.value ?? [] });
    }
    if (ctx.path === '/_test/reset') {
      hits = [];
      faults = {};
      releaseHung();
      sandbox.clearFaults();
      return json(ctx, 200, { ok: true });
    }
    if (ctx.path === '/_test/faults') {
      const { sandbox: sandboxFaults, ...proxy } = JSON.parse((await readBody(ctx.req)).toString() || '{}') as ProxyFaults & { sandbox?: FaultOptions };
      faults = proxy;
      if (sandboxFaults) sandbox.setFaults(sandboxFaults);
      return json(ctx, 200, { ok: true });
    }
    if (!ctx.path.startsWith(BASE + '/')) return next();

    const route = routeOf(ctx.method, ctx.path);
    hits.push({ route, at: Date.now(), fresh: /no-cache/i.test(String(ctx.req.headers['cache-control'] ?? '')) });
    const api = !route.endsWith(' /token');
    if (api && faults.slow && (faults.slow.count ?? 1) > 0) {
      const { ms, count = 1 } = faults.slow;
      faults.slow = { ms, count: count - 1 };
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
    if (api && faults.hang) {
      // Held until the test resets or the backend closes; the client's timeout ends it first.
      await new Promise<void>((resolve) => hung.push(resolve));
      return json(ctx, 504, { error: { code: 'timeout', message: 'Released.', retryable: true } });
    }
    if (api && faults.unauthorized) {
      faults.unauthorized--;
      return json(ctx, 401, { error: { code: 'unauthorized', message: 'Token expired.', retryable: false } });
    }
    if (api && faults.unavailable) {
      faults.unavailable--;
      ctx.set('Retry-After', '0');
      return json(ctx, 503, { error: { code: 'upstream_unavailable', message: 'Try again shortly.', retryable: true } });
    }

    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'content-type', 'cookie', 'cache-control']) {
      const value = ctx.req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    let body = ctx.method === 'GET' || ctx.method === 'HEAD' ? undefined : await readBody(ctx.req);
    // `?no-status` plays a host's own token endpoint that ignores the zones a page names.
    if (route.endsWith(' /token') && ctx.url.includes('no-status') && body?.length) {
      const { status: _ignored, ...rest } = JSON.parse(body.toString()) as Record<string, unknown>;
      body = Buffer.from(JSON.stringify(rest));
    }
    const answer = await fetch(companion.url + ctx.url, { method: ctx.method, headers, body });
    ctx.status = answer.status;
    const retryAfter = answer.headers.get('retry-after');
    if (retryAfter) ctx.set('Retry-After', retryAfter);
    ctx.type = answer.headers.get('content-type') ?? 'application/octet-stream';
    ctx.body = Buffer.from(await answer.arrayBuffer());
    return undefined;
  };

  return {
    companionUrl: companion.url,
    sandboxUrl: sandbox.url,
    middleware,
    async close() {
      releaseHung();
      await companion.close();
      await crossOrigin.close();
      await foreignOrigin.close();
      await sandbox.close();
    },
  };
}
