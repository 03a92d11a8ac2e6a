import { html, nothing, type TemplateResult } from 'lit';
import type { ExemptionReason, ExposureZone, UploadResult } from '../../client/contract.js';
import type { UploadStrings } from './cert-upload.strings.js';
import type { Strings } from '../shared/i18n.js';
import { FIELDS, type FieldErrors, type UploadField, type UploadValues } from './cert-upload.validate.js';
import { endText, fill } from '../shared/parts.js';

/** Everything the form template needs: data, what was entered, and the element's handlers. */
export interface FormView {
  u: UploadStrings;
  /** The shared strings: exemption reasons' names. */
  t: Strings;
  lang: string;
  zones: ExposureZone[];
  reasons: ExemptionReason[];
  values: Omit<UploadValues, 'badInput'>;
  errors: FieldErrors;
  uploading: boolean;
  /** 0–100 while uploading. */
  progress: number;
  dragging: boolean;
  /** `YYYY-MM-DD`: the latest allowed signed date. */
  today: string;
  onSubmit: (e: SubmitEvent) => void;
  onInput: (e: Event) => void;
  onFile: (e: Event) => void;
  onDrag: (e: DragEvent) => void;
  onDrop: (e: DragEvent) => void;
  focusField: (name: UploadField) => void;
}

const LABELS: Record<UploadField, keyof UploadStrings> = {
  file: 'file',
  zone: 'zone',
  exemptionReason: 'reason',
  signedDate: 'signedDate',
  expirationDate: 'expirationDate',
  exemptionNumber: 'exemptionNumber',
};

