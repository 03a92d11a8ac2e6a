/**
 * Records every JSON body a sandbox answers on /api/v2, whoever asked (the official SDK and
 * plain fetch both go through the global `fetch`), and the AvaTax model each route answers
 * with, so a suite can check all of them against the official definitions.
 */
import assert from 'node:assert/strict';
import { checkBody, type Shape } from './official-models.js';

/** The response model of each route, as the official SDK's method for it declares. */
const ROUTES: ReadonlyArray<[method: string, pattern: RegExp, shape: Shape]> = [
  ['GET', /^\/utilities\/ping$/, { model: 'PingResultModel' }],
  ['GET', /^\/definitions\/coverletters$/, { fetchResultOf: 'CoverLetterModel' }],
  ['GET', /^\/definitions\/certificateexposurezones$/, { fetchResultOf: 'ExposureZoneModel' }],
  ['GET', /^\/definitions\/certificateexemptreasons$/, { fetchResultOf: 'ExemptionReasonModel' }],
  ['GET', /^\/definitions\/certificateattributes$/, { fetchResultOf: 'CertificateAttributeModel' }],
  ['GET', /^\/companies\/\d+\/customers$/, { fetchResultOf: 'CustomerModel' }],
  ['POST', /^\/companies\/\d+\/customers$/, { arrayOf: 'CustomerModel' }],
  ['GET', /^\/companies\/\d+\/customers\/[^/]+$/, { model: 'CustomerModel' }],
  ['PUT', /^\/companies\/\d+\/customers\/[^/]+$/, { model: 'CustomerModel' }],
  ['DELETE', /^\/companies\/\d+\/customers\/[^/]+$/, { arrayOf: 'ErrorDetail' }],
  ['GET', /^\/companies\/\d+\/customers\/[^/]+\/certificates$/, { fetchResultOf: 'CertificateModel' }],
  ['GET', /^\/companies\/\d+\/customers\/[^/]+\/certificates\/(active|inactive)$/, { model: 'ExemptionStatusModel' }],
  ['GET', /^\/companies\/\d+\/customers\/[^/]+\/certificates\/[^/]+\/[^/]+$/, { model: 'ExemptionStatusModel' }],
  ['POST', /^\/companies\/\d+\/customers\/[^/]+\/certificates\/(link|unlink)$/, { fetchResultOf: 'CertificateModel' }],
  ['POST', /^\/companies\/\d+\/customers\/[^/]+\/certexpressinvites$/, { arrayOf: 'CertExpressInvitationStatusModel' }],
  ['GET', /^\/companies\/\d+\/customers\/[^/]+\/certexpressinvites\/\d+$/, { model: 'CertExpressInvitationModel' }],
  ['GET', /^\/companies\/\d+\/certexpressinvites$/, { fetchResultOf: 'CertExpressInvitationModel' }],
  ['GET', /^\/companies\/\d+\/certificates\/setup$/, { model: 'ProvisionStatusModel' }],
  ['POST', /^\/companies\/\d+\/certificates\/setup$/, { model: 'ProvisionStatusModel' }],
  ['GET', /^\/companies\/\d+\/certificates$/, { fetchResultOf: 'CertificateModel' }],
  ['POST', /^\/companies\/\d+\/certificates$/, { arrayOf: 'CertificateModel' }],
  ['GET', /^\/companies\/\d+\/certificates\/\d+$/, { model: 'CertificateModel' }],
  ['PUT', /^\/companies\/\d+\/certificates\/\d+$/, { model: 'CertificateModel' }],
  ['DELETE', /^\/companies\/\d+\/certificates\/\d+$/, { arrayOf: 'ErrorDetail' }],
  ['GET', /^\/companies\/\d+\/certificates\/\d+\/customers$/, { fetchResultOf: 'CustomerModel' }],
  ['POST', /^\/companies\/\d+\/certificates\/\d+\/customers\/(link|unlink)$/, { fetchResultOf: 'CustomerModel' }],
  ['GET', /^\/companies\/\d+\/certificates\/\d+\/attributes$/, { fetchResultOf: 'CertificateAttributeModel' }],
  ['POST', /^\/companies\/\d+\/certificates\/\d+\/attributes\/(link|unlink)$/, { fetchResultOf: 'CertificateAttributeModel' }],
  ['POST', /^\/companies\/\d+\/certificates\/\d+\/attachment$/, 'string'],
  // DownloadCertificateImage answers a file; only its JSON error bodies are recorded.
  ['GET', /^\/companies\/\d+\/certificates\/\d+\/attachment$/, 'string'],
  ['POST', /^\/transactions\/create$/, { model: 'TransactionModel' }],
];

export interface RecordedBody {
  /** `METHOD /api/v2/...` without the query. */
  request: string;
  status: number;
  body: unknown;
  /** Null when no route matches (a request for a path AvaTax does not serve). */
  shape: Shape | null;
  /** Index in ROUTES, for coverage. */
  route: number;
}

export function routeCount(): number {
  return ROUTES.length;
}

/** Starts recording the JSON bodies answered under `baseUrl/api/v2`; `stop()` restores fetch. */
export function recordBodies(baseUrl: string): { bodies: RecordedBody[]; stop(): void } {
  const original = globalThis.fetch;
  const bodies: RecordedBody[] = [];
  const prefix = `${baseUrl}/api/v2`;
  globalThis.fetch = async (input, init) => {
    const response = await original(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const type = response.headers.get('content-type') ?? '';
    if (!url.startsWith(prefix) || !type.startsWith('application/json')) return response;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const path = url.slice(prefix.length).split('?')[0] as string;
    const text = await response.clone().text();
    const route = ROUTES.findIndex(([m, pattern]) => m === method && pattern.test(path));
    bodies.push({
      request: `${method} /api/v2${path}`,
      status: response.status,
      body: text ? JSON.parse(text) : null,
      shape: route >= 0 ? (ROUTES[route]?.[2] ?? null) : null,
      route,
    });
    return response;
  };
  return { bodies, stop: () => void (globalThis.fetch = original) };
}

/** Every way the recorded bodies differ from the official models, one line each. */
export function problemsIn(bodies: readonly RecordedBody[]): string[] {
  const problems: string[] = [];
  for (const recorded of bodies) {
    const found: string[] = [];
    // A path AvaTax does not serve can only have answered an error envelope.
    checkBody(recorded.body, recorded.shape ?? { model: 'ErrorResult' }, found);
    problems.push(...found.map((problem) => `${recorded.request} ${recorded.status} ${problem}`));
  }
  return problems;
}

/** Watches one suite's sandbox: `start(url)` once it listens; the last test calls `assertOfficial()`. */
export interface BodyWatch {
  start(baseUrl: string): void;
  assertOfficial(): void;
}

export function watchBodies(): BodyWatch {
  let recording: ReturnType<typeof recordBodies> | null = null;
  return {
    start: (baseUrl) => void (recording = recordBodies(baseUrl)),
    assertOfficial: () => {
      assert.ok(recording, 'recording started');
      recording.stop();
      assert.ok(recording.bodies.length > 0, 'bodies were recorded');
      assert.deepEqual(problemsIn(recording.bodies), []);
    },
  };
}
