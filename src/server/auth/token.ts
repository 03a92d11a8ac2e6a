import { webcrypto } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';
import type { Scope } from '../../client/contract.js';
import { profileSchema, scopeSchema, type CustomerProfile } from '../config.js';

/** The audience every cert-elements token carries. */
export const TOKEN_AUDIENCE = 'cert-elements';
/** Tokens may live at most this long (`exp - iat`), in seconds. */
export const MAX_TOKEN_TTL_SECONDS = 900;
/** Clock skew accepted between the minting host and the companion, in seconds. */
export const CLOCK_TOLERANCE_SECONDS = 30;
/** AvaTax customer codes are at most 50 characters; `*` marks a staff token. */
export const STAFF = '*';

/** What a verified token grants. */
export interface TokenClaims {
  /** The customer code, or `*` for staff. */
  customerCode: string;
  scopes: Scope[];
  companyId?: number;
  profile?: CustomerProfile;
  expiresAt: Date;
}

/** Input of {@link issueToken}. */
export interface TokenClaimsInput {
  customerCode: string;
  scopes: readonly Scope[];
  companyId?: number;
  profile?: CustomerProfile;
  /** Lifetime in seconds; default 600, at most 900. */
  ttlSeconds?: number;
  now?: Date;
}

export const customerCodeSchema = z
  .string()
  .min(1)
  .max(50)
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters')
  // `.` and `..` would become path segments of the AvaTax URL that fetch resolves away:
  // `/customers/../certificates` is the whole company's certificate list.
  .refine((code) => !/^\.+$/.test(code), 'must not consist of dots only');

const PAYLOAD = z.object({
  sub: z.union([z.literal(STAFF), customerCodeSchema]),
  scope: z.string(),
  iat: z.number(),
  exp: z.number(),
  cid: z.number().int().positive().optional(),
  profile: profileSchema.optional(),
});

const keys = new Map<string, Promise<webcrypto.CryptoKey>>();

/** The HMAC key of a secret, imported once: importing per request costs more than verifying. */
function keyOf(secret: string): Promise<webcrypto.CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    if (keys.size > 16) keys.clear(); // a handful of servers per process; never grows without bound
    keys.set(secret, key);
  }
  return key;
}

/**
 * Mints a token (JWT, HS256) for one customer or for staff (`customerCode: '*'`).
 * Hosts in other languages produce the same claims; see docs/server.md.
 */
export async function issueToken(secret: string, input: TokenClaimsInput): Promise<{ token: string; expiresAt: Date }> {
  const ttl = input.ttlSeconds ?? 600;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TOKEN_TTL_SECONDS) {
    throw new RangeError(`ttlSeconds must be an integer between 1 and ${MAX_TOKEN_TTL_SECONDS}`);
  }
  const sub = input.customerCode === STAFF ? STAFF : customerCodeSchema.parse(input.customerCode);
  const scopes = z.array(scopeSchema).parse(input.scopes);
  const iat = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const payload: Record<string, unknown> = { scope: [...new Set(scopes)].join(' ') };
  if (input.companyId !== undefined) payload['cid'] = input.companyId;
  if (input.profile !== undefined) payload['profile'] = profileSchema.parse(input.profile);
  const token = await new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttl)
    .sign(await keyOf(secret));
  return { token, expiresAt: new Date((iat + ttl) * 1000) };
}

/**
 * Verifies a token: HS256 only (no `none`, no other algorithm), audience `cert-elements`,
 * not expired, issued at most 15 minutes before it expires. Returns null when it fails
 * any check; the reason is not told to the caller.
 */
export async function verifyToken(secret: string, token: string, now: Date = new Date()): Promise<TokenClaims | null> {
  try {
    const { payload } = await jwtVerify(token, await keyOf(secret), {
      algorithms: ['HS256'],
      audience: TOKEN_AUDIENCE,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: now,
      requiredClaims: ['sub', 'iat', 'exp'],
    });
    const claims = PAYLOAD.safeParse(payload);
    if (!claims.success) return null;
    const { sub, scope, iat, exp, cid, profile } = claims.data;
    if (exp - iat > MAX_TOKEN_TTL_SECONDS || iat > now.getTime() / 1000 + CLOCK_TOLERANCE_SECONDS) return null;
    // Unknown scopes are ignored so a newer host can mint tokens an older companion accepts.
    const scopes = scope.split(' ').filter((s): s is Scope => scopeSchema.safeParse(s).success);
    const result: TokenClaims = { customerCode: sub, scopes, expiresAt: new Date(exp * 1000) };
    if (cid !== undefined) result.companyId = cid;
    if (profile !== undefined) result.profile = stripUndefined(profile);
    return result;
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return null;
    throw error;
  }
}

function stripUndefined(profile: CustomerProfile): CustomerProfile {
  const result: CustomerProfile = { name: profile.name };
  for (const [key, value] of Object.entries(profile)) {
    if (value !== undefined) result[key as keyof CustomerProfile] = value;
  }
  return result;
}
