/** Base URL of an AvaTax environment as the SDK resolves it (reference §10). */
export function avataxBaseUrl(environment: string): string {
  if (environment === 'sandbox') return 'https://sandbox-rest.avatax.com';
  if (/^https?:\/\//.test(environment)) return environment.replace(/\/+$/, '');
  return 'https://rest.avatax.com';
}

/** Value of the `X-Avalara-Client` header the companion sends on its own (non-SDK) calls. */
export const CLIENT_HEADER = 'cert-elements; 0.1.0; cert-elements-fetch; 0.1.0; companion';

/** Basic credentials as AvaTax expects them (accountId:licenseKey). */
export function basicAuth(accountId: string, licenseKey: string): string {
  return `Basic ${Buffer.from(`${accountId}:${licenseKey}`).toString('base64')}`;
}
