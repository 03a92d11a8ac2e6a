/** Registers `<certexpress-link>`. The package's only side effects live in these define modules. */
import { CertExpressLinkElement } from './certexpress-link/certexpress-link.js';
import { define } from './shared/define.js';

define('certexpress-link', CertExpressLinkElement);

export { CertExpressLinkElement };
export type { CertExpressLinkState } from './certexpress-link/certexpress-link.js';
