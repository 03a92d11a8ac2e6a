/**
 * DownloadCertificateImage and UploadCertificateImage. The official JS SDK cannot call
 * either on Node's fetch, so clients use plain HTTP; the wire behaviour follows AvaTax.
 */
import type { ApiRequest, ApiRoute } from '../api.js';
import { sniffDocument, storedDocumentOf } from '../documents/file-kind.js';
import { renderDocument, type PreviewType } from '../documents/render.js';
import { AvaTaxError } from '../errors.js';
import { MULTIPART_LIMIT_BYTES, readMultipart } from '../http/api-body.js';
import type { Router } from '../http/router.js';
import { json, type Reply } from '../http/types.js';
import { write, type Runtime } from '../runtime.js';
import { certificateFromPath } from './shared.js';

const PATH = '/api/v2/companies/:companyId/certificates/:id/attachment';
const MAX_FILE_BYTES = 10 * 1_048_576;

function previewType(raw: string | null): PreviewType {
  const value = (raw ?? 'Pdf').trim().toLowerCase();
  if (value === 'pdf' || value === '1') return 'Pdf';
  if (value === 'jpeg' || value === '2') return 'Jpeg';
  throw new AvaTaxError('InvalidQueryValue', `$type must be Pdf or Jpeg (1 or 2), not '${raw}'.`);
}

function pageNumber(raw: string | null): number {
  if (raw === null || raw === '') return 1;
  const page = Number(raw);
  if (!Number.isInteger(page) || page < 1) throw new AvaTaxError('InvalidQueryValue', `$page must be 1 or more, not '${raw}'.`);
  return page;
}

function download(req: ApiRequest, rt: Runtime): Reply {
  const certificate = certificateFromPath(req, rt);
  const type = previewType(req.query.get('$type'));
  const page = pageNumber(req.query.get('$page'));
  const rendered = renderDocument(certificate, rt.catalogue, type, page);
  if (!rendered) {
    const why = certificate.document === null ? 'No document is stored for this certificate.' : `No ${type} rendition of page ${page} is available.`;
    throw new AvaTaxError('CertificatesError', why, { description: why });
  }
  return {
    status: 200,
    headers: {
      'content-type': rendered.contentType,
      'content-disposition': `attachment; filename=certificate-${certificate.id}${type === 'Jpeg' ? `-page-${page}` : ''}.${rendered.extension}`,
      'cache-control': 'no-store',
    },
    body: rendered.data,
  };
}

async function upload(req: ApiRequest, rt: Runtime): Promise<Reply> {
  certificateFromPath(req, rt);
  const form = await readMultipart(req, MULTIPART_LIMIT_BYTES);
  let file: File | null = null;
  for (const [, value] of form) {
    if (typeof value !== 'string') {
      file = value;
      break;
    }
  }
  if (!file) throw new AvaTaxError('InvalidPdfOrImageFile', 'Pdf or Image files are empty', { description: 'The multipart body has no file part.' });
  if (file.size === 0) throw new AvaTaxError('InvalidPdfOrImageFile', 'Pdf or Image files are empty');
  if (file.size > MAX_FILE_BYTES) {
    throw new AvaTaxError('CertificatesError', 'The file is larger than 10 MB.', { status: 413 });
  }
  const data = Buffer.from(await file.arrayBuffer());
  const kind = sniffDocument(data);
  if (!kind) {
    throw new AvaTaxError('CertificatesError', 'Certificates API returned error', {
      description: 'The uploaded file must be a PDF, JPEG, PNG or TIFF image.',
    });
  }
  const document = storedDocumentOf(data, kind);
  // The certificate is looked up again now that the body has arrived: it may be gone.
  await write(rt, () =>
    rt.store.modifyCertificate(certificateFromPath(req, rt), (certificate) => {
      certificate.document = document;
      certificate.modifiedDate = rt.now().toISOString();
    }),
  );
  return json(200, 'OK');
}

export function registerAttachmentRoutes(router: Router<ApiRoute>): void {
  router
    .add('GET', PATH, { handler: download, needsProvisioning: true })
    .add('POST', PATH, { handler: upload, needsProvisioning: true });
}
