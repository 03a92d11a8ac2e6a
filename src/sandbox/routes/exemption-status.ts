/**
 * ListValidCertificatesForCustomer — the status lookup every element runs. It reads the
 * customer's own certificates only, so its cost does not grow with the number of customers.
 */
import type { ExemptionStatusModel } from '../../avatax/models.js';
import type { ApiRequest, ApiRoute } from '../api.js';
import type { Router } from '../http/router.js';
import { json, type Reply } from '../http/types.js';
import { certificateModel } from '../model-builders.js';
import { modelContext, type Runtime } from '../runtime.js';
import { bestExemptingCertificate } from '../store/validity.js';
import { customerFromPath, linkedCustomers } from './shared.js';

function listValidCertificates(req: ApiRequest, rt: Runtime): Reply {
  const customer = customerFromPath(req, rt);
  const zone = rt.catalogue.zoneByRegion(req.params.country ?? '', req.params.region ?? '');
  const ctx = modelContext(rt);
  // An unknown zone cannot hold a certificate: the answer is simply NotExempt.
  const best = zone ? bestExemptingCertificate(rt.store.certificatesOfInZone(customer.customerCode, zone.id), ctx.today) : null;
  const answer: ExemptionStatusModel = best
    ? { status: 'Exempt', certificate: certificateModel(best, ctx, new Set(['customers']), linkedCustomers(rt, best)) }
    : { status: 'NotExempt', certificate: null };
  return json(200, answer);
}

export function registerExemptionStatusRoutes(router: Router<ApiRoute>): void {
  router.add('GET', '/api/v2/companies/:companyId/customers/:customerCode/certificates/:country/:region', {
    handler: listValidCertificates,
    needsProvisioning: true,
  });
}
