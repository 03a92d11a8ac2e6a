/**
 * The demo pages' theme and language switches. The theme is the page's own: it sets the page's
 * `color-scheme` (the elements follow it, as they follow any host page), or a brand look set only
 * through the elements' documented `--cert-*` properties and parts (see shop.css, erp.css). The
 * language is the page's `lang`: the elements follow it live. The demo's own text stays English
 * (marked `lang="en"`). Both choices are kept in localStorage; `?theme=` and `?lang=` override.
 */

const THEMES = { light: 'Light', dark: 'Dark', system: 'Like the system', brand: 'Brand colours' } as const;
const LANGUAGES = { en: 'English', es: 'Español', fr: 'Français' } as const;

type Theme = keyof typeof THEMES;
type Language = keyof typeof LANGUAGES;

function chosen<T extends string>(key: string, options: Record<T, string>, fallback: T): T {
  const given = new URLSearchParams(location.search).get(key.replace('demo-', '')) ?? localStorage.getItem(key);
  return given && given in options ? (given as T) : fallback;
}

function apply(theme: Theme, lang: Language): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.lang = lang;
}

function select<T extends string>(id: string, label: string, options: Record<T, string>, value: T, change: (value: T) => void): HTMLLabelElement {
  const field = document.createElement('select');
  field.id = id;
  field.append(...Object.entries<string>(options).map(([key, text]) => new Option(text, key, false, key === value)));
  field.addEventListener('change', () => change(field.value as T));
  const wrapper = Object.assign(document.createElement('label'), { className: 'demo-pref' });
  wrapper.append(`${label} `, field);
  // The language names are in their own language.
  if (id === 'demo-lang') for (const option of field.options) option.lang = option.value;
  return wrapper;
}

/** Applies the saved choices now and puts the two switches into `[data-demo-prefs]`. */
export function mountPrefs(): void {
  let theme = chosen<Theme>('demo-theme', THEMES, 'light');
  let lang = chosen<Language>('demo-lang', LANGUAGES, 'en');
  apply(theme, lang);
  const slot = document.querySelector('[data-demo-prefs]');
  if (!slot) return;
  slot.replaceChildren(
    select('demo-theme', 'Theme', THEMES, theme, (value) => {
      theme = value;
      localStorage.setItem('demo-theme', value);
      apply(theme, lang);
    }),
    select('demo-lang', 'Language', LANGUAGES, lang, (value) => {
      lang = value;
      localStorage.setItem('demo-lang', value);
      apply(theme, lang);
    }),
  );
}
