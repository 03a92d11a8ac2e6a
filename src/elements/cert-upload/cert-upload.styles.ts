import { css } from 'lit';

// The form's look on top of the shared styles. Input borders use the muted colour so that field
// boundaries keep 3:1 contrast (WCAG 1.4.11); errors add a symbol and text, never colour alone.
export const uploadStyles = css`
form,fieldset{display:grid;gap:.75em}
form{margin-top:.5em}
fieldset{min-width:0;margin:0;padding:0;border:0}
label,.k{font-weight:600}
label{display:block}
.opt,.hint{font-weight:400;color:var(--cert-muted-color,light-dark(#59636e,#9198a1))}
.hint,.err{margin:.15em 0 .25em}
input,select{box-sizing:border-box;width:100%;max-width:26em;min-height:24px;padding:.35em .5em;border:1px solid var(--cert-muted-color,light-dark(#59636e,#9198a1));border-radius:var(--cert-radius,6px);background:var(--cert-background,light-dark(#fff,#0d1117));color:var(--_fg);font:inherit}
input[type=file]{padding:.25em}
[aria-invalid=true]{border:2px solid var(--cert-danger-color,light-dark(#cf222e,#f85149))}
.err,[part~=summary]{color:var(--cert-danger-color,light-dark(#cf222e,#f85149))}
[part~=dropzone]{padding:.75em;border:2px dashed var(--cert-muted-color,light-dark(#59636e,#9198a1));border-radius:var(--cert-radius,6px)}
[part~=dropzone].over{border-style:solid;border-color:var(--_ac)}
[part~=summary]{padding:.5em .75em;border:2px solid;border-radius:var(--cert-radius,6px)}
[part~=summary] p{margin:0;font-weight:600}
[part~=summary] ul{margin:.25em 0 0;padding-left:1.25em}
button{justify-self:start}
button:disabled{opacity:.6;cursor:default}
progress{width:100%;max-width:26em;accent-color:var(--_ac)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:.5em 0 0}
dd{margin:0}
`;
