/**
 * The demo shop's sign-in: an HMAC-signed cookie naming a demo customer or the salesperson.
 * It stands in for the host's real authentication; the token endpoint trusts only this cookie,
 * never a customer code sent by the page.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type DemoSession = { role: 'buyer'; customerCode: string } | { role: 'staff'; name: string };

const COOKIE = 'demo_session';

export class SessionCookies {
  readonly #key: Buffer;

  constructor(key: Buffer = randomBytes(32)) {
    this.#key = key;
  }

  /** `Set-Cookie` value for a session; HttpOnly so page scripts never see it. */
  serialize(session: DemoSession): string {
    const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
    return `${COOKIE}=${payload}.${this.#sign(payload)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=28800`;
  }

  clear(): string {
    return `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  }

  /** The session in a request's cookies, or null when absent or tampered with. */
  read(request: Request): DemoSession | null {
    const cookie = request.headers.get('cookie') ?? '';
    const match = cookie.split(/;\s*/).find((part) => part.startsWith(`${COOKIE}=`));
    if (!match) return null;
    const [payload, signature] = match.slice(COOKIE.length + 1).split('.');
    if (!payload || !signature) return null;
    const expected = Buffer.from(this.#sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as DemoSession;
    } catch {
      return null;
    }
  }

  #sign(payload: string): string {
    return createHmac('sha256', this.#key).update(payload).digest('base64url');
  }
}
