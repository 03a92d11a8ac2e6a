import { unsafeCSS } from 'lit';

// Shared look. Colours meet WCAG 2.2 AA (4.5:1 text, 3:1 UI) on the element's own background in
// both schemes. The scheme is the page's: `color-scheme` is inherited, so `light-dark()` follows
// the host page unless `theme` pins one (`light`, `dark`) or asks for the OS's (`auto`). Kept
// terse: the CSS text ships as is in the bundle. A plain string through `unsafeCSS` (a constant,
// nothing from outside goes in) spares the storefront bundle Lit's `css` tag and its checks.
// What only lazily loaded parts draw (visually hidden text, a link drawn as a button) comes with
// them: see `adopt-style.ts`.
export const baseStyles = unsafeCSS(
  ':host{display:block;--_fg:var(--cert-color,light-dark(#1f2328,#e6edf3));--_ac:var(--cert-accent-color,light-dark(#0969da,#4493f8))}'
  + ':host([theme=auto]){color-scheme:light dark}'
  + ':host([theme=light]){color-scheme:light}'
  + ':host([theme=dark]){color-scheme:dark}'
  + ':host([hidden]){display:none}'
  + ':host(:not([state],[compact])){min-height:calc(var(--cert-min-height,4.5em) + 1.5em + 2px)}'
  + '[part~=base]{min-height:var(--cert-min-height,4.5em);padding:var(--cert-padding,.75em 1em);border:1px solid var(--cert-border-color,light-dark(#d1d9e0,#3d444d));border-radius:var(--cert-radius,6px);background:var(--cert-background,light-dark(#fff,#0d1117));color:var(--_fg);line-height:1.5;--_t:var(--cert-muted-color,light-dark(#59636e,#9198a1))}'
  + '.ok{--_t:var(--cert-success-color,light-dark(#1a7f37,#3fb950))}'
  + '.warn{--_t:var(--cert-warning-color,light-dark(#8a5c00,#d29922))}'
  + '.bad{--_t:var(--cert-danger-color,light-dark(#cf222e,#f85149))}'
  + '[part~=badge]{font-weight:600;color:var(--_t)}'
  + 'p,ul{margin:.25em 0 0}'
  + 'button,.b{min-height:24px;margin-top:.5em;padding:.35em .9em;border:0;border-radius:var(--cert-radius,6px);background:var(--_ac);color:var(--cert-accent-contrast,light-dark(#fff,#0d1117));font:inherit;cursor:pointer}'
  + 'a{color:var(--_ac)}'
  + ':focus-visible{outline:2px solid var(--_ac);outline-offset:2px}'
  + ':host([compact]){display:inline-block}'
  + ':host([compact]) [part~=base]{min-height:0;padding:.1em .6em;border-radius:1em}'
);
