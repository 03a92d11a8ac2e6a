// Texts of <customer-lookup> in English, Spanish and French. Shared texts (signed out, not
// allowed, retry, …) come from i18n.ts; these are the ones only the lookup needs. Numbers go
// through Intl; a host may add or change texts (`defineStrings(lang, {lookup: …})`).
import { hostTable } from '../shared/host-table.js';

/** The lookup's own texts in one language. */
export interface LookupStrings {
  /** Default visible label of the field. */
  label: string;
  /** Default placeholder of the field. */
  placeholder: string;
  /** What to type before a search starts. */
  hint: (minChars: number) => string;
  searching: string;
  /** Result count; `total` is larger than `shown` when the companion cut the list. */
  found: (shown: number, total: number) => string;
  /** No result for `query`. */
  none: (query: string) => string;
  /** A customer was chosen; `text` is "CODE — Name". */
  selected: (text: string) => string;
}

/** Number `n` as the language writes it, with the word for one or for more. */
type Count = (n: number, one?: string, other?: string) => string;

const TABLES: Record<string, (count: Count) => LookupStrings> = {
  en: (count) => ({
    label: 'Customer',
    placeholder: 'Code, name or city',
    hint: (n) => `Type at least ${count(n, 'character', 'characters')} to search.`,
    searching: 'Searching…',
    found: (shown, total) =>
      shown < total
        ? `First ${count(shown)} of ${count(total)} customers shown. Type more to narrow the search.`
        : `${count(shown, 'customer', 'customers')} found`,
    none: (q) => `No customer matches “${q}”.`,
    selected: (text) => `Selected: ${text}`,
  }),
  es: (count) => ({
    label: 'Cliente',
    placeholder: 'Código, nombre o ciudad',
    hint: (n) => `Escriba al menos ${count(n, 'carácter', 'caracteres')} para buscar.`,
    searching: 'Buscando…',
    found: (shown, total) =>
      shown < total
        ? `Se muestran los primeros ${count(shown)} de ${count(total)} clientes. Escriba más para acotar la búsqueda.`
        : count(shown, 'cliente encontrado', 'clientes encontrados'),
    none: (q) => `Ningún cliente coincide con «${q}».`,
    selected: (text) => `Seleccionado: ${text}`,
  }),
  // French typography: a no-break space before ":" and inside « ».
  fr: (count) => ({
    label: 'Client',
    placeholder: 'Code, nom ou ville',
    hint: (n) => `Saisissez au moins ${count(n, 'caractère', 'caractères')} pour rechercher.`,
    searching: 'Recherche…',
    found: (shown, total) =>
      shown < total
        ? `${count(shown)} premiers clients affichés sur ${count(total)}. Précisez la recherche.`
        : count(shown, 'client trouvé', 'clients trouvés'),
    none: (q) => `Aucun client ne correspond à «\u00a0${q}\u00a0».`,
    selected: (text) => `Sélectionné\u00a0: ${text}`,
  }),
};

const built = new Map<string, LookupStrings>();

/** The lookup's texts for a BCP 47 tag (by its primary language; English when not translated), the host's over them. */
export function lookupStringsFor(lang: string): LookupStrings {
  const code = lang.split(/[-_]/)[0]!.toLowerCase();
  const key = TABLES[code] ? code : 'en';
  let strings = built.get(key);
  if (!strings) {
    const rules = new Intl.PluralRules(key);
    const number = new Intl.NumberFormat(key);
    strings = TABLES[key]!((n, one, other) => number.format(n) + (one ? ` ${rules.select(n) === 'one' ? one : other}` : ''));
    built.set(key, strings);
  }
  return hostTable(lang, 'lookup', { [code]: strings });
}
