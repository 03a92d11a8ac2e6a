import { Hono } from 'hono';
import type { Health } from '../../client/contract.js';
import type { AppEnv, Services } from '../context.js';
import { VERSION } from '../version.js';

/** A health check must answer fast even when AvaTax hangs. */
const PING_TIMEOUT_MS = 2000;
/**
 * The route needs no token, so its answer is shared for this long: callers cannot make the
 * companion send authenticated AvaTax calls at will.
 */
const PING_REUSE_MS = 10_000;

/**
 * `GET /v1/health` (no token): always 200 while the process runs; `ok` and `upstream` tell
 * whether AvaTax answers and accepts the credentials.
 */
export function healthRoutes(services: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let last: { at: number; ping: ReturnType<Services['gateway']['ping']> } | undefined;
  app.get('/health', async (c) => {
    const now = Date.now();
    if (!last || now - last.at > PING_REUSE_MS) {
      last = { at: now, ping: services.gateway.ping(Math.min(PING_TIMEOUT_MS, services.config.avatax.timeoutMs)) };
    }
    const ping = await last.ping;
    const upstream: Health['upstream'] = ping === null ? 'unreachable' : ping.authenticated ? 'reachable' : 'unauthorized';
    const answer: Health = { ok: upstream === 'reachable', upstream, version: VERSION };
    c.header('Cache-Control', 'no-store');
    return c.json(answer);
  });
  return app;
}
