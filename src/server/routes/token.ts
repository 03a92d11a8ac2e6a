import { Hono } from 'hono';
import { z } from 'zod';
import type { StatusVerdict, TokenResponse } from '../../client/contract.js';
import { STAFF, customerCodeSchema, issueToken } from '../auth/token.js';
import { profileSchema, scopeSchema, type AuthorizeResult, type ResolvedConfig } from '../config.js';
import type { AppEnv } from '../context.js';
import type { OriginCheck } from '../cors.js';
import { ApiError, CertRefusal, forbidden, unauthorized } from '../errors.js';
import type { Logger } from '../logging.js';
import { jsonBodyLimit, readJson } from './json-body.js';

/** Zones whose verdicts one token answer may carry (a page's first status asks). */
export const TOKEN_STATUS_ZONES = 20;

const TOKEN_REQUEST = z.object({
  customerCode: customerCodeSchema.optional(),
  status: z
    .array(z.string().regex(/^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$/, 'must be an ISO 3166-2 code such as US-WA'))
    .max(TOKEN_STATUS_ZONES)
    .transform((codes) => codes.map((code) => ({ country: code.slice(0, 2).toUpperCase(), region: code.slice(3).toUpperCase() })))
    .optional(),
});

/** The verdicts of `zones` for a customer token, those that could be answered (others are left out). */
export type FirstVerdicts = (granted: { customerCode: string; companyId?: number }, zones: Array<{ country: string; region: string }>) => Promise<StatusVerdict[]>;

const AUTHORIZE_RESULT = z.object({
  customerCode: z.union([z.literal(STAFF), customerCodeSchema]),
  scopes: z.array(scopeSchema),
  profile: profileSchema.optional(),
  companyId: z.number().int().positive().optional(),
});

/**
 * `POST /token`: the host's `authorize` decides who gets a token for which customer.
 * Without `authorize` the route always answers 401, so it is never an open endpoint.
 */
export function tokenRoutes(config: ResolvedConfig, logger: Logger, isAllowedOrigin: OriginCheck, firstVerdicts: FirstVerdicts): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/token', jsonBodyLimit(), async (c) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !isAllowedOrigin(origin, c)) throw forbidden('This origin may not request tokens.');
    const body = await readJson(c, TOKEN_REQUEST);
    if (!config.authorize) throw unauthorized('Tokens are minted by the host application, not by this endpoint.');

    let granted: AuthorizeResult | null;
    try {
      const ctx: { customerCode?: string } = {};
      if (body.customerCode !== undefined) ctx.customerCode = body.customerCode;
      granted = await config.authorize(c.req.raw, ctx);
    } catch (error) {
      if (error instanceof CertRefusal) {
        throw error.kind === 'unauthorized' ? unauthorized(error.message) : forbidden(error.message);
      }
      if (error instanceof ApiError) throw error;
      logger.error({ err: safeError(error) }, 'authorize threw');
      throw new ApiError('internal_error', 'The sign-in check failed. Try again later.', { retryable: true });
    }
    if (granted === null || granted === undefined) throw unauthorized('Sign in to see certificate status.');
    const checked = AUTHORIZE_RESULT.safeParse(granted);
    if (!checked.success) {
      logger.error({ issues: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 'authorize returned an invalid result');
      throw new ApiError('internal_error', 'The sign-in check failed. Try again later.');
    }

    const { token, expiresAt } = await issueToken(config.secret, {
      customerCode: checked.data.customerCode,
      scopes: checked.data.scopes,
      ttlSeconds: config.tokenTtlSeconds,
      now: config.now(),
      ...(checked.data.companyId !== undefined ? { companyId: checked.data.companyId } : {}),
      ...(checked.data.profile !== undefined ? { profile: checked.data.profile } : {}),
    });
    const answer: TokenResponse = {
      token,
      expiresAt: expiresAt.toISOString(),
      customerCode: checked.data.customerCode,
      apiBase: config.apiBase ?? `${new URL(c.req.url).origin}${config.basePath}`,
    };
    // The page's first verdicts ride along (one round trip fewer on a cold page); staff pages
    // batch their own, and a token without status:read gets none.
    const { customerCode, scopes, companyId } = checked.data;
    if (body.status?.length && customerCode !== STAFF && scopes.includes('status:read')) {
      answer.status = await firstVerdicts({ customerCode, ...(companyId !== undefined ? { companyId } : {}) }, body.status);
    }
    c.header('Cache-Control', 'no-store');
    return c.json(answer);
  });
  return app;
}

/** An error for the log: name and message only (the host's stack may carry request data). */
export function safeError(error: unknown): { name: string; message: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
}
