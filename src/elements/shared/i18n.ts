// UI strings of the elements, chosen by the nearest `lang` and followed live when a `lang`
// changes. Every language of the shared table, English included, is a module of its own loaded
// on first use: a page pays only for the language it shows, and the bundle carries no text.
// Elements wait for their table before their first render (see `localeReady`), in parallel with
// their token and status requests. A host adds or overrides strings with `defineStrings`.
import type { Strings } from './strings.js';

export type { Strings } from './strings.js';

/** Loaders of the tables, by primary language; English serves every other language. */
export const LOADERS: Record<string, () => Promise<{ default: Strings }>> = {
  en: () => import('./locales/en.js'),
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
};

const tables: Record<string, Strings> = {};
const loading: Record<string, Promise<void>> = {};

/**
 * What hosts defined, by primary language and table (`base`, `upload`…; typed where they define
 * it, `defineStrings` in `../strings.ts`); read by `host-table.ts` for the other tables.
 */
export const hosts: Record<string, Record<string, object | undefined>> = {};

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

/** Adds or replaces a host's tables for a language (`defineStrings`, typed in `../strings.ts`). */
export function addHostStrings(lang: string, strings: object): void {
  const own = (hosts[primary(lang)] ??= {});
  for (const [table, texts] of Object.entries(strings)) own[table] = { ...own[table], ...(texts as object) };
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
  Object.assign(Object.create(NONE) as Strings, tables[codeOf(lang)] ?? tables['en'], hosts[primary(lang)]?.['base']);
