import { html, type TemplateResult } from 'lit';
import type { CertificateSummary, CertStatus, StatusList } from '../../client/contract.js';
import { fill, intl } from '../shared/parts.js';
import type { Strings } from '../shared/strings.js';

// List mode of `<cert-status>` (no `region`: every certificate on file), loaded with the first
// list: a page that shows one zone's status never fetches it.

/** Best first: the list's summary is the first of these found on file. */
const RANK: CertStatus[] = ['exempt', 'expiring', 'pending', 'expired', 'invalid'];

/** The state of a list: its best certificate's status, or `missing` when none is on file. */
export const summary = (list: StatusList): CertStatus => RANK.find((s) => list.certificates.some((c) => c.status === s)) ?? 'missing';

/** The badge of a list: `{count}` certificates, the number in the element's language. */
export const countLabel = (host: Element, t: Strings, count: number): string => fill(t.list, { count: intl(host, (lang) => count.toLocaleString(lang)) });

/** One line per certificate: its zone with its status, then what `describe` adds (reason, end, document). */
export const details = (t: Strings, list: StatusList, describe: (cert: CertificateSummary, first: string, zone: string) => unknown): TemplateResult =>
  html`<ul part="details">${list.certificates.map((c) => html`<li>${describe(c.certificate, fill(t.zoneStatus, { zone: c.zone.name, status: t[c.status] }), c.zone.name)}</li>`)}</ul>`;
