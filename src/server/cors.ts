import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';

const ALLOWED_HEADERS = 'Authorization, Cache-Control, Content-Type, Recheck-Age, X-Request-Id';
const EXPOSED_HEADERS = 'Retry-After, X-Request-Id, Content-Disposition';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/** Decides whether a browser origin may call the companion. */
export type OriginCheck = (origin: string, c: Context<AppEnv>) => boolean;

/**
 * Origins allowed: the configured list (exact match), the companion's own origin, and the
 * origin of `apiBase`. Everything else gets no CORS headers (the browser blocks it).
 */
export function originCheck(allowedOrigins: readonly string[], apiBase: string | undefined): OriginCheck {
  const allowed = new Set(allowedOrigins);
  if (apiBase) allowed.add(new URL(apiBase).origin);
  return (origin, c) => allowed.has(origin) || origin === new URL(c.req.url).origin;
}

/**
 * CORS for an allowlist. Preflights from allowed origins get 204; from others 403 with no
 * CORS headers. `credentialed` marks paths (the token route) that allow cookies.
 */
export function cors(isAllowed: OriginCheck, credentialed: (path: string) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && isAllowed(origin, c);
    const withCredentials = credentialed(c.req.path);

    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      if (!allowed) return new Response(null, { status: 403, headers: { Vary: 'Origin' } });
      const headers: Record<string, string> = {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': ALLOWED_HEADERS,
        'Access-Control-Max-Age': PREFLIGHT_MAX_AGE_SECONDS,
        Vary: 'Origin',
      };
      if (withCredentials) headers['Access-Control-Allow-Credentials'] = 'true';
      return new Response(null, { status: 204, headers });
    }

    await next();
    const headers = c.res.headers;
    headers.append('Vary', 'Origin');
    if (!allowed) return;
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    if (withCredentials) headers.set('Access-Control-Allow-Credentials', 'true');
  };
}
