import type { ErrorDetail } from '../../client/contract.js';

// The event every element fires, and how they fire events; each element's own events are typed
// in its folder (`<tag>/<tag>.events.ts`).

export type CertErrorEvent = CustomEvent<ErrorDetail>;

declare global {
  interface HTMLElementEventMap {
    'cert-error': CertErrorEvent;
  }
}

/** Dispatches a bubbling, composed event with `detail` from `target`. */
export const emit = <T>(target: EventTarget, type: string, detail: T): boolean =>
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
