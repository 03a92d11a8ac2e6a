import type { MiddlewareHandler } from 'hono';
import type { Scope } from '../../client/contract.js';
import type { AppEnv } from '../context.js';
import { forbidden, invalidRequest, unauthorized } from '../errors.js';
import { STAFF, customerCodeSchema, type TokenClaims } from './token.js';
import { VerifiedTokens } from './verified-tokens.js';

/** Requires a valid `Authorization: Bearer <token>` and exposes its claims as `c.var.auth`. */
export function bearerAuth(secret: string, now: () => Date): MiddlewareHandler<AppEnv> {
  const tokens = new VerifiedTokens(secret, now);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header);
    if (!match?.[1]) throw unauthorized('Send a token as "Authorization: Bearer <token>".');
    const claims = await tokens.verify(match[1]);
    if (!claims) throw unauthorized('The token is invalid or has expired.');
    c.set('auth', claims);
    await next();
  };
}

/** Requires every named scope on the token. */
export function requireScope(...scopes: Scope[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const missing = scopes.filter((s) => !c.var.auth.scopes.includes(s));
    if (missing.length) throw forbidden(`The token lacks the scope ${missing.join(', ')}.`);
    await next();
  };
}

/** Requires a staff token (`sub` = `*`). */
export function requireStaff(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.var.auth.customerCode !== STAFF) throw forbidden('Only staff tokens may do that.');
    await next();
  };
}

export const isStaff = (auth: TokenClaims): boolean => auth.customerCode === STAFF;

/**
 * The customer a request is about. A customer token may omit `requested` and may only name
 * itself (else 403); a staff token must name one (else 400).
 */
export function customerFor(auth: TokenClaims, requested: string | undefined): string {
  const given = requested === '' ? undefined : requested;
  if (!isStaff(auth)) {
    if (given !== undefined && given !== auth.customerCode) throw forbidden('This token is for another customer.');
    return auth.customerCode;
  }
  if (given === undefined) throw invalidRequest('Staff requests must name the customer (customerCode).', ['customerCode']);
  if (!customerCodeSchema.safeParse(given).success) throw invalidRequest('customerCode is not a valid customer code.', ['customerCode']);
  return given;
}

/** The AvaTax company a token works in: its `cid`, else the configured one. */
export const companyFor = (auth: TokenClaims, fallback: number): number => auth.companyId ?? fallback;
