/**
 * A proxy between the companion and the sandbox that breaks chosen requests the way networks
 * and AvaTax do, for faults the sandbox's own controls cannot make:
 *   late     forward, let AvaTax commit, hold the answer `ms` (past the companion's timeout)
 *   reset    forward, let AvaTax commit, then drop the connection without an answer
 *   replace  forward, let AvaTax commit, then answer `status` + `body` instead of its answer
 *   fail     answer `status` + `body` without forwarding (nothing reaches AvaTax)
 *   hang     never forward, never answer (until the proxy closes)
 *   slow     forward after holding the request `ms`
 * Each rule matches a method and a path pattern, applies `times` times (default every time),
 * and counts what it matched. Everything else passes through untouched.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultRule {
  method: string;
  path: RegExp;
  action: 'late' | 'reset' | 'replace' | 'fail' | 'hang' | 'slow';
  ms?: number;
  status?: number;
  body?: unknown;
  times?: number;
}

export interface FaultProxy {
  url: string;
  /** Replaces the rules; returns their match counters (same order). */
  rules(rules: FaultRule[]): void;
  /** Requests that went through to the sandbox, as `METHOD path`. */
  forwarded: string[];
  /** Requests in the proxy right now (held, slowed or forwarded), and the most seen at once, per method. */
  concurrency(method: string): { now: number; max: number };
  close(): Promise<void>;
}

/** An AvaTax error envelope, as the sandbox and AvaTax write them. */
export const avataxError = (code: string, number: number, faultCode: 'Client' | 'Server' = 'Server') => ({
  error: { code, message: `${code} (injected)`, target: 'Unknown', details: [{ code, number, message: code, faultCode, severity: 'Exception' }] },
});

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let active: Array<FaultRule & { used: number }> = [];
  const forwarded: string[] = [];
  const inFlight = new Map<string, { now: number; max: number }>();
  const held = new Set<ServerResponse>();

  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> =>
    new Promise((resolve, reject) => {
      forwarded.push(`${req.method} ${req.url}`);
      const out = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const answer = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
  };

  const server = createServer((req, res) => {
    const count = inFlight.get(req.method!) ?? { now: 0, max: 0 };
    inFlight.set(req.method!, count);
    count.max = Math.max(count.max, ++count.now);
    res.once('close', () => count.now--);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const path = req.url ?? '';
      const rule = active.find((r) => r.method === req.method && r.path.test(path) && (r.times === undefined || r.used < r.times));
      if (rule) rule.used++;
      try {
        switch (rule?.action) {
          case 'fail':
            return answer(res, rule.status ?? 503, rule.body);
          case 'hang':
            held.add(res);
            return;
          case 'slow':
            await new Promise((r) => setTimeout(r, rule.ms ?? 1000));
            break;
          case 'late':
          case 'reset':
          case 'replace': {
            const done = await forward(req, body);
            if (rule.action === 'reset') return void res.socket?.destroy();
            if (rule.action === 'replace') return answer(res, rule.status ?? 500, rule.body);
            held.add(res);
            await new Promise((r) => setTimeout(r, rule.ms ?? 5000));
            held.delete(res);
            if (!res.destroyed) res.writeHead(done.status, done.headers).end(done.body);
            return;
          }
        }
        const done = await forward(req, body);
        res.writeHead(done.status, done.headers).end(done.body);
      } catch {
        res.socket?.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    rules: (rules) => void (active = rules.map((r) => ({ ...r, used: 0 }))),
    forwarded,
    concurrency: (method) => ({ ...(inFlight.get(method) ?? { now: 0, max: 0 }) }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
