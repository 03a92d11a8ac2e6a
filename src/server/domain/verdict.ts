/**
 * How AvaTax answers become the six verdicts of the cert API.
 *
 * Every verdict comes from one AvaTax answer per customer, ListCertificatesForCustomer: all the
 * zones a page or a batch asks about for that customer are decided from it. For each
 * certificate AvaTax reports its own judgement, `ecmStatus` (what exemptions.avalara.com shows:
 * Valid, Expired, Invalid, PendingFuture, None); where it is absent (older API versions) the
 * same judgement is made from the fields AvaTax uses for ListValidCertificatesForCustomer.
 *
 * One zone (`GET /v1/status?country=&region=`), decided in this order:
 *
 * | # | AvaTax says                                                                   | verdict    |
 * |---|-------------------------------------------------------------------------------|------------|
 * | 1 | customer unknown (404 EntityNotFoundError)                                    | `missing`  |
 * | 2 | a certificate of the zone is valid today, expiration > today + 30 d or none   | `exempt`   |
 * | 3 | a certificate of the zone is valid today, expiration ≤ today + 30 d           | `expiring` |
 * | 4 | none valid; some certificate of the zone is pending (status `PENDING*`,       | `pending`  |
 * |   | ecmStatus `PendingFuture` or `None`, or signed in the future)                 |            |
 * | 5 | none valid; the newest certificate of the zone (by signedDate, then id) is    | `invalid`  |
 * |   | revoked (`REVOKED`), `valid: false` or ecmStatus `Invalid`                    |            |
 * | 6 | none valid; that newest certificate expired (expirationDate < today)          | `expired`  |
 * | 7 | no certificate for the zone                                                   | `missing`  |
 *
 * "Valid today" is AvaTax's exemption rule: ecmStatus `Valid` (when given), not revoked, not
 * pending, `valid` not false, signedDate ≤ today ≤ expirationDate (none = open-ended). Of several,
 * the one that covers longest is shown (open-ended, then the latest expiration, the newest, the
 * highest id), as ListValidCertificatesForCustomer picks it.
 *
 * A certificate belongs to the zone when its exposure zone's country and region match, or,
 * when AvaTax leaves those out, when its exposure-zone name equals the zone's name.
 * "Today" is the UTC calendar day of the companion's clock. A pending certificate wins over
 * an older expired or revoked one: the buyer already sent a new one, so nobody should ask again.
 *
 * One certificate on its own (status list, upload answer) uses rows 4–6 on that certificate,
 * then `expiring` / `exempt` by its expiration date.
 */
import type { CertStatus, CertificateSummary } from '../../client/contract.js';
import type { AvaCertificate } from '../avatax/models.js';

/** Days before expiration at which a valid certificate counts as expiring. */
export const EXPIRING_WITHIN_DAYS = 30;

/** `YYYY-MM-DD` of the UTC day of `at`. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** A calendar date from AvaTax (`2025-01-02` or `2025-01-02T00:00:00`); far-future sentinels mean "none". */
export function calendarDate(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const day = value.slice(0, 10);
  return Number(day.slice(0, 4)) >= 9000 ? null : day;
}

function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return utcDay(at);
}

const isPending = (cert: AvaCertificate, today: string): boolean =>
  (cert.status ?? '').toUpperCase().startsWith('PENDING') ||
  cert.ecmStatus === 'PendingFuture' ||
  // Received but not judged yet: AvaTax does not exempt with it until it has been.
  cert.ecmStatus === 'None' ||
  (calendarDate(cert.signedDate) ?? '') > today;

const isInvalid = (cert: AvaCertificate): boolean =>
  (cert.status ?? '').toUpperCase() === 'REVOKED' || cert.valid === false || cert.ecmStatus === 'Invalid';

const isExpired = (cert: AvaCertificate, today: string): boolean => {
  const expires = calendarDate(cert.expirationDate);
  return (expires !== null && expires < today) || cert.ecmStatus === 'Expired';
};

