/**
 * The exemption rule. A certificate makes its customer exempt in a zone on day D only when
 * it is linked to the customer, is for that zone, signedDate ≤ D ≤ expirationDate (none =
 * open-ended), its status is neither PENDING* nor REVOKED and `valid` is true.
 * Linking and zone are guaranteed by the index the caller reads from.
 */
import type { EcmStatus } from '../../avatax/models.js';
import type { CertificateRecord } from './types.js';

const isPending = (c: CertificateRecord) => c.status.startsWith('PENDING');

/** True when the certificate exempts on `day` (`YYYY-MM-DD`). */
export function exemptsOn(certificate: CertificateRecord, day: string): boolean {
  if (!certificate.valid || certificate.status === 'REVOKED' || isPending(certificate)) return false;
  if (certificate.signedDate > day) return false;
  return certificate.expirationDate === null || day <= certificate.expirationDate;
}

/** The status exemptions.avalara.com would show for the certificate on `day`. */
export function ecmStatusOn(certificate: CertificateRecord, day: string): EcmStatus {
  if (certificate.status === 'REVOKED' || (!certificate.valid && !isPending(certificate))) return 'Invalid';
  if (isPending(certificate) || certificate.signedDate > day) return 'PendingFuture';
  if (certificate.expirationDate !== null && certificate.expirationDate < day) return 'Expired';
  return 'Valid';
}

/**
 * Of the certificates that exempt on `day`, the one that covers longest: open-ended first,
 * then the latest expiration, then the most recently signed, then the highest id.
 */
export function bestExemptingCertificate(
  certificates: readonly CertificateRecord[],
  day: string,
): CertificateRecord | null {
  let best: CertificateRecord | null = null;
  for (const candidate of certificates) {
    if (!exemptsOn(candidate, day)) continue;
    if (best === null || coversLonger(candidate, best)) best = candidate;
  }
  return best;
}

function coversLonger(a: CertificateRecord, b: CertificateRecord): boolean {
  const endA = a.expirationDate ?? '9999-99-99';
  const endB = b.expirationDate ?? '9999-99-99';
  if (endA !== endB) return endA > endB;
  if (a.signedDate !== b.signedDate) return a.signedDate > b.signedDate;
  return a.id > b.id;
}
