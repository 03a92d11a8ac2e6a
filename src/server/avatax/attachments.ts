import { ApiError } from '../errors.js';
import { CLIENT_HEADER, avataxBaseUrl, basicAuth } from './environment.js';
import { recordUpstreamCall } from './metrics.js';
import { mapUpstreamError } from './upstream-errors.js';

/** What a certificate document may be. */
const DOCUMENT_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/** A certificate document on its way from AvaTax. */
export interface CertificateDocument {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  filename: string;
  /** Byte length when AvaTax announced it. */
  length?: string;
}

/** Once headers arrived, the body must be through within this time. */
const BODY_DEADLINE_MS = 120_000;

/**
 * Certificate files over plain `fetch`: the SDK's download reads `res.buffer()` and its upload
 * posts a stringified form on native fetch (reference §10.5–6).
 */
export class AttachmentClient {
  readonly #base: string;
  readonly #auth: string;
  readonly #timeoutMs: number;

  constructor(options: { accountId: string; licenseKey: string; environment: string; timeoutMs: number }) {
    this.#base = avataxBaseUrl(options.environment);
    this.#auth = basicAuth(options.accountId, options.licenseKey);
    this.#timeoutMs = options.timeoutMs;
  }

  /** Streams the certificate's PDF. 404 when AvaTax holds no file for it. */
  async download(companyId: number, certificateId: number): Promise<CertificateDocument> {
    const url = `${this.#path(companyId, certificateId)}?$type=Pdf`;
    const controller = new AbortController();
    let timer = setTimeout(() => controller.abort(), this.#timeoutMs);
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(url, { headers: this.#headers(), signal: controller.signal });
    } catch (error) {
      clearTimeout(timer);
      throw mapUpstreamError(error);
    } finally {
      recordUpstreamCall(performance.now() - started);
    }
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!response.ok || contentType.includes('json') || !response.body) {
      // Still under the deadline: an error body that stalls is aborted like a stalled answer.
      const failure = await upstreamFailure(response).finally(() => clearTimeout(timer));
      // AvaTax answers 400 for a certificate without a stored file (reference §3).
      if (response.status === 400 || response.status === 404) throw new ApiError('not_found', 'This certificate has no document on file.');
      throw failure;
    }
    clearTimeout(timer);
    // Only document types go on: the route is served from the shop's own origin, where HTML or
    // SVG from a misbehaving upstream would run as the shop's script.
    const type = contentType === 'application/octet-stream' || contentType === '' ? 'application/pdf' : contentType;
    if (!DOCUMENT_TYPES.has(type)) {
      controller.abort();
      throw new ApiError('upstream_error', 'The certificate service sent a document of an unexpected type.');
    }
    timer = setTimeout(() => controller.abort(), BODY_DEADLINE_MS);
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({ flush: () => clearTimeout(timer) }),
    );
    const length = response.headers.get('content-length') ?? undefined;
    return {
      body,
      contentType: type,
      filename: `certificate-${certificateId}.pdf`,
      ...(length ? { length } : {}),
    };
  }

  /** Stores a file (e.g. PNG) for a certificate that was created with a `filename`. */
  async upload(companyId: number, certificateId: number, file: Blob, filename: string): Promise<void> {
    const form = new FormData();
    form.append('file', file, filename);
    const started = performance.now();
    try {
      const response = await fetch(this.#path(companyId, certificateId), {
        method: 'POST',
        headers: this.#headers(),
        body: form,
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      if (!response.ok) throw await upstreamFailure(response);
      await response.body?.cancel();
    } catch (error) {
      throw mapUpstreamError(error);
    } finally {
      recordUpstreamCall(performance.now() - started);
    }
  }

  #path(companyId: number, certificateId: number): string {
    return `${this.#base}/api/v2/companies/${companyId}/certificates/${certificateId}/attachment`;
  }

  #headers(): Record<string, string> {
    return { Authorization: this.#auth, 'X-Avalara-Client': CLIENT_HEADER, Accept: 'application/json, application/pdf, */*' };
  }
}

/** The ApiError for a failed AvaTax answer, read from its error envelope when there is one. */
async function upstreamFailure(response: Response): Promise<ApiError> {
  let code: string | undefined;
  let details: unknown;
  try {
    const body = (await response.json()) as { error?: { code?: string; details?: unknown } };
    code = body.error?.code;
    details = body.error?.details;
  } catch {
    // Not JSON: judged by status below.
  }
  if (code) return mapUpstreamError({ code, details });
  if (response.status >= 500) return mapUpstreamError(new Error(`HTTP ${response.status}`));
  return mapUpstreamError({ code: 'UnexpectedAnswer' });
}
