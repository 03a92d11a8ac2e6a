/**
 * Helpers for the sandbox suites: a sandbox per suite, the official SDK pointed at it,
 * raw HTTP with either credential form, and small real documents to upload.
 */
import assert from 'node:assert/strict';
import avatax from 'avatax';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox/index.js';
import { textPdf } from '../../../src/sandbox/documents/pdf.js';
import { after, before } from 'node:test';
import { watchBodies, type BodyWatch } from './body-recorder.js';

// The package's typings declare an ES default export, but at runtime it is CommonJS
// (module.exports = client); under NodeNext the default import is the namespace.
type AvaTaxClientClass = typeof avatax.default;
const AvaTaxClient: AvaTaxClientClass = ((avatax as any).default ?? avatax) as AvaTaxClientClass;
export type AvaTaxClient = InstanceType<AvaTaxClientClass>;

/** Starts a sandbox on a free loopback port with fast invitations unless told otherwise. */
export function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return createSandbox({ inviteDelayMs: 50, ...options });
}

/**
 * For a suite: starts its sandbox before the tests (its answers watched, see body-recorder.ts)
 * and closes it after; the returned object is filled in by then.
 */
export function useSuiteSandbox(options: SandboxOptions = {}): { sandbox: Sandbox; client: AvaTaxClient; companyId: number; bodies: BodyWatch } {
  const suite = { bodies: watchBodies() } as { sandbox: Sandbox; client: AvaTaxClient; companyId: number; bodies: BodyWatch };
  before(async () => void Object.assign(suite, await suiteSandbox(suite.bodies, options)));
  after(() => suite.sandbox.close());
  return suite;
}

/** A suite's sandbox with its bodies watched (see body-recorder.ts), and an SDK client for it. */
export async function suiteSandbox(bodies: BodyWatch, options: SandboxOptions = {}): Promise<{ sandbox: Sandbox; client: AvaTaxClient; companyId: number }> {
  const sandbox = await startSandbox(options);
  bodies.start(sandbox.url);
  return { sandbox, client: sdk(sandbox), companyId: sandbox.companyId };
}

/** The official SDK, authenticated with accountId/licenseKey (or the given credentials). */
export function sdk(
  sandbox: Sandbox,
  credentials?: { accountId: string; licenseKey: string } | { username: string; password: string },
  timeoutMs = 5000,
): AvaTaxClient {
  const client = new AvaTaxClient({
    appName: 'cert-elements-tests',
    appVersion: '1',
    machineName: 'ci',
    environment: sandbox.url,
    timeout: timeoutMs,
  });
  return client.withSecurity(credentials ?? { accountId: sandbox.credentials.accountId, licenseKey: sandbox.credentials.licenseKey });
}

/** Loosely typed SDK input: the SDK's model classes mark as required fields the API does not need. */
export function model<T>(value: object): T {
  return value as T;
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** fetch against the sandbox with account credentials unless `authorization` is given (null = none). */
export async function api(
  sandbox: Sandbox,
  path: string,
  init: RequestInit & { authorization?: string | null } = {},
): Promise<Response> {
  const { authorization, ...rest } = init;
  const headers = new Headers(rest.headers);
  const auth = authorization === undefined ? basic(sandbox.credentials.accountId, sandbox.credentials.licenseKey) : authorization;
  if (auth !== null) headers.set('authorization', auth);
  return fetch(`${sandbox.url}${path}`, { ...rest, headers, signal: rest.signal ?? AbortSignal.timeout(5000) });
}

/** JSON body of a response, asserting its status first. */
export async function expectJson<T = Record<string, unknown>>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  assert.equal(response.status, status, `expected HTTP ${status}, got ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** Asserts an AvaTax error envelope with the given code and returns it. */
export async function expectAvaTaxError(response: Response, status: number, code: string) {
  const body = await expectJson<{ error: { code: string; message: string; target: string; details: Array<Record<string, unknown>> } }>(response, status);
  assert.equal(body.error.code, code, `error code: ${body.error.message}`);
  const detail = body.error.details[0];
  assert.ok(detail, 'details[0] present');
  assert.equal(detail.code, code);
  assert.equal(typeof detail.number, 'number');
  assert.equal(detail.helpLink, `http://developer.avalara.com/avatax/errors/${code}`);
  assert.ok(['Client', 'Server'].includes(String(detail.faultCode)));
  assert.ok(['Error', 'Exception'].includes(String(detail.severity)));
  return body.error;
}

/** Asserts a promise from the SDK rejects with AvaTax error `code`. */
export async function rejectsWithCode(promise: Promise<unknown>, code: string): Promise<Error & { code?: string; details?: unknown }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { code?: string };
    assert.equal(e.code, code, `expected ${code}, got ${String(e.code)}: ${e.message}`);
    return e;
  }
  assert.fail(`expected the call to reject with ${code}`);
}

/** A real, small PDF. */
export function samplePdf(label = 'Test certificate'): Buffer {
  return textPdf(label, ['Issued for automated tests.']);
}

/** A structurally valid 2x1 baseline JPEG header (SOI, APP0, SOF0, EOI): enough for sniffing and geometry. */
export function sampleJpeg(): Buffer {
  return Buffer.from([
    0xff, 0xd8,
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x02, 0x01, 0x01, 0x11, 0x00,
    0xff, 0xd9,
  ]);
}

/** Today's UTC day, `YYYY-MM-DD`. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
