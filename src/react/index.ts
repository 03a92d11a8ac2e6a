/**
 * `cert-elements/react`: React components for the four elements, built with `@lit/react`.
 * Properties are set as properties (functions such as `fetchToken` included), events are
 * `onCamelCase` handlers, refs reach the element. Importing this module registers the tags.
 *
 * ```tsx
 * import { CertStatus, CertExpressLink } from 'cert-elements/react';
 * <CertStatus tokenEndpoint="/cert-api/token" region="WA" onCertStatusChange={(e) => setStatus(e.detail.status)}>
 *   <CertExpressLink slot="missing" tokenEndpoint="/cert-api/token" region="WA" />
 * </CertStatus>
 * ```
 *
 * For the bare tags (`<cert-status token-endpoint=…>`) in React 19, see `./jsx.ts`.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CertStatusElement } from '../elements/define-cert-status.js';
import { CertExpressLinkElement } from '../elements/define-certexpress-link.js';
import { CustomerLookupElement } from '../elements/define-customer-lookup.js';
import { CertUploadElement } from '../elements/define-cert-upload.js';
import type { CertElementTags } from '../frameworks/tags.js';

export type * from './jsx.js';

type Events<T extends keyof CertElementTags> = CertElementTags[T]['events'];
/** Typed event names of tag `T` for `createComponent`'s `events`. */
const eventsOf =
  <T extends keyof CertElementTags>() =>
  <K extends keyof Events<T> & string>(name: K) =>
    name as unknown as EventName<Events<T>[K] & Event>;
const status = eventsOf<'cert-status'>();
const link = eventsOf<'certexpress-link'>();
const lookup = eventsOf<'customer-lookup'>();
const upload = eventsOf<'cert-upload'>();

/** `<cert-status>`: `onCertStatusChange`, `onCertError`. */
export const CertStatus = createComponent({
  react: React,
  tagName: 'cert-status',
  elementClass: CertStatusElement,
  events: { onCertStatusChange: status('cert-status-change'), onCertError: status('cert-error') },
  displayName: 'CertStatus',
});

/** `<certexpress-link>`: `onCertexpressInviteCreated`, `onCertexpressLinkReady`, `onCertexpressLinkOpen`, `onCertError`. */
export const CertExpressLink = createComponent({
  react: React,
  tagName: 'certexpress-link',
  elementClass: CertExpressLinkElement,
  events: {
    onCertexpressInviteCreated: link('certexpress-invite-created'),
    onCertexpressLinkReady: link('certexpress-link-ready'),
    onCertexpressLinkOpen: link('certexpress-link-open'),
    onCertError: link('cert-error'),
  },
  displayName: 'CertExpressLink',
});

/** `<customer-lookup>`: `onCustomerSelect`, `onCertError`. */
export const CustomerLookup = createComponent({
  react: React,
  tagName: 'customer-lookup',
  elementClass: CustomerLookupElement,
  events: { onCustomerSelect: lookup('customer-select'), onCertError: lookup('cert-error') },
  displayName: 'CustomerLookup',
});

/** `<cert-upload>`: `onCertUploaded`, `onCertError`. */
export const CertUpload = createComponent({
  react: React,
  tagName: 'cert-upload',
  elementClass: CertUploadElement,
  events: { onCertUploaded: upload('cert-uploaded'), onCertError: upload('cert-error') },
  displayName: 'CertUpload',
});
