import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { UploadResult } from '../../client/contract.js';
import { companyFor, customerFor, isStaff, requireScope } from '../auth/middleware.js';
import type { AppEnv, Services } from '../context.js';
import { ApiError, invalidRequest, notFound } from '../errors.js';
import { Slots } from '../slots.js';
import { certificateState, toSummary, utcDay } from '../domain/verdict.js';
import { MAX_FILE_BYTES, fileTooLarge, readUpload } from './upload-form.js';

/** Multipart framing and the text fields may add this much to the file itself. */
const FORM_OVERHEAD_BYTES = 256 * 1024;
/** How long an upload waits for one of the `maxConcurrentUploads` slots before it is turned away. */
const UPLOAD_SLOT_WAIT_MS = 10_000;

/** `POST /v1/certificates` (upload) and `GET /v1/certificates/{id}/document`. */
export function certificateRoutes(services: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { config, gateway, attachments, definitions, customers, uploads } = services;
  const slots = new Slots(config.maxConcurrentUploads);

  const uploadLimit = bodyLimit({
    maxSize: MAX_FILE_BYTES + FORM_OVERHEAD_BYTES,
    onError: () => {
      throw fileTooLarge();
    },
  });

  app.post('/certificates', requireScope('certificate:upload'), async (c, next) => {
    // A slot is taken before the body is read: uploads waiting in line hold no file in memory.
    const release = await slots.acquire(UPLOAD_SLOT_WAIT_MS);
    if (!release) {
      throw new ApiError('upstream_unavailable', 'Too many certificates are being uploaded right now. Nothing was saved; try again shortly.', {
        retryable: true,
        retryAfter: 5,
      });
    }
    try {
      await next();
    } finally {
      release();
    }
  }, uploadLimit, async (c) => {
    const auth = c.var.auth;
    const now = config.now();
    const upload = await readUpload(c, utcDay(now));
    const customerCode = customerFor(auth, upload.customerCode);
    const companyId = companyFor(auth, config.avatax.companyId);
    const zone = await definitions.zone(upload.country, upload.region);
    const reasons = await definitions.exemptReasons();
    if (!reasons.includes(upload.exemptionReason)) {
      throw invalidRequest(`Unknown exemption reason ${upload.exemptionReason}.`, ['exemptionReason']);
    }
    await customers.ensure(companyId, customerCode, auth.profile);

    const { customerCode: _named, country: _country, region: _region, ...fields } = upload;
    const created = await uploads.store({ companyId, customerCode, zone, ...fields });
    const certificate = { ...created, exposureZone: created.exposureZone ?? { name: zone.name } };
    const answer: UploadResult = {
      customerCode,
      certificate: { ...toSummary(certificate, zone.name), documentAvailable: true },
      zone: { country: zone.country, region: zone.region, name: zone.name },
      status: certificateState(certificate, utcDay(now)),
    };
    return c.json(answer, 201);
  });

  app.get('/certificates/:id/document', requireScope('certificate:read'), async (c) => {
    const raw = c.req.param('id');
    const id = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id) || id <= 0) throw invalidRequest('The certificate id must be a positive integer.', ['id']);
    const auth = c.var.auth;
    const companyId = companyFor(auth, config.avatax.companyId);
    const cert = await gateway.getCertificateWithCustomers(companyId, id);
    // Someone else's certificate looks exactly like a missing one.
    const linked = cert !== null && (isStaff(auth) || (cert.customers ?? []).some((x) => x.customerCode === auth.customerCode));
    if (!linked) throw notFound('No such certificate for this customer.');
    const doc = await attachments.download(companyId, id);
    const headers: Record<string, string> = {
      'Content-Type': doc.contentType,
      'Content-Disposition': `inline; filename="${doc.filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      // Opened directly, the document gets no script and no origin of its own.
      'Content-Security-Policy': "default-src 'none'; sandbox",
    };
    if (doc.length) headers['Content-Length'] = doc.length;
    return new Response(doc.body, { status: 200, headers });
  });

  return app;
}