/** Ids of the hint and the error that describe a field (only those present). */
const describedBy = (v: FormView, name: UploadField, hint = false): string | typeof nothing =>
  [hint ? `${name}-hint` : '', v.errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ') || nothing;

/** The day after a `YYYY-MM-DD` date (an expiration must come after the signing). */
const dayAfter = (date: string): string | undefined => {
  const at = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return undefined;
  at.setUTCDate(at.getUTCDate() + 1);
  return at.toISOString().slice(0, 10);
};

const errorOf = (v: FormView, name: UploadField): unknown => {
  const key = v.errors[name];
  return key ? html`<p class="err" id="${name}-error"><span aria-hidden="true">✕ </span>${v.u[key]}</p>` : nothing;
};

const label = (v: FormView, name: UploadField, optional = false): TemplateResult =>
  html`<label for=${name}>${v.u[LABELS[name]]}${optional ? html` <span class="opt">${v.u.optional}</span>` : nothing}</label>`;

function summary(v: FormView): unknown {
  const wrong = FIELDS.filter((name) => v.errors[name]);
  if (!wrong.length) return nothing;
  const go = (name: UploadField) => (e: Event) => {
    e.preventDefault();
    v.focusField(name);
  };
  return html`<div part="summary" id="summary" role="group" aria-labelledby="summary-title" tabindex="-1">
    <p id="summary-title">${v.u.summary}</p>
    <ul>${wrong.map((name) => html`<li><a href="#${name}" @click=${go(name)}>${fill(v.u.item, { field: v.u[LABELS[name]], problem: v.u[v.errors[name]!] })}</a></li>`)}</ul>
  </div>`;
}

function zoneSelect(v: FormView): TemplateResult {
  let names: Intl.DisplayNames | undefined;
  let order = new Intl.Collator('en');
  try {
    order = new Intl.Collator(v.lang);
    names = new Intl.DisplayNames([v.lang, 'en'], { type: 'region' });
  } catch {
    // Not a BCP 47 tag (`lang="en_US"`, a browser reporting the POSIX locale "C"): English
    // order and plain country codes rather than a form that fails to render.
  }
  const countries = [...new Set(v.zones.map((z) => z.country))];
  const option = (z: ExposureZone): TemplateResult => {
    const value = `${z.country}-${z.region}`;
    return html`<option value=${value} ?selected=${v.values.zone === value}>${z.name}</option>`;
  };
  return html`<select id="zone" name="zone" required aria-invalid=${v.errors.zone ? 'true' : 'false'} aria-describedby=${describedBy(v, 'zone')}>
    <option value="" ?selected=${!v.values.zone}>${v.u.chooseZone}</option>
    ${countries.map(
      (country) => html`<optgroup label=${names?.of(country) ?? country}>${v.zones
        .filter((z) => z.country === country)
        .sort((a, b) => order.compare(a.name, b.name))
        .map(option)}</optgroup>`,
    )}
  </select>`;
}

function reasonSelect(v: FormView): TemplateResult {
  return html`<select id="exemptionReason" name="exemptionReason" required aria-invalid=${v.errors.exemptionReason ? 'true' : 'false'} aria-describedby=${describedBy(v, 'exemptionReason')}>
    <option value="" ?selected=${!v.values.exemptionReason}>${v.u.chooseReason}</option>
    ${v.reasons.map((r) => html`<option value=${r.name} ?selected=${v.values.exemptionReason === r.name}>${reasonName(v.t, r.name)}</option>`)}
  </select>`;
}

const dateInput = (v: FormView, name: 'signedDate' | 'expirationDate', limits: { min?: string; max?: string }): TemplateResult =>
  html`<input id=${name} name=${name} type="date" .value=${v.values[name]} min=${limits.min ?? nothing} max=${limits.max ?? nothing}
    ?required=${name === 'signedDate'} aria-invalid=${v.errors[name] ? 'true' : 'false'} aria-describedby=${describedBy(v, name)}>`;

function progress(v: FormView): unknown {
  if (!v.uploading) return nothing;
  const percent = Math.round(v.progress);
  return html`<div part="progress-box"><label for="progress">${v.u.progress}</label>
    <progress id="progress" part="progress" max="100" value=${percent}>${percent} %</progress></div>`;
}

/** The upload form: summary of errors, drop zone with the file input, the fields, submit, progress. */
export function renderForm(v: FormView): TemplateResult {
  return html`<form part="form" novalidate @submit=${v.onSubmit} @input=${v.onInput} @change=${v.onInput}>
    ${summary(v)}
    <fieldset ?disabled=${v.uploading}>
      <div part="dropzone" class=${v.dragging ? 'over' : ''} @dragenter=${v.onDrag} @dragover=${v.onDrag} @dragleave=${v.onDrag} @drop=${v.onDrop}>
        ${label(v, 'file')}
        <p class="hint" id="file-hint">${v.u.fileHint}</p>
        <input id="file" name="file" type="file" part="file" required accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          aria-invalid=${v.errors.file ? 'true' : 'false'} aria-describedby=${describedBy(v, 'file', true)} @change=${v.onFile}>
        ${errorOf(v, 'file')}
      </div>
      <div>${label(v, 'zone')}${zoneSelect(v)}${errorOf(v, 'zone')}</div>
      <div>${label(v, 'exemptionReason')}${reasonSelect(v)}${errorOf(v, 'exemptionReason')}</div>
      <div>${label(v, 'signedDate')}${dateInput(v, 'signedDate', { max: v.today })}${errorOf(v, 'signedDate')}</div>
      <div>${label(v, 'expirationDate', true)}${dateInput(v, 'expirationDate', { min: v.values.signedDate ? dayAfter(v.values.signedDate) : undefined })}${errorOf(v, 'expirationDate')}</div>
      <div>${label(v, 'exemptionNumber', true)}<input id="exemptionNumber" name="exemptionNumber" type="text" autocomplete="off" maxlength="50"
        .value=${v.values.exemptionNumber} aria-invalid=${v.errors.exemptionNumber ? 'true' : 'false'} aria-describedby=${describedBy(v, 'exemptionNumber')}>${errorOf(v, 'exemptionNumber')}</div>
      <button part="submit" type="submit">${v.u.submit}</button>
    </fieldset>
    ${progress(v)}
  </form>`;
}

/** The name of an exemption reason in the page's language (its code when it has none). */
const reasonName = (t: Strings, code: string): string => t[`reason:${code}`] || code;

/** What was stored: customer, zone, reason, the status the companion reported and when the certificate ends. */
export function renderConfirmation(u: UploadStrings, t: Strings, result: UploadResult, el: Element): TemplateResult {
  const { customerCode, zone, certificate, status } = result;
  return html`<dl part="details">
    <dt class="k">${u.customer}</dt><dd>${customerCode}</dd>
    <dt class="k">${u.zone}</dt><dd>${zone.name}</dd>
    <dt class="k">${u.reason}</dt><dd>${reasonName(t, certificate.exemptionReason)}</dd>
    <dt class="k">${u.status}</dt><dd>${t[status]} · ${endText(t, certificate.expirationDate, el)}</dd>
  </dl>`;
}
