/**
 * The shop as a Cloudflare-style worker (workerd with `nodejs_compat`): the companion serves
 * /cert-api straight from `certServer.fetch`; the page and the browser bundle with the chunks
 * it loads on first use are served beside it. Settings come from bindings (config.capnp), as
 * `wrangler` vars and secrets would.
 */
import { createCertServer, type CertServer } from 'cert-elements/server';
import cdn from './cdn.js';
import { shopPage } from '../shared/shop-page.ts';

export interface Env {
  AVATAX_ENVIRONMENT: string;
  AVATAX_ACCOUNT_ID: string;
  AVATAX_LICENSE_KEY: string;
  AVATAX_COMPANY_ID: string;
  CERT_ELEMENTS_SECRET: string;
}

let certServer: CertServer | undefined;

/** Built on the first request: bindings arrive with requests. */
function companion(env: Env): CertServer {
  return (certServer ??= createCertServer({
    avatax: { accountId: env.AVATAX_ACCOUNT_ID, licenseKey: env.AVATAX_LICENSE_KEY, companyId: Number(env.AVATAX_COMPANY_ID), environment: env.AVATAX_ENVIRONMENT },
    secret: env.CERT_ELEMENTS_SECRET,
    basePath: '/cert-api',
    // A real shop decides the customer from its session; the demo lets the page name one.
    authorize: (_request, { customerCode }) => ({
      customerCode: customerCode && /^C-100[1-6]$/.test(customerCode) ? customerCode : 'C-1001',
      scopes: ['status:read', 'invite:create', 'certificate:upload'],
    }),
  }));
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === '/') return new Response(shopPage('workerd shop'), { headers: { 'content-type': 'text/html; charset=utf-8' } });
    const asset = pathname.slice('/cdn/'.length);
    if (pathname.startsWith('/cdn/') && Object.hasOwn(cdn, asset)) return new Response(cdn[asset], { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
    return companion(env).fetch(request);
  },
};
