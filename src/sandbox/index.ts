/**
 * `cert-elements/sandbox`: a local emulator of the AvaTax REST v2 endpoints cert-elements
 * uses (customers, certificates, exemption status, CertExpress invitations, definitions),
 * plus a CertExpress upload page and loopback control routes. Point the official `avatax`
 * SDK at `sandbox.url` (its `environment` option) and it behaves as against AvaTax.
 */
import { randomBytes } from 'node:crypto';
import { createApiDispatcher, type ApiRoute } from './api.js';
import { handleCertExpress } from './certexpress/handler.js';
import { handleControl } from './control.js';
import { buildCatalogue } from './definitions/catalogue.js';
import { errorEnvelope } from './errors.js';
import { FaultController, type FaultOptions } from './faults.js';
import { addGeneratedCustomers } from './generate.js';
import { Router } from './http/router.js';
import { listenHttp } from './http/server.js';
import { json, type Reply, type RequestInfo } from './http/types.js';
import { checkOptions, DEFAULTS, type SandboxOptions } from './options.js';
import { ProcessMonitor } from './process-stats.js';
import { MEMORY_ONLY, openDataFile, type Persistence } from './persistence/data-file.js';
import { registerActiveCertificateRoutes } from './routes/active-certificates.js';
import { registerAttachmentRoutes } from './routes/attachments.js';
import { registerCertificateAttributeRoutes } from './routes/certificate-attributes.js';
import { registerCertificateRoutes } from './routes/certificates.js';
import { registerCustomerRoutes } from './routes/customers.js';
import { registerDefinitionRoutes } from './routes/definitions.js';
import { registerExemptionStatusRoutes } from './routes/exemption-status.js';
import { registerInvitationRoutes } from './routes/invitations.js';
import { registerTransactionRoutes } from './routes/transactions.js';
import { registerUtilityRoutes } from './routes/utilities.js';
import type { Runtime, SandboxCredentials } from './runtime.js';
import { seedState } from './seed.js';
import { Store } from './store/store.js';
import type { SandboxState } from './store/types.js';
import type { Catalogue } from './definitions/catalogue.js';
import { utcDay } from './util/dates.js';

export type { FaultOptions } from './faults.js';
export type { OutboxMessage } from './control.js';
export type { SandboxOptions } from './options.js';
export type { SandboxCredentials } from './runtime.js';
export { DEFAULTS as SANDBOX_DEFAULTS } from './options.js';
export { DataFileError } from './persistence/data-file-error.js';

/** A running sandbox. */
export interface Sandbox {
  /** e.g. 'http://127.0.0.1:41234' (no trailing slash): the SDK's `environment`. */
  url: string;
  port: number;
  companyId: number;
  credentials: SandboxCredentials;
  /** Replaces the active faults. */
  setFaults(faults: FaultOptions): void;
  clearFaults(): void;
  /** Stops listening, ends every open request (hung ones included), waits for pending journal writes and abandons a snapshot in progress. */
  close(): Promise<void>;
}

function buildRouter(): Router<ApiRoute> {
  const router = new Router<ApiRoute>();
  registerUtilityRoutes(router);
  registerDefinitionRoutes(router);
  registerCustomerRoutes(router);
  registerExemptionStatusRoutes(router);
  registerCertificateRoutes(router);
  registerActiveCertificateRoutes(router);
  registerAttachmentRoutes(router);
  registerCertificateAttributeRoutes(router);
  registerInvitationRoutes(router);
  registerTransactionRoutes(router);
  return router;
}

/** The data a new sandbox (or a new data file) starts with. */
function freshState(options: SandboxOptions, catalogue: Catalogue, now: Date): SandboxState {
  const state = seedState(catalogue, utcDay(now), now.toISOString());
  if (options.provisioned === false) state.provision = { status: 'NotProvisioned', readyAtMs: null };
  if (options.customers) addGeneratedCustomers(state, catalogue, options.customers, options.seed ?? DEFAULTS.seed, now.toISOString());
  return state;
}

