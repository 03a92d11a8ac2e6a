/**
 * JSX typings for the bare tags in React 19 (`import type {} from 'cert-elements/react'`, or
 * any import of it): attributes in kebab-case as in HTML, properties in camelCase (React 19
 * sets a name the element has as a property, so `fetchToken={fn}` works), events as
 * `oncert-status-change={…}` (React 19 adds a listener for `on` + the event's own name).
 *
 * React sets properties only on a defined element: import the define modules (`cert-elements`)
 * before the first render. On an element not yet defined, React writes attributes instead and
 * drops functions such as `fetchToken`; the wrappers in `./index.ts` set properties either way.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CertElementTags } from '../frameworks/tags.js';

/** `oncert-status-change`-style handlers of a tag's events. */
type EventHandlers<V> = { [K in keyof V & string as `on${K}`]?: (event: V[K]) => void };

/** What JSX accepts on a tag. */
export type CertElementJsxProps<T extends keyof CertElementTags> = DetailedHTMLProps<HTMLAttributes<CertElementTags[T]['element']>, CertElementTags[T]['element']> &
  Omit<CertElementTags[T]['attributes'], 'lang'> &
  CertElementTags[T]['properties'] &
  EventHandlers<CertElementTags[T]['events']>;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'cert-status': CertElementJsxProps<'cert-status'>;
      'certexpress-link': CertElementJsxProps<'certexpress-link'>;
      'customer-lookup': CertElementJsxProps<'customer-lookup'>;
      'cert-upload': CertElementJsxProps<'cert-upload'>;
    }
  }
}
