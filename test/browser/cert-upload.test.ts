import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/elements/define-cert-upload.js';
import '../../src/elements/define-cert-status.js';
import type { CertUploadElement } from '../../src/elements/cert-upload/cert-upload.js';
import type { CertStatusElement } from '../../src/elements/cert-status/cert-status.js';
import { uploadTimings } from '../../src/client/upload.js';
import { serverFieldErrors } from '../../src/elements/cert-upload/cert-upload.validate.js';
import { fastTimings, freshEndpoint, hits, injectFaults, resetBackend, setRole, useRealBackend } from './fixtures/backend.js';
import { emptyFile, fakePngFile, jpegFile, oversizedFile, pdfFile, pick, pngFile, renamedTextFile } from './fixtures/files.js';

interface SdkCertificate {
  id: number;
  signedDate: string;
  expirationDate?: string;
  exemptionNumber?: string;
  exemptionReason?: { name: string };
  exposureZone?: { name: string };
  customers?: Array<{ customerCode: string }>;
}

const UPLOAD_TIMINGS = { ...uploadTimings };

/** `YYYY-MM-DD`, `days` from today (UTC, as the companion counts). */
function day(days: number): string {
  const at = new Date();
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = (el: Element, selector: string): Element[] => [...el.shadowRoot!.querySelectorAll(selector)];
const label = (el: CertUploadElement): string => $(el, '[part~=label]').textContent!;

async function mount(attrs = '', { lang = 'en', endpoint = freshEndpoint() } = {}): Promise<CertUploadElement> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.lang = lang;
  host.innerHTML = `<cert-upload token-endpoint="${endpoint}" ${attrs}></cert-upload>`;
  const el = host.querySelector('cert-upload')!;
  await waitUntil(() => el.state !== 'loading', 'still loading', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** Sets a field as typing or choosing would (with the event the form listens to). */
function set(el: CertUploadElement, id: string, value: string): void {
  const field = $<HTMLInputElement | HTMLSelectElement>(el, `#${id}`);
  field.value = value;
  field.dispatchEvent(new Event(field.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
}

async function fill(el: CertUploadElement, file: File, fields: Record<string, string> = {}): Promise<void> {
  pick($<HTMLInputElement>(el, '#file'), file);
  for (const [id, value] of Object.entries({ exemptionReason: 'RESALE', signedDate: day(-5), ...fields })) set(el, id, value);
  await el.updateComplete;
}

const submit = (el: CertUploadElement): void => $<HTMLButtonElement>(el, '[part~=submit]').click();

async function uploaded(el: CertUploadElement): Promise<CustomEvent> {
  const done = oneEvent(document, 'cert-uploaded');
  submit(el);
  const event = (await done) as CustomEvent;
  await el.updateComplete;
  return event;
}

async function sdkCertificates(customerCode: string): Promise<SdkCertificate[]> {
  const res = await fetch(`/_test/sdk/certificates?customerCode=${encodeURIComponent(customerCode)}`);
  expect(res.status).to.equal(200);
  return ((await res.json()) as { certificates: SdkCertificate[] }).certificates;
}

async function statusOf(customer: string, region: string, endpoint: string): Promise<CertStatusElement> {
  const el = await fixture<CertStatusElement>(html`<cert-status token-endpoint=${endpoint} customer-code=${customer} region=${region}></cert-status>`);
  await waitUntil(() => el.state !== 'loading', 'status still loading', { timeout: 5000 });
  return el;
}

/** The field's error text, found through its aria-describedby inside the shadow root. */
function errorFor(el: CertUploadElement, id: string): string {
  const field = $(el, `#${id}`);
  expect(field.getAttribute('aria-invalid'), `${id} aria-invalid`).to.equal('true');
  const ids = field.getAttribute('aria-describedby')!.split(' ');
  expect(ids, `${id} described by its error`).to.include(`${id}-error`);
  return $(el, `#${id}-error`).textContent!.replace('✕', '').trim();
}

describe('<cert-upload> against the real companion and sandbox', () => {
  useRealBackend('customer');
  afterEach(() => void Object.assign(uploadTimings, UPLOAD_TIMINGS));

  it('staff upload a PDF for C-1005 in WA: the SDK sees it and the status turns exempt', async () => {
    setRole('staff');
    const endpoint = freshEndpoint();
    const before = await statusOf('C-1005', 'WA', endpoint);
    expect(before.state).to.equal('missing');
    // Gone from the page, it cannot refresh itself on `cert-uploaded`: what follows shows the upload's own cache clearing.
    before.remove();

    const el = await mount('customer-code="C-1005" region="WA"', { endpoint });
    expect(el.state).to.equal('idle');
    expect($<HTMLSelectElement>(el, '#zone').value, 'zone pre-selected from the attributes').to.equal('US-WA');
    await expect(el).to.be.accessible();
    await fill(el, pdfFile('rainier-wa.pdf'), { expirationDate: day(700), exemptionNumber: 'WA-555-01' });
    const { detail } = await uploaded(el);

    expect(el.state).to.equal('uploaded');
    expect(detail.customerCode).to.equal('C-1005');
    expect(detail.zone).to.deep.equal({ country: 'US', region: 'WA', name: 'Washington' });
    expect(detail.certificate.exemptionReason).to.equal('RESALE');
    expect(detail.status).to.equal('exempt');
    expect(el.result).to.deep.equal(detail);
    const shown = $(el, '[part~=details]').textContent!;
    for (const text of ['C-1005', 'Washington', 'Resale', 'Certificate on file', 'Expires on']) expect(shown).to.contain(text);
    expect(label(el)).to.equal('Certificate uploaded');
    expect(el.shadowRoot!.activeElement?.textContent, 'focus on the next action').to.equal('Upload another');
    await expect(el).to.be.accessible();

    const found = (await sdkCertificates('C-1005')).find((c) => c.id === detail.certificate.id);
    expect(found, 'certificate visible through the SDK').to.exist;
    expect(found!.exposureZone?.name).to.equal('Washington');
    expect(found!.exemptionNumber).to.equal('WA-555-01');
    expect(found!.signedDate.slice(0, 10)).to.equal(day(-5));
    expect(found!.customers?.map((c) => c.customerCode)).to.include('C-1005');

    // Same page, same token endpoint: the cached "missing" was dropped by the upload.
    const after = await statusOf('C-1005', 'WA', endpoint);
    expect(after.state).to.equal('exempt');
    expect(after.verdict?.certificate?.id).to.equal(detail.certificate.id);
  });

  it('a buyer token (no customer-code) uploads a JPEG for itself', async () => {
    const el = await mount('region="VT"');
    await fill(el, await jpegFile());
    const { detail } = await uploaded(el);
    expect(detail.customerCode).to.equal('C-1001');
    expect(detail.zone.name).to.equal('Vermont');
    const found = (await sdkCertificates('C-1001')).find((c) => c.id === detail.certificate.id);
    expect(found?.exposureZone?.name).to.equal('Vermont');
    const status = await statusOf('C-1001', 'VT', freshEndpoint());
    expect(status.state).to.equal('exempt');
  });

  it('staff upload a PNG with the zone chosen in the form; "Upload another" starts afresh', async () => {
    setRole('staff');
    const el = await mount('customer-code="C-1005"');
    expect($<HTMLSelectElement>(el, '#zone').value).to.equal('');
    await fill(el, await pngFile(), { zone: 'US-ME', exemptionReason: 'EDUCATIONAL' });
    const { detail } = await uploaded(el);
    expect(detail.zone.name).to.equal('Maine');
    expect(detail.certificate.exemptionReason).to.equal('EDUCATIONAL');
    expect((await sdkCertificates('C-1005')).some((c) => c.id === detail.certificate.id && c.exposureZone?.name === 'Maine')).to.equal(true);

    $<HTMLButtonElement>(el, '[part~=button]').click();
    await waitUntil(() => el.state === 'idle' && !!$(el, '#file'), 'form not back');
    expect($<HTMLInputElement>(el, '#file').files).to.have.length(0);
    expect($<HTMLSelectElement>(el, '#exemptionReason').value).to.equal('');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'file', 'file input not focused');
  });

  const badFiles: Array<[string, () => File, string]> = [
    ['a renamed text file', renamedTextFile, 'The file is not a PDF, JPEG or PNG.'],
    ['an empty file', emptyFile, 'The file is empty. Choose the scanned certificate.'],
    ['an 11 MB file', oversizedFile, 'The file is larger than 10 MB.'],
  ];
  for (const [what, make, message] of badFiles) {
    it(`refuses ${what} with a clear message and sends nothing`, async () => {
      const el = await mount('region="WA"');
      await resetBackend();
      await fill(el, make());
      await waitUntil(() => $(el, '#file').getAttribute('aria-invalid') === 'true', 'file not flagged on choice');
      expect(errorFor(el, 'file')).to.equal(message);
      submit(el);
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'summary', 'summary not focused');
      expect($(el, '[part~=summary]').textContent).to.contain(message);
      expect(el.state).to.equal('idle');
      await expect(el).to.be.accessible();
      expect(await hits(), 'no request at all').to.deep.equal([]);
    });
  }

  it('each missing required field gets its message, tied to the field; the summary links to them', async () => {
    const el = await mount();
    await resetBackend();
    submit(el);
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'summary', 'summary not focused');
    expect(errorFor(el, 'file')).to.equal('Choose the certificate file.');
    expect(errorFor(el, 'zone')).to.equal('Choose the exposure zone.');
    expect(errorFor(el, 'exemptionReason')).to.equal('Choose the exemption reason.');
    expect(errorFor(el, 'signedDate')).to.equal('Enter the date the certificate was signed.');
    for (const optional of ['expirationDate', 'exemptionNumber']) expect($(el, `#${optional}`).getAttribute('aria-invalid')).to.equal('false');
    const links = $$(el, '[part~=summary] a') as HTMLAnchorElement[];
    expect(links.map((a) => a.textContent)).to.deep.equal([
      'Certificate file: Choose the certificate file.',
      'Exposure zone: Choose the exposure zone.',
      'Exemption reason: Choose the exemption reason.',
      'Signed on: Enter the date the certificate was signed.',
    ]);
    links[2]!.click();
    expect(el.shadowRoot!.activeElement?.id).to.equal('exemptionReason');
    await expect(el).to.be.accessible();
    expect(await hits()).to.deep.equal([]);
  });

  it('refuses an expiration before the signed date and a signed date in the future', async () => {
    const el = await mount('region="WA"');
    await resetBackend();
    await fill(el, pdfFile(), { signedDate: day(-3), expirationDate: day(-10) });
    submit(el);
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'summary', 'summary not focused');
    expect(errorFor(el, 'expirationDate')).to.equal('The expiration date must be after the signed date.');
    expect($(el, '#signedDate').getAttribute('aria-invalid')).to.equal('false');

    set(el, 'signedDate', day(2));
    set(el, 'expirationDate', day(30));
    submit(el);
    await waitUntil(() => $(el, '#signedDate').getAttribute('aria-invalid') === 'true', 'future date accepted');
    expect(errorFor(el, 'signedDate')).to.equal('The signed date cannot be in the future.');
    expect($(el, '#expirationDate').getAttribute('aria-invalid')).to.equal('false');
    expect(await hits()).to.deep.equal([]);
  });

  it('can be filled and submitted with the keyboard alone', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    // A date input has several stops (month, day, year, picker): Tab until focus leaves it.
    const tabOutOf = async (id: string): Promise<void> => {
      for (let stops = 0; stops < 6 && el.shadowRoot!.activeElement?.id === id; stops++) await sendKeys({ press: 'Tab' });
    };
    setRole('staff');
    const el = await mount('customer-code="C-1005"');
    // The operating system's file dialog is outside the page: the file is put in place, the rest is typed.
    pick($<HTMLInputElement>(el, '#file'), pdfFile('keyboard.pdf'));
    $(el, '#file').focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('zone');
    await sendKeys({ type: 'Wyoming' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('exemptionReason');
    await sendKeys({ type: 'RESA' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('signedDate');
    const signed = day(-20);
    const [y, m, d] = signed.split('-');
    // With separators, as a person types it: WebKit's date fields do not move on after two digits.
    await sendKeys({ type: `${m}/${d}/${y}` });
    expect($<HTMLInputElement>(el, '#signedDate').value).to.equal(signed);
    await tabOutOf('signedDate');
    expect(el.shadowRoot!.activeElement?.id).to.equal('expirationDate');
    await tabOutOf('expirationDate'); // optional: left empty
    expect(el.shadowRoot!.activeElement?.id).to.equal('exemptionNumber');
    await sendKeys({ type: 'WY-77' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('submit');
    const done = oneEvent(document, 'cert-uploaded');
    await sendKeys({ press: 'Enter' });
    const { detail } = (await done) as CustomEvent;
    expect(detail.zone.name).to.equal('Wyoming');
    expect(detail.certificate.exemptionReason).to.equal('RESALE');
    expect(detail.certificate.signedDate).to.equal(signed);
    expect(detail.certificate.exemptionNumber).to.equal('WY-77');
  });

  it('shows progress in a labelled bar and announces only the start and the end', async () => {
    setRole('staff');
    const el = await mount('customer-code="C-1005" region="OR"');
    await fill(el, pdfFile('big.pdf', 3 * 1024 * 1024));
    const values: number[] = [];
    const announced: string[] = [];
    let whileSending: { name?: string; locked: boolean } | undefined;
    const watch = new MutationObserver(() => {
      const bar = el.shadowRoot!.querySelector<HTMLProgressElement>('progress');
      if (bar && values.at(-1) !== bar.value) values.push(bar.value);
      if (bar) whileSending ??= { name: bar.labels[0]?.textContent ?? undefined, locked: $<HTMLFieldSetElement>(el, 'fieldset').disabled };
      if (announced.at(-1) !== label(el)) announced.push(label(el));
    });
    watch.observe(el.shadowRoot!, { subtree: true, attributes: true, childList: true, characterData: true });
    await uploaded(el);
    watch.disconnect();
    expect(whileSending, 'progress bar shown while sending').to.deep.equal({ name: 'Upload progress', locked: true });
    expect(values.at(-1), `progress values ${values.join()}`).to.equal(100);
    expect(announced).to.deep.equal(['Uploading certificate…', 'Certificate uploaded']);
  });

  it("maps the companion's 415 (a fake PNG that passes the first-bytes check) to the file field", async () => {
    const el = await mount('region="NM"');
    await fill(el, fakePngFile(), { exemptionNumber: 'NM-1' });
    expect($(el, '#file').getAttribute('aria-invalid'), 'passes the page check').to.equal('false');
    await resetBackend();
    const failed = oneEvent(el, 'cert-error');
    submit(el);
    const { detail } = (await failed) as CustomEvent;
    expect(detail.code).to.equal('unsupported_media_type');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'summary', 'summary not focused');
    expect(errorFor(el, 'file')).to.equal('The file is not a PDF, JPEG or PNG.');
    expect(el.state).to.equal('idle');
    expect($<HTMLSelectElement>(el, '#zone').value, 'nothing entered is lost').to.equal('US-NM');
    expect($<HTMLInputElement>(el, '#exemptionNumber').value).to.equal('NM-1');
    expect(await hits('POST /v1/certificates')).to.have.length(1);
  });

  it('renews the token once on a 401 and sends again', async () => {
    const el = await mount('region="SD"');
    await fill(el, pdfFile());
    await resetBackend();
    await injectFaults({ unauthorized: 1 });
    await uploaded(el);
    expect(el.state).to.equal('uploaded');
    expect(await hits('POST /token')).to.have.length(1);
    expect(await hits('POST /v1/certificates')).to.have.length(2);
  });

  it('times out a stalled upload, keeps the form, and succeeds when sent again', async () => {
    fastTimings({ requestTimeoutMs: 300 });
    Object.assign(uploadTimings, { stallMs: 300 });
    const el = await mount('region="ND"');
    await fill(el, pdfFile('stalled.pdf'));
    await injectFaults({ hang: true });
    submit(el);
    await waitUntil(() => el.state === 'uploading');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.state === 'error', `state ${el.state}`, { timeout: 3000 });
    expect(el.error?.code).to.equal('timeout');
    expect($(el, '[part~=message]').textContent).to.equal('The certificate service can’t be reached right now.');
    expect($<HTMLInputElement>(el, '#file').files?.[0]?.name, 'the chosen file is kept').to.equal('stalled.pdf');
    await expect(el).to.be.accessible();
    await resetBackend();
    await uploaded(el);
    expect(el.state).to.equal('uploaded');
  });

  it('aborts the upload when removed', async () => {
    const el = await mount('region="KS"');
    await fill(el, pdfFile());
    await injectFaults({ hang: true });
    const abort = sinon.spy(XMLHttpRequest.prototype, 'abort');
    submit(el);
    await waitUntil(() => el.state === 'uploading');
    el.remove();
    expect(abort).to.have.been.calledOnce;
    expect(el.state).to.equal('idle');
  });

  it('drops a file onto the drop zone into the file input', async () => {
    const el = await mount('region="WA"');
    const data = new DataTransfer();
    data.items.add(renamedTextFile());
    $(el, '[part~=dropzone]').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    await waitUntil(() => $(el, '#file').getAttribute('aria-invalid') === 'true', 'dropped file not checked');
    expect($<HTMLInputElement>(el, '#file').files?.[0]?.name).to.equal('certificate.pdf');
    expect(errorFor(el, 'file')).to.equal('The file is not a PDF, JPEG or PNG.');
  });

  it('signed-out, not-allowed and configuration errors are clear and accessible', async () => {
    setRole('anonymous');
    const out = await mount('region="WA"');
    expect(out.state).to.equal('signed-out');
    expect(label(out)).to.equal('Please sign in');
    await expect(out).to.be.accessible();

    setRole('forbidden');
    const refused = await mount('region="WA"');
    expect(refused.state).to.equal('not-allowed');
    expect($(refused, 'form')).to.equal(null);
    await expect(refused).to.be.accessible();

    setRole('staff');
    const errors: string[][] = [];
    document.addEventListener('cert-error', (e) => errors.push((e as CustomEvent<{ fields?: string[] }>).detail.fields ?? []), { once: true });
    const nobody = await mount('region="WA"');
    expect(nobody.state).to.equal('error');
    expect(label(nobody)).to.equal('Configuration error');
    expect($(nobody, '[part~=message]').textContent).to.contain('customer-code');
    expect(errors).to.deep.equal([['customer-code']]);
    await expect(nobody).to.be.accessible();

    const host = await fixture<HTMLDivElement>(html`<div><cert-upload></cert-upload></div>`);
    const bare = host.querySelector('cert-upload')!;
    await waitUntil(() => bare.state === 'error');
    expect($(bare, '[part~=message]').textContent).to.contain('token-endpoint');
  });

  it('follows a customer lookup named by customer-source', async () => {
    setRole('staff');
    const host = await fixture<HTMLDivElement>(html`<div><div id="lookup"></div></div>`);
    host.insertAdjacentHTML('beforeend', `<cert-upload token-endpoint="${freshEndpoint()}" customer-source="lookup" region="WA"></cert-upload>`);
    const el = host.querySelector('cert-upload')!;
    await el.updateComplete;
    expect(el.state).to.equal('choose');
    expect(label(el)).to.equal('Choose a customer');
    await expect(el).to.be.accessible();
    // Like a real <customer-lookup>: the choice is kept on the element and announced by event,
    // so a follower that starts listening a moment later still adopts it.
    const lookup = host.querySelector('#lookup') as HTMLElement & { customer?: { customerCode: string; name: string } };
    lookup.customer = { customerCode: 'C-1005', name: 'Evergreen School District' };
    lookup.dispatchEvent(new CustomEvent('customer-select', { detail: { customer: lookup.customer }, bubbles: true, composed: true }));
    await waitUntil(() => el.state === 'idle', `state ${el.state}`);
    expect(el.customerCode).to.equal('C-1005');
    expect($<HTMLSelectElement>(el, '#zone').value).to.equal('US-WA');
  });

  it('is accessible in the dark theme with errors shown', async () => {
    const el = await mount('theme="dark" region="WA"');
    await fill(el, renamedTextFile(), { signedDate: day(3) });
    submit(el);
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'summary', 'summary not focused');
    await expect(el).to.be.accessible();
  });

  it("maps the companion's field names onto the form's fields", () => {
    expect(serverFieldErrors({ code: 'invalid_request', message: '', retryable: false, fields: ['country', 'region', 'signedDate', 'file', 'customerCode'] }))
      .to.deep.equal({ zone: 'invalidField', signedDate: 'invalidField', file: 'fileMissing' });
    expect(serverFieldErrors({ code: 'payload_too_large', message: '', retryable: false })).to.deep.equal({ file: 'fileLarge' });
    expect(serverFieldErrors({ code: 'upstream_unavailable', message: '', retryable: true, fields: ['file'] })).to.deep.equal({});
  });

  for (const [lang, texts] of [
    ['es', { idle: 'Subir un certificado de exención', file: 'Archivo del certificado', missing: 'Elija el archivo del certificado.', zone: 'Zona de exposición' }],
    ['fr', { idle: "Téléverser un certificat d'exonération", file: 'Fichier du certificat', missing: 'Choisissez le fichier du certificat.', zone: "Zone d'exposition" }],
  ] as const) {
    it(`speaks ${lang}`, async () => {
      const el = await mount('', { lang });
      expect(label(el)).to.equal(texts.idle);
      expect($(el, 'label[for=file]').textContent).to.equal(texts.file);
      expect($(el, 'label[for=zone]').textContent).to.equal(texts.zone);
      submit(el);
      await waitUntil(() => $(el, '#file').getAttribute('aria-invalid') === 'true');
      expect(errorFor(el, 'file')).to.equal(texts.missing);
      await expect(el).to.be.accessible();
      await aTimeout(0);
    });
  }
});
