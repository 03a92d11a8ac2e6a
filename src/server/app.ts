import { Hono, type Context } from 'hono';
import { matchedRoutes } from 'hono/route';
import { bearerAuth } from './auth/middleware.js';
import { withUpstreamMetrics, type UpstreamMetrics } from './avatax/metrics.js';
import type { AppEnv, Services } from './context.js';
import { cors, originCheck } from './cors.js';
import { ApiError, errorResponse, notFound, toApiError } from './errors.js';
import { isSilent, requestIdFrom } from './logging.js';
import { certificateRoutes } from './routes/certificates.js';
import { customerRoutes } from './routes/customers.js';
import { definitionRoutes } from './routes/definitions.js';
import { healthRoutes } from './routes/health.js';
import { invitationRoutes } from './routes/invitations.js';
import { statusRoutes } from './routes/status.js';
import { safeError, tokenRoutes } from './routes/token.js';

/**
 * The companion's Hono app under `basePath`: request id + access log, CORS, `POST /token`,
 * `GET /v1/health` without a token, every other `/v1` route behind the bearer token.
 */
export function createApp(services: Services): Hono<AppEnv> {
  const { config, logger } = services;
  const isAllowedOrigin = originCheck(config.allowedOrigins, config.apiBase);
  const tokenPath = `${config.basePath}/token`;
  const app = new Hono<AppEnv>().basePath(config.basePath);
  const logsRequests = !isSilent(logger);

  app.use('*', async (c, next) => {
    const requestId = requestIdFrom(c.req.header('x-request-id'));
    c.set('requestId', requestId);
    const metrics: UpstreamMetrics = { calls: 0, ms: 0 };
    const started = performance.now();
    // The AvaTax figures exist for the access log; without it the request runs bare (their
    // bookkeeping puts a hook on every promise of the request).
    await (logsRequests ? withUpstreamMetrics(metrics, next) : next());
    if (!c.res.headers.has('x-request-id')) c.res.headers.set('X-Request-Id', requestId);
    const status = c.res.status;
    const record = {
      reqId: requestId,
      method: c.req.method,
      route: routeLabel(c),
      status,
      durationMs: Math.round(performance.now() - started),
      avataxMs: Math.round(metrics.ms),
      avataxCalls: metrics.calls,
    };
    if (status >= 500) logger.warn(record, 'request');
    else logger.info(record, 'request');
  });

  app.use('*', cors(isAllowedOrigin, (path) => path === tokenPath));

  app.route('/', tokenRoutes(config, logger, isAllowedOrigin, async ({ customerCode, companyId }, zones) => {
    const answers = await Promise.all(
      zones.map((z) =>
        // As an element asks them: with the zone's open request (read alongside, no extra round trip).
        services.status.verdict(companyId ?? config.avatax.companyId, customerCode, z.country, z.region, { requests: true }).catch(() => undefined),
      ),
    );
    return answers.filter((v): v is NonNullable<typeof v> => v !== undefined);
  }));
  app.route('/v1', healthRoutes(services));

  const v1 = new Hono<AppEnv>();
  v1.use('*', bearerAuth(config.secret, config.now));
  v1.route('/', statusRoutes(services));
  v1.route('/', invitationRoutes(services));
  v1.route('/', definitionRoutes(services));
  v1.route('/', customerRoutes(services));
  v1.route('/', certificateRoutes(services));
  app.route('/v1', v1);

  app.notFound(() => errorResponse(notFound('No such route.')));
  app.onError((error, c) => {
    const apiError = toApiError(error);
    if (!(error instanceof ApiError)) {
      logger.error({ reqId: c.var.requestId, err: safeError(error) }, 'unexpected error');
    } else if (apiError.status >= 500) {
      logger.warn({ reqId: c.var.requestId, code: apiError.code, cause: describeCause(apiError.cause) }, 'upstream problem');
    }
    return errorResponse(apiError, { 'Cache-Control': 'no-store' });
  });
  return app;
}

/** The matched route pattern; requests only middleware saw (preflights, unknown paths) get a label. */
function routeLabel(c: Context<AppEnv>): string {
  // Middleware is registered with `use` (method ALL); routes carry their own method.
  const route = matchedRoutes(c).filter((r) => r.method !== 'ALL').at(-1);
  if (route) return route.path;
  return c.req.method === 'OPTIONS' ? '(preflight)' : '(unmatched)';
}

/** What went wrong upstream, for operators: the AvaTax error code or the error name only. */
function describeCause(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const { code, name, message } = cause as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string') return code;
  return [name, message].filter((x) => typeof x === 'string').join(': ') || undefined;
}
