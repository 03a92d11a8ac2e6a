import type { IncomingMessage, ServerResponse } from 'node:http';
import { toNodeHandler } from '../node.js';

/** The parts of a Fastify instance the plugin uses (typed here so the package needs no Fastify). */
export interface FastifyLike {
  removeAllContentTypeParsers(): void;
  addContentTypeParser(type: string, parser: (request: unknown, payload: unknown, done: (error: Error | null, body?: unknown) => void) => void): void;
  all(path: string, handler: (request: { raw: IncomingMessage }, reply: { raw: ServerResponse; hijack(): void }) => Promise<void>): unknown;
}

type FetchHandler = { fetch(request: Request): Promise<Response> | Response };

/**
 * A Fastify plugin serving the companion under the prefix it is registered with:
 *
 * ```ts
 * await app.register(fastifyCertServer(certServer), { prefix: '/cert-api' }); // basePath: '/cert-api'
 * ```
 *
 * Inside the plugin's own (encapsulated) context no content-type parser runs, so request bodies
 * reach the companion untouched (JSON token requests, multipart uploads up to the companion's
 * own 10 MB limit) whatever parsers the rest of the app uses; the reply is written by the
 * companion (`reply.hijack()`).
 */
export function fastifyCertServer(server: FetchHandler): (fastify: FastifyLike) => Promise<void> {
  const handle = toNodeHandler(server);
  return async (fastify) => {
    fastify.removeAllContentTypeParsers();
    // Accept every body without reading it: the companion streams and checks it itself.
    fastify.addContentTypeParser('*', (_request, _payload, done) => done(null));
    const route = async (request: { raw: IncomingMessage }, reply: { raw: ServerResponse; hijack(): void }): Promise<void> => {
      reply.hijack();
      await handle(request.raw, reply.raw);
    };
    fastify.all('/', route);
    fastify.all('/*', route);
  };
}
