/**
 * Test rig for the companion: a real sandbox as AvaTax, the companion on loopback, the
 * official SDK between them. Also counts the requests the sandbox's AvaTax API answers (from
 * its access log, whatever client sent them) and captures the companion's log lines.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox/index.js';
import { createCertServer, listen, type CertServer, type CertServerConfig, type Listening } from '../../../src/server/index.js';
import { ALL_SCOPES, type Scope } from '../../../src/client/contract.js';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy.js';

export const SECRET = 'test-secret-0123456789-abcdefghijklmnop';

export interface Stack {
  sandbox: Sandbox;
  /** The fault proxy between companion and sandbox, when the stack was started with `proxy: true`. */
  proxy?: FaultProxy;
  server: CertServer;
  http: Listening;
  /** Base of the cert API (`http://127.0.0.1:P` + basePath). */
  base: string;
  logs: string[];
  /**
   * Requests this sandbox's /api/v2 answered since the last reset, each seen as `METHOD path`
   * (no query); `writes()` counts those that are not GET.
   */
  upstream: { count(pattern?: RegExp): number; writes(): number; reset(): void };
  token(customerCode: string, scopes?: readonly Scope[], extra?: { profile?: Record<string, string>; ttlSeconds?: number }): Promise<string>;
  get(path: string, token?: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, body: unknown, token?: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export interface StackOptions {
  sandbox?: SandboxOptions;
  /** Puts a {@link FaultProxy} between the companion and the sandbox. */
  proxy?: boolean;
  server?: Partial<Omit<CertServerConfig, 'avatax'>> & { avatax?: Partial<CertServerConfig['avatax']> };
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const seen: string[] = [];
  const sandbox = await createSandbox({
    inviteDelayMs: 50,
    ...options.sandbox,
    logger: (line) => {
      // Access log lines read `METHOD /path STATUS MSms`.
      const [method, path] = line.split(' ');
      if (path?.startsWith('/api/v2/')) seen.push(`${method} ${path}`);
      options.sandbox?.logger?.(line);
    },
  });
  const proxy = options.proxy ? await startFaultProxy(sandbox.url) : undefined;
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const { avatax: avataxOverrides, ...rest } = options.server ?? {};
  const server = createCertServer({
    avatax: {
      accountId: sandbox.credentials.accountId,
      licenseKey: sandbox.credentials.licenseKey,
      companyId: sandbox.companyId,
      environment: proxy?.url ?? sandbox.url,
      timeoutMs: 2000,
      ...avataxOverrides,
    },
    secret: SECRET,
    logger: pino({ level: 'info' }, stream),
    ...rest,
  });
  const http = await listen(server);
  const base = `${http.url}${rest.basePath ?? ''}`;

  const stack: Stack = {
    sandbox,
    ...(proxy ? { proxy } : {}),
    server,
    http,
    base,
    logs,
    upstream: {
      count: (pattern) => seen.filter((u) => !pattern || pattern.test(u)).length,
      writes: () => seen.filter((u) => !u.startsWith('GET ')).length,
      reset: () => void seen.splice(0),
    },
    token: async (customerCode, scopes = ALL_SCOPES, extra = {}) =>
      (await server.issueToken({ customerCode, scopes, ...extra } as Parameters<CertServer['issueToken']>[0])).token,
    get: (path, token, headers = {}) =>
      fetch(`${base}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } }),
    post: (path, body, token, headers = {}) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    close: async () => {
      await http.close();
      await proxy?.close();
      await sandbox.close();
    },
  };
  return stack;
}

/** GET straight from the sandbox's AvaTax API (to check its state), bypassing the companion. */
export async function avataxGet(sandbox: Sandbox, path: string): Promise<{ status: number; body: unknown }> {
  const { accountId, licenseKey } = sandbox.credentials;
  const res = await fetch(`${sandbox.url}/api/v2${path}`, {
    headers: { authorization: `Basic ${Buffer.from(`${accountId}:${licenseKey}`).toString('base64')}` },
  });
  return { status: res.status, body: await res.json() };
}

/** The `error` member of an error answer, checking status and shape. */
export async function errorOf(response: Response): Promise<{ code: string; message: string; retryable: boolean; fields?: string[] }> {
  const body = (await response.json()) as { error: { code: string; message: string; retryable: boolean; fields?: string[] } };
  return body.error;
}

/** A minimal valid one-page PDF. */
export function tinyPdf(): Uint8Array {
  const text = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
  return new TextEncoder().encode(text);
}

/** The smallest JPEG and PNG signatures file-type recognises, padded. */
export function tinyJpeg(): Uint8Array {
  const bytes = new Uint8Array(64);
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
  bytes.set([0xff, 0xd9], 62);
  return bytes;
}

export function tinyPng(): Uint8Array {
  // 1x1 transparent PNG
  return Uint8Array.from(
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'),
  );
}

/** A multipart certificate upload. */
export function uploadForm(fields: Record<string, string>, file?: { bytes: Uint8Array; name: string; type?: string }): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
  return form;
}

/** `YYYY-MM-DD`, `days` from today (UTC). */
export function dayFromToday(days: number): string {
  const at = new Date();
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
