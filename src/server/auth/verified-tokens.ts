import { LRUCache } from 'lru-cache';
import { CLOCK_TOLERANCE_SECONDS, verifyToken, type TokenClaims } from './token.js';

/** Tokens remembered at most; the least recently used go first. A page reuses one token for minutes. */
const MAX_REMEMBERED = 10_000;

/**
 * Token checks with a memory: a token that passed is not verified again (an HMAC through
 * WebCrypto per request cost more than the rest of a cached status answer) until it expires.
 * Only the exact token string hits; expiry is checked on every use, with the same tolerance.
 */
export class VerifiedTokens {
  readonly #secret: string;
  readonly #now: () => Date;
  readonly #passed = new LRUCache<string, TokenClaims>({ max: MAX_REMEMBERED });

  constructor(secret: string, now: () => Date) {
    this.#secret = secret;
    this.#now = now;
  }

  /** The token's claims, or null when it is invalid or expired. */
  async verify(token: string): Promise<TokenClaims | null> {
    const now = this.#now();
    const known = this.#passed.get(token);
    if (known) {
      if (now.getTime() < known.expiresAt.getTime() + CLOCK_TOLERANCE_SECONDS * 1000) return known;
      this.#passed.delete(token);
      return null;
    }
    const claims = await verifyToken(this.#secret, token, now);
    if (claims) this.#passed.set(token, claims);
    return claims;
  }
}
