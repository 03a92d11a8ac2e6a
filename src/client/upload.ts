import type { UploadResult } from './contract.js';
import { apiError, CertApiError, configError, errorFromResponse, unreachable } from './errors.js';
import { apiUrl } from './http.js';
import { timings } from './timings.js';
import { tokenSource, type TokenSourceOptions } from './token-source.js';

/** Largest certificate file the companion accepts (10 MB). */
export const MAX_CERTIFICATE_BYTES = 10 * 1024 * 1024;

/** Certificate formats, recognised by their first bytes. */
export type CertificateFileKind = 'pdf' | 'jpeg' | 'png';

const SIGNATURES: ReadonlyArray<[CertificateFileKind, number[]]> = [
  ['pdf', [0x25, 0x50, 0x44, 0x46]], // %PDF
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['png', [0x89, 0x50, 0x4e, 0x47]],
];

/**
 * Upload waits. `stallMs` bounds each stretch without upload progress; once the body is sent,
 * the answer is awaited for `timings.requestTimeoutMs`; `totalMs` caps the whole upload.
 * Tests and hosts on slow links may change the fields.
 */
export const uploadTimings = { stallMs: 30_000, totalMs: 300_000 };

/** The form fields of `POST /v1/certificates` besides the file. */
export interface CertificateFields {
  country: string;
  region: string;
  /** Exemption reason name, e.g. `RESALE` (see `GET /v1/exemption-reasons`). */
  exemptionReason: string;
  /** `YYYY-MM-DD`, not in the future (UTC). */
  signedDate: string;
  /** `YYYY-MM-DD`, after `signedDate`. */
  expirationDate?: string;
  exemptionNumber?: string;
}

/** Where the upload goes and for whom: the same options as the `CertClient` of the page. */
export interface UploadTarget extends TokenSourceOptions {
  apiBase?: string;
  /** Required with a staff token; a customer token may omit it. */
  customerCode?: string;
}

export interface UploadOptions {
  /** Aborting cancels the transfer at once (rejects with an AbortError). */
  signal?: AbortSignal;
  /** Bytes of the request body sent so far, of `total`. */
  onProgress?: (loaded: number, total: number) => void;
}

/**
 * The kind of a certificate file by its first bytes (not its name or declared type),
 * or undefined when it is none of PDF, JPEG, PNG.
 */
export async function sniffCertificateFile(file: Blob): Promise<CertificateFileKind | undefined> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  return SIGNATURES.find(([, magic]) => magic.every((byte, i) => head[i] === byte))?.[0];
}

/**
 * Checks a certificate file as the companion will, without any network call: not empty
 * (`invalid_request`), at most 10 MB (`payload_too_large`), PDF/JPEG/PNG by content
 * (`unsupported_media_type`). Every refusal is a {@link CertApiError} naming the field `file`.
 */
export async function checkCertificateFile(file: Blob): Promise<CertificateFileKind> {
  if (file.size === 0) throw apiError('invalid_request', 'The file is empty.', false, ['file']);
  if (file.size > MAX_CERTIFICATE_BYTES) {
    throw apiError('payload_too_large', 'The certificate file may be at most 10 MB.', false, ['file']);
  }
  const kind = await sniffCertificateFile(file);
  if (!kind) throw apiError('unsupported_media_type', 'The file must be a PDF, JPEG or PNG.', false, ['file']);
  return kind;
}

/**
 * Uploads a certificate file with its fields as `multipart/form-data` to
 * `{apiBase}/v1/certificates`, reporting upload progress. The file is checked first (no request
 * for a bad one). Uses the page-wide token of `target`; a 401 renews it once and sends again.
 * Other failures are not retried (an upload is not idempotent): they reject with a
 * {@link CertApiError} whose `fields` name the form fields at fault, when known.
 */
export async function uploadCertificate(
  target: UploadTarget,
  file: File,
  fields: CertificateFields,
  { signal, onProgress }: UploadOptions = {},
): Promise<UploadResult> {
  await checkCertificateFile(file);
  const tokens = tokenSource(target);
  const customerCode = target.customerCode || undefined;
  for (let renewed = false; ; renewed = true) {
    const { token, apiBase = target.apiBase } = await tokens.get(customerCode, signal);
    if (!apiBase) throw configError('api-base');
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...fields, customerCode })) if (value) form.append(name, value);
    form.append('file', file, file.name || 'certificate');
    try {
      return await send<UploadResult>(apiUrl(apiBase, '/v1/certificates'), token, form, signal, onProgress);
    } catch (e) {
      if (renewed || !(e instanceof CertApiError) || e.code !== 'unauthorized') throw e;
      tokens.invalidate(token);
    }
  }
}

/** One XHR POST (fetch has no upload progress), bounded by the upload timings. */
function send<T>(url: string, token: string, body: FormData, signal?: AbortSignal, onProgress?: UploadOptions['onProgress']): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Aborted', 'AbortError'));
    const xhr = new XMLHttpRequest();
    let stall: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(stall);
      clearTimeout(total);
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const fail = (error: unknown): void => finish(() => reject(error));
    const timeOut = (): void => {
      xhr.abort();
      fail(apiError('timeout', 'The upload took too long.', true));
    };
    const arm = (ms: number): void => {
      clearTimeout(stall);
      stall = setTimeout(timeOut, ms);
    };
    const total = setTimeout(timeOut, uploadTimings.totalMs);
    const onAbort = (): void => {
      xhr.abort();
      fail(new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort);

    xhr.upload.onprogress = (e) => {
      arm(uploadTimings.stallMs);
      onProgress?.(e.loaded, e.total);
    };
    // The body is out: what is left is the companion's work with AvaTax.
    xhr.upload.onload = () => arm(Math.max(timings.requestTimeoutMs, uploadTimings.stallMs));
    xhr.onerror = () => fail(unreachable());
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        // handled below
      }
      if (xhr.status < 200 || xhr.status >= 300) return fail(errorFromResponse(xhr.status, parsed, xhr.getResponseHeader('retry-after')));
      if (parsed === undefined) return fail(apiError('upstream_error', 'The service sent an unreadable answer.'));
      finish(() => resolve(parsed as T));
    };
    xhr.open('POST', url);
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    arm(uploadTimings.stallMs);
    xhr.send(body);
  });
}
