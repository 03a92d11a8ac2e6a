import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { BatchStatusItem, BatchStatusResponse } from '../../client/contract.js';
import { companyFor, customerFor, requireScope, requireStaff } from '../auth/middleware.js';
import { customerCodeSchema } from '../auth/token.js';
import type { AppEnv, Services } from '../context.js';
import type { ReadOptions } from '../domain/status.js';
import { invalidRequest, toApiError } from '../errors.js';
import { jsonBodyLimit, parseWith, readJson } from './json-body.js';
import { countrySchema, regionSchema } from './zone-params.js';

export const BATCH_MAX_ITEMS = 100;

/**
 * A person caused this read: the client sends `Cache-Control: no-cache` on a re-check after
 * returning to the tab, "Try again", `refresh()`, an upload or a finished invitation, and
 * `Recheck-Age: <ms>`, how long ago the person acted (the elements of a page then share one read).
 */
function readOptions(c: Context<AppEnv>): ReadOptions {
  const fresh = /(^|,)\s*no-cache\s*(,|$)/i.test(c.req.header('cache-control') ?? '');
  const age = Number(c.req.header('recheck-age'));
  return fresh && Number.isFinite(age) && age > 0 ? { fresh, actedMsAgo: age } : { fresh };
}

const STATUS_QUERY = z.object({
  country: countrySchema.optional(),
  region: regionSchema.optional(),
  customerCode: z.string().optional(),
});

const BATCH = z.object({
  items: z
    .array(z.object({ customerCode: customerCodeSchema, country: countrySchema, region: regionSchema }))
    .min(1, 'must hold at least one item')
    .max(BATCH_MAX_ITEMS, `must hold at most ${BATCH_MAX_ITEMS} items`),
});

/** `GET /v1/status` (one zone, or the list) and `POST /v1/status/batch` (staff). */
export function statusRoutes(services: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { status, config } = services;

  app.get('/status', requireScope('status:read'), async (c) => {
    const query = parseWith(STATUS_QUERY, c.req.query());
    const auth = c.var.auth;
    const customerCode = customerFor(auth, query.customerCode);
    const companyId = companyFor(auth, config.avatax.companyId);
    const options = readOptions(c);
    c.header('Cache-Control', 'private, no-store');
    if (query.region !== undefined) {
      if (query.country === undefined) throw invalidRequest('A region needs its country (e.g. country=US).', ['country']);
      return c.json(await status.verdict(companyId, customerCode, query.country, query.region, options));
    }
    return c.json(await status.list(companyId, customerCode, query.country, options));
  });

  app.post('/status/batch', requireScope('status:read'), requireStaff(), jsonBodyLimit(), async (c) => {
    const { items } = await readJson(c, BATCH);
    const companyId = companyFor(c.var.auth, config.avatax.companyId);
    // One AvaTax answer per distinct customer serves all of its items; order and length are kept.
    // As many customers at once as the instance may have calls in flight: 100 in 4 waves by default.
    const options = { ...readOptions(c), concurrency: config.upstreamConcurrency };
    const results = await status.verdicts(companyId, items, options);
    const answer: BatchStatusResponse = {
      items: results.map((result, i): BatchStatusItem =>
        result.ok ? { ok: true, ...result.verdict } : { ok: false, ...items[i]!, error: toApiError(result.error).toDetail() },
      ),
    };
    c.header('Cache-Control', 'private, no-store');
    return c.json(answer);
  });

  return app;
}
