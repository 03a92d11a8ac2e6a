import { html, type TemplateResult } from 'lit';
import { langOf, type Strings } from './i18n.js';

/** Icon plus label; the label is the element's one polite live region, present from first paint. */
export const badge = (icon: string, label: string): TemplateResult =>
  html`<span part="badge"><span part="icon" aria-hidden="true">${icon}</span> <span part="label" role="status">${label}</span></span>`;

/** Fills the `{name}` placeholders of a localized text. */
export const fill = (text: string, values: Record<string, string>): string => text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

/**
 * What `format` makes in the element's language; in English when the page's `lang` is no BCP 47
 * tag (Intl throws for `en_US`, or the POSIX "C" a browser may report); '' when neither works.
 */
export function intl(el: Element, format: (lang: string) => string): string {
  for (const lang of [langOf(el), 'en']) {
    try {
      return format(lang);
    } catch {
      // the next language
    }
  }
  return '';
}

/** A `YYYY-MM-DD` calendar date in the element's language, its spaces unbreakable ("Dec 13, 2026" stays on one line). */
export const formatDate = (date: string, el: Element): string =>
  intl(el, (lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(date))).replace(/ /g, '\xa0') || date;

/**
 * When a certificate ends, in words that fit the date: "Expired on Nov 1, 2026", "Expires in
 * 12 days, on Dec 13, 2026" (within 30 days), "Expires on Oct 31, 2028", or "No end date".
 * Days are counted in UTC, as the companion decides a status.
 */
export function endText(t: Strings, end: string | null, el: Element): string {
  if (!end) return t.noEnd;
  const days = Math.ceil((Date.parse(end) - Date.now()) / 864e5);
  return fill(days < 0 ? t.expiredOn : days > 30 ? t.expiresOn : t.expiresIn, {
    date: formatDate(end, el),
    when: intl(el, (lang) => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(days, 'day')),
  });
}
