/**
 * Who may use the control routes. They have no credentials, so they must not be reachable
 * from other sites: a page elsewhere can make a browser send a "simple" cross-site POST
 * (text/plain, no preflight), and a DNS-rebinding page can even read same-origin answers.
 * - The Host must be `localhost` or an IP literal (a rebinding attack uses a DNS name).
 * - A request that changes something must not come from another site: its `Origin`, when
 *   sent, must be a loopback origin (`null` is refused), `Sec-Fetch-Site` must not say
 *   cross-site, and a POST must be `application/json` (which a cross-site page can only send
 *   after a CORS preflight, granted to loopback origins alone).
 * Loopback pages (the demo on another loopback port) keep working, with CORS.
 */
import type { Reply, RequestInfo } from './http/types.js';
import { json } from './http/types.js';

const LOOPBACK_ORIGIN = /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/;
const LOCAL_HOST = /^(localhost|\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])(:\d+)?$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function problem(status: number, code: string, message: string): Reply {
  return json(status, { error: { code, message } });
}

/** CORS headers for a loopback page; none for anyone else. */
export function corsHeaders(req: RequestInfo): Record<string, string> {
  const origin = String(req.headers.origin ?? '');
  if (!LOOPBACK_ORIGIN.test(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
    'access-control-allow-headers': 'content-type',
    vary: 'Origin',
  };
}

/** The refusal for a request the control routes must not serve, or null when it may proceed. */
export function refuseForeign(req: RequestInfo): Reply | null {
  const host = String(req.headers.host ?? '');
  if (!LOCAL_HOST.test(host)) return problem(403, 'forbidden', `Control routes answer only on localhost or an IP address, not on '${host}'.`);
  if (SAFE_METHODS.has(req.method)) return null;
  const origin = req.headers.origin;
  if (origin !== undefined && !LOOPBACK_ORIGIN.test(origin)) {
    return problem(403, 'forbidden', 'Control routes refuse changes requested from another site.');
  }
  if (req.headers['sec-fetch-site'] === 'cross-site') return problem(403, 'forbidden', 'Control routes refuse changes requested from another site.');
  const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (req.method !== 'DELETE' && type !== 'application/json') {
    return problem(415, 'unsupported_media_type', 'Send control changes as application/json.');
  }
  return null;
}
