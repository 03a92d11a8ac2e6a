import { css, unsafeCSS } from 'lit';
import { SR } from '../shared/adopt-style.js';

// Look of the combobox on top of the shared base styles. Colours reuse the --cert-* variables so
// light and dark keep WCAG 2.2 AA contrast; the active option is marked by an outline as well as
// a background, so it never depends on colour alone. The chosen customer is said, not shown
// again (`.sr`): the field reads it already.
export const lookupStyles = css`
label{display:block;font-weight:600;margin-bottom:.25em}
.field{position:relative}
input{box-sizing:border-box;width:100%;min-height:2.25em;padding:.35em .6em;border:1px solid var(--cert-input-border-color,light-dark(#59636e,#9198a1));border-radius:var(--cert-radius,6px);background:var(--cert-background,light-dark(#fff,#0d1117));color:var(--_fg);font:inherit}
input::placeholder{color:var(--cert-muted-color,light-dark(#59636e,#9198a1));opacity:1}
input:disabled{opacity:.6}
[role=listbox]{position:absolute;z-index:var(--cert-listbox-z-index,10);left:0;right:0;top:calc(100% + 2px);margin:0;padding:.25em 0;list-style:none;max-height:var(--cert-listbox-max-height,16em);overflow:auto;border:1px solid var(--cert-border-color,light-dark(#d1d9e0,#3d444d));border-radius:var(--cert-radius,6px);background:var(--cert-background,light-dark(#fff,#0d1117));box-shadow:0 4px 12px light-dark(#1f232826,#0008)}
[role=option]{padding:.35em .6em;cursor:pointer}
[role=option][aria-selected=true]{background:var(--cert-active-background,light-dark(#ddf4ff,#12243b));outline:2px solid var(--_ac);outline-offset:-2px}
[part~=code]{font-weight:600}
[part~=place]{color:var(--cert-muted-color,light-dark(#59636e,#9198a1))}
[part~=badge]{display:block;margin-top:.35em}
${unsafeCSS(SR)}
`;
