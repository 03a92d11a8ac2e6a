import type { Logger } from '../logging.js';
import type { CertificateOnFile, StatusList, StatusVerdict } from '../../client/contract.js';
import type { AvaTaxGateway } from '../avatax/client.js';
import type { AvaCertificate } from '../avatax/models.js';
import type { CertStore } from '../store/store.js';
import type { Acceptable } from './customer-cache.js';
import type { Definitions, KnownZone } from './definitions.js';
import { CustomerData, type Invitations, type OnFile, type ReadOptions } from './on-file.js';
import { openRequest } from './open-requests.js';
import { COVERED, certificateState, decideVerdict, toSummary, utcDay } from './verdict.js';

export type { ReadOptions } from './on-file.js';

/** Options of a verdict read. */
export interface VerdictOptions extends ReadOptions {
  /**
   * Also say whether the customer was asked for a certificate of an uncovered zone and has not
   * answered yet (the invitations are read alongside the certificates, no extra round trip).
   */
  requests?: boolean;
  /** Show the request's recipient whole (staff) instead of masked (the customer's own token). */
  staff?: boolean;
}

/** One zone of one customer, as a batch asks for it. */
export interface ZoneAsk {
  customerCode: string;
  country: string;
  region: string;
}

const UNCOVERED_WITH_REQUESTS: ReadonlySet<string> = new Set(['missing', 'expired', 'invalid']);

/**
 * Status lookups: one zone's verdict, many zones of many customers, or every certificate on
 * file. All of them read one AvaTax answer per customer (ListCertificatesForCustomer, and
 * ListCertExpressInvitations when open requests are asked for), shared by every zone and kept
 * in the store for `statusCacheSeconds` (see {@link CustomerData}).
 */
export class StatusService {
  readonly #definitions: Definitions;
  readonly #data: CustomerData;
  readonly #now: () => Date;
  readonly #reuseMs: number;

  constructor(deps: {
    gateway: AvaTaxGateway;
    definitions: Definitions;
    store: CertStore;
    logger: Logger;
    now: () => Date;
    cacheSeconds: number;
    freshReadsPerMinute: number;
    /** Invitations this recent may still be answered (`invitationReuseDays`). */
    reuseDays: number;
  }) {
    this.#definitions = deps.definitions;
    this.#now = deps.now;
    this.#reuseMs = deps.reuseDays * 24 * 60 * 60 * 1000;
    this.#data = new CustomerData(deps);
  }

  /** The verdict for one zone; 400 when AvaTax has no exposure zone for it. */
  async verdict(companyId: number, customerCode: string, country: string, region: string, options: VerdictOptions = {}): Promise<StatusVerdict> {
    const zone = await this.#definitions.zone(country, region);
    const accept = this.#data.accept(companyId, customerCode, options);
    const [onFile, invitations] = await this.#read(companyId, customerCode, accept, options.requests === true);
    return this.#fromData(companyId, customerCode, zone, onFile, invitations, options);
  }

