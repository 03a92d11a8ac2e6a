import { getRequestListener } from '@hono/node-server';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { markBodyRead } from './adapters/body-read.js';
import { adoptHostRequest, type HostIncoming } from './adapters/node-body.js';

/** A running Node HTTP server. */
export interface Listening {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  port: number;
  /** Stops accepting connections and ends open ones. */
  close(): Promise<void>;
}

/** Where and how {@link listen} serves. Slow clients are bounded well below Node's defaults. */
export interface ListenOptions {
  /** Default 0 (a free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Longest time for a client to send its request headers; default 10 000 ms. */
  headersTimeoutMs?: number;
  /**
   * Longest time for a client to send its whole request, body included (a 10 MB certificate
   * on a slow link); default 120 000 ms. A body still trickling in then gets 408 and the
   * connection closes, while other requests are served as usual.
   */
  requestTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open; default 5 000 ms. */
  keepAliveTimeoutMs?: number;
}

type FetchHandler = { fetch(request: Request): Promise<Response> | Response };

/** Bodies up to this size (the JSON limit) are read to their end even when answered early. */
const SMALL_BODY_BYTES = 64 * 1024;

/**
 * Serves a fetch handler (a `CertServer`, or anything with `fetch`) over Node's `http`.
 */
export function listen(handler: FetchHandler, options: ListenOptions = {}): Promise<Listening> {
  const host = options.host ?? '127.0.0.1';
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const server = createServer(
    {
      headersTimeout,
      // Node requires the whole-request limit to be at least the header limit.
      requestTimeout: Math.max(options.requestTimeoutMs ?? 120_000, headersTimeout),
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
      connectionsCheckingInterval: Math.min(1000, headersTimeout / 2),
    },
    toNodeHandler(handler),
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${port}`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

/**
 * A Node `(req, res)` listener for a fetch handler: the Express middleware
 * (`app.use('/cert-api', toNodeHandler(certServer))`), the core of the Fastify plugin, or
 * `http.createServer`. The full path is taken from `originalUrl` when a router stripped its mount
 * prefix. A body a host parser already read (`express.json()`, `express.raw()`, `express.text()`)
 * is handed on as it was parsed; one that cannot be rebuilt (a multipart body taken by an upload
 * middleware) is refused with a 500 and an error log, never passed on empty.
 *
 * An answer given before the request body was read (413 for an oversized upload, 401 for an
 * upload without a token) closes the connection: the unread rest of the body would otherwise be
 * taken for the client's next request on that keep-alive connection.
 */
export function toNodeHandler(handler: FetchHandler): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const unusable = new WeakSet<object>();
  const listener = getRequestListener((request: Request, env: { incoming: object }) => {
    if (unusable.has(env.incoming)) markBodyRead(request);
    return handler.fetch(request);
  });
  return (req, res) => {
    if (!adoptHostRequest(req as HostIncoming)) unusable.add(req);
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
      // A small body still on its way is read and dropped by Node after the answer, so the client
      // (which is still sending it) gets the answer; closing on it instead makes fetch on Node 24
      // fail with EPIPE. Larger or unannounced ones are cut.
      if (!req.complete && !(Number(req.headers['content-length']) <= SMALL_BODY_BYTES)) this.setHeader('Connection', 'close');
      return writeHead.apply(this, args);
    } as ServerResponse['writeHead'];
    return listener(req, res);
  };
}
