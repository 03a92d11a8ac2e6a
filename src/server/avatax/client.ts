import avatax from 'avatax';
import type {
  AvaCertificate,
  AvaCoverLetter,
  AvaCreateInvitation,
  AvaCustomer,
  AvaExemptionReason,
  AvaExposureZone,
  AvaFetchResult,
  AvaInvitation,
  AvaInvitationStatus,
  AvaPingResult,
} from './models.js';
import { ApiError } from '../errors.js';
import { CLIENT_HEADER, avataxBaseUrl, basicAuth } from './environment.js';
import { keepAliveReader } from './keepalive-reader.js';
import { recordUpstreamCall } from './metrics.js';
import { isTransient, mapUpstreamError } from './upstream-errors.js';
import { Slots } from '../slots.js';
import { VERSION } from '../version.js';

type ListArgs = { filter?: string; top?: number; skip?: number; orderBy?: string; include?: string };

/**
 * The SDK methods the companion uses, typed with our wire models. The SDK's own model classes
 * number the enums and mark optional fields required, which does not match the raw JSON it
 * returns with `enableStrictTypeConversion: false`.
 */
interface SdkSubset {
  ping(): Promise<AvaPingResult>;
  getCustomer(a: { companyId: number; customerCode: string; include?: string }): Promise<AvaCustomer>;
  queryCustomers(a: { companyId: number } & ListArgs): Promise<AvaFetchResult<AvaCustomer>>;
  createCustomers(a: { companyId: number; model: AvaCustomer[] }): Promise<AvaCustomer[]>;
  listCertificatesForCustomer(a: { companyId: number; customerCode: string } & ListArgs): Promise<AvaFetchResult<AvaCertificate>>;
  getCertificate(a: { companyId: number; id: number; include?: string }): Promise<AvaCertificate>;
  createCertificates(a: { companyId: number; model: AvaCertificate[] }): Promise<AvaCertificate[]>;
  deleteCertificate(a: { companyId: number; id: number }): Promise<unknown>;
  createCertExpressInvitation(a: { companyId: number; customerCode: string; model: AvaCreateInvitation[] }): Promise<AvaInvitationStatus[]>;
  getCertExpressInvitation(a: { companyId: number; customerCode: string; id: number }): Promise<AvaInvitation>;
  listCertExpressInvitations(a: { companyId: number } & ListArgs): Promise<AvaFetchResult<AvaInvitation>>;
  listCoverLetters(a: ListArgs): Promise<AvaFetchResult<AvaCoverLetter>>;
  listCertificateExposureZones(a: ListArgs): Promise<AvaFetchResult<AvaExposureZone>>;
  listCertificateExemptReasons(a: ListArgs): Promise<AvaFetchResult<AvaExemptionReason>>;
}

// Typing workaround (reference §10.7): under NodeNext the default import types as the module
// namespace although at runtime it is the client class.
type AvaTaxClientClass = typeof avatax.default;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const AvaTaxClient: AvaTaxClientClass = ((avatax as any).default ?? avatax) as AvaTaxClientClass;

/** Settings of {@link createAvaTaxGateway}. */
export interface GatewayOptions {
  accountId: string;
  licenseKey: string;
  environment: string;
  timeoutMs: number;
  /** Base of the jittered backoff before the single retry of a read, in ms. */
  retryDelayMs?: number;
  /** Calls in flight towards AvaTax at most; more wait (within their timeout) for a turn. */
  concurrency: number;
}

/** AvaTax calls as the companion needs them; every failure is an `ApiError`. */
export type AvaTaxGateway = ReturnType<typeof createAvaTaxGateway>;

/** A path parameter for the SDK, which inserts them unencoded (reference §10.3). */
const pathParam = (value: string): string => encodeURIComponent(value);

/** Largest page the API serves; the companion reads one page of each list. */
const PAGE = 1000;

/**
 * Wraps the official `avatax` SDK: one client per gateway with the per-call timeout,
 * customer codes pre-encoded, one retry with jittered backoff for idempotent reads on
 * timeouts/network/5xx, metrics per request, and errors mapped to `ApiError`.
 */
