import { html, nothing, type TemplateResult } from 'lit';
import type { CustomerSummary, ErrorDetail } from '../../client/contract.js';
import type { LookupStrings } from './customer-lookup.strings.js';
import type { Strings } from '../shared/i18n.js';

/** How a chosen customer reads in the field and in the announcement: "CODE — Name". */
export const describeCustomer = (c: CustomerSummary): string => `${c.customerCode} — ${c.name}`;

/** What the live region needs to know to say where the lookup stands. */
export interface LookupSituation {
  state: string;
  minChars: number;
  shown: number;
  total: number;
  query: string;
  selected: CustomerSummary | null;
  error?: ErrorDetail;
}

/** Text of the lookup's live region (result count, no match, choice, error kind). */
export function lookupStatus(s: LookupSituation, t: Strings, l: LookupStrings): string {
  switch (s.state) {
    case 'idle':
      return l.hint(s.minChars);
    case 'searching':
      return l.searching;
    case 'results':
      return l.found(s.shown, s.total);
    case 'no-results':
      return l.none(s.query);
    case 'selected':
      return s.selected ? l.selected(describeCustomer(s.selected)) : '';
    case 'error':
      return s.error?.code === 'configuration_error' ? t.config : t.error;
  }
  return t[s.state as keyof Strings] ?? '';
}

/** One result row; `id` is what the combobox's `aria-activedescendant` points at. */
export function optionRow(c: CustomerSummary, id: string, active: boolean, choose: () => void): TemplateResult {
  const place = [c.city, c.region].filter(Boolean).join(', ');
  return html`<li id=${id} part=${active ? 'option option-active' : 'option'} role="option" aria-selected=${active ? 'true' : 'false'}
    @click=${choose}><span part="code">${c.customerCode}</span> <span part="name">${c.name}</span>${place ? html` <span part="place">${place}</span>` : nothing}</li>`;
}
