/**
 * Validation of CertificateModel input for CreateCertificates and UpdateCertificate: the
 * one-of file rule (filename | pdf | pages), required reason, zone and signed date, dates, links.
 */
import type { Catalogue } from '../definitions/catalogue.js';
import { sniffDocument, storedDocumentOf } from '../documents/file-kind.js';
import { AvaTaxError, missingField } from '../errors.js';
import { invalidDate, invalidDateRange, invalidValue, outOfRange, wrongType } from '../field-errors.js';
import type { StoredDocument } from '../store/types.js';
import { parseInputDay } from '../util/dates.js';
import { checkCustomerCode } from './customer-input.js';

export interface CertificateInput {
  signedDate: string;
  expirationDate: string | null;
  filename?: string;
  exemptionNumber?: string;
  exemptionReasonId: number;
  exposureZoneId: number;
  valid: boolean;
  exemptPercentage: number;
  taxNumberType?: string;
  businessNumberType?: string;
  customerCodes: string[];
  document: StoredDocument | null;
}

const present = (value: unknown) => value !== undefined && value !== null;

/** Certificate file rejected the way AvaTax relays CertCapture's complaint. */
function rejectedFile(field: 'pdf' | 'pages', why: string): AvaTaxError {
  return new AvaTaxError('CertificatesError', 'Certificates API returned error', {
    description: JSON.stringify({ success: false, code: '100110', error: { [field]: [why] } }),
    refersTo: field,
  });
}

/** Decodes standard, URL-safe or percent-encoded base64; null when it is not base64. */
export function decodeBase64(value: string): Buffer | null {
  let text = value.trim();
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return null;
    }
  }
  text = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) return null;
  return Buffer.from(text, 'base64');
}

/** What the body says about the certificate's file; `document` undefined = keep the stored one. */
interface DocumentInput {
  document?: StoredDocument | null;
  filename?: string;
}

function parseDocument(item: Record<string, unknown>, at: string, forUpdate: boolean): DocumentInput {
  const given = (['filename', 'pdf', 'pages'] as const).filter((f) => present(item[f]));
  // An update that names no file keeps the stored one (a GET → PUT round trip carries none).
  if (given.length === 0) {
    if (forUpdate) return {};
    throw missingField(`${at}filename, pdf or pages`);
  }
  if (given.length > 1) {
    throw new AvaTaxError('ConflictingFields', 'Fields are conflicting', {
      description: `Supply exactly one of filename, pdf or pages; got ${given.join(', ')}.`,
      refersTo: `${at}${given.join(',')}`,
    });
  }
  const empty = () => new AvaTaxError('InvalidPdfOrImageFile', 'Pdf or Image files are empty', { refersTo: `${at}${given[0]}` });
  if (present(item.filename)) {
    if (typeof item.filename !== 'string') throw wrongType(`${at}filename`, 'a string');
    if (!item.filename.trim()) throw empty();
    // On update a new name does not drop a document stored since (e.g. uploaded as attachment).
    return forUpdate ? { filename: item.filename.trim() } : { document: null, filename: item.filename.trim() };
  }
  if (present(item.pdf)) {
    if (typeof item.pdf !== 'string') throw wrongType(`${at}pdf`, 'a base64 string');
    if (!item.pdf.trim()) throw empty();
    const data = decodeBase64(item.pdf);
    if (!data || sniffDocument(data) !== 'pdf') throw rejectedFile('pdf', 'The uploaded file must be a base64 encoded PDF.');
    return { document: storedDocumentOf(data, 'pdf') };
  }
  const pages = item.pages;
  if (!Array.isArray(pages)) throw wrongType(`${at}pages`, 'an array of base64 JPEG strings');
  if (pages.length === 0 || pages.some((p) => typeof p !== 'string' || !p.trim())) throw empty();
  const decoded = pages.map((p) => decodeBase64(p as string));
  if (decoded.some((d) => !d || sniffDocument(d) !== 'jpeg')) {
    throw rejectedFile('pages', 'Each page must be a base64 encoded JPG.');
  }
  return { document: { kind: 'jpeg', pagesBase64: decoded.map((d) => (d as Buffer).toString('base64')) } };
}

function lookupNamed<T>(value: unknown, byId: (id: number) => T | undefined, byName: (name: string) => T | undefined): T | undefined {
  if (typeof value === 'string') return byName(value);
  if (!value || typeof value !== 'object') return undefined;
  const { id, name } = value as { id?: unknown; name?: unknown };
  if (typeof id === 'number' && id > 0) return byId(id);
  return typeof name === 'string' ? byName(name) : undefined;
}

const describe = (value: unknown) =>
  typeof value === 'string' ? value : String((value as { name?: unknown; id?: unknown }).name ?? (value as { id?: unknown }).id);

