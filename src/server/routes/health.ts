import { Hono } from 'hono';
import type { Health } from '../../client/contract.js';
import type { AppEnv, Services } from '../context.js';
import { VERSION } from '../version.js';

/** A health check must answer fast even when AvaTax hangs. */
const PING_TIMEOUT_MS = 2000;
/**
 * The route needs no token, so its answer is shared for this long, by every instance that
 * shares a store: callers cannot make the companion send authenticated AvaTax calls at will.
 */
const PING_REUSE_MS = 10_000;

type Upstream = Health['upstream'];

/**
 * `GET /v1/health` (no token): always 200 while the process runs; `ok` tells whether AvaTax
 * answers and accepts the credentials, `store` whether the shared state can be reached.
 */
export function healthRoutes(services: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store, gateway, config } = services;
  let local: { at: number; upstream: Promise<Upstream> } | undefined;

  const ping = async (): Promise<Upstream> => {
    const result = await gateway.ping(Math.min(PING_TIMEOUT_MS, config.avatax.timeoutMs));
    return result === null ? 'unreachable' : result.authenticated ? 'reachable' : 'unauthorized';
  };

  app.get('/health', async (c) => {
    const shared = await store.read('health', 'upstream').catch(() => undefined);
    let upstream = shared?.value as Upstream | null | undefined;
    if (!upstream) {
      const now = Date.now();
      if (!local || now - local.at > PING_REUSE_MS) local = { at: now, upstream: ping() };
      upstream = await local.upstream;
      if (shared) await store.write('health', shared.generation, 'upstream', upstream, PING_REUSE_MS).catch(() => undefined);
    }
    // A store outage degrades (no cache, no rate-limited writes) but the companion still answers truly.
    const answer: Health = { ok: upstream === 'reachable', upstream, store: shared ? 'ok' : 'unavailable', version: VERSION };
    c.header('Cache-Control', 'no-store');
    return c.json(answer);
  });
  return app;
}
