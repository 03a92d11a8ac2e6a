import type { CoverLetter, ExemptionReason, ExposureZone } from '../../client/contract.js';
import type { AvaTaxGateway } from '../avatax/client.js';
import { LRUCache } from 'lru-cache';
import { invalidRequest } from '../errors.js';

/** Definitions change rarely; an hour keeps them fresh enough and spares AvaTax. */
const DEFINITIONS_TTL_MS = 60 * 60 * 1000;

/** An exposure zone with the AvaTax name the certificates refer to. */
export type KnownZone = ExposureZone;

/** Exposure zones, cover letters and exemption reasons, cached for an hour. */
export class Definitions {
  readonly #gateway: AvaTaxGateway;
  // One entry per list; concurrent misses share one AvaTax call (lru-cache's fetch), and a
  // failed load is not kept.
  readonly #lists: LRUCache<string, object, () => Promise<object>>;

  constructor(gateway: AvaTaxGateway, now: () => number) {
    this.#gateway = gateway;
    this.#lists = new LRUCache({
      max: 3,
      ttl: DEFINITIONS_TTL_MS,
      perf: { now },
      ttlResolution: 0, // read the clock on every check rather than memoising it for a millisecond
      fetchMethod: (_list, _stale, { context: load }) => load(),
    });
  }

  #cached<T extends object>(list: 'zones' | 'letters' | 'reasons', load: () => Promise<T>): Promise<T> {
    return this.#lists.fetch(list, { context: load }) as Promise<T>;
  }

  exposureZones(): Promise<KnownZone[]> {
    return this.#cached('zones', async () =>
      (await this.#gateway.listExposureZones())
        .filter((z) => typeof z.id === 'number' && z.name && z.country && z.region)
        .map((z) => ({ id: z.id as number, name: z.name as string, country: z.country as string, region: z.region as string })),
    );
  }

  coverLetters(): Promise<CoverLetter[]> {
    return this.#cached('letters', async () =>
      (await this.#gateway.listCoverLetters())
        .filter((l) => l.title && l.active !== false)
        .map((l) => ({ title: l.title as string, subject: l.subject ?? '', description: l.description ?? '' })),
    );
  }

  /** Exemption reasons with their AvaTax ids (the upload form offers these). */
  exemptionReasons(): Promise<ExemptionReason[]> {
    return this.#cached('reasons', async () =>
      (await this.#gateway.listExemptReasons()).flatMap((r) =>
        typeof r.id === 'number' && r.name ? [{ id: r.id, name: r.name }] : [],
      ),
    );
  }

  /** Names of the exemption reasons, as certificates refer to them. */
  async exemptReasons(): Promise<string[]> {
    return (await this.exemptionReasons()).map((r) => r.name);
  }

  /** The exposure zone of (country, region); a 400 naming `region` when AvaTax has none. */
  async zone(country: string, region: string): Promise<KnownZone> {
    const found = (await this.exposureZones()).find((z) => z.country === country && z.region === region);
    if (!found) throw invalidRequest(`There is no exposure zone for ${country}-${region}.`, ['country', 'region']);
    return found;
  }

  /** The zone a certificate's exposure zone names, when it is known. */
  async zoneByName(name: string): Promise<KnownZone | undefined> {
    return (await this.exposureZones()).find((z) => z.name === name);
  }
}
