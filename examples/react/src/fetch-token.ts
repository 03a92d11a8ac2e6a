import type { TokenResponse } from 'cert-elements/client';

/**
 * One token function for every element on the page (tokens are shared per function). Your own
 * API call would go here; this one asks the companion's token route.
 */
export async function fetchToken({ customerCode }: { customerCode?: string }): Promise<TokenResponse> {
  const res = await fetch('/cert-api/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customerCode }) });
  if (!res.ok) throw new Error(`token: ${res.status}`);
  return (await res.json()) as TokenResponse;
}
