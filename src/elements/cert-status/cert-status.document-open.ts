import type { CertClient } from '../../client/cert-client.js';
import type { CertApiError } from '../../client/errors.js';
import { hostTable } from '../shared/host-table.js';
import { langOf } from '../shared/i18n.js';
import { fill } from '../shared/parts.js';

// Loaded on the first "View certificate" click only, so the storefront bundle stays lean.

/** The opener's texts in one language. */
export interface DocumentTexts {
  /** Title of the tab, and the start of the file name: `{zone}` (or the certificate's number). */
  title: string;
  /** The link above the document that saves it: `{file}` is the file name. */
  download: string;
  /** A 403 on the document. */
  refused: string;
  /** Any other failure. */
  failed: string;
}

const TEXTS: Record<string, DocumentTexts> = {
  en: { title: 'Exemption certificate, {zone}', download: 'Download {file}', refused: 'You may not open certificate documents.', failed: 'The document could not be opened.' },
  es: { title: 'Certificado de exención, {zone}', download: 'Descargar {file}', refused: 'No puede abrir documentos de certificados.', failed: 'No se pudo abrir el documento.' },
  fr: { title: 'Certificat d’exonération, {zone}', download: 'Télécharger {file}', refused: 'Vous ne pouvez pas ouvrir les documents de certificat.', failed: 'Le document n’a pas pu être ouvert.' },
};

/** How long the object URL of a download lives: long enough for the browser to save it. */
export const DOCUMENT_URL_LIFETIME_MS = 60_000;

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** What the element shows the note through: its label (the live region) reads `notice`. */
interface NoticeHost extends Element {
  notice?: string;
  requestUpdate(): void;
}

/** A file name from a title: `Certificat d’exonération, Québec` → `certificat-d-exoneration-quebec`. */
const slug = (text: string): string =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * The new tab's page: titled after the certificate, a link that saves the file under its name,
 * and the document below it. Styles go through the CSSOM, which a strict page CSP allows; when
 * the page's CSP refuses the object URL in a frame, the tab shows the document itself instead.
 */
function fillTab(tab: Window, url: string, title: string, file: string, download: string, lang: string): void {
  const doc = tab.document;
  doc.title = title;
  doc.documentElement.lang = lang;
  doc.addEventListener('securitypolicyviolation', () => tab.location.replace(url), { once: true });
  const link = Object.assign(doc.createElement('a'), { href: url, download: file, textContent: download });
  const image = !file.endsWith('.pdf');
  const view = Object.assign(doc.createElement(image ? 'img' : 'iframe'), { src: url, title, alt: title });
  Object.assign(doc.body.style, { margin: '0', display: 'flex', flexDirection: 'column', height: '100vh', font: '16px system-ui, sans-serif' });
  Object.assign(link.style, { padding: '.75em 1em' });
  Object.assign(view.style, { flex: '1', minHeight: '0', width: '100%', border: '0', objectFit: 'contain' });
  doc.body.append(link, view);
}

/**
 * Fetches certificate `id`'s document with the bearer token (never a public URL) and opens it in
 * a new tab titled after it ("Exemption certificate, Washington"), with a link that saves it as
 * `exemption-certificate-washington-12.pdf`; when the browser blocks the tab it is downloaded
 * under that name. Only a PDF, JPEG or PNG is shown: any other type (HTML, SVG…) would run in
 * this page's origin, so it is downloaded as `application/octet-stream` instead. The object URL
 * lives while the tab is open. A refusal or failure becomes `host.notice`; nothing is thrown.
 */
export async function openDocument(host: NoticeHost, client: CertClient, id: number, zone: string | undefined, signal?: AbortSignal): Promise<void> {
  const lang = langOf(host);
  const t = hostTable(lang, 'document', TEXTS);
  host.notice = undefined;
  host.requestUpdate();
  try {
    const blob = await client.request<Blob>('GET', `/v1/certificates/${encodeURIComponent(id)}/document`, undefined, { signal, blob: true });
    const extension = EXTENSIONS[blob.type];
    const title = fill(t.title, { zone: zone ?? `#${id}` });
    const file = `${slug(fill(t.title, { zone: zone ?? '' }))}-${id}.${extension ?? 'bin'}`;
    const url = URL.createObjectURL(extension ? blob : new Blob([blob], { type: 'application/octet-stream' }));
    const revoke = (): void => URL.revokeObjectURL(url);
    const tab = extension ? window.open('', '_blank') : null;
    if (tab) {
      tab.opener = null;
      fillTab(tab, url, title, file, fill(t.download, { file }), lang);
      const watch = setInterval(() => tab.closed && (revoke(), clearInterval(watch)), 5000);
    } else {
      setTimeout(revoke, DOCUMENT_URL_LIFETIME_MS);
      const a = document.createElement('a');
      a.href = url;
      a.download = file;
      a.click();
    }
  } catch (e) {
    const { code, name } = e as CertApiError;
    if (name === 'AbortError') return;
    // What went wrong in detail is the integrator's: in the console; the person reads it in their language.
    console.warn(`<${host.localName}> document ${id}: ${(e as Error).message}`);
    host.notice = code === 'forbidden' ? t.refused : t.failed;
    host.requestUpdate();
  }
}
