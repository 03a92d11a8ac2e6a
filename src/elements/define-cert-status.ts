/** Registers `<cert-status>`. The package's only side effects live in these define modules. */
import { CertStatusElement } from './cert-status/cert-status.js';
import { define } from './shared/define.js';

define('cert-status', CertStatusElement);

export { CertStatusElement };
export type { CertStatusState } from './cert-status/cert-status.js';
