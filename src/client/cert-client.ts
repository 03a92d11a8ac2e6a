import type { Invitation, InvitationRequest, StatusList, StatusVerdict } from './contract.js';
import { CertApiError, configError } from './errors.js';
import { apiUrl, fetchJson, withRetry } from './http.js';
import { Coalescer } from './coalescer.js';
import { timings } from './timings.js';
import { tokenSource, type TokenSource, type TokenSourceOptions } from './token-source.js';

/** Options of {@link CertClient}: where tokens come from, the API base and the customer. */
export interface CertClientOptions extends TokenSourceOptions {
  /** Cert API base, used when the token answer carries no `apiBase`. */
  apiBase?: string;
  /** Customer the calls are about; omitted, the host's token endpoint decides. */
  customerCode?: string;
}

/**
 * A status question: with `region` one verdict (country default `US`), without it the list of
 * certificates on file (of `country`, or of every country when it is left out).
 */
export interface StatusQuery {
  country?: string;
  region?: string;
  /**
   * With a `region`: add the zone's open certificate request, if any, when it is not covered
   * (`request` in the verdict; the companion reads it alongside, no extra round trip).
   */
  requests?: boolean;
}

/** Per-call options. */
export interface CallOptions {
  /** Aborting stops waiting (and retrying) at once. */
  signal?: AbortSignal;
  /** Return a 2xx body as a Blob instead of parsed JSON (certificate documents). */
  blob?: boolean;
  /**
   * A person's re-check: when they acted (a `performance.now()` time). The request then carries
   * the headers of {@link freshHeaders}, worked out when it is sent.
   */
  since?: number;
}

/** Options of {@link CertClient.status}. */
export interface StatusOptions extends CallOptions {
  /**
   * A person caused this re-check (returned to the tab, pressed "Try again", uploaded…): the
   * companion reads AvaTax now instead of its cache (within a per-customer budget). The number is
   * when that happened (a `performance.now()` time, e.g. the event's `timeStamp`; default now):
   * answers asked on the page before it are not reused, answers asked since are shared.
   */
  fresh?: boolean | number;
}

/**
 * The headers of a person's re-check: the companion answers it from AvaTax, not its cache, with
 * an answer AvaTax gave after the person acted (`since`, a `performance.now()` time).
 */
export const freshHeaders = (since: number): Record<string, string> => ({
  'cache-control': 'no-cache',
  'recheck-age': `${Math.round(performance.now() - since)}`,
});

const statusCache = new Coalescer<StatusVerdict | StatusList>(() => timings.statusCacheMs);

/**
 * Sends a staff token's status ask (one customer, one zone) in a batch; `scope` names the page's
 * token source and API base. Installed by {@link useStatusBatching}.
 */
export type StatusBatching = (
  scope: string,
  item: { customerCode: string; country: string; region: string },
  client: CertClient,
  /** When the person acted, for a re-check (see {@link freshHeaders}). */
  since: number | undefined,
) => Promise<StatusVerdict>;

let batching: StatusBatching | undefined;

/**
 * Installs staff batching (the define module of `<cert-status>` and `cert-elements/client` do).
 * Without it, as in the storefront bundle, a staff token asks `GET /v1/status` once per customer and zone.
 */
export const useStatusBatching = (batch: StatusBatching): void => void (batching = batch);

/**
 * Headless client of the cert API. Cheap to create: tokens, identical status asks and staff
 * batches are shared page-wide between all clients with the same token endpoint (or callback).
 * Throws a `configuration_error` {@link CertApiError} when no token source is given.
 */
export class CertClient {
  readonly customerCode?: string;
  readonly #tokens: TokenSource;
  readonly #apiBase?: string;

  constructor(options: CertClientOptions) {
    this.#tokens = tokenSource(options);
    this.#apiBase = options.apiBase;
    this.customerCode = options.customerCode || undefined;
  }