export function createAvaTaxGateway(options: GatewayOptions) {
  const sdk = makeSdk(options, options.timeoutMs);
  const turns = new Slots(options.concurrency);
  // The status read, on every verdict, skips the SDK where Node's keep-alive client is there.
  const reader = keepAliveReader(avataxBaseUrl(options.environment), {
    authorization: basicAuth(options.accountId, options.licenseKey),
    'x-avalara-client': CLIENT_HEADER,
  }).catch(() => undefined);
  const retryDelayMs = options.retryDelayMs ?? 150;

  /**
   * One call with an overall deadline. The SDK's own timeout stops once the response headers
   * arrive, so a reply whose body stalls would otherwise hang the call (and every caller
   * sharing it through a cache) for good.
   */
  async function once<T>(fn: () => Promise<T>, deadlineMs = options.timeoutMs): Promise<T> {
    // Waiting for a turn counts against the deadline: the caller's bound stays the same.
    const asked = performance.now();
    const release = await turns.acquire(deadlineMs);
    if (!release) throw new Error('timeout');
    const started = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), deadlineMs - (started - asked));
    });
    try {
      return await Promise.race([fn(), deadline]);
    } finally {
      release();
      clearTimeout(timer);
      recordUpstreamCall(performance.now() - started);
    }
  }

  /** An idempotent read: retried once when the failure is transient. */
  async function read<T>(fn: (client: SdkSubset) => Promise<T>): Promise<T> {
    try {
      return await once(() => fn(sdk));
    } catch (first) {
      if (!isTransient(first)) throw mapUpstreamError(first);
      await sleep(retryDelayMs / 2 + Math.random() * retryDelayMs);
      try {
        return await once(() => fn(sdk));
      } catch (second) {
        throw mapUpstreamError(second);
      }
    }
  }

  /** A write: never retried, because AvaTax creates are not idempotent. */
  async function write<T>(fn: (client: SdkSubset) => Promise<T>): Promise<T> {
    try {
      return await once(() => fn(sdk));
    } catch (error) {
      throw mapUpstreamError(error);
    }
  }

  /** A read where "not found" is an answer, not an error. */
  async function readOrNull<T>(fn: (client: SdkSubset) => Promise<T>): Promise<T | null> {
    try {
      return await read(fn);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not_found') return null;
      throw error;
    }
  }

  return {
    getCustomer: (companyId: number, customerCode: string) =>
      readOrNull((c) => c.getCustomer({ companyId, customerCode: pathParam(customerCode) })),
    queryCustomers: (companyId: number, filter: string, top: number) =>
      read((c) => c.queryCustomers({ companyId, filter, top, orderBy: 'customerCode ASC' })),
    createCustomer: async (companyId: number, model: AvaCustomer): Promise<AvaCustomer> =>
      first(await write((c) => c.createCustomers({ companyId, model: [model] }))),
    /** Null when AvaTax does not know the customer. */
    listCertificatesForCustomer: async (companyId: number, customerCode: string): Promise<AvaCertificate[] | null> => {
      const http = await reader;
      const page = await readOrNull((c) =>
        http
          ? http<AvaFetchResult<AvaCertificate>>(`/api/v2/companies/${companyId}/customers/${pathParam(customerCode)}/certificates?%24top=${PAGE}`, options.timeoutMs)
          : c.listCertificatesForCustomer({ companyId, customerCode: pathParam(customerCode), top: PAGE }),
      );
      return page ? (page.value ?? []) : null;
    },
    getCertificateWithCustomers: (companyId: number, id: number) =>
      readOrNull((c) => c.getCertificate({ companyId, id, include: 'customers' })),
    createCertificate: async (companyId: number, model: AvaCertificate): Promise<AvaCertificate> =>
      first(await write((c) => c.createCertificates({ companyId, model: [model] }))),
    deleteCertificate: (companyId: number, id: number) => write((c) => c.deleteCertificate({ companyId, id })),
    createInvitation: async (companyId: number, customerCode: string, model: AvaCreateInvitation): Promise<AvaInvitationStatus> =>
      first(await write((c) => c.createCertExpressInvitation({ companyId, customerCode: pathParam(customerCode), model: [model] }))),
    getInvitation: (companyId: number, customerCode: string, id: number) =>
      readOrNull((c) => c.getCertExpressInvitation({ companyId, customerCode: pathParam(customerCode), id })),
    listInvitations: async (companyId: number, filter: string): Promise<AvaInvitation[]> =>
      (await read((c) => c.listCertExpressInvitations({ companyId, filter, top: PAGE }))).value ?? [],
    listCoverLetters: async (): Promise<AvaCoverLetter[]> => (await read((c) => c.listCoverLetters({ top: PAGE }))).value ?? [],
    listExposureZones: async (): Promise<AvaExposureZone[]> =>
      (await read((c) => c.listCertificateExposureZones({ top: PAGE }))).value ?? [],
    listExemptReasons: async (): Promise<AvaExemptionReason[]> =>
      (await read((c) => c.listCertificateExemptReasons({ top: PAGE }))).value ?? [],
    /** Pings with its own short timeout and no retry; resolves even when AvaTax is down. */
    ping: async (timeoutMs: number): Promise<AvaPingResult | null> => {
      try {
        return await once(() => makeSdk(options, timeoutMs).ping(), timeoutMs);
      } catch {
        return null;
      }
    },
  };
}

function makeSdk(options: GatewayOptions, timeout: number): SdkSubset {
  const client = new AvaTaxClient({
    appName: 'cert-elements',
    appVersion: VERSION,
    machineName: machineName(),
    environment: options.environment,
    timeout,
  }).withSecurity({ accountId: options.accountId, licenseKey: options.licenseKey });
  return client as unknown as SdkSubset;
}

/**
 * The machine name in the SDK's `X-Avalara-Client` header, for Avalara's support: the host name
 * containers and platforms put in `HOSTNAME`, else a fixed name. Read from the environment, not
 * `node:os`, so the companion runs in Web-standard runtimes too.
 */
function machineName(): string {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return (env?.['HOSTNAME'] || 'cert-elements').replace(/[;\s]/g, '').slice(0, 64) || 'cert-elements';
}

/** The single item of a create answer (creates take and return arrays). */
function first<T>(items: T[] | null | undefined): T {
  const item = Array.isArray(items) ? items[0] : undefined;
  if (item === undefined) throw new ApiError('upstream_error', 'The certificate service gave an unexpected answer.');
  return item;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

