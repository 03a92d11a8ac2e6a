import { Hono } from 'hono';
import { z } from 'zod';
import type { BatchStatusItem, BatchStatusResponse } from '../../client/contract.js';
import { companyFor, customerFor, requireScope, requireStaff } from '../auth/middleware.js';
import { customerCodeSchema } from '../auth/token.js';
import type { AppEnv, Services } from '../context.js';
import { invalidRequest, toApiError } from '../errors.js';
import { jsonBodyLimit, parseWith, readJson } from './json-body.js';
import { countrySchema, regionSchema } from './zone-params.js';

/** Upstream lookups a batch runs at the same time. */
export const BATCH_CONCURRENCY = 8;
export const BATCH_MAX_ITEMS = 100;

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
    c.header('Cache-Control', 'private, no-store');
    if (query.region !== undefined) {
      if (query.country === undefined) throw invalidRequest('A region needs its country (e.g. country=US).', ['country']);
      return c.json(await status.verdict(companyId, customerCode, query.country, query.region));
    }
    return c.json(await status.list(companyId, customerCode, query.country));
  });

  app.post('/status/batch', requireScope('status:read'), requireStaff(), jsonBodyLimit(), async (c) => {
    const { items } = await readJson(c, BATCH);
    const companyId = companyFor(c.var.auth, config.avatax.companyId);
    // Identical items are looked up once; the answer keeps request order and length.
    const unique = new Map<string, (typeof items)[number]>();
    for (const item of items) unique.set(`${item.customerCode}\u0000${item.country}\u0000${item.region}`, item);
    const results = new Map<string, BatchStatusItem>();
    await runPool([...unique.entries()], BATCH_CONCURRENCY, async ([key, item]) => {
      try {
        const verdict = await status.verdict(companyId, item.customerCode, item.country, item.region);
        results.set(key, { ok: true, ...verdict });
      } catch (error) {
        results.set(key, { ok: false, ...item, error: toApiError(error).toDetail() });
      }
    });
    const answer: BatchStatusResponse = {
      items: items.map((item) => results.get(`${item.customerCode}\u0000${item.country}\u0000${item.region}`) as BatchStatusItem),
    };
    c.header('Cache-Control', 'private, no-store');
    return c.json(answer);
  });

  return app;
}

/** Runs `task` over `items` with at most `limit` running at once. */
async function runPool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
