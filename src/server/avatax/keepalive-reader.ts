/**
 * GETs of JSON from AvaTax over Node's own keep-alive HTTP client, for the one read on the hot
 * path (ListCertificatesForCustomer: every status answer). Measured on this project's benchmark
 * machine, the official SDK's call (the global `fetch`, undici) cost about 380 µs of CPU per
 * status request more than this, 2.5× the companion's whole cost per status answer
 * (BENCHMARKS.md, "Companion throughput"). Everything else still goes through the SDK.
 *
 * Failures look like the SDK's, so the same mapping applies: an AvaTax error envelope rejects
 * with `{code, message, details}`, no answer in time with `Error('timeout')`, a connection
 * failure with a `TypeError` whose `cause` carries the system error code.
 *
 * Only where `node:http` is Node's (not in Web-standard runtimes, where the SDK path is used).
 */
import type { Agent as HttpAgent, IncomingMessage, RequestOptions } from 'node:http';

/** Reads one JSON answer of AvaTax under `path`. */
export type JsonReader = <T>(path: string, timeoutMs: number) => Promise<T>;

/** Sockets kept open towards AvaTax; more calls at once wait for one. */
const MAX_SOCKETS = 64;

const isNode = (): boolean =>
  typeof process !== 'undefined' && typeof process.versions?.node === 'string' && !/Cloudflare-Workers/.test((globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent ?? '');

/**
 * A reader for `baseUrl` with these request headers, or undefined when this runtime has no
 * Node HTTP client (callers then use the SDK).
 */
export async function keepAliveReader(baseUrl: string, headers: Record<string, string>): Promise<JsonReader | undefined> {
  if (!isNode()) return undefined;
  const base = new URL(baseUrl);
  const http = base.protocol === 'https:' ? await import('node:https') : await import('node:http');
  const agent: HttpAgent = new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  const prefix = base.pathname.replace(/\/+$/, '');

  return <T>(path: string, timeoutMs: number): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const options: RequestOptions = {
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port,
        path: prefix + path,
        agent,
        headers: { ...headers, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      };
      const timedOut = (error: Error): boolean => error.name === 'AbortError' || error.name === 'TimeoutError';
      const request = http.request(options, (response) =>
        void readJson<T>(response).then(resolve, (error: Error) => reject(timedOut(error) ? new Error('timeout') : error)),
      );
      request.on('error', (error: Error) => {
        reject(timedOut(error) ? new Error('timeout') : Object.assign(new TypeError('fetch failed'), { cause: error }));
      });
      request.end();
    });
}

/** The parsed body, or the rejection the SDK would give for it. */
async function readJson<T>(response: IncomingMessage): Promise<T> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  let body: { error?: { code?: string; message?: string; details?: unknown } } | undefined;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
  } catch {
    // Not JSON (a proxy's error page): the SDK reports a FormatException.
    throw Object.assign(new Error('The server returned the response in an unexpected format'), { code: 'FormatException' });
  }
  if (body?.error) {
    throw Object.assign(new Error(body.error.message ?? 'AvaTax error'), { code: body.error.code, details: body.error.details });
  }
  return body as T;
}
