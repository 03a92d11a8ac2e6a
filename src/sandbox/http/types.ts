/** Request and reply shapes shared by the sandbox's handlers. */
import type { IncomingHttpHeaders } from 'node:http';

/** What a handler answers; the HTTP layer writes it. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** One incoming request as handlers see it. */
export interface RequestInfo {
  method: string;
  /** Raw (still percent-encoded) path, without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Percent-decoded route parameters. */
  params: Record<string, string>;
  /** `http://host:port` as the client addressed the sandbox. */
  origin: string;
  /** Aborted when the client goes away or the sandbox closes. */
  signal: AbortSignal;
  /** Reads the whole body; rejects with `BodyTooLargeError` beyond `limitBytes`. */
  body(limitBytes: number): Promise<Buffer>;
}

/** The body exceeded the limit a handler allowed. */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${Math.round(limitBytes / 1_048_576)} MB.`);
    this.name = 'BodyTooLargeError';
  }
}

/** A JSON reply. */
export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  };
}

/** An HTML reply with the page's security headers. */
export function html(status: number, page: string): Reply {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      // same-origin, not no-referrer: under no-referrer browsers send `Origin: null` with the
      // form's own POST, and the cross-site check could no longer tell it from a forged one.
      'referrer-policy': 'same-origin',
      'x-content-type-options': 'nosniff',
    },
    body: page,
  };
}
