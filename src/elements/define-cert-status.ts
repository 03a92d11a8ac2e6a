/** Registers `<cert-status>`. The package's only side effects live in these define modules. */
import { enableStatusBatching } from '../client/status-batcher.js';
import { CertStatusElement } from './cert-status/cert-status.js';
import { define } from './shared/define.js';

// Staff grids: many customers' asks travel as batches (the storefront bundle does without).
enableStatusBatching();
define('cert-status', CertStatusElement);

export { CertStatusElement };
export type { CertStatusState } from './cert-status/cert-status.js';
