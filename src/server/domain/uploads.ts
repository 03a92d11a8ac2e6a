import type { Logger } from '../logging.js';
import type { AttachmentClient } from '../avatax/attachments.js';
import type { AvaTaxGateway } from '../avatax/client.js';
import { instantMs } from '../avatax/instant.js';
import type { AvaCertificate } from '../avatax/models.js';
import { writeOutcome } from '../avatax/upstream-errors.js';
import { ApiError, outcomeUnknown } from '../errors.js';
import type { KnownZone } from './definitions.js';
import type { StatusService } from './status.js';
import { calendarDate } from './verdict.js';

/** A checked upload, ready for AvaTax. */
export interface CertificateDraft {
  companyId: number;
  customerCode: string;
  zone: KnownZone;
  kind: 'pdf' | 'jpg' | 'png';
  bytes: Uint8Array;
  filename: string;
  exemptionReason: string;
  signedDate: string;
  expirationDate?: string;
  exemptionNumber?: string;
}

/** Clocks of the companion and AvaTax may differ this much when reading a write back. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Stores an uploaded certificate in AvaTax and answers only with what is true there:
 *
 * - a create whose answer was lost is read back; found, it is the result;
 * - a certificate AvaTax kept although it refused its document, or whose document could not be
 *   attached, is removed again (DeleteCertificate); when that fails too, it is quarantined (never
 *   reported as valid on any instance), logged with its id, and the answer says what is left;
 * - `retryable` is true only when nothing is left in AvaTax.
 */
export class CertificateUploads {
  readonly #gateway: AvaTaxGateway;
  readonly #attachments: AttachmentClient;
  readonly #status: StatusService;
  readonly #logger: Logger;
  readonly #now: () => Date;

  constructor(deps: { gateway: AvaTaxGateway; attachments: AttachmentClient; status: StatusService; logger: Logger; now: () => Date }) {
    this.#gateway = deps.gateway;
    this.#attachments = deps.attachments;
    this.#status = deps.status;
    this.#logger = deps.logger;
    this.#now = deps.now;
  }

  /** Creates the certificate with its document; the status of the customer is read afresh afterwards. */
  async store(draft: CertificateDraft): Promise<AvaCertificate> {
    try {
      const created = await this.#create(draft);
      if (draft.kind === 'png') await this.#attach(draft, created);
      return created;
    } finally {
      // Whatever happened, AvaTax may hold something new for this customer.
      await this.#status.invalidate(draft.companyId, draft.customerCode);
    }
  }

