import { adoptStyles, type LitElement } from 'lit';

/**
 * For `createRenderRoot`: a shadow root the server rendered (declarative shadow DOM from
 * `@lit-labs/ssr`, where the elements render nothing) emptied and styled for the live element,
 * or undefined when there is none. Lit's hydration support would otherwise try to hydrate the
 * server's empty output with the element's first state and throw; without it, a stale server
 * box would stay beside the live one.
 */
export function serverRenderedRoot(el: LitElement): ShadowRoot | undefined {
  const root = el.shadowRoot;
  if (!root) return undefined;
  root.replaceChildren();
  adoptStyles(root, (el.constructor as typeof LitElement).elementStyles);
  return root;
}
