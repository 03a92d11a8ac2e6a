import type { ErrorCode, ErrorDetail } from './contract.js';

/**
 * Every failure of the client, normalised to the contract's {@link ErrorDetail}.
 * `message` is safe to show; it never carries a token.
 */
export class CertApiError extends Error implements ErrorDetail {
  declare readonly code: ErrorCode;
  declare readonly retryable: boolean;
  declare readonly fields?: string[];
  /** Wait the server asked for (`Retry-After`), in ms. */
  declare readonly retryAfterMs?: number;

  constructor(detail: ErrorDetail, retryAfterMs?: number) {
    super(detail.message);
    Object.assign(this, detail, { name: 'CertApiError', retryAfterMs });
  }
}

/** Shorthand for a {@link CertApiError}. */
export const apiError = (code: ErrorCode, message: string, retryable = false, fields?: string[]): CertApiError =>
  new CertApiError({ code, message, retryable, ...(fields && { fields }) });

const UNREACHABLE = 'The service could not be reached.';

/** No answer came in time (retryable). */
export const timedOut = (): CertApiError => apiError('timeout', 'The service took too long to answer.', true);

/** The service could not be reached (retryable). */
export const unreachable = (): CertApiError => apiError('network_error', UNREACHABLE, true);

/** A configuration error naming the attribute (or option) at fault. */
export const configError = (name: string): CertApiError =>
  apiError('configuration_error', `The ${name} attribute is missing or invalid.`, false, [name]);

/** Builds the error for a non-2xx answer, preferring the body's own `error` member. */
export function errorFromResponse(status: number, body: unknown, retryAfter: string | null): CertApiError {
  const given: Partial<ErrorDetail> = (body as { error?: ErrorDetail } | undefined)?.error ?? {};
  // For answers without the contract's error body (proxies, a host's own token endpoint).
  const code: ErrorCode =
    status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status < 500 ? 'invalid_request' : 'upstream_error';
  const detail = { code, message: `The service answered ${status}.`, retryable: status > 501 || status === 429, ...given };
  // Retry-After in seconds (the companion's form); an HTTP date is read as "no hint".
  return new CertApiError(detail, retryAfter ? Number(retryAfter) * 1000 || undefined : undefined);
}

/** True for the rejection of an aborted wait (the owner went away): never shown as an error. */
export const isAbort = (e: unknown): boolean => (e as Error | null)?.name === 'AbortError';

/** Normalises anything thrown into a plain {@link ErrorDetail}. */
export function toErrorDetail(e: unknown): ErrorDetail {
  const { code = 'network_error', message = UNREACHABLE, retryable = true, fields } =
    e instanceof CertApiError ? e : ({} as Partial<ErrorDetail>);
  return { code, message, retryable, ...(fields && { fields }) };
}
