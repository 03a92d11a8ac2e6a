/**
 * Registers `<cert-status>` and `<certexpress-link>` for the storefront bundle (its only side
 * effect): the same classes the npm define modules register. What staff screens add (the
 * `options` form, `customer-source`, document viewing) loads on first use; staff status batching
 * is left out (each status is asked on its own; `define-cert-status.ts` turns batching on).
 */
import { CertStatusElement } from './cert-status/cert-status.js';
import { CertExpressLinkElement } from './certexpress-link/certexpress-link.js';
import { define } from './shared/define.js';

define('cert-status', CertStatusElement);
define('certexpress-link', CertExpressLinkElement);
