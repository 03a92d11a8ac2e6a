/**
 * The node:http layer: turns requests into `RequestInfo`, writes `Reply`s, stamps every
 * answer with `x-correlation-id`, and tracks in-flight requests so `close()` can end them
 * (including deliberately hung ones) without waiting.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLargeError, type Reply, type RequestInfo } from './types.js';

/** What the dispatcher answers: a reply, or `hang` to leave the request open. */
export type Outcome = Reply | 'hang';

export type Dispatch = (request: RequestInfo) => Promise<Outcome>;

export interface HttpHandle {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limitBytes) {
      reject(new BodyTooLargeError(limitBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        req.off('data', onData);
        reject(new BodyTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('aborted', () => reject(new Error('request aborted')));
  });
}

function toRequestInfo(req: IncomingMessage, signal: AbortSignal): RequestInfo {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  let bodyPromise: Promise<Buffer> | null = null;
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: q < 0 ? raw : raw.slice(0, q),
    query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)),
    headers: req.headers,
    params: {},
    origin: `http://${req.headers.host ?? 'localhost'}`,
    signal,
    body: (limitBytes) => (bodyPromise ??= readBody(req, limitBytes)),
  };
}

function write(res: ServerResponse, reply: Reply, correlationId: string, method: string): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { 'x-correlation-id': correlationId, ...reply.headers };
  const body = reply.body ?? '';
  headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(reply.status, headers);
  res.end(method === 'HEAD' ? undefined : body);
}

/**
 * Starts listening. `onError` turns an unexpected exception into a reply (never a crash);
 * `log` receives one access-log line per finished request.
 */
export async function listenHttp(options: {
  host: string;
  port: number;
  dispatch: Dispatch;
  onError: (error: unknown) => Reply;
  log?: (line: string) => void;
}): Promise<HttpHandle> {
  const inFlight = new Set<AbortController>();

  const server = createServer((req, res) => {
    const started = performance.now();
    const controller = new AbortController();
    inFlight.add(controller);
    const correlationId = randomUUID();
    const info = toRequestInfo(req, controller.signal);
    res.once('close', () => {
      inFlight.delete(controller);
      if (!res.writableFinished) controller.abort();
      // Logs the path only: query strings may carry customer data, headers carry credentials.
      options.log?.(`${info.method} ${info.path} ${res.writableFinished ? res.statusCode : 'aborted'} ${Math.round(performance.now() - started)}ms`);
    });
    options
      .dispatch(info)
      .catch((error: unknown) => (controller.signal.aborted ? ('hang' as const) : options.onError(error)))
      .then((outcome) => {
        if (outcome === 'hang') return;
        const reply = outcome;
        // A reply sent before the body was read: close the connection rather than drain it.
        if (!req.complete) reply.headers = { ...reply.headers, connection: 'close' };
        write(res, reply, correlationId, info.method);
      });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  let closing: Promise<void> | null = null;
  return {
    server,
    url: `http://${host}:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const controller of inFlight) controller.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
