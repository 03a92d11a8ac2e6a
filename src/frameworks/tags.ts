/**
 * What each tag takes and fires, for framework typings (`cert-elements/react`,
 * `cert-elements/vue`): the settable properties (camelCase), the HTML attributes (kebab-case)
 * and the events (name → event type). Types only.
 */
import type { CertStatusElement } from '../elements/cert-status/cert-status.js';
import type { CertExpressLinkElement } from '../elements/certexpress-link/certexpress-link.js';
import type { CustomerLookupElement } from '../elements/customer-lookup/customer-lookup.js';
import type { CertUploadElement } from '../elements/cert-upload/cert-upload.js';
import type { CertErrorEvent } from '../elements/shared/events.js';
import type { CertStatusChangeEvent } from '../elements/cert-status/cert-status.events.js';
import type { InviteCreatedEvent, LinkOpenEvent, LinkReadyEvent } from '../elements/certexpress-link/certexpress-link.events.js';
import type { CustomerSelectEvent } from '../elements/customer-lookup/customer-lookup.events.js';
import type { CertUploadedEvent } from '../elements/cert-upload/cert-upload.events.js';

/** Properties every element takes. */
type CommonProperty = 'tokenEndpoint' | 'apiBase' | 'customerCode' | 'country' | 'region' | 'tokenCredentials' | 'theme' | 'lang' | 'fetchToken';

/** Attributes every element takes (values as strings, as in HTML). */
export interface CommonAttributes {
  'token-endpoint'?: string;
  'api-base'?: string;
  'customer-code'?: string;
  'customer-source'?: string;
  country?: string;
  region?: string;
  'token-credentials'?: 'same-origin' | 'include';
  theme?: 'light' | 'dark' | 'auto';
  lang?: string;
}

/** One tag: its element class, what may be set on it, and what it fires. */
export interface TagInfo<E extends HTMLElement, P extends keyof E, A, V> {
  element: E;
  properties: Partial<Pick<E, P>>;
  attributes: CommonAttributes & A;
  events: V;
}

/** The four tags. */
export interface CertElementTags {
  'cert-status': TagInfo<
    CertStatusElement,
    CommonProperty | 'compact' | 'customerSource',
    { compact?: boolean },
    { 'cert-status-change': CertStatusChangeEvent; 'cert-error': CertErrorEvent }
  >;
  'certexpress-link': TagInfo<
    CertExpressLinkElement,
    CommonProperty | 'delivery' | 'recipient' | 'coverLetter' | 'auto' | 'options' | 'customerSource' | 'customer',
    { delivery?: 'download' | 'email' | 'fax'; recipient?: string; 'cover-letter'?: string; auto?: boolean; options?: boolean },
    {
      'certexpress-invite-created': InviteCreatedEvent;
      'certexpress-link-ready': LinkReadyEvent;
      'certexpress-link-open': LinkOpenEvent;
      'cert-error': CertErrorEvent;
    }
  >;
  'customer-lookup': TagInfo<
    CustomerLookupElement,
    CommonProperty | 'fieldLabel' | 'placeholder' | 'minChars' | 'debounceMs' | 'value',
    { label?: string; placeholder?: string; 'min-chars'?: number | string; 'debounce-ms'?: number | string; value?: string },
    { 'customer-select': CustomerSelectEvent; 'cert-error': CertErrorEvent }
  >;
  'cert-upload': TagInfo<
    CertUploadElement,
    CommonProperty | 'customerSource',
    Record<never, never>,
    { 'cert-uploaded': CertUploadedEvent; 'cert-error': CertErrorEvent }
  >;
}

/** `cert-status-change` → `CertStatusChange`. */
export type PascalEvent<S extends string> = S extends `${infer H}-${infer T}` ? `${Capitalize<H>}${PascalEvent<T>}` : Capitalize<S>;
