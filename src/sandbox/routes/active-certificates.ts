/**
 * ListActiveCertificatesForCustomer and ListInActiveCertificatesForCustomer. Every official
 * SDK (avatax 26.9.0 JS, the .NET AvaTaxApi.cs and the Java AvaTaxClient) types both answers
 * as ExemptionStatusModel `{status, certificate}`, so that is what the sandbox sends; the
 * status values are the sandbox's choice (AvaTax documents none for these two operations):
 * - active: `Exempt` with the certificate that exempts today and covers longest (any zone),
 *   or `NotExempt` with `certificate: null` — the words ListValidCertificatesForCustomer uses;
 * - inactive: the CertificateEcmStatus name (`Expired`, `Invalid`, `PendingFuture`) of the
 *   most recently signed certificate that does not exempt today, or `None` with null.
 * The full lists are `$include=active_certificates` on the customer and `$filter` on ecmStatus.
 */
import type { ExemptionStatusModel } from '../../avatax/models.js';
import type { ApiRequest, ApiRoute } from '../api.js';
import type { Router } from '../http/router.js';
import { json, type Reply } from '../http/types.js';
import { certificateModel } from '../model-builders.js';
import { modelContext, type Runtime } from '../runtime.js';
import type { CertificateRecord } from '../store/types.js';
import { bestExemptingCertificate, ecmStatusOn, exemptsOn } from '../store/validity.js';
import { customerFromPath, linkedCustomers } from './shared.js';

function statusReply(rt: Runtime, status: string, certificate: CertificateRecord | null): Reply {
  const answer: ExemptionStatusModel = {
    status,
    certificate: certificate && certificateModel(certificate, modelContext(rt), new Set(['customers']), linkedCustomers(rt, certificate)),
  };
  return json(200, answer);
}

function listActive(req: ApiRequest, rt: Runtime): Reply {
  const customer = customerFromPath(req, rt);
  const best = bestExemptingCertificate(rt.store.certificatesOf(customer.customerCode), modelContext(rt).today);
  return statusReply(rt, best ? 'Exempt' : 'NotExempt', best);
}

function listInactive(req: ApiRequest, rt: Runtime): Reply {
  const customer = customerFromPath(req, rt);
  const today = modelContext(rt).today;
  let latest: CertificateRecord | null = null;
  for (const certificate of rt.store.certificatesOf(customer.customerCode)) {
    if (exemptsOn(certificate, today)) continue;
    if (!latest || certificate.signedDate > latest.signedDate || (certificate.signedDate === latest.signedDate && certificate.id > latest.id)) {
      latest = certificate;
    }
  }
  return statusReply(rt, latest ? ecmStatusOn(latest, today) : 'None', latest);
}

export function registerActiveCertificateRoutes(router: Router<ApiRoute>): void {
  const base = '/api/v2/companies/:companyId/customers/:customerCode/certificates';
  router
    .add('GET', `${base}/active`, { handler: listActive, needsProvisioning: true })
    .add('GET', `${base}/inactive`, { handler: listInactive, needsProvisioning: true });
}
