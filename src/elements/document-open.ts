import type { CertClient } from '../client/cert-client.js';
import type { CertApiError } from '../client/errors.js';

// Loaded on the first "View certificate" click only, so the storefront bundle stays lean. Type
// imports only: a value import shared with the main bundle would split it into extra chunks.

/** The refusal note in en, es, fr. */
const REFUSED: Record<string, string> = {
  en: 'You may not open certificate documents.',
  es: 'No puede abrir documentos de certificados.',
  fr: "Vous ne pouvez pas ouvrir les documents de certificat.",
};

/** How long the object URL lives: long enough for the new tab (or download) to read it. */
export const DOCUMENT_URL_LIFETIME_MS = 60_000;

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** What the element shows the note through: its label (the live region) reads `notice`. */
interface NoticeHost {
  notice?: string;
  requestUpdate(): void;
}

/**
 * Fetches certificate `id`'s document with the bearer token (never a public URL), and opens it in
 * a new tab through a short-lived object URL; when the browser blocks the tab it is downloaded.
 * Only a PDF, JPEG or PNG is opened: any other type (HTML, SVG…) would run in this page's origin,
 * so it is downloaded as `application/octet-stream` instead.
 * A refusal or failure becomes `host.notice`; nothing is thrown.
 */
export async function openDocument(host: NoticeHost, client: CertClient, id: number, lang: string, signal?: AbortSignal): Promise<void> {
  host.notice = undefined;
  host.requestUpdate();
  try {
    const blob = await client.request<Blob>('GET', `/v1/certificates/${encodeURIComponent(id)}/document`, undefined, { signal, blob: true });
    const extension = EXTENSIONS[blob.type];
    const url = URL.createObjectURL(extension ? blob : new Blob([blob], { type: 'application/octet-stream' }));
    setTimeout(() => URL.revokeObjectURL(url), DOCUMENT_URL_LIFETIME_MS);
    const tab = extension ? window.open(url, '_blank') : null;
    if (tab) tab.opener = null;
    else {
      const a = document.createElement('a');
      a.href = url;
      a.download = `certificate-${id}.${extension ?? 'bin'}`;
      a.click();
    }
  } catch (e) {
    const { code, message, name } = e as CertApiError;
    if (name === 'AbortError') return;
    host.notice = code === 'forbidden' ? (REFUSED[lang.slice(0, 2).toLowerCase()] ?? REFUSED.en) : message || 'The document could not be opened.';
    host.requestUpdate();
  }
}