/** The store, loaded from the data file (or seeded), and what keeps it durable. */
async function openState(options: SandboxOptions, catalogue: Catalogue, now: Date, faults: FaultController): Promise<{ store: Store; persistence: Persistence }> {
  if (!options.dataFile) return { store: Store.fromState(freshState(options, catalogue, now)), persistence: MEMORY_ONLY };
  const opened = await openDataFile(options.dataFile, {
    seed: () => freshState(options, catalogue, now),
    compactAfterBytes: options.compactAfterBytes ?? DEFAULTS.compactAfterBytes,
    injectFailure: () => faults.takeWriteFailure(),
    log: (line) => (options.logger ?? console.warn)(line),
  });
  for (const c of opened.store.allCertificates()) {
    if (!catalogue.zoneById(c.exposureZoneId) || !catalogue.reasonById(c.exemptionReasonId)) {
      await opened.persistence.close();
      throw new Error(`Sandbox data file ${options.dataFile}: certificate ${c.id} refers to an unknown zone or reason.`);
    }
  }
  return opened;
}

function index(rt: Runtime): Reply {
  return json(200, {
    name: 'cert-elements AvaTax sandbox',
    api: `${rt.baseUrl}/api/v2`,
    companyId: rt.companyId,
    ping: `${rt.baseUrl}/api/v2/utilities/ping`,
    control: ['/_sandbox/faults', '/_sandbox/outbox', '/_sandbox/stats'].map((p) => rt.baseUrl + p),
  });
}

/** Starts a sandbox; resolves once it listens. Rejects on bad options or an unusable data file. */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  checkOptions(options);
  const now = options.now ?? (() => new Date());
  const companyId = options.companyId ?? DEFAULTS.companyId;
  const catalogue = buildCatalogue(companyId);
  const faults = new FaultController(options.seed ?? DEFAULTS.seed, options.faults ?? {});
  const { store, persistence } = await openState(options, catalogue, now(), faults);

  const rt: Runtime = {
    companyId,
    credentials: {
      accountId: options.accountId ?? DEFAULTS.accountId,
      licenseKey: options.licenseKey ?? DEFAULTS.licenseKey,
      username: options.username ?? DEFAULTS.username,
      password: options.password ?? DEFAULTS.password,
    },
    catalogue,
    store,
    faults,
    inviteDelayMs: options.inviteDelayMs ?? DEFAULTS.inviteDelayMs,
    now,
    baseUrl: '',
    csrfSecret: randomBytes(32),
    persistence,
    stats: new Map(),
    monitor: new ProcessMonitor(),
  };
  const api = createApiDispatcher(rt, buildRouter());

  const dispatch = async (req: RequestInfo) => {
    if (req.path.startsWith('/api/')) return api(req);
    if (req.path.startsWith('/_sandbox/')) return handleControl(req, rt);
    const page = /^\/certexpress\/([A-Za-z0-9_-]{16,64})\/?$/.exec(req.path);
    if (page) return handleCertExpress(req, rt, page[1] as string);
    if (req.path.startsWith('/certexpress/')) return handleCertExpress(req, rt, '');
    if (req.path === '/' && req.method === 'GET') return index(rt);
    return json(404, errorEnvelope('EntityNotFoundError', `Nothing is served at ${req.path}.`, { target: 'HttpRequest' }));
  };

  let http: Awaited<ReturnType<typeof listenHttp>>;
  try {
    http = await listenHttp({
      host: options.host ?? DEFAULTS.host,
      port: options.port ?? 0,
      dispatch,
      onError: (error) => {
        options.logger?.(`sandbox error: ${error instanceof Error ? error.message : String(error)}`);
        return json(500, errorEnvelope('UnhandledException', 'An unexpected error occurred in the sandbox.'));
      },
      ...(options.logger ? { log: options.logger } : {}),
    });
  } catch (error) {
    rt.monitor.stop();
    await persistence.close();
    throw error;
  }
  rt.baseUrl = http.url;

  return {
    url: http.url,
    port: http.port,
    companyId,
    credentials: { ...rt.credentials },
    setFaults: (faults) => rt.faults.set(faults),
    clearFaults: () => rt.faults.clear(),
    close: async () => {
      rt.monitor.stop();
      await http.close();
      await persistence.close();
    },
  };
}
