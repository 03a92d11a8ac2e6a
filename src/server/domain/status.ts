import type { CertificateOnFile, StatusList, StatusVerdict } from '../../client/contract.js';
import type { AvaTaxGateway } from '../avatax/client.js';
import type { AvaCertificate } from '../avatax/models.js';
import { SingleFlightCache, groupKey } from '../cache.js';
import type { Definitions } from './definitions.js';
import { certificateState, decideVerdict, needsCertificateList, toSummary, utcDay } from './verdict.js';

type Cached = StatusVerdict | StatusList;

/**
 * Status lookups: one zone's verdict, or every certificate on file. Answers are cached per
 * (company, customer, zone) for `statusCacheSeconds`; identical lookups in flight share one
 * upstream round trip; `clearCustomer` drops a customer's entries after an upload or invite.
 */
export class StatusService {
  readonly #gateway: AvaTaxGateway;
  readonly #definitions: Definitions;
  readonly #cache: SingleFlightCache<Cached>;
  readonly #now: () => Date;

  constructor(gateway: AvaTaxGateway, definitions: Definitions, options: { cacheSeconds: number; now: () => Date }) {
    this.#gateway = gateway;
    this.#definitions = definitions;
    this.#now = options.now;
    this.#cache = new SingleFlightCache<Cached>({ ttlMs: options.cacheSeconds * 1000, now: () => options.now().getTime() });
  }

  /** The verdict for one zone; 400 when AvaTax has no exposure zone for it. */
  async verdict(companyId: number, customerCode: string, country: string, region: string): Promise<StatusVerdict> {
    const zone = await this.#definitions.zone(country, region);
    const group = groupOf(companyId, customerCode);
    return this.#cache.get(group, groupKey(group, country, region), async () => {
      const valid = await this.#gateway.listValidCertificates(companyId, customerCode, country, region);
      const certificates = needsCertificateList(valid)
        ? await this.#gateway.listCertificatesForCustomer(companyId, customerCode)
        : null;
      const now = this.#now();
      const { status, certificate } = decideVerdict(valid, certificates, zone, utcDay(now));
      return {
        customerCode,
        zone: { country, region, name: zone.name },
        status,
        certificate: certificate ? toSummary(certificate, zone.name) : null,
        checkedAt: now.toISOString(),
      };
    }) as Promise<StatusVerdict>;
  }

  /** Every certificate on file for the customer, each with its zone and state. */
  async list(companyId: number, customerCode: string, country?: string): Promise<StatusList> {
    const group = groupOf(companyId, customerCode);
    return this.#cache.get(group, groupKey(group, '*', country ?? ''), async () => {
      const certificates = (await this.#gateway.listCertificatesForCustomer(companyId, customerCode)) ?? [];
      const now = this.#now();
      const today = utcDay(now);
      const onFile: CertificateOnFile[] = [];
      for (const cert of certificates) {
        const zone = await this.#zoneOf(cert);
        if (!zone || (country && zone.country !== country)) continue;
        onFile.push({ zone, status: certificateState(cert, today), certificate: toSummary(cert, zone.name) });
      }
      onFile.sort((a, b) => a.zone.name.localeCompare(b.zone.name) || b.certificate.signedDate.localeCompare(a.certificate.signedDate));
      const list: StatusList = { customerCode, certificates: onFile, checkedAt: now.toISOString() };
      if (country) list.country = country;
      return list;
    }) as Promise<StatusList>;
  }

  /** Forgets every cached answer for the customer. */
  clearCustomer(companyId: number, customerCode: string): void {
    this.#cache.clearGroup(groupOf(companyId, customerCode));
  }

  async #zoneOf(cert: AvaCertificate): Promise<{ country: string; region: string; name: string } | undefined> {
    const ez = cert.exposureZone;
    if (!ez?.name) return undefined;
    if (ez.country && ez.region) return { country: ez.country, region: ez.region, name: ez.name };
    const known = await this.#definitions.zoneByName(ez.name);
    return known ? { country: known.country, region: known.region, name: known.name } : undefined;
  }
}

const groupOf = (companyId: number, customerCode: string): string => `${companyId}|${customerCode}`;
