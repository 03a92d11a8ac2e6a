import { nothing } from 'lit';
import type { CertClient } from '../../client/cert-client.js';
import type { ExemptionReason, ExposureZone, UploadResult } from '../../client/contract.js';
import { configError, isAbort, toErrorDetail } from '../../client/errors.js';
import { tokenSource } from '../../client/token-source.js';
import { uploadCertificate } from '../../client/upload.js';
import { CertElement, type CommonState } from '../shared/cert-element.js';
import './cert-upload.events.js';
import { renderConfirmation, renderForm } from './cert-upload.form.js';
import { uploadStringsFor, type UploadStrings } from './cert-upload.strings.js';
import { uploadStyles } from './cert-upload.styles.js';
import {
  fileProblem,
  serverFieldErrors,
  toCertificateFields,
  utcToday,
  validateFields,
  type FieldErrors,
  type UploadField,
  type UploadValues,
} from './cert-upload.validate.js';
import { emit } from '../shared/events.js';
import { langOf, type Strings } from '../shared/i18n.js';

/** Every state `<cert-upload>` shows (reflected as its `state` attribute). */
export type CertUploadState = 'loading' | 'idle' | 'uploading' | 'uploaded' | CommonState;

type Values = Omit<UploadValues, 'badInput'>;
const EMPTY: Values = { zone: '', exemptionReason: '', signedDate: '', expirationDate: '', exemptionNumber: '' };

/**
 * Uploads a sales-tax exemption certificate the customer handed over (PDF, JPEG or PNG, at most
 * 10 MB) with its exposure zone, exemption reason and dates. Everything is checked in the page
 * first (the file by its content), errors are tied to their fields and listed in a summary that
 * takes focus; the upload shows its progress and ends with the certificate's status.
 *
 * @tagname cert-upload
 * @summary Upload an exemption certificate for a customer.
 *
 * @fires {CustomEvent<CertUploadedDetail>} cert-uploaded - The certificate is stored: `{customerCode, certificate, zone, status}`.
 * @fires {CustomEvent<ErrorDetail>} cert-error - Loading or uploading failed, or an attribute is wrong: `{code, message, retryable, fields?}`.
 *
 * @csspart base - The outer box.
 * @csspart badge - Icon and label of the state.
 * @csspart icon - The state symbol.
 * @csspart label - The state text; the element's one polite live region (announces start and end of an upload).
 * @csspart form - The upload form.
 * @csspart summary - The list of fields to correct; takes focus after a refused submit.
 * @csspart dropzone - The area that accepts a dropped file, around the file input.
 * @csspart file - The file input.
 * @csspart submit - The upload button.
 * @csspart progress-box - Label and bar shown while uploading.
 * @csspart progress - The progress bar.
 * @csspart details - Customer, zone, reason, status and expiration of the uploaded certificate.
 * @csspart message - Error text.
 * @csspart button - "Upload another" and retry buttons.
 *
 * @cssprop [--cert-color=light-dark(#1f2328, #e6edf3)] - Text colour.
 * @cssprop [--cert-background=light-dark(#fff, #0d1117)] - Background of the box and the inputs.
 * @cssprop [--cert-border-color=light-dark(#d1d9e0, #3d444d)] - Border colour of the box.
 * @cssprop [--cert-radius=6px] - Corner radius.
 * @cssprop [--cert-padding=.75em 1em] - Inner spacing.
 * @cssprop [--cert-min-height=4.5em] - Height reserved from first paint.
 * @cssprop [--cert-success-color=light-dark(#1a7f37, #3fb950)] - Uploaded.
 * @cssprop [--cert-danger-color=light-dark(#cf222e, #f85149)] - Field errors, failures.
 * @cssprop [--cert-muted-color=light-dark(#59636e, #9198a1)] - Hints and input borders.
 * @cssprop [--cert-accent-color=light-dark(#0969da, #4493f8)] - Buttons, links, drop highlight.
 * @cssprop [--cert-accent-contrast=light-dark(#fff, #0d1117)] - Text on buttons.
 */
export class CertUploadElement extends CertElement {
  static override styles = [CertElement.styles, uploadStyles];

  /** Current state (read-only). */
  declare state: CertUploadState;

  /** The companion's answer of the last upload (state `uploaded`). */
  result?: UploadResult;

