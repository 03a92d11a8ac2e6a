/**
 * AvaTax Basic authentication: `base64(accountId:licenseKey)` or `base64(username:password)`
 * in the same header form. Bearer tokens are refused (the sandbox has no identity server).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { AvaTaxError } from '../errors.js';
import type { SandboxCredentials } from '../runtime.js';

export type AuthenticationType = 'None' | 'UsernamePassword' | 'AccountIdLicenseKey';

export interface Principal {
  type: Exclude<AuthenticationType, 'None'>;
  userName: string;
}

const digest = (value: string) => createHash('sha256').update(value).digest();
/** Compares in constant time regardless of lengths. */
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

const failed = () =>
  new AvaTaxError('AuthenticationException', 'Authentication failed.', {
    description: 'Unable to authenticate the user or the account.',
  });

/** Returns the principal, or throws the 401 envelope error. A missing header also throws. */
export function authenticate(header: string | undefined, credentials: SandboxCredentials): Principal {
  if (!header) throw failed();
  const [scheme, value, ...rest] = header.trim().split(/\s+/);
  if (scheme?.toLowerCase() !== 'basic') throw failed();
  if (!value || rest.length > 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
    throw new AvaTaxError('BasicAuthIncorrect', 'Incorrect Basic header format.', {
      description: "The Authorization header must be 'Basic ' followed by base64 of 'user:password'.",
    });
  }
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) {
    throw new AvaTaxError('BasicAuthIncorrect', 'Incorrect Basic header format.', {
      description: "The decoded Basic credentials must have the form 'user:password'.",
    });
  }
  const user = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  const asAccount = same(user, credentials.accountId) && same(secret, credentials.licenseKey);
  const asUser = same(user, credentials.username) && same(secret, credentials.password);
  if (asAccount) return { type: 'AccountIdLicenseKey', userName: credentials.accountId };
  if (asUser) return { type: 'UsernamePassword', userName: credentials.username };
  throw failed();
}
