import type { DeliveryMethod } from '../../client/contract.js';
import { instantMs } from '../avatax/instant.js';
import type { AvaDeliveryMethod, AvaInvitation } from '../avatax/models.js';

/** The SDK's numeric enum values (reference §9), in case AvaTax echoes numbers. */
const DELIVERY_BY_NUMBER: Record<number, AvaDeliveryMethod> = { 1: 'Email', 2: 'Fax', 3: 'Download' };

/** How the invitation reaches the customer, or undefined when AvaTax says something else. */
export function deliveryOf(inv: AvaInvitation): DeliveryMethod | undefined {
  const method = typeof inv.deliveryMethod === 'number' ? DELIVERY_BY_NUMBER[inv.deliveryMethod] : inv.deliveryMethod;
  return method === 'Email' || method === 'Fax' || method === 'Download' ? method : undefined;
}

/**
 * The invitation's form link when it is one to offer a person: `https:`, or `http:` on a
 * loopback host (the local sandbox). Anything else (and none yet) is null.
 */
export function safeRequestLink(inv: AvaInvitation): string | null {
  if (!inv.requestLink) return null;
  try {
    const url = new URL(inv.requestLink);
    return url.protocol === 'https:' || (url.protocol === 'http:' && /^(127\.0\.0\.1|localhost|\[::1\])$/.test(url.hostname)) ? url.href : null;
  } catch {
    return null;
  }
}

/** A Download invitation is ready once it has a safe link; an Email or Fax one once it was sent. */
export const isReady = (inv: AvaInvitation): boolean =>
  (deliveryOf(inv) ?? 'Download') === 'Download' ? safeRequestLink(inv) !== null : inv.emailStatus === 'Sent';

/** When the invitation was created, as ISO, or null when AvaTax's date is unreadable. */
export function createdAtOf(inv: AvaInvitation): string | null {
  const ms = instantMs(inv.date);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
