// The texts a host may add or change, per language and table (`defineStrings`). Kept beside the
// define modules: it names every element's table, which the shared i18n module must not import.
import type { UploadStrings } from './cert-upload/cert-upload.strings.js';
import type { OptionsStrings } from './certexpress-link/certexpress-link.options-strings.js';
import type { LookupStrings } from './customer-lookup/customer-lookup.strings.js';
import type { DocumentTexts } from './cert-status/cert-status.document-open.js';
import type { RequestTexts } from './shared/request-view.js';
import { addHostStrings } from './shared/i18n.js';
import type { Strings } from './shared/strings.js';

export type { Strings } from './shared/strings.js';

/**
 * Strings a host supplies for one language through {@link defineStrings}, per table: `base` is
 * the shared table; the others belong to one element or view each. Any key may be left out.
 */
export interface HostStrings {
  base?: Partial<Strings>;
  /** Open certificate requests (`<cert-status>`, `<certexpress-link>` when a request was sent). */
  request?: Partial<RequestTexts>;
  /** The staff delivery form of `<certexpress-link options>`. */
  options?: Partial<OptionsStrings>;
  /** `<customer-lookup>`. */
  lookup?: Partial<LookupStrings>;
  /** `<cert-upload>`. */
  upload?: Partial<UploadStrings>;
  /** The certificate document opener ("View certificate"). */
  document?: Partial<DocumentTexts>;
}

/**
 * Adds or replaces strings of the elements for a language (by its primary subtag: `de` serves
 * `de-CH` too): a language without a built-in table starts from English, so a host may give only
 * what it has translated. Elements on the page show the new strings at once.
 */
export const defineStrings: (lang: string, strings: HostStrings) => void = addHostStrings;
