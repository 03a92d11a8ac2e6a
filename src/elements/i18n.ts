// UI strings of <cert-status> and <certexpress-link>, chosen by the nearest `lang`. English is
// built in; other languages are separate modules loaded on first use, so a page pays only for
// the language it shows. Each table lists its texts in the order of KEYS.
export const KEYS = [
  'loading', 'exempt', 'expiring', 'pending', 'expired', 'invalid', 'missing', 'list', 'reason', 'expires',
  'noEnd', 'signed-out', 'not-allowed', 'error', 'config', 'offline', 'retry', 'request', 'preparing', 'slow',
  'ready', 'open', 'newTab', 'sent', 'choose', 'view',
] as const;

/** The strings of one language. */
export type Strings = Record<(typeof KEYS)[number], string>;

/** A language's texts in the order of KEYS. */
export type StringTable = readonly string[];

const EN: StringTable = [
  'Checking certificate…', 'Certificate on file', 'Certificate expires soon', 'Certificate under review',
  'Certificate expired', 'Certificate not valid', 'No certificate on file', 'Certificates on file', 'Reason',
  'Expires', 'No end date', 'Please sign in', 'Not allowed', 'Unavailable', 'Configuration error',
  'Service unreachable.', 'Try again', 'Request certificate', 'Preparing form…', 'Taking longer than usual.',
  'Form ready', 'Open certificate form', '(new tab)', 'Request sent', 'Choose a customer', 'View certificate',
];

/** Loaders of the translated tables, by primary language. */
export const LOADERS: Record<string, () => Promise<{ default: StringTable }>> = {
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
};

const tables: Record<string, StringTable> = { en: EN };
const loading: Record<string, Promise<void>> = {};
const built: Record<string, Strings> = {};

const primary = (lang: string): string => lang.slice(0, 2).toLowerCase();

/** The nearest `lang` of `el`, looking up through shadow roots to the document. */
export function langOf(el: Element): string {
  for (let node: Node | null = el; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    const lang = (node as Element).getAttribute?.('lang');
    if (lang) return lang;
  }
  return globalThis.navigator?.language ?? 'en';
}

/**
 * Resolves once the strings of `lang` are loaded; undefined when nothing needs loading (English,
 * a language already here, or one without a translation). Never rejects: when the module cannot
 * be loaded the element shows English, and a later call tries again.
 */
export function localeReady(lang: string): Promise<void> | undefined {
  const code = primary(lang);
  const load = LOADERS[code];
  if (tables[code] || !load) return undefined;
  return (loading[code] ??= load().then(
    (module) => void (tables[code] = module.default),
    () => void delete loading[code],
  ));
}

/** Strings for a BCP 47 tag (by its primary language); English until its translation is loaded. */
export function stringsFor(lang: string): Strings {
  const code = tables[primary(lang)] ? primary(lang) : 'en';
  return (built[code] ??= Object.fromEntries(tables[code]!.map((text, i) => [KEYS[i], text])) as Strings);
}
