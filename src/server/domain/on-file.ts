import type { Logger } from '../logging.js';
import type { AvaTaxGateway } from '../avatax/client.js';
import type { AvaCertificate } from '../avatax/models.js';
import type { CertStore } from '../store/store.js';

/** One customer's certificates as AvaTax listed them, and when AvaTax was asked. */
export interface OnFile {
  /** Null when AvaTax does not know the customer. */
  certificates: AvaCertificate[] | null;
  /** Epoch ms at which the AvaTax request was sent. */
  fetchedAt: number;
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

/**
 * The per-customer certificate list behind every verdict, cached in the shared store.
 *
 * - Identical loads in this process share one AvaTax call, but only with a load started in the
 *   same cache generation: nothing that began before a change is handed out after it.
 * - A person's re-check (`fresh`) reads AvaTax now while the customer's fresh-read budget lasts
 *   (`freshReadsPerMinute`, counted across instances); past it, the cache answers.
 * - A store that cannot be reached is skipped: AvaTax answers every read until it is back.
 */
export class OnFileCache {
  readonly #gateway: AvaTaxGateway;
  readonly #store: CertStore;
  readonly #logger: Logger;
  readonly #now: () => Date;
  readonly #ttlMs: number;
  readonly #freshPerMinute: number;
  readonly #inFlight = new Map<string, { promise: Promise<OnFile>; generation: string | undefined; startedAt: number }>();
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
  }

  /**
   * The customer's certificates: cached, or read from AvaTax.
   * - `fresh`: a person's re-check. Only an answer AvaTax gave after they acted will do: the
   *   client says how long ago that was (`actedMsAgo`, at most 5 s counted); without it, only a
   *   new read. A new read costs one of the customer's fresh reads; past the budget the cache
   *   answers as for anyone.
   * - `reload`: a new read, whatever the cache holds (no budget).
   */
  async get(companyId: number, customerCode: string, options: { fresh?: boolean; reload?: boolean; actedMsAgo?: number } = {}): Promise<OnFile> {
    const group = groupOf(companyId, customerCode);
    const now = this.#now().getTime();
    const acted = options.fresh || options.reload ? now - Math.min(Math.max(options.actedMsAgo ?? 0, 0), MAX_ACTED_MS_AGO) : Number.NEGATIVE_INFINITY;
    const cached = this.#ttlMs > 0 ? await this.#store.read(group, 'certificates').catch(() => undefined) : undefined;
    const parsed = cached?.value ? parseOnFile(cached.value) : undefined;
    if (parsed && parsed.fetchedAt > acted) return parsed;
    const joinable = (): Promise<OnFile> | undefined => {
      const running = this.#inFlight.get(group);
      return running && running.generation === cached?.generation && running.startedAt > acted ? running.promise : undefined;
    };
    let shared = joinable();
    if (shared) return shared;
    if (parsed && options.fresh && !options.reload && !(await this.#mayReadFresh(group))) return parsed;
    // Asked again after the wait for the budget: a load another request began meanwhile serves this one.
    shared = joinable();
    return shared ?? this.#load(group, companyId, customerCode, cached?.generation);
  }

  /** Whether a cached answer is too old to say that nothing covers a zone. */
  tooOldForUncovered(onFile: OnFile): boolean {
    // Without a cache every answer was just read.
    return this.#ttlMs > 0 && this.#now().getTime() - onFile.fetchedAt > Math.min(this.#ttlMs, UNCOVERED_MAX_AGE_MS);
  }

  /**
   * Forgets the customer's cached list everywhere. When the store cannot be reached, this
   * process stops sharing its in-flight loads at once and keeps trying the store until every
   * entry written before has expired anyway.
   */
  async invalidate(companyId: number, customerCode: string): Promise<void> {
    const group = groupOf(companyId, customerCode);
    this.#inFlight.delete(group);
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

  #load(group: string, companyId: number, customerCode: string, generation: string | undefined): Promise<OnFile> {
    const startedAt = this.#now().getTime();
    const promise = (async (): Promise<OnFile> => {
      const [certificates, quarantined] = await Promise.all([
        this.#gateway.listCertificatesForCustomer(companyId, customerCode),
        this.#quarantinedIds(group),
      ]);
      const onFile: OnFile = {
        certificates: certificates && certificates.filter((c) => !quarantined.has(c.id ?? -1)).map(slim),
        fetchedAt: startedAt,
      };
      if (generation !== undefined) {
        this.#store.write(group, generation, 'certificates', JSON.stringify(onFile), this.#ttlMs).catch(() => undefined);
      }
      return onFile;
    })();
    const entry = { promise, generation, startedAt };
    this.#inFlight.set(group, entry);
    const done = (): void => void (this.#inFlight.get(group) === entry && this.#inFlight.delete(group));
    promise.then(done, done);
    return promise;
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

function parseOnFile(text: string): OnFile | undefined {
  try {
    const value = JSON.parse(text) as OnFile;
    return typeof value.fetchedAt === 'number' && (value.certificates === null || Array.isArray(value.certificates)) ? value : undefined;
  } catch {
    return undefined;
  }
}
