import { z } from 'zod';
import type { HostLogger } from './logging.js';
import type { Scope } from '../client/contract.js';
import type { CertStore } from './store/store.js';

/**
 * Customer data used only to create a customer that AvaTax does not know yet. Limits are
 * AvaTax's CustomerModel lengths; the type is the schema's, so the two cannot disagree.
 */
export const profileSchema = z.object({
  name: z.string().min(1).max(50),
  emailAddress: z.string().max(254).optional(),
  line1: z.string().max(50).optional(),
  city: z.string().max(50).optional(),
  region: z.string().max(3).optional(),
  postalCode: z.string().max(11).optional(),
  country: z.string().max(3).optional(),
  phoneNumber: z.string().max(25).optional(),
  faxNumber: z.string().max(25).optional(),
});

/** Customer data used only to create a customer that AvaTax does not know yet. */
export type CustomerProfile = z.output<typeof profileSchema>;

/** What a host's `authorize` grants: one customer (or `*` for staff) and the scopes. */
export interface AuthorizeResult {
  customerCode: string;
  scopes: Scope[];
  profile?: CustomerProfile;
  /** AvaTax company id for this token, when the host serves several companies. */
  companyId?: number;
}

/** Decides who may get a token; `null` → 401, throw `CertRefusal` → 403. */
export type Authorize = (
  request: Request,
  ctx: { customerCode?: string },
) => Promise<AuthorizeResult | null> | AuthorizeResult | null;

/** Configuration of {@link createCertServer}. */
export interface CertServerConfig {
  avatax: {
    accountId: string;
    licenseKey: string;
    companyId: number;
    /** `sandbox`, `production`, or a base URL such as a local sandbox's `url`. */
    environment: 'sandbox' | 'production' | (string & {});
    /** Per upstream call, in ms; default 10000. */
    timeoutMs?: number;
  };
  /** HS256 signing key shared with the host; at least 32 characters. */
  secret: string;
  authorize?: Authorize;
  /** Exact origins allowed to call cross-origin (CORS). The companion's own origin is always allowed. */
  allowedOrigins?: string[];
  /** Mount prefix, e.g. `/cert-api`; default none. */
  basePath?: string;
  /** Returned as `apiBase` in token answers; default request origin + basePath. */
  apiBase?: string;
  /** Reuse an invitation for the same zone and delivery created within this many days; default 30. */
  invitationReuseDays?: number;
  /** New invitations per customer per rolling hour; default 5. */
  inviteRateLimit?: number;
  /**
   * Status answers are cached this long; default 30, 0 disables the cache. An answer that no
   * certificate covers is cached at most 10 s, and a person's re-check reads AvaTax at once.
   */
  statusCacheSeconds?: number;
  /**
   * Re-checks a person caused (sent with `Cache-Control: no-cache`) that read AvaTax at once,
   * per customer per minute, across instances; default 12. Beyond it the cache answers.
   */
  freshReadsPerMinute?: number;
  /**
   * Calls in flight towards AvaTax at once from this instance (more wait their turn within their
   * timeout); default 34. Avalara throttles per account and subscription without publishing
   * numbers: 34 lets a staff batch of 100 customers finish in 3 waves of calls (under 4 round
   * trips with the companion's own work) while one instance never bursts past 34 concurrent
   * calls. Lower it for several instances on a small account.
   */
  upstreamConcurrency?: number;
  /** Certificate uploads handled at once by this instance (more wait up to 10 s); default 2. */
  maxConcurrentUploads?: number;
  /**
   * Where state between requests lives (status cache, invitation single flight, rate limits,
   * health); default `memoryStore()` (this process only). With several instances use
   * `redisStore({ url })` from `cert-elements/server/redis`.
   */
  store?: CertStore;
  /** Lifetime of tokens minted by `POST /token`, in seconds; default 600, at most 900. */
  tokenTtlSeconds?: number;
  /**
   * Where the companion logs: a pino logger, `console`, anything with `info`/`warn`/`error(record,
   * message)`, or `false` for silence; default one JSON line per record on standard output.
   */
  logger?: HostLogger | false;
  /** Clock, for tests. */
  now?: () => Date;
}

/** The scopes a token may carry. */
export const scopeSchema = z.enum(['status:read', 'invite:create', 'certificate:upload', 'certificate:read', 'customer:search']);

const ORIGIN = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}, 'must be an exact origin such as https://shop.example (scheme, host, optional port; no path or trailing slash)');

const ENVIRONMENT = z
  .string()
  .refine(
    (value) => value === 'sandbox' || value === 'production' || /^https?:\/\/[^/]+(\/.*[^/])?$/.test(value),
    "must be 'sandbox', 'production' or an http(s) base URL without a trailing slash",
  );

const CONFIG = z.object({
  avatax: z.object({
    accountId: z.string().min(1, 'is required'),
    licenseKey: z.string().min(1, 'is required'),
    companyId: z.number().int('must be an integer').positive('must be a positive integer'),
    environment: ENVIRONMENT,
    timeoutMs: z.number().int().min(50).max(120_000).default(10_000),
  }),
  secret: z.string().min(32, 'must be at least 32 characters'),
  authorize: z.custom<Authorize>((v) => typeof v === 'function', 'must be a function').optional(),
  allowedOrigins: z.array(ORIGIN).default([]),
  basePath: z
    .string()
    .regex(/^(\/[A-Za-z0-9._~-]+)*$/, "must be empty or start with '/' and have no trailing slash")
    .default(''),
  apiBase: z.url({ protocol: /^https?$/ }).optional(),
  invitationReuseDays: z.number().min(0).max(365).default(30),
  inviteRateLimit: z.number().int().min(1).max(1000).default(5),
  statusCacheSeconds: z.number().min(0).max(86_400).default(30),
  freshReadsPerMinute: z.number().int().min(0).max(1000).default(12),
  maxConcurrentUploads: z.number().int().min(1).max(64).default(2),
  upstreamConcurrency: z.number().int().min(1).max(500).default(34),
  store: z
    .custom<CertStore>((v) => typeof v === 'object' && v !== null && typeof (v as CertStore).read === 'function' && typeof (v as CertStore).take === 'function', 'must be a store (memoryStore() or redisStore())')
    .optional(),
  tokenTtlSeconds: z.number().int().min(30).max(900).default(600),
  logger: z
    .custom<HostLogger | false>((v) => v === false || (typeof v === 'object' && v !== null && ['info', 'warn', 'error'].every((m) => typeof (v as Record<string, unknown>)[m] === 'function')), 'must be a logger with info, warn and error, or false')
    .optional(),
  now: z.custom<() => Date>((v) => typeof v === 'function', 'must be a function').default(() => () => new Date()),
});

/** The configuration after validation, with every default filled in. */
export type ResolvedConfig = z.output<typeof CONFIG>;

/** Thrown by `createCertServer` for an invalid configuration; one line per problem. */
export class CertServerConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid cert server configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CertServerConfigError';
    this.problems = problems;
  }
}

/** Validates the configuration; messages name the setting and never echo its value. */
export function resolveConfig(config: CertServerConfig): ResolvedConfig {
  const parsed = CONFIG.safeParse(config);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.join('.') || 'config';
    const message = issue.code === 'invalid_type' ? `is missing or not a ${issue.expected}` : issue.message;
    return `${path} ${message}`;
  });
  throw new CertServerConfigError(problems);
}