/** `expiring` when a valid certificate ends within 30 days of today, else `exempt`. */
function validState(cert: AvaCertificate, today: string): 'exempt' | 'expiring' {
  const expires = calendarDate(cert.expirationDate);
  return expires !== null && expires <= addDays(today, EXPIRING_WITHIN_DAYS) ? 'expiring' : 'exempt';
}

/** AvaTax's exemption rule for one certificate of the zone on `today`. */
function validToday(cert: AvaCertificate, today: string): boolean {
  if (cert.ecmStatus !== undefined && cert.ecmStatus !== 'Valid') return false;
  if (isPending(cert, today) || isInvalid(cert)) return false;
  const expires = calendarDate(cert.expirationDate);
  return expires === null || expires >= today;
}

/** Longest cover first: open-ended, then the latest expiration, then the newest, then the highest id. */
function coversLonger(a: AvaCertificate, b: AvaCertificate): boolean {
  const endA = calendarDate(a.expirationDate) ?? '9999-12-31';
  const endB = calendarDate(b.expirationDate) ?? '9999-12-31';
  return endA !== endB ? endA > endB : newestFirst(a, b) < 0;
}

/** State of one certificate on its own (never `missing`). */
export function certificateState(cert: AvaCertificate, today: string): Exclude<CertStatus, 'missing'> {
  if (isPending(cert, today)) return 'pending';
  if (isInvalid(cert)) return 'invalid';
  if (isExpired(cert, today)) return 'expired';
  return validState(cert, today);
}

/** Newest first: by signed date, then by id. */
function newestFirst(a: AvaCertificate, b: AvaCertificate): number {
  const byDate = (calendarDate(b.signedDate) ?? '').localeCompare(calendarDate(a.signedDate) ?? '');
  return byDate !== 0 ? byDate : (b.id ?? 0) - (a.id ?? 0);
}

/** Whether a certificate's exposure zone is the zone (see the table above). */
export function inZone(cert: AvaCertificate, zone: { country: string; region: string; name: string }): boolean {
  const ez = cert.exposureZone;
  if (!ez) return false;
  if (ez.country && ez.region) return ez.country === zone.country && ez.region === zone.region;
  return ez.name === zone.name;
}

/**
 * The verdict for one zone from the customer's certificates (null when AvaTax does not know
 * the customer), by the table above.
 */
export function decideVerdict(
  certificates: readonly AvaCertificate[] | null,
  zone: { country: string; region: string; name: string },
  today: string,
): { status: CertStatus; certificate: AvaCertificate | null } {
  const candidates = (certificates ?? []).filter((c) => inZone(c, zone)).sort(newestFirst);
  let best: AvaCertificate | undefined;
  for (const cert of candidates) if (validToday(cert, today) && (!best || coversLonger(cert, best))) best = cert;
  if (best) return { status: validState(best, today), certificate: best };
  const pending = candidates.find((c) => isPending(c, today));
  if (pending) return { status: 'pending', certificate: pending };
  const newest = candidates[0];
  if (!newest) return { status: 'missing', certificate: null };
  if (isInvalid(newest)) return { status: 'invalid', certificate: newest };
  if (isExpired(newest, today)) return { status: 'expired', certificate: newest };
  // Not valid, yet neither pending, revoked nor expired: AvaTax has not settled it.
  return { status: 'pending', certificate: newest };
}

/** Verdicts that say a certificate covers the zone today. */
export const COVERED: ReadonlySet<CertStatus> = new Set(['exempt', 'expiring']);

/** A certificate as the elements show it. */
export function toSummary(cert: AvaCertificate, zoneName?: string): CertificateSummary {
  return {
    id: cert.id ?? 0,
    exemptionReason: cert.exemptionReason?.name ?? '',
    signedDate: calendarDate(cert.signedDate) ?? '',
    expirationDate: calendarDate(cert.expirationDate),
    exposureZone: cert.exposureZone?.name ?? zoneName ?? '',
    documentAvailable: cert.documentExists ?? (cert.pageCount ?? 0) > 0,
    exemptionNumber: cert.exemptionNumber ?? null,
  };
}