  async #create(draft: CertificateDraft): Promise<AvaCertificate> {
    const base64 = Buffer.from(draft.bytes).toString('base64');
    const attemptAt = this.#now().getTime();
    try {
      return await this.#gateway.createCertificate(draft.companyId, {
        signedDate: draft.signedDate,
        ...(draft.expirationDate ? { expirationDate: draft.expirationDate } : {}),
        ...(draft.exemptionNumber ? { exemptionNumber: draft.exemptionNumber } : {}),
        exemptionReason: { name: draft.exemptionReason },
        exposureZone: { name: draft.zone.name },
        customers: [{ companyId: draft.companyId, customerCode: draft.customerCode }],
        // PDFs and JPEGs travel inline; AvaTax takes no PNG inline, so a PNG is named here and
        // stored through the attachment endpoint right after.
        ...(draft.kind === 'pdf' ? { pdf: base64 } : draft.kind === 'jpg' ? { pages: [base64] } : { filename: draft.filename }),
      });
    } catch (error) {
      return this.#readBack(draft, attemptAt, error);
    }
  }

  /**
   * After a failed create: AvaTax may have stored the certificate anyway (an answer lost on the
   * way back, or a document it refused after creating the record).
   */
  async #readBack(draft: CertificateDraft, attemptAt: number, error: unknown): Promise<never | AvaCertificate> {
    const outcome = writeOutcome(error);
    const refusedDocument = error instanceof ApiError && (error.cause as { code?: unknown } | undefined)?.code === 'CertificatesError';
    const mayHaveLanded = outcome === 'no-answer' || (outcome === 'answered' && (refusedDocument || isServerError(error)));
    if (!mayHaveLanded) throw error;
    let landed: AvaCertificate | undefined;
    try {
      landed = await this.#find(draft, attemptAt);
    } catch {
      throw outcomeUnknown('The certificate service did not confirm the upload, and it could not be checked. It may still appear on file: check the status in a minute before uploading again.', error);
    }
    if (landed && refusedDocument) {
      await this.#remove(draft, landed, 'AvaTax kept the certificate although it refused its file');
      throw error;
    }
    if (landed) {
      this.#logger.info({ certificateId: landed.id, customerCode: draft.customerCode }, 'certificate create failed on the way back but had landed');
      return landed;
    }
    if (outcome === 'answered') throw error;
    throw outcomeUnknown('The certificate service did not confirm the upload. It may still appear on file: check the status in a minute before uploading again.', error);
  }

  /** The certificate this draft created, if AvaTax has it: same zone, reason, dates and number, created since the attempt. */
  async #find(draft: CertificateDraft, attemptAt: number): Promise<AvaCertificate | undefined> {
    const all = (await this.#gateway.listCertificatesForCustomer(draft.companyId, draft.customerCode)) ?? [];
    return all
      .filter(
        (c) =>
          c.exposureZone?.name === draft.zone.name &&
          c.exemptionReason?.name === draft.exemptionReason &&
          calendarDate(c.signedDate) === draft.signedDate &&
          (calendarDate(c.expirationDate) ?? undefined) === draft.expirationDate &&
          (c.exemptionNumber ?? undefined) === draft.exemptionNumber &&
          instantMs(c.createdDate) >= attemptAt - CLOCK_SKEW_MS,
      )
      .sort((a, b) => (b.id ?? 0) - (a.id ?? 0))[0];
  }

  /** Attaches a PNG; a certificate left without its document is removed. */
  async #attach(draft: CertificateDraft, created: AvaCertificate): Promise<void> {
    const id = created.id as number;
    try {
      await this.#attachments.upload(draft.companyId, id, new Blob([draft.bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }), draft.filename);
      return;
    } catch (error) {
      // An attachment whose answer was lost may be in place: AvaTax then reports the document.
      if (writeOutcome(error) === 'no-answer') {
        const now = await this.#gateway.getCertificateWithCustomers(draft.companyId, id).catch(() => null);
        if (now?.documentExists || (now?.pageCount ?? 0) > 0) return;
      }
      await this.#remove(draft, created, 'its file could not be attached');
      throw new ApiError('upstream_unavailable', 'The certificate file could not be stored, so nothing was saved. Try again shortly.', {
        retryable: true,
        retryAfter: 5,
        cause: error,
      });
    }
  }

  /**
   * Removes a certificate that must not stay. Throws (not retryable) when it stays: the answer
   * and the log name it, and it is quarantined so that no verdict counts it.
   */
  async #remove(draft: CertificateDraft, cert: AvaCertificate, why: string): Promise<void> {
    const id = cert.id as number;
    try {
      await this.#gateway.deleteCertificate(draft.companyId, id);
      this.#logger.warn({ certificateId: id, customerCode: draft.customerCode }, `removed a certificate: ${why}`);
      return;
    } catch (error) {
      // A delete whose answer was lost may have gone through.
      const still = await this.#gateway.getCertificateWithCustomers(draft.companyId, id).catch(() => cert);
      if (still === null) return;
      await this.#status.quarantine(draft.companyId, draft.customerCode, id);
      this.#logger.error(
        { certificateId: id, customerCode: draft.customerCode, err: { message: String(error) } },
        `certificate ${id} stays in AvaTax without its document (${why}) and could not be removed; it is not counted as valid`,
      );
      throw new ApiError(
        'upstream_error',
        `The certificate could not be stored completely, and the incomplete record (certificate ${id}) could not be removed. It is not counted as valid. Ask the site administrator to remove it before uploading again.`,
        { retryable: false, cause: error },
      );
    }
  }
}

const isServerError = (error: unknown): boolean => error instanceof ApiError && error.code === 'upstream_unavailable';
