import { ApiError } from '../errors.js';

/** Seconds a client should wait before retrying after the upstream failed. */
export const UPSTREAM_RETRY_AFTER_SECONDS = 5;

/** Shape of what the `avatax` SDK rejects with (an `AvalaraError`, a timeout Error, a fetch TypeError). */
interface SdkFailure {
  name?: string;
  message?: string;
  code?: string;
  details?: unknown;
}

const CREDENTIAL_CODES = new Set([
  'AuthenticationException',
  'AuthorizationException',
  'BasicAuthIncorrect',
  'BearerTokenInvalid',
  'InactiveUserError',
  'AccountExpiredException',
  'AccountInvalidException',
  'PermissionRequired',
]);

const SERVER_CODES = new Set(['UnhandledException', 'ServerConfiguration', 'ServiceNotReady', 'FormatException']);

const SETUP_CODES = new Set(['CertificatesNotSetup', 'AccountNotProvisioned', 'CompanyInvalidException']);

/** Client-side AvaTax refusals with a message safe to show and the field at fault. */
const CLIENT_CODES: Record<string, { message: string; fields?: string[] }> = {
  InvalidExemptReason: { message: 'The exemption reason is not one AvaTax knows.', fields: ['exemptionReason'] },
  MissingExemptReason: { message: 'An exemption reason is required.', fields: ['exemptionReason'] },
  InvalidCoverLetterTitle: { message: 'The cover letter is not one AvaTax knows.', fields: ['coverLetterTitle'] },
  InvalidPdfOrImageFile: { message: 'The certificate file is empty or unreadable.', fields: ['file'] },
  CertificatesError: { message: 'The certificate service could not accept the certificate or its file.', fields: ['file'] },
  ConflictingExposureZone: { message: 'A certificate for that zone conflicts with one on file.', fields: ['region'] },
  DuplicateEntry: { message: 'That record already exists.' },
};

function hasServerFault(details: unknown): boolean {
  return Array.isArray(details) && details.some((d) => typeof d === 'object' && d !== null && (d as { faultCode?: unknown }).faultCode === 'Server');
}

/** True for failures worth one more try on an idempotent read: timeouts, network errors, 5xx. */
export function isTransient(error: unknown): boolean {
  return mapUpstreamError(error).code === 'upstream_unavailable';
}

/**
 * Maps whatever the SDK or `fetch` rejected with to the error the cert API answers.
 * The SDK detects errors by body, not status (reference §10), so the AvaTax error code and
 * the details' `faultCode` decide. Messages are our own; AvaTax text never passes through.
 */
export function mapUpstreamError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SdkFailure;
  const code = typeof failure.code === 'string' ? failure.code : undefined;

  if (code === undefined || code === '') {
    // No AvaTax envelope: a timeout ('timeout' / AbortError / TimeoutError) or a network failure.
    return unavailable(error);
  }
  if (CREDENTIAL_CODES.has(code)) {
    return new ApiError('upstream_error', 'The certificate service refused the companion’s credentials. Contact the site administrator.', {
      cause: error,
    });
  }
  if (SETUP_CODES.has(code)) {
    return new ApiError('upstream_error', 'Exemption certificates are not set up for this company. Contact the site administrator.', {
      cause: error,
    });
  }
  if (code === 'EntityNotFoundError') return new ApiError('not_found', 'Not found.', { cause: error });
  if (SERVER_CODES.has(code) || hasServerFault(failure.details)) return unavailable(error);
  const known = CLIENT_CODES[code];
  if (known) return new ApiError('invalid_request', known.message, { cause: error, ...(known.fields ? { fields: known.fields } : {}) });
  return new ApiError('invalid_request', 'The certificate service rejected the request as invalid.', { cause: error });
}

function unavailable(cause: unknown): ApiError {
  return new ApiError('upstream_unavailable', 'The certificate service is not reachable right now. Try again shortly.', {
    retryable: true,
    retryAfter: UPSTREAM_RETRY_AFTER_SECONDS,
    cause,
  });
}

/**
 * What a failed write tells about AvaTax's side:
 * - `not-sent`: the connection was never made, so nothing reached AvaTax;
 * - `answered`: AvaTax answered with an error, so it finished with the request (and, with a
 *   5xx, may still have stored part of it);
 * - `no-answer`: the request may have arrived but no answer came (timeout, connection lost).
 */
export type WriteOutcome = 'not-sent' | 'answered' | 'no-answer';

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export function writeOutcome(error: unknown): WriteOutcome {
  const raw = error instanceof ApiError ? error.cause : error;
  const failure = (typeof raw === 'object' && raw !== null ? raw : {}) as SdkFailure & { cause?: { code?: unknown } };
  if (typeof failure.code === 'string' && failure.code !== '') return 'answered';
  const networkCode = failure.cause?.code;
  if (typeof networkCode === 'string' && NOT_SENT_CODES.has(networkCode)) return 'not-sent';
  if (error instanceof ApiError && error.code !== 'upstream_unavailable') return 'answered';
  return 'no-answer';
}
