import { ApiError, errorResponse } from '../errors.js';
import type { Logger } from '../logging.js';

/**
 * Requests whose body the host application read before handing them over and that could not be
 * rebuilt (see `node-body.ts`). Marked by the Node adapter, checked by the companion's `fetch`.
 */
const unreadable = new WeakSet<Request>();

/** Marks `request` as one whose body is gone. */
export function markBodyRead(request: Request): void {
  unreadable.add(request);
}

/** The body of `request` was consumed before the companion got it (by a parser, or `request.json()`). */
export function bodyWasRead(request: Request): boolean {
  return request.bodyUsed || unreadable.has(request);
}

/**
 * The loud refusal of such a request: a 500 naming the cause and an error log line telling the
 * operator how to mount the companion. Never a guess: an empty body would silently turn into a
 * token for the host's default customer.
 */
export function refuseReadBody(request: Request, logger: Logger): Response {
  logger.error(
    { method: request.method, path: new URL(request.url).pathname },
    'the host application read the request body before the companion: mount the companion before body parsers, or hand it the parsed body (docs/server.md#mounting)',
  );
  const error = new ApiError('internal_error', 'The server read this request before the certificate service could. Nothing was done.');
  return errorResponse(error, { 'Cache-Control': 'no-store' });
}
