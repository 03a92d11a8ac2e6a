import type { OpenRequest } from '../../client/contract.js';
import { instantMs } from '../avatax/instant.js';
import type { AvaCertificate, AvaInvitation } from '../avatax/models.js';
import type { KnownZone } from './definitions.js';
import { createdAtOf, deliveryOf, isReady, safeRequestLink } from './invitation-view.js';
import { inZone } from './verdict.js';

/**
 * The open request of a zone, as AvaTax's data implies it (an invitation has no "answered"
 * field): the newest invitation of the customer for the zone created since `since` (the reuse
 * window), unless a certificate of the zone was created after it. Null when there is none.
 */
export function openRequest(
  invitations: readonly AvaInvitation[],
  certificates: readonly AvaCertificate[] | null,
  zone: KnownZone,
  since: number,
  options: { mask: boolean },
): OpenRequest | null {
  const newest = invitations
    .filter((inv) => (inv.exposureZones ?? []).includes(zone.id) && instantMs(inv.date) >= since)
    .sort((a, b) => instantMs(b.date) - instantMs(a.date) || (b.id ?? 0) - (a.id ?? 0))[0];
  if (!newest) return null;
  const sent = instantMs(newest.date);
  const answered = (certificates ?? []).some((c) => inZone(c, zone) && instantMs(c.createdDate) > sent);
  if (answered) return null;
  const deliveryMethod = deliveryOf(newest) ?? 'Download';
  const recipient = deliveryMethod === 'Download' ? null : (newest.recipient ?? null);
  return {
    id: newest.id ?? 0,
    createdAt: createdAtOf(newest) ?? new Date(sent).toISOString(),
    deliveryMethod,
    recipient: recipient && options.mask ? masked(recipient) : recipient,
    ready: isReady(newest),
    requestLink: deliveryMethod === 'Download' ? safeRequestLink(newest) : null,
  };
}

/** `p•••@rainier-supply.example` for an email address, `•••4567` for a number. */
export function masked(recipient: string): string {
  const at = recipient.lastIndexOf('@');
  if (at > 0) return `${recipient[0]}•••${recipient.slice(at)}`;
  const digits = recipient.replace(/\D/g, '');
  return `•••${digits.slice(-4)}`;
}
