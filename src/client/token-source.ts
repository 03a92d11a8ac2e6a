import type { StatusVerdict, TokenRequest, TokenResponse } from './contract.js';
import { CertApiError, configError, timedOut, unreachable } from './errors.js';
import { abortable, fetchJson, sleep } from './http.js';
import { timings } from './timings.js';

/** Host callback that mints a token (Stripe's `fetchClientSecret` pattern). */
export type FetchToken = (request: TokenRequest) => Promise<TokenResponse>;

/** Where tokens come from: a token endpoint URL or a {@link FetchToken} callback. */
export interface TokenSourceOptions {
  tokenEndpoint?: string;
  fetchToken?: FetchToken;
  /** Credentials for the token endpoint request; default `same-origin`. */
  tokenCredentials?: 'same-origin' | 'include';
}

const STAFF = '*';
let count = 0;

interface Held {
  response: TokenResponse;
  freshUntil: number;
}

/**
 * Tokens of one token endpoint (or callback), in memory only, one per customer.
 * Concurrent askers share one request; a staff token (`customerCode: "*"`) serves every customer,
 * so while any request is in flight others wait for it before asking again.
 */
export class TokenSource {
  /** Distinguishes sources in cache keys. */
  readonly id = ++count;
  #held = new Map<string, Held>();
  #pending = new Map<string, Promise<TokenResponse>>();
  /** Zones asked while a token request has not gone out yet: they go with it. */
  #zones?: Set<string>;

  constructor(private readonly load: FetchToken) {}

  /**
   * A token for `customerCode` ('' = whoever the host decides) that is not about to expire.
   * `zone` (`US-WA`): the caller is about to ask that zone's status; if the token is still to be
   * fetched, the request names the zone, and the answer may carry its verdict (see {@link prefetched}).
   */
  async get(customerCode = '', signal?: AbortSignal, zone?: string): Promise<TokenResponse> {
    if (zone) this.#zones?.add(zone);
    for (;;) {
      const held = this.#fresh(customerCode) ?? this.#fresh(STAFF);
      if (held) return held;
      const own = this.#pending.get(customerCode);
      if (own) return abortable(own, signal);
      const other = this.#pending.values().next().value;
      if (!other) return abortable(this.#fetch(customerCode, zone), signal);
      // It may come back as a staff token that serves this customer too.
      await abortable(other.catch(() => undefined), signal);
    }
  }

  /** Forgets `token` (the cert API refused it), so the next {@link get} fetches a new one. */
  invalidate(token: string): void {
    for (const [key, held] of this.#held) if (held.response.token === token) this.#held.delete(key);
  }

  #fresh(key: string): TokenResponse | undefined {
    const held = this.#held.get(key);
    return held && Date.now() < held.freshUntil ? held.response : undefined;
  }

  /** The verdict of a zone that came with the token, once (it is only as fresh as the token answer). */
  prefetched(customerCode = '', zone: string): StatusVerdict | undefined {
    const answer = this.#held.get(customerCode)?.response;
    const verdict = answer?.status?.find((v) => `${v.zone.country}-${v.zone.region}` === zone);
    if (verdict) answer!.status = answer!.status!.filter((v) => v !== verdict);
    return verdict;
  }

  #fetch(customerCode: string, zone?: string): Promise<TokenResponse> {
    const zones = (this.#zones = new Set(zone && [zone]));
    let started = 0;
    // For a status ask, one task later: the page's other elements have named their zones by then.
    const request = (zone ? sleep(0) : Promise.resolve()).then(() => {
      this.#zones = undefined;
      started = Date.now();
      return this.load({ ...(customerCode && { customerCode }), ...(zones.size && { status: [...zones] }) });
    }).then((response) => {
      const expires = Date.parse(response?.expiresAt);
      if (typeof response?.token !== 'string' || !response.token || Number.isNaN(expires)) {
        throw configError('token-endpoint');
      }
      // Renew a minute ahead, or half-way through a short lifetime; a clock far off gets 30 s.
      const life = expires - started;
      const freshUntil = started + (life > 0 ? life - Math.min(60_000, life / 2) : 30_000);
      this.#held.set(response.customerCode === STAFF ? STAFF : customerCode, { response, freshUntil });
      return response;
    });
    const shared = request.finally(() => this.#pending.delete(customerCode));
    this.#pending.set(customerCode, shared);
    return shared;
  }
}

const sources = new Map<string, TokenSource>();
const callbacks = new WeakMap<FetchToken, TokenSource>();

/**
 * The page-wide {@link TokenSource} for these options: the same endpoint (and credentials mode)
 * or the same callback function always yields the same source.
 */
export function tokenSource({ fetchToken, tokenEndpoint, tokenCredentials = 'same-origin' }: TokenSourceOptions): TokenSource {
  if (fetchToken) {
    let source = callbacks.get(fetchToken);
    if (!source) {
      // The host's callback gets the bounds of a request: a timeout and normalised errors.
      const load: FetchToken = (request) => {
        // Ends the timeout's timer as soon as the callback has answered.
        const answered = new AbortController();
        return Promise.race([
          (async () => fetchToken(request))()
            .catch((e: unknown) => {
              throw e instanceof CertApiError ? e : unreachable();
            })
            .finally(() => answered.abort()),
          sleep(timings.requestTimeoutMs, answered.signal).then((): never => {
            throw timedOut();
          }),
        ]);
      };
      callbacks.set(fetchToken, (source = new TokenSource(load)));
    }
    return source;
  }
  let url: string | undefined;
  try {
    url = tokenEndpoint && new URL(tokenEndpoint, globalThis.document?.baseURI).href;
  } catch {
    // reported below
  }
  if (!url) throw configError('token-endpoint');
  const key = `${tokenCredentials} ${url}`;
  let source = sources.get(key);
  if (!source) {
    const load: FetchToken = (body) =>
      fetchJson(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: tokenCredentials });
    sources.set(key, (source = new TokenSource(load)));
  }
  return source;
}
