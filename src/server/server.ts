import type { TokenResponse } from '../client/contract.js';
import { bodyWasRead, refuseReadBody } from './adapters/body-read.js';
import { createApp } from './app.js';
import { AttachmentClient } from './avatax/attachments.js';
import { createAvaTaxGateway } from './avatax/client.js';
import { issueToken, type TokenClaimsInput } from './auth/token.js';
import { resolveConfig, type CertServerConfig } from './config.js';
import type { Services } from './context.js';
import { CustomerRecords } from './domain/customers.js';
import { Definitions } from './domain/definitions.js';
import { InvitationService } from './domain/invitations.js';
import { StatusService } from './domain/status.js';
import { CertificateUploads } from './domain/uploads.js';
import { createLogger } from './logging.js';
import { memoryStore } from './store/memory.js';

/** The companion: a fetch handler plus a way for Node hosts to mint tokens themselves. */
export interface CertServer {
  /** Answers every route under `basePath`; mount it in any framework that speaks `Request`/`Response`. */
  fetch(request: Request): Promise<Response>;
  /** Mints a token with the server's secret (for hosts with their own token route). */
  issueToken(claims: Omit<TokenClaimsInput, 'now'>): Promise<TokenResponse>;
}

/**
 * Builds the companion from its configuration. Throws `CertServerConfigError` (one line per
 * problem, no secret values) when the configuration is invalid.
 */
export function createCertServer(input: CertServerConfig): CertServer {
  const config = resolveConfig(input);
  const logger = createLogger(config.logger);
  const { accountId, licenseKey, environment, timeoutMs } = config.avatax;
  const gateway = createAvaTaxGateway({ accountId, licenseKey, environment, timeoutMs, concurrency: config.upstreamConcurrency });
  const store = config.store ?? memoryStore({ now: () => config.now().getTime() });
  const definitions = new Definitions(gateway, () => config.now().getTime());
  const status = new StatusService({
    gateway,
    definitions,
    store,
    logger,
    now: config.now,
    cacheSeconds: config.statusCacheSeconds,
    freshReadsPerMinute: config.freshReadsPerMinute,
    reuseDays: config.invitationReuseDays,
  });
  const customers = new CustomerRecords(gateway);
  const attachments = new AttachmentClient({ accountId, licenseKey, environment, timeoutMs });
  const invitations = new InvitationService({
    gateway,
    definitions,
    customers,
    status,
    logger,
    now: config.now,
    reuseDays: config.invitationReuseDays,
    ratePerHour: config.inviteRateLimit,
    store,
    timeoutMs,
  });
  const services: Services = {
    config,
    logger,
    gateway,
    attachments,
    definitions,
    status,
    invitations,
    customers,
    uploads: new CertificateUploads({ gateway, attachments, status, logger, now: config.now }),
    store,
  };
  const app = createApp(services);

  return {
    // A body the host already consumed would read as empty: refused, never taken for `{}`.
    fetch: async (request) => (request.method !== 'GET' && request.method !== 'HEAD' && bodyWasRead(request) ? refuseReadBody(request, logger) : app.fetch(request)),
    issueToken: async (claims) => {
      const { token, expiresAt } = await issueToken(config.secret, {
        ttlSeconds: config.tokenTtlSeconds,
        ...claims,
        now: config.now(),
      });
      const answer: TokenResponse = { token, expiresAt: expiresAt.toISOString(), customerCode: claims.customerCode };
      if (config.apiBase) answer.apiBase = config.apiBase;
      return answer;
    },
  };
}
