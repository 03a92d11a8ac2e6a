import { html, type TemplateResult } from 'lit';
import type { CertClient } from '../../client/cert-client.js';
import type { CertificateSummary, StatusList, StatusVerdict } from '../../client/contract.js';
import type { TokenSourceOptions } from '../../client/token-source.js';
import { adoptStyle, SECONDARY, SR } from '../shared/adopt-style.js';
import type { Strings } from '../shared/strings.js';
import { tokenGrants } from '../shared/token-scope.js';

// Document viewing of `<cert-status>`, loaded when an answer first names a certificate with a
// stored document: a page whose certificates have none never fetches it.

/** What document viewing needs of its `<cert-status>`. */
interface DocumentsHost extends HTMLElement {
  verdict?: StatusVerdict;
  list?: StatusList;
  notice?: string;
  openDocument(id: number): Promise<void>;
  requestUpdate(): void;
}

/** Only a token with `certificate:read` may fetch documents: without it no button is offered. */
export const mayOpenDocuments = (host: TokenSourceOptions, client: CertClient, signal: AbortSignal): Promise<boolean> =>
  tokenGrants(host, client.customerCode, 'certificate:read', signal);

/**
 * `text` (a certificate's line) followed by its "View certificate" button when it has a stored
 * document (else undefined): a secondary action, outlined, on its own line below the details. The zone in the accessible name tells the buttons
 * of a list apart.
 */
export function documentButton(host: DocumentsHost, t: Strings, cert: CertificateSummary | null, zone: string, text: unknown): TemplateResult | undefined {
  if (!cert?.documentAvailable) return undefined;
  adoptStyle(host.shadowRoot, SECONDARY);
  adoptStyle(host.shadowRoot, SR);
  return html`${text}<button part="button document" class="s" type="button" @click=${() => host.openDocument(cert.id)}>${t.view}<span class="sr"> (${zone})</span></button>`;
}

/**
 * Opens certificate `id`'s stored document (`openDocument()` of the element), titled after its
 * zone; the opener loads on the first click (see `cert-status.document-open.ts`).
 */
export function openDocument(host: DocumentsHost, client: CertClient, id: number, signal?: AbortSignal): Promise<void> {
  const zone = host.verdict?.zone.name ?? host.list?.certificates.find((c) => c.certificate.id === id)?.zone.name;
  return import('./cert-status.document-open.js').then((m) => m.openDocument(host, client, id, zone, signal));
}
