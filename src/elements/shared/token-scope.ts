import type { Scope } from '../../client/contract.js';
import { tokenSource, type TokenSourceOptions } from '../../client/token-source.js';

/**
 * Whether the token of `options` (the page-wide source a `CertClient` with the same options uses)
 * for `customerCode` grants `scope`, read from its JWT `scope` claim (design §3). False when the
 * token cannot be read: callers then hide what the scope would allow.
 */
export async function tokenGrants(
  options: TokenSourceOptions,
  customerCode: string | undefined,
  scope: Scope,
  signal?: AbortSignal,
): Promise<boolean> {
  const { token } = await tokenSource(options).get(customerCode, signal);
  try {
    const claims: unknown = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
    const granted = (claims as { scope?: unknown }).scope;
    return typeof granted === 'string' && granted.split(' ').includes(scope);
  } catch {
    return false;
  }
}