  /**
   * Verdicts for many zones of many customers, in the order asked: one AvaTax answer per
   * distinct customer, at most `concurrency` of them at a time. A failure is given per item.
   */
  async verdicts(
    companyId: number,
    asks: readonly ZoneAsk[],
    options: VerdictOptions & { concurrency: number },
  ): Promise<Array<{ ok: true; verdict: StatusVerdict } | { ok: false; error: unknown }>> {
    const zones = await Promise.all(asks.map((a) => this.#definitions.zone(a.country, a.region).catch(() => undefined)));
    // Only customers with a zone AvaTax knows are looked up; the rest fail on their own below.
    const customers = [...new Set(asks.filter((_, i) => zones[i]).map((a) => a.customerCode))];
    const data = new Map<string, Promise<[OnFile, Invitations | undefined]>>();
    await runPool(customers, options.concurrency, async (code) => {
      const read = this.#read(companyId, code, this.#data.accept(companyId, code, options), options.requests === true);
      data.set(code, read);
      await read.catch(() => undefined);
    });
    return Promise.all(
      asks.map(async (ask, i) => {
        try {
          const zone = zones[i] ?? (await this.#definitions.zone(ask.country, ask.region));
          const [onFile, invitations] = await data.get(ask.customerCode)!;
          return { ok: true as const, verdict: await this.#fromData(companyId, ask.customerCode, zone, onFile, invitations, options) };
        } catch (error) {
          return { ok: false as const, error };
        }
      }),
    );
  }

  /** Every certificate on file for the customer (of one country, when given), each with its zone and state. */
  async list(companyId: number, customerCode: string, country: string | undefined, options: ReadOptions = {}): Promise<StatusList> {
    const onFile = await this.#data.certificates(companyId, customerCode, this.#data.accept(companyId, customerCode, options));
    const today = utcDay(this.#now());
    const entries: CertificateOnFile[] = [];
    for (const cert of onFile.certificates ?? []) {
      const zone = await this.#zoneOf(cert);
      if (!zone || (country && zone.country !== country)) continue;
      entries.push({ zone, status: certificateState(cert, today), certificate: toSummary(cert, zone.name) });
    }
    entries.sort((a, b) => a.zone.name.localeCompare(b.zone.name) || b.certificate.signedDate.localeCompare(a.certificate.signedDate));
    const list: StatusList = { customerCode, certificates: entries, checkedAt: new Date(onFile.fetchedAt).toISOString() };
    if (country) list.country = country;
    return list;
  }

  /** The customer's data changed: every instance reads AvaTax again on its next ask. */
  invalidate(companyId: number, customerCode: string): Promise<void> {
    return this.#data.invalidate(companyId, customerCode);
  }

  /**
   * A certificate that must not count (its document could not be attached, and it could not be
   * removed either): never reported as valid, on any instance, until it is gone.
   */
  quarantine(companyId: number, customerCode: string, certificateId: number): Promise<void> {
    return this.#data.quarantine(companyId, customerCode, certificateId);
  }

  /** The certificates and, when asked, the invitations of a customer: read side by side. */
  #read(companyId: number, customerCode: string, accept: Acceptable, requests: boolean): Promise<[OnFile, Invitations | undefined]> {
    return Promise.all([
      this.#data.certificates(companyId, customerCode, accept),
      requests ? this.#data.invitations(companyId, customerCode, accept) : undefined,
    ]);
  }

  async #fromData(
    companyId: number,
    customerCode: string,
    zone: KnownZone,
    onFile: OnFile,
    invitations: Invitations | undefined,
    options: VerdictOptions,
  ): Promise<StatusVerdict> {
    let verdict = this.#decide(customerCode, zone, onFile);
    // An answer that no certificate covers is the one most likely to change (a buyer is
    // signing right now): it is served from the cache for a shorter time than a covered one.
    if (!COVERED.has(verdict.status) && this.#data.tooOldForUncovered(onFile)) {
      const now = this.#data.readNow();
      [onFile, invitations] = await this.#read(companyId, customerCode, now, invitations !== undefined);
      verdict = this.#decide(customerCode, zone, onFile);
    }
    if (invitations && UNCOVERED_WITH_REQUESTS.has(verdict.status)) {
      verdict.request = openRequest(invitations.invitations, onFile.certificates, zone, this.#now().getTime() - this.#reuseMs, { mask: !options.staff });
    }
    return verdict;
  }

  #decide(customerCode: string, zone: KnownZone, onFile: OnFile): StatusVerdict {
    const { status, certificate } = decideVerdict(onFile.certificates, zone, utcDay(this.#now()));
    return {
      customerCode,
      zone: { country: zone.country, region: zone.region, name: zone.name },
      status,
      certificate: certificate ? toSummary(certificate, zone.name) : null,
      checkedAt: new Date(onFile.fetchedAt).toISOString(),
    };
  }

  async #zoneOf(cert: AvaCertificate): Promise<{ country: string; region: string; name: string } | undefined> {
    const ez = cert.exposureZone;
    if (!ez?.name) return undefined;
    if (ez.country && ez.region) return { country: ez.country, region: ez.region, name: ez.name };
    const known = await this.#definitions.zoneByName(ez.name);
    return known ? { country: known.country, region: known.region, name: known.name } : undefined;
  }
}

/** Runs `task` over `items` with at most `limit` running at once. */
export async function runPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
}
