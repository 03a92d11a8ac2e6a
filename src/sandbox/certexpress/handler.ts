/**
 * `GET/POST /certexpress/{token}`: the buyer's side of an invitation. A valid submission
 * creates one certificate per requested zone (COMPLETE, valid, document stored, linked to
 * the customer), so the customer's status flips on the next lookup.
 */
import { sniffDocument, storedDocumentOf } from '../documents/file-kind.js';
import { parseFormData } from '../http/api-body.js';
import { BodyTooLargeError, html, type Reply, type RequestInfo } from '../http/types.js';
import { invitationReady } from '../model-builders.js';
import { createCertificate } from '../operations.js';
import { countRequest, today, write, type Runtime } from '../runtime.js';
import type { InvitationRecord, StoredDocument } from '../store/types.js';
import { addDays, isCalendarDay, utcDay } from '../util/dates.js';
import { mintFormToken, verifyFormToken } from './csrf.js';
import { renderDone, renderForm, renderMessage, renderSubmitted, type FieldError, type FormValues } from './page.js';

/** Links stop working this many days after the invitation was created. */
export const LINK_LIFETIME_DAYS = 30;
const MAX_FILE_BYTES = 10 * 1_048_576;
/** Room for a 10 MB file plus the other fields, so an oversized file still gets a friendly answer. */
const MAX_BODY_BYTES = 12 * 1_048_576;
const EMPTY: FormValues = { zone: '', exemptionReason: '', exemptionNumber: '', expirationDate: '', signerName: '', certify: false };

const notFoundPage = () =>
  html(404, renderMessage('Link not found', 'This certificate request link is unknown, has expired, or is not ready yet. Ask the seller for a new link.'));

function liveInvitation(rt: Runtime, token: string): InvitationRecord | null {
  const invitation = rt.store.invitationByToken(token);
  if (!invitation || !invitationReady(invitation, Date.now())) return null;
  // A deleted customer's links die with it: a submission must not bring the customer back.
  if (!rt.store.customer(invitation.customerCode)) return null;
  const lastDay = addDays(utcDay(new Date(invitation.date)), LINK_LIFETIME_DAYS);
  return today(rt) > lastDay ? null : invitation;
}

function formReply(rt: Runtime, req: RequestInfo, invitation: InvitationRecord, values: FormValues, errors: FieldError[], status: number): Reply {
  const customer = rt.store.customer(invitation.customerCode);
  const letter = rt.catalogue.coverLetterById(invitation.coverLetterId);
  const fixedZones = invitation.exposureZones.map((id) => rt.catalogue.zoneById(id)).filter((z) => z !== undefined);
  const preferred = new Set(invitation.exemptReasons);
  const reasons = [...rt.catalogue.reasons].sort((a, b) => Number(preferred.has(b.id)) - Number(preferred.has(a.id)));
  const page = renderForm({
    action: req.path,
    formToken: mintFormToken(rt.csrfSecret, invitation.token),
    customerName: customer?.name ?? invitation.customerCode,
    sellerNote: letter?.subject ?? '',
    fixedZones,
    allZones: rt.catalogue.zones,
    reasons,
    values,
    errors,
  });
  return html(status, page);
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

async function validate(rt: Runtime, invitation: InvitationRecord, form: FormData, values: FormValues) {
  const errors: FieldError[] = [];
  const zones = invitation.exposureZones.length > 0 ? invitation.exposureZones : [Number(values.zone)];
  if (invitation.exposureZones.length === 0 && !rt.catalogue.zoneById(Number(values.zone))) {
    errors.push({ field: 'zone', message: 'Choose the state or province where you are exempt.' });
  }
  const reason = rt.catalogue.reasonById(Number(values.exemptionReason));
  if (!reason) errors.push({ field: 'exemptionReason', message: 'Choose the reason for exemption.' });
  if (values.exemptionNumber.length > 50) errors.push({ field: 'exemptionNumber', message: 'The exemption number is at most 50 characters.' });
  if (values.expirationDate && !isCalendarDay(values.expirationDate)) {
    errors.push({ field: 'expirationDate', message: 'Enter the expiration date as a real date.' });
  } else if (values.expirationDate && values.expirationDate < today(rt)) {
    errors.push({ field: 'expirationDate', message: 'The expiration date is in the past: this certificate has expired.' });
  }
  let document: StoredDocument | null = null;
  const file = form.get('document');
  if (!file || typeof file === 'string' || file.size === 0) {
    errors.push({ field: 'document', message: 'Choose the certificate file to upload.' });
  } else if (file.size > MAX_FILE_BYTES) {
    errors.push({ field: 'document', message: 'The file is larger than 10 MB. Choose a smaller file.' });
  } else {
    const data = Buffer.from(await file.arrayBuffer());
    const kind = sniffDocument(data);
    if (kind === 'pdf' || kind === 'jpeg' || kind === 'png') document = storedDocumentOf(data, kind);
    else errors.push({ field: 'document', message: 'The file must be a PDF, JPEG or PNG.' });
  }
  if (!values.signerName) errors.push({ field: 'signerName', message: 'Enter your full name to sign.' });
  else if (values.signerName.length > 100) errors.push({ field: 'signerName', message: 'Your name is at most 100 characters.' });
  if (!values.certify) errors.push({ field: 'certify', message: 'Tick the box to certify the certificate is correct.' });
  return { errors, zones, reasonId: reason?.id ?? 0, document };
}

function crossSite(req: RequestInfo): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== req.origin) return true;
  return req.headers['sec-fetch-site'] === 'cross-site';
}

