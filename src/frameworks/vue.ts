/**
 * Vue 3 typings for the four tags (`/// <reference types="cert-elements/vue" />` in `env.d.ts`,
 * or `import type {} from 'cert-elements/vue'`), so `vue-tsc --strictTemplates` checks their
 * attributes, properties and `@cert-status-change`-style listeners. Tell Vue's compiler they are
 * custom elements (`isCustomElement`, see docs/frameworks.md).
 *
 * Function properties need Vue's property binding: `:fetchToken.prop="fetchToken"` (or
 * `.fetchToken="fetchToken"`). A plain `:fetch-token` is set as an attribute whenever the element
 * is not defined yet, and an attribute cannot hold a function.
 */
import type { AllowedComponentProps, DefineComponent, HTMLAttributes, VNodeProps } from 'vue';
import type { CertElementTags, PascalEvent } from './tags.js';

/** Vue's `onCamelCase` listener props of a tag's events (`@cert-status-change` in templates). */
type Listeners<V> = { [K in keyof V & string as `on${PascalEvent<K>}`]?: (event: V[K]) => void };

/** Attribute names as Vue normalises them in templates (`customer-code` → `customerCode`). */
type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
type CamelAttributes<A> = { [K in keyof A & string as Camel<K>]?: A[K] };

/** The props Vue checks on a tag. */
export type CertElementVueProps<T extends keyof CertElementTags> = CamelAttributes<CertElementTags[T]['attributes']> &
  CertElementTags[T]['properties'] &
  Listeners<CertElementTags[T]['events']> &
  Omit<HTMLAttributes, 'lang'> & { slot?: string } &
  AllowedComponentProps &
  VNodeProps;

type Tag<T extends keyof CertElementTags> = DefineComponent<CertElementVueProps<T>>;

declare module 'vue' {
  interface GlobalComponents {
    'cert-status': Tag<'cert-status'>;
    'certexpress-link': Tag<'certexpress-link'>;
    'customer-lookup': Tag<'customer-lookup'>;
    'cert-upload': Tag<'cert-upload'>;
  }
}
