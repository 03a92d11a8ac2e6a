import type { ErrorCode, ErrorDetail } from '../client/contract.js';

/** HTTP status of each error code of the cert API. */
const STATUS_OF: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  upstream_unavailable: 503,
  upstream_error: 502,
  timeout: 504,
  network_error: 502,
  configuration_error: 500,
  internal_error: 500,
};

/**
 * An error the cert API answers with. `message` must be safe to show a person: it never
 * carries AvaTax internals, credentials or stack traces.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly fields?: string[];
  /** Seconds for the `Retry-After` header (429, 503). */
  readonly retryAfter?: number;

  constructor(
    code: ErrorCode,
    message: string,
    options: { retryable?: boolean; fields?: string[]; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.code = code;
    this.status = STATUS_OF[code];
    this.retryable = options.retryable ?? false;
    if (options.fields) this.fields = options.fields;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
  }

  /** The `error` member of the answer body. */
  toDetail(): ErrorDetail {
    const detail: ErrorDetail = { code: this.code, message: this.message, retryable: this.retryable };
    if (this.fields?.length) detail.fields = this.fields;
    return detail;
  }
}

/**
 * Thrown by a host's `authorize` callback to refuse a token request: `forbidden` (403, the
 * default) when the user is known but may not see that customer, `unauthorized` (401) when
 * the user is not signed in.
 */
export class CertRefusal extends Error {
  readonly kind: 'forbidden' | 'unauthorized';
  constructor(kind: 'forbidden' | 'unauthorized' = 'forbidden', message?: string) {
    super(message ?? (kind === 'forbidden' ? 'Not allowed for this customer.' : 'Sign in first.'));
    this.name = 'CertRefusal';
    this.kind = kind;
  }
}

export const invalidRequest = (message: string, fields?: string[]): ApiError =>
  new ApiError('invalid_request', message, fields ? { fields } : {});

export const unauthorized = (message = 'A valid token is required.'): ApiError => new ApiError('unauthorized', message);

export const forbidden = (message = 'This token may not do that.'): ApiError => new ApiError('forbidden', message);

export const notFound = (message = 'Not found.'): ApiError => new ApiError('not_found', message);

/** Turns anything thrown into an ApiError; unknown failures become a generic 500. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('internal_error', 'Something went wrong on the server. Try again later.', {
    retryable: true,
    cause: error,
  });
}

/** The JSON answer for an error, with `Retry-After` when the error names one. */
export function errorResponse(error: ApiError, headers: Record<string, string> = {}): Response {
  const all: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', ...headers };
  if (error.retryAfter !== undefined) all['Retry-After'] = String(error.retryAfter);
  return new Response(JSON.stringify({ error: error.toDetail() }), { status: error.status, headers: all });
}

/** A write that may or may not have reached AvaTax: not to be retried blindly. */
export const outcomeUnknown = (message: string, cause?: unknown): ApiError =>
  new ApiError('upstream_unavailable', message, { retryable: false, cause });

/** Nothing was sent: the companion's shared state (locks, limits) could not be reached. */
export const notSentBusy = (cause?: unknown): ApiError =>
  new ApiError('upstream_unavailable', 'The certificate service is busy. Nothing was sent; try again shortly.', {
    retryable: true,
    retryAfter: 5,
    cause,
  });
