import { createAdaptorServer, getRequestListener } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** A running Node HTTP server. */
export interface Listening {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  port: number;
  /** Stops accepting connections and ends open ones. */
  close(): Promise<void>;
}

/**
 * Serves a fetch handler (a `CertServer`, or anything with `fetch`) over Node's `http`.
 * Defaults: port 0 (a free port), host 127.0.0.1.
 */
export function listen(
  handler: { fetch(request: Request): Promise<Response> | Response },
  options: { port?: number; host?: string } = {},
): Promise<Listening> {
  const host = options.host ?? '127.0.0.1';
  const server = createAdaptorServer({ fetch: (request: Request) => handler.fetch(request), hostname: host }) as Server;
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
 * A Node `(req, res)` listener for a fetch handler, for Express, Fastify (raw routes) or
 * `http.createServer`. Mount it where the request URL still carries the full path
 * (e.g. Express `app.all('/cert-api/*', ...)`, not `app.use('/cert-api', ...)`, which strips
 * the prefix) and before any body parser.
 */
export function toNodeHandler(handler: { fetch(request: Request): Promise<Response> | Response }): (
  req: IncomingMessage,
  res: ServerResponse,
) => Promise<void> {
  return getRequestListener((request: Request) => handler.fetch(request));
}
