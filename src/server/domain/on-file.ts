import type { Logger } from '../logging.js';
import type { AvaTaxGateway } from '../avatax/client.js';
import type { AvaCertificate, AvaInvitation } from '../avatax/models.js';
import type { CertStore } from '../store/store.js';
import { filterString } from './customers.js';
import { CustomerCache, type Acceptable, type Fetched } from './customer-cache.js';

/** One customer's certificates as AvaTax listed them, and when AvaTax was asked. */
export interface OnFile extends Fetched {
  /** Null when AvaTax does not know the customer. */
  certificates: AvaCertificate[] | null;
}

/** One customer's CertExpress invitations as AvaTax listed them. */
export interface Invitations extends Fetched {
  invitations: AvaInvitation[];
}

/** How a read may use the cache. */
export interface ReadOptions {
  /**
   * A person caused this read (returned to the tab, pressed "Try again", uploaded…): read AvaTax
   * now, within the customer's fresh-read budget.
   */
  fresh?: boolean;
  /** How long before this request the person acted, in ms (header `Recheck-Age`): answers since then will do. */
  actedMsAgo?: number;
}

/** A verdict no certificate covers is served from the cache at most this long (or `statusCacheSeconds`, if shorter). */
export const UNCOVERED_MAX_AGE_MS = 10_000;
/** How long a certificate that must not count is remembered. */
const QUARANTINE_MS = 30 * 24 * 60 * 60 * 1000;
const FRESH_WINDOW_MS = 60_000;
/**
 * How long ago a person acted, as the client says, counts up to this much: the elements of one
 * page re-check in the same moment and so share one AvaTax read begun after the action.
 */
const MAX_ACTED_MS_AGO = 5_000;
/** Largest page the API serves; one page of a customer's invitations is read. */
const PAGE = 1000;

/**
 * What the verdicts read about one customer, cached in the shared store: their certificates
 * (ListCertificatesForCustomer) and, when a page shows open requests, their invitations
 * (ListCertExpressInvitations). A write for the customer invalidates both on every instance.
 *
 * A person's re-check (`fresh`) reads AvaTax now while the customer's fresh-read budget lasts
 * (`freshReadsPerMinute`, counted across instances, one per request whatever it reads); past it,
 * the cache answers.
 */
export class CustomerData {
  readonly #gateway: AvaTaxGateway;
  readonly #store: CertStore;
  readonly #logger: Logger;
  readonly #now: () => Date;
  readonly #ttlMs: number;
  readonly #freshPerMinute: number;
  readonly #certificates: CustomerCache<OnFile>;
  readonly #invitations: CustomerCache<Invitations>;
  /** This process's own record of quarantined certificates, for when the store is away. */
  readonly #quarantined = new Map<string, Set<number>>();

