import type { ErrorDetail } from '../../client/contract.js';
import { checkCertificateFile, type CertificateFields } from '../../client/upload.js';
import type { UploadStrings } from './cert-upload.strings.js';

/** The fields of the upload form, in the order they are shown (and listed in the error summary). */
export const FIELDS = ['file', 'zone', 'exemptionReason', 'signedDate', 'expirationDate', 'exemptionNumber'] as const;
export type UploadField = (typeof FIELDS)[number];

/** What the person entered, as the inputs hold it (`zone` is `COUNTRY-REGION`, dates `YYYY-MM-DD` or ''). */
export interface UploadValues {
  zone: string;
  exemptionReason: string;
  signedDate: string;
  expirationDate: string;
  exemptionNumber: string;
  /** Fields whose input holds something the browser could not parse (a half-typed date). */
  badInput: UploadField[];
}

/** Message key per field at fault. */
export type FieldErrors = Partial<Record<UploadField, keyof UploadStrings>>;

/** Today as the companion counts it: the UTC calendar day, `YYYY-MM-DD`. */
export const utcToday = (now = new Date()): string => now.toISOString().slice(0, 10);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks the text fields as the companion will (same rules), so a bad form never leaves the page. */
export function validateFields(values: UploadValues, today = utcToday()): FieldErrors {
  const errors: FieldErrors = {};
  const bad = new Set(values.badInput);
  if (!values.zone) errors.zone = 'zoneMissing';
  if (!values.exemptionReason) errors.exemptionReason = 'reasonMissing';
  const { signedDate: signed, expirationDate: expires } = values;
  if (bad.has('signedDate') || (signed && !DATE.test(signed))) errors.signedDate = 'badDate';
  else if (!signed) errors.signedDate = 'signedMissing';
  else if (signed > today) errors.signedDate = 'signedFuture';
  if (bad.has('expirationDate') || (expires && !DATE.test(expires))) errors.expirationDate = 'badDate';
  else if (expires && signed && !errors.signedDate && expires <= signed) errors.expirationDate = 'expiryBefore';
  if (values.exemptionNumber.trim().length > 50) errors.exemptionNumber = 'numberLong';
  return errors;
}

/** The message key for a chosen file, or undefined when it will be accepted. No network call. */
export async function fileProblem(file: File | undefined): Promise<keyof UploadStrings | undefined> {
  if (!file) return 'fileMissing';
  try {
    await checkCertificateFile(file);
    return undefined;
  } catch (e) {
    const code = (e as ErrorDetail).code;
    return code === 'payload_too_large' ? 'fileLarge' : code === 'unsupported_media_type' ? 'fileType' : 'fileEmpty';
  }
}

/** Maps a refusal of the companion to the form's fields; empty when it names none of them. */
export function serverFieldErrors({ code, fields = [] }: ErrorDetail): FieldErrors {
  if (code === 'payload_too_large') return { file: 'fileLarge' };
  if (code === 'unsupported_media_type') return { file: 'fileType' };
  if (code !== 'invalid_request') return {};
  const errors: FieldErrors = {};
  for (const name of fields) {
    const field: UploadField | undefined =
      name === 'country' || name === 'region' ? 'zone' : (FIELDS as readonly string[]).includes(name) ? (name as UploadField) : undefined;
    if (field) errors[field] ??= field === 'file' ? 'fileMissing' : 'invalidField';
  }
  return errors;
}

/** The request fields of a valid form: the zone split into country and region, blanks left out. */
export function toCertificateFields(values: Omit<UploadValues, 'badInput'>): CertificateFields {
  const [country = '', region = ''] = values.zone.split('-');
  const number = values.exemptionNumber.trim();
  return {
    country,
    region,
    exemptionReason: values.exemptionReason,
    signedDate: values.signedDate,
    ...(values.expirationDate && { expirationDate: values.expirationDate }),
    ...(number && { exemptionNumber: number }),
  };
}
