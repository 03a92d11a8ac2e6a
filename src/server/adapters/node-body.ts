import type { IncomingMessage } from 'node:http';

/** An incoming request as Node frameworks leave it: Express sets `body` and `originalUrl`. */
export type HostIncoming = IncomingMessage & { body?: unknown; rawBody?: unknown; originalUrl?: string };

/**
 * Makes a request the host framework already handled usable by the companion:
 * - the full path back when a router stripped its mount prefix (Express `app.use('/cert-api', …)`
 *   and Routers keep it in `originalUrl`), since the companion routes on `basePath`;
 * - a body a host parser already read, rebuilt as `rawBody` (which `@hono/node-server` reads)
 *   from what the parser left: bytes, text, or parsed JSON (`express.json()`) written back as JSON.
 *
 * Returns false when the body was read and nothing usable was left (a multipart body taken by an
 * upload middleware, a stream drained by hand): the caller must refuse the request.
 */
export function adoptHostRequest(req: HostIncoming): boolean {
  if (typeof req.originalUrl === 'string' && req.originalUrl !== req.url) req.url = req.originalUrl;
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  if (!req.readableDidRead && !req.readableEnded) return true; // untouched: streamed as usual
  if (Buffer.isBuffer(req.rawBody)) return true;
  const { body } = req;
  const bytes =
    body instanceof Uint8Array ? Buffer.from(body)
    : typeof body === 'string' ? Buffer.from(body, 'utf8')
    : body !== undefined && body !== null && isJson(req) ? Buffer.from(JSON.stringify(body), 'utf8')
    : req.headers['content-length'] === '0' ? Buffer.alloc(0)
    : undefined;
  if (!bytes) return false;
  req.rawBody = bytes;
  return true;
}

const isJson = (req: IncomingMessage): boolean =>
  /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(req.headers['content-type'] ?? '');