  /**
   * An authenticated JSON call under the API base. Retryable errors are retried with backoff;
   * a 401 renews the token once and repeats the call.
   */
  request<T>(method: string, path: string, body?: unknown, { signal, blob, since }: CallOptions = {}): Promise<T> {
    // One renewal per call, across the retries too: a second 401 is the answer.
    let renewed = false;
    return withRetry(async () => {
      for (;;) {
        const { token, apiBase = this.#apiBase } = await this.#tokens.get(this.customerCode, signal);
        if (!apiBase) throw configError('api-base');
        const headers: Record<string, string> = { ...(since !== undefined && freshHeaders(since)), authorization: `Bearer ${token}` };
        if (body) headers['content-type'] = 'application/json';
        const init = { method, headers, body: body ? JSON.stringify(body) : undefined };
        try {
          return await fetchJson<T>(apiUrl(apiBase, path), init, signal, blob);
        } catch (e) {
          if (renewed || !(e instanceof CertApiError) || e.code !== 'unauthorized') throw e;
          renewed = true;
          this.#tokens.invalidate(token);
        }
      }
    }, signal);
  }

  /** Verdict for one zone (`region` set) or the certificates on file (no `region`). */
  status(query: StatusQuery, { signal, fresh }: StatusOptions = {}): Promise<StatusVerdict | StatusList> {
    const country = query.country ?? (query.region ? 'US' : '');
    const key = `${this.#cacheScope()}${country}|${query.region ?? ''}|${query.requests ? 'r' : ''}`;
    const since = fresh === true ? performance.now() : fresh || undefined;
    if (since !== undefined) {
      // Ordinary answers to this question are stale now; fresh ones asked since are shared.
      statusCache.clear(`${key}o`);
      statusCache.clear(`${key}f`, since);
    }
    return statusCache.run(`${key}${since === undefined ? 'o' : 'f'}`, () => this.#loadStatus({ ...query, country }, since), signal);
  }

  /** Creates (or reuses) the customer's CertExpress invitation for a zone. */
  createInvitation(request: InvitationRequest, options?: CallOptions): Promise<Invitation> {
    const body = this.customerCode ? { ...request, customerCode: this.customerCode } : request;
    return this.request<Invitation>('POST', '/v1/invitations', body, options);
  }

  /** Reads one invitation (for polling). */
  invitation(id: number, options?: CallOptions): Promise<Invitation> {
    return this.request<Invitation>('GET', `/v1/invitations/${encodeURIComponent(id)}${this.#query({})}`, undefined, options);
  }

  /**
   * Drops cached status answers of this customer asked before `since` (a `performance.now()`
   * time, default now: e.g. the `timeStamp` of the event that made them stale). Asks started
   * since are kept, so many elements refreshing for one event still share one request.
   */
  invalidateStatus(since?: number): void {
    statusCache.clear(this.#cacheScope(), since);
  }

  /** Clients with the same token source and API base share cache entries and batches. */
  #cacheScope(customerCode = this.customerCode ?? ''): string {
    return `${this.#tokens.id}|${this.#apiBase ?? ''}|${customerCode}|`;
  }

  #query(params: Record<string, string | undefined>): string {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...params, customerCode: this.customerCode })) if (v) search.set(k, v);
    const text = search.toString();
    return text ? `?${text}` : '';
  }

  async #loadStatus({ country, region, requests }: StatusQuery & { country: string }, since: number | undefined): Promise<StatusVerdict | StatusList> {
    const { customerCode } = this;
    if (region && since === undefined) {
      // A cold page: the token answer may bring this verdict along (one round trip fewer).
      const zone = `${country}-${region}`;
      const prefetched = await this.#tokens.get(customerCode, undefined, zone).then(() => this.#tokens.prefetched(customerCode, zone), () => undefined);
      if (prefetched) return prefetched;
    }
    // Staff pages (ERP grids) ask for many customers at once: those asks travel as one batch.
    return batching && region && customerCode && (await this.#tokens.get(customerCode)).customerCode === '*'
      ? batching(this.#cacheScope(''), { customerCode, country, region }, this, since)
      : this.request('GET', `/v1/status${this.#query({ country, region, requests: requests && region ? '1' : undefined })}`, undefined, { since });
  }
}