async function submit(req: RequestInfo, rt: Runtime, invitation: InvitationRecord): Promise<Reply> {
  if (crossSite(req)) {
    // Read (and drop) the body first: a refusal sent while the client is still sending makes
    // Node 24's fetch fail with EPIPE instead of showing the answer.
    await req.body(MAX_BODY_BYTES).catch(() => undefined);
    return html(403, renderMessage('Submission refused', 'This form can only be sent from its own page.'));
  }
  let form: FormData;
  try {
    form = await parseFormData(String(req.headers['content-type'] ?? ''), await req.body(MAX_BODY_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return formReply(rt, req, invitation, EMPTY, [{ field: 'document', message: 'The file is larger than 10 MB. Choose a smaller file.' }], 413);
    }
    return html(400, renderMessage('Submission not understood', 'The form data could not be read. Go back and submit the form again.'));
  }
  if (!verifyFormToken(rt.csrfSecret, invitation.token, form.get('formToken'))) {
    return html(403, renderMessage('Submission refused', 'This form has expired or did not come from this page. Reload the page and submit again.'));
  }
  const values: FormValues = {
    zone: text(form, 'zone'),
    exemptionReason: text(form, 'exemptionReason'),
    exemptionNumber: text(form, 'exemptionNumber'),
    expirationDate: text(form, 'expirationDate'),
    signerName: text(form, 'signerName'),
    certify: text(form, 'certify') !== '',
  };
  const checked = await validate(rt, invitation, form, values);
  if (checked.errors.length > 0) return formReply(rt, req, invitation, values, checked.errors, 400);

  const lines = await write(rt, () => {
    // The customer may have been deleted while the form was being sent.
    if (!rt.store.customer(invitation.customerCode)) return null;
    const made: number[] = [];
    const lines = checked.zones.map((zoneId) => {
      const certificate = createCertificate(
        rt,
        {
          signedDate: today(rt),
          expirationDate: values.expirationDate || null,
          exemptionReasonId: checked.reasonId,
          exposureZoneId: zoneId,
          valid: true,
          exemptPercentage: 100,
          customerCodes: [invitation.customerCode],
          document: checked.document,
          ...(values.exemptionNumber ? { exemptionNumber: values.exemptionNumber } : {}),
        },
        { verified: true },
      );
      const zone = rt.catalogue.zoneById(zoneId);
      made.push(certificate.id);
      return `${zone?.name ?? zoneId}: certificate ${certificate.id}, signed by ${values.signerName}`;
    });
    // Reopening the link later says so instead of showing an empty form.
    rt.store.putInvitation({ ...invitation, submitted: { at: rt.now().toISOString(), certificateIds: made } });
    return lines;
  });
  if (!lines) return notFoundPage();
  const customer = rt.store.customer(invitation.customerCode);
  return html(200, renderDone(customer?.name ?? invitation.customerCode, lines));
}

/**
 * The page of a link whose certificate was submitted already (unless the buyer asked for the
 * form again: `?again=1`): what it put on file, and when.
 */
function submittedReply(rt: Runtime, req: RequestInfo, invitation: InvitationRecord): Reply | null {
  const { submitted } = invitation;
  if (!submitted || req.query.has('again')) return null;
  const lines = submitted.certificateIds.map((id) => {
    const certificate = rt.store.certificate(id);
    const zone = certificate && rt.catalogue.zoneById(certificate.exposureZoneId);
    return certificate ? `${zone?.name ?? certificate.exposureZoneId}: certificate ${id}` : `Certificate ${id} (since removed)`;
  });
  const customer = rt.store.customer(invitation.customerCode);
  const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(submitted.at));
  return html(200, renderSubmitted(customer?.name ?? invitation.customerCode, when, lines, `${req.path}?again=1`));
}

/** Handles `/certexpress/{token}`. */
export async function handleCertExpress(req: RequestInfo, rt: Runtime, token: string): Promise<Reply> {
  countRequest(rt, req.method, '/certexpress/{token}');
  const invitation = liveInvitation(rt, token);
  if (!invitation) return notFoundPage();
  if (req.method === 'GET' || req.method === 'HEAD') return submittedReply(rt, req, invitation) ?? formReply(rt, req, invitation, EMPTY, [], 200);
  if (req.method === 'POST') return submit(req, rt, invitation);
  return { ...html(405, renderMessage('Not allowed', 'Use the form on this page.')), headers: { ...html(405, '').headers, allow: 'GET, POST' } };
}
