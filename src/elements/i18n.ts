// UI strings of <cert-status> and <certexpress-link>, chosen by the nearest `lang`. Every
// language, English included, is a module of its own loaded on first use: a page pays only for
// the language it shows, and the bundle carries no text. Elements wait for their table before
// their first render (see `localeReady`), in parallel with their token and status requests.

/** The strings of one language (each locale module is typed by it, so none can miss a key). */
export interface Strings {
  loading: string;
  exempt: string;
  expiring: string;
  pending: string;
  expired: string;
  invalid: string;
  missing: string;
  list: string;
  reason: string;
  expires: string;
  noEnd: string;
  'signed-out': string;
  'not-allowed': string;
  error: string;
  config: string;
  offline: string;
  retry: string;
  request: string;
  preparing: string;
  slow: string;
  ready: string;
  open: string;
  newTab: string;
  sent: string;
  choose: string;
  view: string;
}

/** Loaders of the tables, by primary language; English serves every other language. */
export const LOADERS: Record<string, () => Promise<{ default: Strings }>> = {
  en: () => import('./locales/en.js'),
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
};

const tables: Record<string, Strings> = {};
const loading: Record<string, Promise<void>> = {};

/** Until a table has arrived (or when none can be loaded): no text rather than wrong text. */
const NONE = new Proxy({}, { get: () => '' }) as Strings;

/** The table a language is shown in: its own when there is one, else English. */
const codeOf = (lang: string): string => {
  const code = lang.slice(0, 2).toLowerCase();
  return LOADERS[code] ? code : 'en';
};

/** The nearest `lang` of `el`, looking up through shadow roots to the document. */
export function langOf(el: Element): string {
  for (let node: Node | null = el; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    const lang = (node as Element).getAttribute?.('lang');
    if (lang) return lang;
  }
  return globalThis.navigator?.language ?? 'en';
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

/** Strings for a BCP 47 tag (by its primary language); English while its own are not here. */
export const stringsFor = (lang: string): Strings => tables[codeOf(lang)] ?? tables['en'] ?? NONE;
