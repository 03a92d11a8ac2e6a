/** Turns a certificate's stored document into the bytes DownloadCertificateImage serves. */
import type { Catalogue } from '../definitions/catalogue.js';
import type { CertificateRecord } from '../store/types.js';
import { jpegPdf, textPdf } from './pdf.js';

export type PreviewType = 'Pdf' | 'Jpeg';

export interface RenderedDocument {
  contentType: 'application/pdf' | 'image/jpeg';
  extension: 'pdf' | 'jpg';
  data: Buffer;
}

/** The stand-in scan of a certificate that has no uploaded file of its own. */
function summaryPdf(certificate: CertificateRecord, catalogue: Catalogue, note?: string): Buffer {
  const zone = catalogue.zoneById(certificate.exposureZoneId);
  const reason = catalogue.reasonById(certificate.exemptionReasonId);
  const lines = [
    `Certificate id: ${certificate.id}`,
    `Customer(s): ${certificate.customerCodes.join(', ') || '(none linked)'}`,
    `Exposure zone: ${zone?.name ?? '?'} (${zone?.country ?? '?'}-${zone?.region ?? '?'})`,
    `Exemption reason: ${reason?.name ?? '?'}`,
    `Exemption number: ${certificate.exemptionNumber ?? '-'}`,
    `Signed: ${certificate.signedDate}`,
    `Expires: ${certificate.expirationDate ?? 'no expiration'}`,
    'Issued by the cert-elements local AvaTax sandbox; not a real tax document.',
  ];
  if (note) lines.push(note);
  return textPdf('Sales Tax Exemption Certificate', lines);
}

/**
 * The document as `type`, page `page` (1-based, JPEG only). Returns null when no such
 * rendition exists (no stored file, page out of range, or a JPEG asked of a non-JPEG file).
 */
export function renderDocument(
  certificate: CertificateRecord,
  catalogue: Catalogue,
  type: PreviewType,
  page: number,
): RenderedDocument | null {
  const document = certificate.document;
  if (document === null) return null;
  if (type === 'Jpeg') {
    if (document.kind !== 'jpeg') return null;
    const pageData = document.pagesBase64[page - 1];
    return pageData === undefined ? null : { contentType: 'image/jpeg', extension: 'jpg', data: Buffer.from(pageData, 'base64') };
  }
  const pdf = (data: Buffer): RenderedDocument => ({ contentType: 'application/pdf', extension: 'pdf', data });
  switch (document.kind) {
    case 'generated':
      return pdf(summaryPdf(certificate, catalogue));
    case 'pdf':
      return pdf(Buffer.from(document.base64, 'base64'));
    case 'jpeg': {
      const wrapped = jpegPdf(document.pagesBase64.map((p) => Buffer.from(p, 'base64')));
      return pdf(wrapped ?? summaryPdf(certificate, catalogue, 'The stored image could not be converted.'));
    }
    default:
      // PNG and TIFF are kept as uploaded; the sandbox does not convert them, so the PDF is a stand-in.
      return pdf(summaryPdf(certificate, catalogue, `A ${document.kind.toUpperCase()} image is on file.`));
  }
}
