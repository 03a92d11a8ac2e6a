import { Hono } from 'hono';
import { z } from 'zod';
import { companyFor, requireScope, requireStaff } from '../auth/middleware.js';
import type { AppEnv, Services } from '../context.js';
import { parseWith } from './json-body.js';

const SEARCH_QUERY = z.object({
  q: z
    .string('is required')
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters'),
});

/** `GET /v1/customers?q=`: staff find a customer by code, name or city (first 20). */
export function customerRoutes(services: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/customers', requireScope('customer:search'), requireStaff(), async (c) => {
    const { q } = parseWith(SEARCH_QUERY, c.req.query());
    const companyId = companyFor(c.var.auth, services.config.avatax.companyId);
    c.header('Cache-Control', 'private, no-store');
    return c.json(await services.customers.search(companyId, q));
  });
  return app;
}
