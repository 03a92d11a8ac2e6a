import type { Logger } from './logging.js';
import type { AvaTaxGateway } from './avatax/client.js';
import type { AttachmentClient } from './avatax/attachments.js';
import type { TokenClaims } from './auth/token.js';
import type { ResolvedConfig } from './config.js';
import type { Definitions } from './domain/definitions.js';
import type { InvitationService } from './domain/invitations.js';
import type { StatusService } from './domain/status.js';
import type { CustomerRecords } from './domain/customers.js';
import type { CertificateUploads } from './domain/uploads.js';
import type { CertStore } from './store/store.js';

/** Everything the routes share, built once per server. */
export interface Services {
  config: ResolvedConfig;
  logger: Logger;
  gateway: AvaTaxGateway;
  attachments: AttachmentClient;
  definitions: Definitions;
  status: StatusService;
  invitations: InvitationService;
  customers: CustomerRecords;
  uploads: CertificateUploads;
  store: CertStore;
}

/** Hono environment of the companion's app. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** Set by the bearer middleware on authenticated routes. */
    auth: TokenClaims;
  };
}