function optionalText(item: Record<string, unknown>, field: string, at: string): string | undefined {
  const value = item[field];
  if (!present(value)) return undefined;
  if (typeof value !== 'string') throw wrongType(`${at}${field}`, 'a string');
  return value.trim() || undefined;
}

/**
 * Validates one CertificateModel for creation (`forUpdate` false) or as the replacement of
 * UpdateCertificate, where the file fields are optional. `at` prefixes field paths (e.g. `[1].`).
 */
export function parseCertificateInput(item: Record<string, unknown>, at: string, catalogue: Catalogue): CertificateInput {
  const { document, filename } = parseDocument(item, at, false);
  return { ...parseCertificateFields(item, at, catalogue), document: document ?? null, ...(filename ? { filename } : {}) };
}

/** The replacement body of UpdateCertificate; `document` undefined and `customerCodes` null mean "keep". */
export interface CertificateReplacement extends Omit<CertificateInput, 'document' | 'customerCodes'> {
  document?: StoredDocument | null;
  customerCodes: string[] | null;
}

export function parseCertificateReplacement(item: Record<string, unknown>, catalogue: Catalogue): CertificateReplacement {
  const { document, filename } = parseDocument(item, '', true);
  const fields = parseCertificateFields(item, '', catalogue);
  const out: CertificateReplacement = { ...fields, customerCodes: present(item.customers) ? fields.customerCodes : null };
  if (document !== undefined) out.document = document;
  if (filename) out.filename = filename;
  return out;
}

function parseCertificateFields(item: Record<string, unknown>, at: string, catalogue: Catalogue): Omit<CertificateInput, 'document' | 'filename'> {
  if (!present(item.exemptionReason)) {
    throw new AvaTaxError('MissingExemptReason', 'Exempt reason Field is missing.', { refersTo: `${at}exemptionReason` });
  }
  const reason = lookupNamed(item.exemptionReason, catalogue.reasonById, catalogue.reasonByName);
  if (!reason) {
    const name = describe(item.exemptionReason);
    throw new AvaTaxError('InvalidExemptReason', `Invalid exempt reason: ${name}.`, { refersTo: `${at}exemptionReason` });
  }

  if (!present(item.exposureZone)) throw missingField(`${at}exposureZone`);
  const zone = lookupNamed(item.exposureZone, catalogue.zoneById, catalogue.zoneByName);
  if (!zone) throw invalidValue(`${at}exposureZone`, `Unknown exposure zone '${describe(item.exposureZone)}'.`);

  if (!present(item.signedDate)) throw missingField(`${at}signedDate`);
  const signedDate = parseInputDay(item.signedDate);
  if (!signedDate) throw invalidDate(`${at}signedDate`);
  let expirationDate: string | null = null;
  if (present(item.expirationDate)) {
    expirationDate = parseInputDay(item.expirationDate);
    if (!expirationDate) throw invalidDate(`${at}expirationDate`);
    if (expirationDate < signedDate) throw invalidDateRange(`${at}expirationDate`, signedDate, expirationDate);
  }

  let valid = true;
  if (present(item.valid)) {
    if (typeof item.valid !== 'boolean') throw wrongType(`${at}valid`, 'true or false');
    valid = item.valid;
  }
  let exemptPercentage = 100;
  if (present(item.exemptPercentage)) {
    const pct = item.exemptPercentage;
    if (typeof pct !== 'number' || !(pct >= 0 && pct <= 100)) {
      throw outOfRange(`${at}exemptPercentage`, 0, 100);
    }
    exemptPercentage = pct;
  }

  const customerCodes: string[] = [];
  if (present(item.customers)) {
    if (!Array.isArray(item.customers)) throw wrongType(`${at}customers`, 'an array of CustomerModel');
    item.customers.forEach((c, i) => {
      const code = typeof c === 'string' ? c : (c as { customerCode?: unknown } | null)?.customerCode;
      const checked = checkCustomerCode(code, `${at}customers[${i}].customerCode`);
      if (!customerCodes.includes(checked)) customerCodes.push(checked);
    });
  }

  const input: Omit<CertificateInput, 'document' | 'filename'> = {
    signedDate,
    expirationDate,
    exemptionReasonId: reason.id,
    exposureZoneId: zone.id,
    valid,
    exemptPercentage,
    customerCodes,
  };
  const exemptionNumber = optionalText(item, 'exemptionNumber', at);
  if (exemptionNumber) input.exemptionNumber = exemptionNumber;
  const taxNumberType = optionalText(item, 'taxNumberType', at);
  if (taxNumberType) input.taxNumberType = taxNumberType;
  const businessNumberType = optionalText(item, 'businessNumberType', at);
  if (businessNumberType) input.businessNumberType = businessNumberType;
  return input;
}
