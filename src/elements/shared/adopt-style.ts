// Styles that lazily loaded parts bring along, added to the element's shadow root when they first
// draw: the storefront bundle carries none of them. Constructable sheets, so a strict CSP works.

/** A secondary action: outlined in the accent colour, on a line of its own below what it acts on. */
export const SECONDARY = '.s{display:block;background:none;color:var(--_ac);border:1px solid}';

/** Text for screen readers only ("opens in a new tab", which certificate a button opens). */
export const SR = '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}';

/** A link drawn as a button (`class="b"`, with the button look of the base styles). */
export const LINK_BUTTON = '.b{display:inline-block;text-decoration:none}';

const sheets = new Map<string, CSSStyleSheet>();

/** Adds `css` to `root`'s styles, once per root (one sheet per text, shared by every element). */
export function adoptStyle(root: ShadowRoot | null, css: string): void {
  if (!root) return;
  let sheet = sheets.get(css);
  if (!sheet) {
    sheets.set(css, (sheet = new CSSStyleSheet()));
    sheet.replaceSync(css);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