  constructor(deps: {
    gateway: AvaTaxGateway;
    store: CertStore;
    logger: Logger;
    now: () => Date;
    cacheSeconds: number;
    freshReadsPerMinute: number;
  }) {
    this.#gateway = deps.gateway;
    this.#store = deps.store;
    this.#logger = deps.logger;
    this.#now = deps.now;
    this.#ttlMs = deps.cacheSeconds * 1000;
    this.#freshPerMinute = deps.freshReadsPerMinute;
    const cache = { store: deps.store, now: () => deps.now().getTime(), ttlMs: this.#ttlMs };
    this.#certificates = new CustomerCache<OnFile>('certificates', cache);
    this.#invitations = new CustomerCache<Invitations>('invitations', cache);
  }

  /**
   * What the reads of one request accept. A person's re-check accepts only answers AvaTax gave
   * after they acted (the client says how long ago, at most 5 s counted), and a new read for it
   * costs one of the customer's fresh reads, once per request; everything else takes the cache.
   */
  accept(companyId: number, customerCode: string, options: ReadOptions): Acceptable {
    if (!options.fresh) return { after: Number.NEGATIVE_INFINITY };
    const acted = this.#now().getTime() - Math.min(Math.max(options.actedMsAgo ?? 0, 0), MAX_ACTED_MS_AGO);
    let allowed: Promise<boolean> | undefined;
    return { after: acted, mayRead: () => (allowed ??= this.#mayReadFresh(groupOf(companyId, customerCode))) };
  }

  /** A new read, whatever the cache holds (no budget). */
  readNow(): Acceptable {
    return { after: this.#now().getTime() };
  }

  /** The customer's certificates (quarantined ones left out). */
  certificates(companyId: number, customerCode: string, accept: Acceptable): Promise<OnFile> {
    const group = groupOf(companyId, customerCode);
    return this.#certificates.get(group, accept, async () => {
      const [certificates, quarantined] = await Promise.all([
        this.#gateway.listCertificatesForCustomer(companyId, customerCode),
        this.#quarantinedIds(group),
      ]);
      return { certificates: certificates && certificates.filter((c) => !quarantined.has(c.id ?? -1)).map(slim) };
    });
  }

  /** The customer's CertExpress invitations. */
  invitations(companyId: number, customerCode: string, accept: Acceptable): Promise<Invitations> {
    return this.#invitations.get(groupOf(companyId, customerCode), accept, async () => ({
      invitations: (await this.#gateway.listInvitations(companyId, `customerCode eq ${filterString(customerCode)}`)).filter(
        (inv) => inv.customerCode === customerCode,
      ),
    }));
  }

  /** Whether a cached answer is too old to say that nothing covers a zone. */
  tooOldForUncovered(onFile: OnFile): boolean {
    // Without a cache every answer was just read.
    return this.#ttlMs > 0 && this.#now().getTime() - onFile.fetchedAt > Math.min(this.#ttlMs, UNCOVERED_MAX_AGE_MS);
  }

  /**
   * Forgets what is cached about the customer everywhere. When the store cannot be reached, this
   * process stops sharing its in-flight loads at once and keeps trying the store until every
   * entry written before has expired anyway.
   */
  async invalidate(companyId: number, customerCode: string): Promise<void> {
    const group = groupOf(companyId, customerCode);
    this.#certificates.forget(group);
    this.#invitations.forget(group);
    if (this.#ttlMs <= 0) return;
    try {
      await this.#store.invalidate(group);
    } catch {
      this.#retryInvalidation(group, Date.now() + this.#ttlMs + 5000, 250);
    }
  }

  async quarantine(companyId: number, customerCode: string, certificateId: number): Promise<void> {
    const group = groupOf(companyId, customerCode);
    const local = this.#quarantined.get(group) ?? new Set<number>();
    this.#quarantined.set(group, local.add(certificateId));
    await this.#store.addMember(`quarantine|${group}`, String(certificateId), QUARANTINE_MS).catch((error: unknown) =>
      this.#logger.error({ certificateId, err: { message: String(error) } }, 'could not share the quarantined certificate with other instances'),
    );
    await this.invalidate(companyId, customerCode);
  }

  async #mayReadFresh(group: string): Promise<boolean> {
    try {
      const taken = await this.#store.take(`fresh|${group}`, this.#freshPerMinute, FRESH_WINDOW_MS, this.#now().getTime());
      return taken.ok;
    } catch {
      // The store is away: its cache is too, so this read reaches AvaTax anyway.
      return false;
    }
  }

  async #quarantinedIds(group: string): Promise<Set<number>> {
    const ids = new Set(this.#quarantined.get(group));
    const shared = await this.#store.members(`quarantine|${group}`).catch(() => []);
    for (const id of shared) ids.add(Number(id));
    return ids;
  }

  #retryInvalidation(group: string, until: number, delayMs: number): void {
    if (Date.now() > until) return;
    const timer = setTimeout(() => {
      this.#store.invalidate(group).catch(() => this.#retryInvalidation(group, until, Math.min(delayMs * 2, 2000)));
    }, delayMs);
    timer.unref?.();
  }
}

const groupOf = (companyId: number, customerCode: string): string => `onfile|${companyId}|${customerCode}`;

/** The fields verdicts and summaries read: what is cached per customer. */
function slim(cert: AvaCertificate): AvaCertificate {
  const keep: (keyof AvaCertificate)[] = [
    'id', 'signedDate', 'expirationDate', 'status', 'valid', 'ecmStatus', 'exemptionReason', 'exposureZone',
    'documentExists', 'pageCount', 'exemptionNumber', 'createdDate',
  ];
  const out: Record<string, unknown> = {};
  for (const key of keep) if (cert[key] !== undefined) out[key] = cert[key];
  const zone = cert.exposureZone;
  if (zone) out['exposureZone'] = { name: zone.name, ...(zone.country ? { country: zone.country } : {}), ...(zone.region ? { region: zone.region } : {}) };
  if (cert.exemptionReason) out['exemptionReason'] = { name: cert.exemptionReason.name };
  return out as AvaCertificate;
}
