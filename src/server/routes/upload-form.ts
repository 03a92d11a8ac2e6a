import type { Context } from 'hono';
import { fileTypeFromBuffer } from 'file-type';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { ApiError, invalidRequest } from '../errors.js';
import { countrySchema, regionSchema } from './zone-params.js';

/** Largest certificate file accepted. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** 413 for a certificate file over the limit. */
export const fileTooLarge = (): ApiError =>
  new ApiError('payload_too_large', `The certificate file may be at most ${MAX_FILE_BYTES / (1024 * 1024)} MB.`);

/** Formats recognised by their content (not by name or declared type). */
const KINDS = { pdf: 'application/pdf', jpg: 'image/jpeg', png: 'image/png' } as const;
export type UploadKind = keyof typeof KINDS;

/** A validated upload. */
export interface Upload {
  bytes: Uint8Array;
  kind: UploadKind;
  filename: string;
  country: string;
  region: string;
  exemptionReason: string;
  signedDate: string;
  expirationDate?: string;
  exemptionNumber?: string;
  customerCode?: string;
}

const isCalendarDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
};

const DATE = z.string().refine(isCalendarDate, 'must be a date as YYYY-MM-DD');
const optionalText = (max: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).max(max).optional());

const fieldsSchema = (today: string) =>
  z
    .object({
      country: countrySchema,
      region: regionSchema,
      exemptionReason: z.string().trim().min(1, 'is required').max(100),
      signedDate: DATE.refine((d) => d <= today, 'must not be in the future'),
      expirationDate: z.preprocess((v) => (v === '' ? undefined : v), DATE.optional()),
      exemptionNumber: optionalText(50),
      customerCode: optionalText(50),
    })
    .refine((f) => !f.expirationDate || f.expirationDate > f.signedDate, {
      message: 'must be after signedDate',
      path: ['expirationDate'],
    });

/**
 * Reads the multipart form of `POST /v1/certificates`: 415 unless multipart, 400 listing every
 * missing or invalid field, 413 for a file over 10 MB, 415 for a file that is not really a
 * PDF, JPEG or PNG. Nothing is sent upstream before all of these pass.
 */
export async function readUpload(c: Context<AppEnv>, today: string): Promise<Upload> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'multipart/form-data') {
    throw new ApiError('unsupported_media_type', 'Send the certificate as multipart/form-data.');
  }
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw invalidRequest('The multipart body could not be read.');
  }
  const text = (name: string): unknown => {
    const value = form[name];
    return typeof value === 'string' ? value : undefined;
  };
  const parsed = fieldsSchema(today).safeParse({
    country: text('country'),
    region: text('region'),
    exemptionReason: text('exemptionReason'),
    signedDate: text('signedDate'),
    expirationDate: text('expirationDate'),
    exemptionNumber: text('exemptionNumber'),
    customerCode: text('customerCode'),
  });
  const file = form['file'];
  const fileOk = file instanceof File && file.size > 0;
  if (!parsed.success || !fileOk) {
    const issues = parsed.success ? [] : parsed.error.issues;
    const fields = [...new Set([...(fileOk ? [] : ['file']), ...issues.map((i) => i.path.join('.'))])];
    const first = issues[0];
    const message = first ? `${first.path.join('.')} ${first.message}` : 'file is required (a PDF, JPEG or PNG)';
    throw invalidRequest(`Invalid certificate upload: ${message}.`, fields);
  }
  if (file.size > MAX_FILE_BYTES) throw fileTooLarge();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(bytes);
  const kind = (Object.keys(KINDS) as UploadKind[]).find((k) => KINDS[k] === detected?.mime);
  if (!kind) throw new ApiError('unsupported_media_type', 'The file must be a PDF, JPEG or PNG.');

  const upload: Upload = { bytes, kind, filename: safeFilename(file.name, kind), ...stripUndefined(parsed.data) };
  return upload;
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

/** A file name safe to pass upstream: the base name, plain characters, the detected extension. */
function safeFilename(name: string, kind: UploadKind): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
  return `${base || 'certificate'}.${kind}`;
}
