/**
 * Registers the lean storefront classes of `<cert-status>` and `<certexpress-link>` (the
 * storefront bundle's only side effect). Their staff features live in the full classes that
 * `define-cert-status.ts` and `define-certexpress-link.ts` register.
 */
import { CertStatusBase } from './cert-status/cert-status-base.js';
import { CertExpressLinkBase } from './certexpress-link/certexpress-link-base.js';
import { define } from './shared/define.js';

define('cert-status', CertStatusBase);
define('certexpress-link', CertExpressLinkBase);
