/**
 * The /api/v2 pipeline: fault injection, authentication, routing, company and
 * provisioning checks, then the route handler. Errors become AvaTax envelopes.
 */
import { AvaTaxError, errorEnvelope } from './errors.js';
import { authenticate, type Principal } from './http/auth.js';
import { BadPathError, Router } from './http/router.js';
import type { Outcome } from './http/server.js';
import { json, type Reply, type RequestInfo } from './http/types.js';
import { countRequest, type Runtime } from './runtime.js';

/** Context handed to API route handlers. */
export interface ApiRequest extends RequestInfo {
  principal: Principal | null;
}

export type ApiHandler = (req: ApiRequest, rt: Runtime) => Promise<Reply> | Reply;

export interface ApiRoute {
  handler: ApiHandler;
  /** Ping answers without credentials. */
  anonymous?: boolean;
  /** Certificate, customer and CertExpress routes need the company provisioned for exemptions. */
  needsProvisioning?: boolean;
}

/** Sleeps `ms`, ending early (rejecting) when `signal` aborts. */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Never settles on its own; the HTTP layer ends the request on client abort or close(). */
const HANG: Outcome = 'hang';

export function createApiDispatcher(rt: Runtime, router: Router<ApiRoute>): (req: RequestInfo) => Promise<Outcome> {
  return async (req) => {
    const decision = rt.faults.decide();
    let match;
    try {
      match = router.match(req.method, req.path);
    } catch (error) {
      if (error instanceof BadPathError) {
        countRequest(rt, req.method, '(bad path)');
        return json(400, errorEnvelope('InvalidQueryValue', error.message));
      }
      throw error;
    }
    countRequest(rt, req.method, match.kind === 'found' ? match.pattern : '(unmatched)');

    if (decision.outcome === 'hang') return HANG;
    await delay(decision.latencyMs, req.signal);
    if (decision.outcome === 500) {
      return json(500, errorEnvelope('UnhandledException', 'An unexpected error occurred (injected fault).'));
    }
    if (decision.outcome === 503) {
      return json(503, errorEnvelope('ServiceNotReady', 'The service is temporarily unavailable (injected fault).'), {
        'retry-after': '1',
      });
    }

    if (match.kind === 'none' || match.kind === 'method-not-allowed') {
      const message =
        match.kind === 'none'
          ? `No API matches ${req.method} ${req.path}.`
          : `The API ${match.pattern} does not support ${req.method}.`;
      return json(match.kind === 'none' ? 404 : 405, errorEnvelope('EntityNotFoundError', message, { target: 'HttpRequest' }));
    }

    try {
      let principal: Principal | null = null;
      const header = req.headers.authorization;
      if (!match.handler.anonymous || header) {
        try {
          const authenticated = authenticate(header, rt.credentials);
          if (rt.faults.badCredentials) throw new AvaTaxError('AuthenticationException', 'Authentication failed.');
          principal = authenticated;
        } catch (error) {
          if (!match.handler.anonymous) throw error;
        }
      }
      const companyId = match.params.companyId;
      if (companyId !== undefined && companyId !== String(rt.companyId)) {
        throw new AvaTaxError('EntityNotFoundError', 'Company not found.', {
          description: `The Company with id '${companyId}' was not found.`,
        });
      }
      if (match.handler.needsProvisioning && rt.store.provisionStatus(Date.now()) !== 'Provisioned') {
        throw new AvaTaxError('CertificatesNotSetup', 'This company has not been configured.', {
          description: `The company '${rt.companyId}' is not found for exemption certificates.`,
        });
      }
      return await match.handler.handler({ ...req, params: match.params, principal }, rt);
    } catch (error) {
      if (error instanceof AvaTaxError) return json(error.status, error.toEnvelope());
      throw error;
    }
  };
}
