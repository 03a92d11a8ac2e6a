// Texts of <customer-lookup> in English, Spanish and French. Shared texts (signed out, not
// allowed, retry, …) come from i18n.ts; these are the ones only the lookup needs.

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

type Plural = (n: number, one: string, other: string) => string;

const TABLES: Record<string, (plural: Plural) => LookupStrings> = {
  en: (plural) => ({
    label: 'Customer',
    placeholder: 'Code, name or city',
    hint: (n) => `Type at least ${n} ${plural(n, 'character', 'characters')} to search.`,
    searching: 'Searching…',
    found: (shown, total) =>
      shown < total
        ? `First ${shown} of ${total} customers shown. Type more to narrow the search.`
        : `${shown} ${plural(shown, 'customer', 'customers')} found`,
    none: (q) => `No customer matches “${q}”.`,
    selected: (text) => `Selected: ${text}`,
  }),
  es: (plural) => ({
    label: 'Cliente',
    placeholder: 'Código, nombre o ciudad',
    hint: (n) => `Escriba al menos ${n} ${plural(n, 'carácter', 'caracteres')} para buscar.`,
    searching: 'Buscando…',
    found: (shown, total) =>
      shown < total
        ? `Se muestran los primeros ${shown} de ${total} clientes. Escriba más para acotar la búsqueda.`
        : `${shown} ${plural(shown, 'cliente encontrado', 'clientes encontrados')}`,
    none: (q) => `Ningún cliente coincide con «${q}».`,
    selected: (text) => `Seleccionado: ${text}`,
  }),
  fr: (plural) => ({
    label: 'Client',
    placeholder: 'Code, nom ou ville',
    hint: (n) => `Saisissez au moins ${n} ${plural(n, 'caractère', 'caractères')} pour rechercher.`,
    searching: 'Recherche…',
    found: (shown, total) =>
      shown < total
        ? `${shown} premiers clients affichés sur ${total}. Précisez la recherche.`
        : `${shown} ${plural(shown, 'client trouvé', 'clients trouvés')}`,
    none: (q) => `Aucun client ne correspond à « ${q} ».`,
    selected: (text) => `Sélectionné : ${text}`,
  }),
};

const built = new Map<string, LookupStrings>();

/** The lookup's texts for a BCP 47 tag (by its primary language); English when not translated. */
export function lookupStringsFor(lang: string): LookupStrings {
  const code = lang.slice(0, 2).toLowerCase();
  const key = TABLES[code] ? code : 'en';
  let strings = built.get(key);
  if (!strings) {
    const rules = new Intl.PluralRules(key);
    strings = TABLES[key]!((n, one, other) => (rules.select(n) === 'one' ? one : other));
    built.set(key, strings);
  }
  return strings;
}
