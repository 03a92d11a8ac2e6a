/** Ping (answers with or without credentials) and the certificate-service setup of the company. */
import type { PingResultModel } from '../../avatax/models.js';
import type { ApiRequest, ApiRoute } from '../api.js';
import type { Router } from '../http/router.js';
import { json, type Reply } from '../http/types.js';
import { write, type Runtime } from '../runtime.js';

/** API version the sandbox reports; it tracks the SDK release it was checked against. */
export const SANDBOX_API_VERSION = '26.9.0';

const numeric = (value: string) => (/^\d{1,15}$/.test(value) ? Number(value) : 0);

function ping(req: ApiRequest, rt: Runtime): Reply {
  const principal = req.principal;
  const answer: PingResultModel = {
    version: SANDBOX_API_VERSION,
    authenticated: principal !== null,
    authenticationType: principal?.type ?? 'None',
    ...(principal
      ? {
          authenticatedUserName: principal.userName,
          authenticatedUserId: 1,
          authenticatedAccountId: numeric(rt.credentials.accountId),
          authenticatedCompanyId: rt.companyId,
        }
      : {}),
  };
  return json(200, answer);
}

function setupStatus(rt: Runtime): Reply {
  return json(200, {
    status: rt.store.provisionStatus(Date.now()),
    accountId: numeric(rt.credentials.accountId),
    companyId: rt.companyId,
  });
}

async function requestSetup(_req: ApiRequest, rt: Runtime): Promise<Reply> {
  await write(rt, () => {
    if (rt.store.provisionStatus(Date.now()) === 'NotProvisioned') rt.store.requestProvisioning(Date.now() + rt.inviteDelayMs);
  });
  return setupStatus(rt);
}

export function registerUtilityRoutes(router: Router<ApiRoute>): void {
  router
    .add('GET', '/api/v2/utilities/ping', { handler: ping, anonymous: true })
    .add('GET', '/api/v2/companies/:companyId/certificates/setup', { handler: (_req, rt) => setupStatus(rt) })
    .add('POST', '/api/v2/companies/:companyId/certificates/setup', { handler: requestSetup });
}
