/** Registers `<cert-upload>`. The package's only side effects live in these define modules. */
import { CertUploadElement } from './cert-upload/cert-upload.js';
import { define } from './shared/define.js';

define('cert-upload', CertUploadElement);

export { CertUploadElement };
export type { CertUploadState } from './cert-upload/cert-upload.js';
export type { CertUploadedDetail, CertUploadedEvent } from './cert-upload/cert-upload.events.js';
