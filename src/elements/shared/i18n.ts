// UI strings of the elements, chosen by the nearest `lang` and followed live when a `lang`
// changes. Every language of the shared table, English included, is a module of its own loaded
// on first use: a page pays only for the language it shows, and the bundle carries no text.
// Elements wait for their table before their first render (see `localeReady`), in parallel with
// their token and status requests. A host adds or overrides strings with `defineStrings`.
import type { UploadStrings } from '../cert-upload/cert-upload.strings.js';
import type { OptionsStrings } from '../certexpress-link/certexpress-link.options-strings.js';
import type { LookupStrings } from '../customer-lookup/customer-lookup.strings.js';
import type { DocumentTexts } from '../cert-status/cert-status.document.js';
import type { RequestTexts } from './request-view.js';

/**
 * The shared strings of one language (each locale module is typed by it, so none can miss a
 * key). `{name}` marks a value the element fills in; dates and numbers come formatted by `Intl`.
 */
export interface Strings {
  loading: string;
  exempt: string;
  expiring: string;
  pending: string;
  expired: string;
  invalid: string;
  missing: string;
  /** Label in list mode: `{count}` certificates. */
  list: string;
  /** A certificate's line in list mode: `{zone}` and its `{status}`. */
  zoneStatus: string;
  /** `{reason}`: the exemption reason's name. */
  reason: string;
  /** `{date}` more than 30 days ahead. */
  expiresOn: string;
  /** `{when}` ("in 12 days", "tomorrow", "today") and `{date}`, within 30 days. */
  expiresIn: string;
  /** `{date}` in the past. */
  expiredOn: string;
  noEnd: string;
  /** The name of an AvaTax exemption reason by its code (`reason:RESALE`); a code not named is shown as it is. */
  [reason: `reason:${string}`]: string;
  'signed-out': string;
  'not-allowed': string;
  error: string;
  config: string;
  /** The service cannot be reached or is busy (shown with a retry). */
  offline: string;
  /** A failure trying again would not mend (shown without a retry). */
  failed: string;
  retry: string;
  request: string;
  /** An invitation being created, and an email or fax one until it went out. */
  creating: string;
  /** A Download invitation's form being built. */
  preparing: string;
  slow: string;
  ready: string;
  open: string;
  newTab: string;
  sent: string;
  choose: string;
  view: string;
}

/**
 * Strings a host supplies for one language through {@link defineStrings}, per table: `base` is
 * the shared table above; the others belong to one element or view each. Any key may be left out.
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

/** Loaders of the tables, by primary language; English serves every other language. */
export const LOADERS: Record<string, () => Promise<{ default: Strings }>> = {
  en: () => import('./locales/en.js'),
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
};

const tables: Record<string, Strings> = {};
const loading: Record<string, Promise<void>> = {};

/** What hosts defined, by primary language (read by `host-table.ts` for the other tables). */
export const hosts: Record<string, HostStrings> = {};

/** Until a table has arrived (or when none can be loaded): no text rather than wrong text. */
const NONE = new Proxy({}, { get: () => '' }) as Strings;

/** The primary language of a tag, lower case: `fr-CA` → `fr`, `en_US` → `en`. */
export const primary = (lang: string): string => lang.split(/[-_]/)[0]!.toLowerCase();

/** The built-in table a language is shown in: its own when there is one, else English. */
const codeOf = (lang: string): string => (LOADERS[primary(lang)] ? primary(lang) : 'en');

/** The nearest `lang` of `el`, looking up through shadow roots to the document. */
export function langOf(el: Element): string {
  for (let node: Node | null = el; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    const lang = (node as Element).getAttribute?.('lang');
    if (lang) return lang;
  }
  return globalThis.navigator?.language ?? 'en';
}

/** Elements on the page, re-rendered when a `lang` attribute changes or a host defines strings. */
const shown = new Set<{ requestUpdate(): void }>();
let watcher: MutationObserver | undefined;
const redraw = (): void => shown.forEach((el) => el.requestUpdate());

/**
 * Keeps `el` in step with the page's language (`on`, when connected) or stops (`off`): one
 * observer of `lang` attributes for the whole document, set up by the first element.
 */
export function followLang(el: { requestUpdate(): void }, on: boolean): void {
  if (!on) return void shown.delete(el);
  if (!watcher) (watcher = new MutationObserver(redraw)).observe(document, { attributeFilter: ['lang'], subtree: true });
  shown.add(el);
}

/**
 * Adds or replaces strings of the elements for a language (by its primary subtag: `de` serves
 * `de-CH` too): a language without a built-in table starts from English, so a host may give only
 * what it has translated. Elements on the page show the new strings at once.
 */
export function defineStrings(lang: string, strings: HostStrings): void {
  const own = (hosts[primary(lang)] ??= {}) as Record<string, object>;
  for (const [table, texts] of Object.entries(strings)) own[table] = { ...own[table], ...texts };
  redraw();
}

/** Loads one table (once; a failed load is tried again on the next call). */
const load = (code: string): Promise<void> =>
  (loading[code] ??= LOADERS[code]!().then(
    (module) => void (tables[code] = module.default),
    () => void delete loading[code],
  ));

/**
 * Resolves once the strings of `lang` are loaded; undefined when they are here already. English
 * is loaded alongside as the fallback for a table that is slow or fails. Never rejects.
 */
export function localeReady(lang: string): Promise<void> | undefined {
  const code = codeOf(lang);
  if (tables[code]) return undefined;
  if (code !== 'en') void load('en');
  return load(code);
}

/** Strings for a BCP 47 tag (English while its own are not here), with the host's over them. */
export const stringsFor = (lang: string): Strings =>
  Object.assign(Object.create(NONE) as Strings, tables[codeOf(lang)] ?? tables['en'], hosts[primary(lang)]?.base);
