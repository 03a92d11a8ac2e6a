import { html, type TemplateResult } from 'lit';
import { langOf } from './i18n.js';

/** Icon plus label; the label is the element's one polite live region, present from first paint. */
export const badge = (icon: string, label: string): TemplateResult =>
  html`<span part="badge"><span part="icon" aria-hidden="true">${icon}</span> <span part="label" role="status">${label}</span></span>`;

/** A `YYYY-MM-DD` calendar date in the element's language. */
export function formatDate(date: string, el: Element): string {
  try {
    return new Intl.DateTimeFormat(langOf(el), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  } catch {
    return date;
  }
}
