/**
 * Form tokens for the CertExpress page: `nonce.mac`, where mac = HMAC(secret, invitation
 * token + nonce). A token is minted per render and only verifies for the invitation it
 * was rendered for, so a form cannot be forged by another site or replayed elsewhere.
 *
 * node:crypto rather than a CSRF package: those (csrf-csrf, csrf-sync) bind tokens to a cookie
 * or session, and the CertExpress page has neither (a buyer opens it from a link); Hono's `csrf`
 * middleware checks only the Origin header, and the sandbox serves plain node:http. The token
 * here binds to the invitation, which is what the page knows.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

function mac(secret: Buffer, invitationToken: string, nonce: string): Buffer {
  return createHmac('sha256', secret).update(`${invitationToken}\u0000${nonce}`).digest();
}

export function mintFormToken(secret: Buffer, invitationToken: string): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${mac(secret, invitationToken, nonce).toString('base64url')}`;
}

export function verifyFormToken(secret: Buffer, invitationToken: string, formToken: unknown): boolean {
  if (typeof formToken !== 'string') return false;
  const [nonce, given, extra] = formToken.split('.');
  if (!nonce || !given || extra !== undefined) return false;
  const expected = mac(secret, invitationToken, nonce);
  const actual = Buffer.from(given, 'base64url');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