  #zones?: ExposureZone[];
  #reasons?: ExemptionReason[];
  #values: Values = { ...EMPTY };
  #file?: File;
  #errors: FieldErrors = {};
  #progress = 0;
  #dragging = false;
  /** The upload's own abort: attribute changes leave it running, removal ends it. */
  #upload?: AbortController;
  /** Set by {@link reset}: the file input takes focus once the fresh form is shown. */
  #focusFile = false;
  /** Customer and zone the form was filled for. */
  #target?: string;

  constructor() {
    super();
    this.state = 'loading';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#upload) {
      this.#upload.abort();
      this.#upload = undefined;
      this.state = 'idle';
    }
  }

  protected override begin(client: CertClient, signal: AbortSignal): void {
    if (this.state === 'uploading') return;
    // Another customer or zone: nothing entered for the last one may go to this one.
    const target = `${this.customerCode}|${this.country}|${this.region}`;
    if (target !== this.#target) {
      this.#clear();
      if (this.state === 'uploaded') this.state = 'loading';
    }
    this.#target = target;
    void this.#prepare(client, signal);
  }

  /** Loads zones and reasons (once), checks the token fits, and pre-selects the attributes' zone. */
  async #prepare(client: CertClient, signal: AbortSignal): Promise<void> {
    if (!this.#zones || !this.#reasons) this.state = 'loading';
    try {
      const [zones, reasons] = await Promise.all([
        this.#zones ?? client.request<{ exposureZones: ExposureZone[] }>('GET', '/v1/exposure-zones', undefined, { signal }).then((a) => a.exposureZones),
        this.#reasons ?? client.request<{ exemptionReasons: ExemptionReason[] }>('GET', '/v1/exemption-reasons', undefined, { signal }).then((a) => a.exemptionReasons),
      ]);
      this.#zones = zones;
      this.#reasons = reasons;
      // A staff token serves any customer: without customer-code there is no one to upload for.
      const token = await tokenSource(this).get(this.customerCode || undefined, signal);
      if (token.customerCode === '*' && !this.customerCode) throw configError('customer-code');
      const zone = this.region && `${this.zoneCountry}-${this.region}`.toUpperCase();
      if (zone && zones.some((z) => `${z.country}-${z.region}` === zone)) this.#values.zone = zone;
      this.state = 'idle';
      this.requestUpdate();
      if (this.#focusFile) {
        this.#focusFile = false;
        await this.updateComplete;
        this.#focusField('file');
      }
    } catch (e) {
      if (!isAbort(e)) this.fail(e);
    }
  }

  /** Clears the form (and the last result) for the next certificate. */
  reset(): void {
    this.#upload?.abort();
    this.#upload = undefined;
    this.#clear();
    this.#focusFile = this.state === 'uploaded';
    this.restart();
  }

  /** Forgets what was entered (the chosen file too, also in the file input) and the last result. */
  #clear(): void {
    this.#values = { ...EMPTY };
    this.#file = undefined;
    this.#errors = {};
    this.result = undefined;
    const input = this.renderRoot?.querySelector<HTMLInputElement>('#file');
    if (input) input.value = '';
  }

  get #u(): UploadStrings {
    return uploadStringsFor(langOf(this));
  }

  #input = (e: Event): void => {
    const { name, value } = e.target as HTMLInputElement;
    if (name in this.#values) {
      this.#values[name as keyof Values] = value;
      // The expiration's lower bound follows the signed date.
      if (name === 'signedDate') this.requestUpdate();
    }
  };

  #fileChosen = (e: Event): void => {
    e.stopPropagation();
    void this.#takeFile((e.target as HTMLInputElement).files?.[0]);
  };

  async #takeFile(file: File | undefined): Promise<void> {
    this.#file = file;
    const problem = file && (await fileProblem(file));
    if (this.#file !== file) return;
    const { file: _old, ...rest } = this.#errors;
    this.#errors = problem ? { ...rest, file: problem } : rest;
    this.requestUpdate();
  }

  #drag = (e: DragEvent): void => {
    e.preventDefault();
    const over = e.type !== 'dragleave';
    if (over !== this.#dragging) {
      this.#dragging = over;
      this.requestUpdate();
    }
  };

  #drop = (e: DragEvent): void => {
    e.preventDefault();
    this.#dragging = false;
    const file = e.dataTransfer?.files[0];
    if (this.state === 'uploading' || !file) return void this.requestUpdate();
    // The input shows the dropped file, so both ways of choosing end in the same place.
    const input = this.renderRoot.querySelector<HTMLInputElement>('#file');
    if (input) {
      const one = new DataTransfer();
      one.items.add(file);
      input.files = one.files;
    }
    void this.#takeFile(file);
  };

  #focusField = (name: UploadField): void => {
    this.renderRoot.querySelector<HTMLElement>(`#${name}`)?.focus();
  };

  #submit = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    if (this.state === 'uploading' || !this.client) return;
    const form = e.target as HTMLFormElement;
    const badInput = (['signedDate', 'expirationDate'] as const).filter(
      (name) => form.querySelector<HTMLInputElement>(`#${name}`)?.validity.badInput,
    );
    const values = { ...this.#values, badInput };
    // What the input holds now, never a file remembered from an earlier form.
    const file = form.querySelector<HTMLInputElement>('#file')?.files?.[0];
    const errors = validateFields(values, utcToday());
    const problem = await fileProblem(file);
    if (problem) errors.file = problem;
    if (Object.keys(errors).length) return this.#refuse(errors);

    const upload = (this.#upload = new AbortController());
    this.#errors = {};
    this.#progress = 0;
    this.error = undefined;
    this.state = 'uploading';
    try {
      const result = await uploadCertificate(this, file!, toCertificateFields(values), {
        signal: upload.signal,
        onProgress: (loaded, total) => {
          this.#progress = total ? (100 * loaded) / total : 0;
          this.requestUpdate();
        },
      });
      this.#upload = undefined;
      this.#clear();
      this.result = result;
      this.client.invalidateStatus();
      this.state = 'uploaded';
      emit(this, 'cert-uploaded', result);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~=button]')?.focus();
    } catch (e) {
      if (isAbort(e)) return;
      this.#upload = undefined;
      const fieldErrors = serverFieldErrors(toErrorDetail(e));
      if (!Object.keys(fieldErrors).length) return this.fail(e);
      emit(this, 'cert-error', toErrorDetail(e));
      await this.#refuse(fieldErrors);
    }
  };

  /** Shows the field errors and moves focus to their summary. */
  async #refuse(errors: FieldErrors): Promise<void> {
    this.#errors = errors;
    this.state = 'idle';
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#summary')?.focus();
  }

  protected override label(t: Strings): string {
    const state = this.state;
    if (state === 'error' && this.error?.code === 'configuration_error') return t.config;
    return state === 'signed-out' || state === 'not-allowed' || state === 'choose' ? t[state] : this.#u[state as keyof UploadStrings];
  }

  protected override tone(): string {
    return this.state === 'uploaded' ? 'ok' : /^(error|not-allowed)$/.test(this.state) ? 'bad' : '';
  }

  protected override body(t: Strings): unknown {
    const { state, error } = this;
    if (state === 'loading' || state === 'choose') return nothing;
    if (state === 'uploaded') return this.#confirmation(t);
    const ready = !!(this.#zones && this.#reasons) && state !== 'not-allowed' && error?.code !== 'configuration_error';
    // Without the form there is nothing to resubmit: offer to load it again (not for a bad attribute).
    const retry = !ready && state !== 'not-allowed' && error?.code !== 'configuration_error' ? () => this.restart() : undefined;
    const message = error && /^(error|signed-out|not-allowed)$/.test(state) ? this.errorBody(t, retry) : nothing;
    return [message, ready ? this.#form() : nothing];
  }

  #form(): unknown {
    return renderForm({
      u: this.#u,
      t: this.strings,
      lang: langOf(this),
      zones: this.#zones!,
      reasons: this.#reasons!,
      values: this.#values,
      errors: this.#errors,
      uploading: this.state === 'uploading',
      progress: this.#progress,
      dragging: this.#dragging,
      today: utcToday(),
      onSubmit: this.#submit,
      onInput: this.#input,
      onFile: this.#fileChosen,
      onDrag: this.#drag,
      onDrop: this.#drop,
      focusField: this.#focusField,
    });
  }

  #confirmation(t: Strings): unknown {
    return [renderConfirmation(this.#u, t, this.result!, this), this.button(this.#u.another, () => this.reset())];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cert-upload': CertUploadElement;
  }
}
