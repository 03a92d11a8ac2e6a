/**
 * HTML of the sandbox CertExpress page: a plain server-rendered form (no script) with
 * labels, grouped fields, and an error summary that links to each field in error.
 */
import type { ExemptionReasonModel, ExposureZoneModel } from '../../avatax/models.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Values the buyer typed, echoed back after an error. */
export interface FormValues {
  zone: string;
  exemptionReason: string;
  exemptionNumber: string;
  expirationDate: string;
  signerName: string;
  certify: boolean;
}

export interface FieldError {
  field: keyof FormValues | 'document';
  message: string;
}

export interface FormView {
  action: string;
  formToken: string;
  customerName: string;
  sellerNote: string;
  /** The invitation's zones; when empty the buyer picks one from `allZones`. */
  fixedZones: ExposureZoneModel[];
  allZones: ExposureZoneModel[];
  reasons: ExemptionReasonModel[];
  values: FormValues;
  errors: FieldError[];
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f6f7f9}
main{max-width:40rem;margin:2rem auto;background:#fff;padding:2rem;border-radius:8px;border:1px solid #d0d4da}
h1{font-size:1.5rem;margin-top:0}label,legend{font-weight:600;display:block;margin-top:1rem}
input[type=text],input[type=date],select,input[type=file]{display:block;margin-top:.25rem;padding:.5rem;font:inherit;width:100%;box-sizing:border-box;border:1px solid #6b7280;border-radius:4px}
fieldset{border:1px solid #d0d4da;border-radius:6px;margin-top:1.5rem;padding:0 1rem 1rem}
.hint{color:#4b5563;font-size:.9rem;margin:.25rem 0 0}.error{color:#b00020;font-weight:600;margin:.25rem 0 0}
.summary{border:2px solid #b00020;padding:1rem;border-radius:6px}.summary a{color:#b00020}
.check{display:flex;gap:.5rem;align-items:flex-start;margin-top:1rem}.check label{margin:0;font-weight:400}
button{margin-top:1.5rem;padding:.75rem 1.5rem;font:inherit;font-weight:600;background:#0b5cad;color:#fff;border:0;border-radius:4px;cursor:pointer}
button:focus-visible,a:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.badge{display:inline-block;font-size:.8rem;background:#fef3c7;color:#713f12;padding:.1rem .5rem;border-radius:4px}`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – CertExpress (sandbox)</title><style>${STYLE}</style></head>
<body><main>
<p><span class="badge">Sandbox</span> This page is served by the local AvaTax sandbox. Nothing is sent to Avalara.</p>
${body}
</main></body></html>`;
}

function fieldError(view: FormView, field: FieldError['field']): { attrs: string; html: string } {
  const error = view.errors.find((e) => e.field === field);
  if (!error) return { attrs: '', html: '' };
  return {
    attrs: ` aria-invalid="true" aria-describedby="${field}-error"`,
    html: `<p class="error" id="${field}-error">${escape(error.message)}</p>`,
  };
}

const option = (value: string, label: string, selected: boolean) =>
  `<option value="${escape(value)}"${selected ? ' selected' : ''}>${escape(label)}</option>`;

function zoneField(view: FormView): string {
  if (view.fixedZones.length > 0) {
    const names = view.fixedZones.map((z) => `${z.name} (${z.country}-${z.region})`).join(', ');
    return `<p><strong>Exposure zone${view.fixedZones.length > 1 ? 's' : ''}:</strong> ${escape(names)}</p>`;
  }
  const e = fieldError(view, 'zone');
  const options = view.allZones.map((z) => option(String(z.id), `${z.name} (${z.country})`, view.values.zone === String(z.id)));
  return `<label for="zone">State or province where you are exempt</label>${e.html}
<select id="zone" name="zone" required${e.attrs}>${option('', 'Choose…', view.values.zone === '')}${options.join('')}</select>`;
}

/** `text` as a sentence: with a final full stop unless it ends in one (or ! or ?). */
const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** The upload form, with errors (if any) summarised at the top. */
export function renderForm(view: FormView): string {
  const summary =
    view.errors.length === 0
      ? ''
      : `<div class="summary" role="alert" aria-labelledby="summary-title" tabindex="-1">
<h2 id="summary-title">There ${view.errors.length === 1 ? 'is a problem' : `are ${view.errors.length} problems`}</h2>
<ul>${view.errors.map((e) => `<li><a href="#${e.field}">${escape(e.message)}</a></li>`).join('')}</ul></div>`;
  const reason = fieldError(view, 'exemptionReason');
  const number = fieldError(view, 'exemptionNumber');
  const expiration = fieldError(view, 'expirationDate');
  const signer = fieldError(view, 'signerName');
  const certify = fieldError(view, 'certify');
  const documentError = fieldError(view, 'document');
  const reasons = view.reasons.map((r) => option(String(r.id), r.name, view.values.exemptionReason === String(r.id)));
  const title = `${view.errors.length ? 'Error: ' : ''}Submit your exemption certificate`;
  return layout(
    title,
    `<h1>Submit your exemption certificate</h1>
<p>For <strong>${escape(view.customerName)}</strong></p>
${view.sellerNote ? `<p>${escape(sentence(view.sellerNote))}</p>` : ''}
${summary}
<form method="post" action="${escape(view.action)}" enctype="multipart/form-data" novalidate>
<input type="hidden" name="formToken" value="${escape(view.formToken)}">
<fieldset><legend>Certificate</legend>
${zoneField(view)}
<label for="exemptionReason">Reason for exemption</label>${reason.html}
<select id="exemptionReason" name="exemptionReason" required${reason.attrs}>${option('', 'Choose…', view.values.exemptionReason === '')}${reasons.join('')}</select>
<label for="exemptionNumber">Exemption or permit number (optional)</label>${number.html}
<input type="text" id="exemptionNumber" name="exemptionNumber" maxlength="50" autocomplete="off" value="${escape(view.values.exemptionNumber)}"${number.attrs}>
<label for="expirationDate">Expiration date (optional)</label>
<p class="hint" id="expirationDate-hint">Only if the certificate shows one.</p>${expiration.html}
<input type="date" id="expirationDate" name="expirationDate" value="${escape(view.values.expirationDate)}"${expiration.attrs || ' aria-describedby="expirationDate-hint"'}>
<label for="document">Certificate file</label>
<p class="hint" id="document-hint">PDF, JPEG or PNG, up to 10 MB.${view.errors.length ? ' Please choose the file again.' : ''}</p>${documentError.html}
<input type="file" id="document" name="document" accept="application/pdf,image/jpeg,image/png" required${documentError.attrs || ' aria-describedby="document-hint"'}>
</fieldset>
<fieldset><legend>Signature</legend>
<label for="signerName">Your full name</label>${signer.html}
<input type="text" id="signerName" name="signerName" maxlength="100" autocomplete="name" required value="${escape(view.values.signerName)}"${signer.attrs}>
${certify.html}<div class="check"><input type="checkbox" id="certify" name="certify" value="yes"${view.values.certify ? ' checked' : ''}${certify.attrs}>
<label for="certify">I certify that the information on this certificate is true and correct.</label></div>
</fieldset>
<button type="submit">Submit certificate</button>
</form>`,
  );
}

/** Shown after a successful submission. */
export function renderDone(customerName: string, lines: string[]): string {
  return layout(
    'Certificate received',
    `<h1>Thank you – your certificate was received</h1>
<p>${escape(customerName)}, the following certificate${lines.length > 1 ? 's are' : ' is'} now on file:</p>
<ul>${lines.map((l) => `<li>${escape(l)}</li>`).join('')}</ul>
<p>You can close this page.</p>`,
  );
}

/**
 * A link whose certificate was submitted already: what is on file since when, and a way to send
 * a newer or corrected one (`again`, the form's address for another submission).
 */
export function renderSubmitted(customerName: string, when: string, lines: string[], again: string): string {
  return layout(
    'Certificate already submitted',
    `<h1>Your certificate was already submitted</h1>
<p>${escape(customerName)} submitted this request on ${escape(when)}. On file from it:</p>
<ul>${lines.map((l) => `<li>${escape(l)}</li>`).join('')}</ul>
<p>Nothing more is needed. To send a newer or corrected certificate, <a href="${escape(again)}">submit another one</a>.</p>`,
  );
}

/** Unknown, expired or not-yet-ready links, refused submissions and other dead ends. */
export function renderMessage(title: string, message: string): string {
  return layout(title, `<h1>${escape(title)}</h1><p>${escape(message)}</p>`);
}
