import type { CertClient } from '../../client/cert-client.js';
import type { DeliveryMethod, Invitation, InvitationRequest, OpenRequest } from '../../client/contract.js';
import { apiError, isAbort, type CertApiError } from '../../client/errors.js';
import { pollInvitation } from '../../client/invitation-poller.js';
import { safeLink } from '../../client/safe-link.js';
import { emit } from '../shared/events.js';
import type { InviteCreatedDetail, LinkReadyDetail } from './certexpress-link.events.js';

// Loaded when a person first asks for a certificate (or `auto` does, or the zone's open request
// is taken up, or a page comes back to an invitation still being prepared), with the view of the
// states it brings: a shop page that only shows the button never loads it.

export { label, link, sent, view } from './certexpress-link.view.js';

/** What the flow reads and sets on `<certexpress-link>`. */
export interface FlowHost extends EventTarget {
  state: string;
  invitation?: Invitation;
  url?: string;
  readonly zoneCountry: string;
  region?: string;
  delivery: 'download' | 'email' | 'fax';
  recipient?: string;
  coverLetter: string;
}

/**
 * Creates the invitation the host's attributes describe, `overrides` over them (or reuses the
 * customer's open one, as the companion decides), and says so (`certexpress-invite-created`).
 */
async function create(host: FlowHost, client: CertClient, overrides: Partial<InvitationRequest>, signal: AbortSignal): Promise<Invitation> {
  const { delivery, recipient } = host;
  const invitation = await client.createInvitation(
    {
      country: host.zoneCountry,
      region: host.region!.toUpperCase(),
      deliveryMethod: (delivery[0]!.toUpperCase() + delivery.slice(1)) as DeliveryMethod,
      coverLetterTitle: host.coverLetter || 'STANDARD_REQUEST',
      ...(recipient && { recipient }),
      ...overrides,
    },
    { signal },
  );
  emit<InviteCreatedDetail>(host, 'certexpress-invite-created', { id: invitation.id, reused: invitation.reused });
  return invitation;
}

/**
 * Gets the invitation — `from` itself when it is one; the zone's open request `from` taken up
 * where it stands (its link, the word it was sent, or still being prepared), unless the element
 * moved on meanwhile; else a new one made with `from` as overrides — and waits until it is
 * ready: `preparing` while CertExpress builds it (polling with backoff, paused in hidden tabs),
 * then `ready` with a safe link (`certexpress-link-ready`) or `sent` for email and fax. Rejects
 * with what went wrong.
 */
export async function prepareInvitation(
  host: FlowHost,
  client: CertClient,
  from: Invitation | OpenRequest | Partial<InvitationRequest>,
  signal: AbortSignal,
): Promise<void> {
  if ('ready' in from && host.state !== 'idle') return;
  let invitation = (host.invitation =
    'ready' in from
      ? { ...from, status: from.ready ? 'Ready' : 'InProgress', emailStatus: from.ready ? 'Sent' : null, reused: true }
      : 'id' in from ? from : await create(host, client, from, signal));
  if (invitation.status !== 'Ready') {
    host.state = 'preparing';
    invitation = host.invitation = await pollInvitation(client, invitation.id, { signal });
  }
  if (invitation.deliveryMethod !== 'Download') {
    host.state = 'sent';
    return;
  }
  const url = safeLink(invitation.requestLink);
  if (!url) throw apiError('upstream_error', 'The service sent a form link that is not safe to open.');
  host.url = url;
  host.state = 'ready';
  emit<LinkReadyDetail>(host, 'certexpress-link-ready', { url });
}

/**
 * {@link prepareInvitation}, then what went wrong placed where it belongs: still InProgress after
 * `pollSlowMs` is the `slow` state (the buyer may retry; no polling meanwhile), a recipient the
 * companion refused goes back to the `options` form at its field. Resolves with any other error,
 * for the element to show (the invitation dropped); an abort is nobody's error.
 */
export async function runFlow(
  host: FlowHost,
  client: CertClient,
  from: Invitation | OpenRequest | Partial<InvitationRequest>,
  signal: AbortSignal,
  form?: { refuse(error: CertApiError): boolean },
): Promise<unknown> {
  try {
    await prepareInvitation(host, client, from, signal);
  } catch (e) {
    if (isAbort(e)) return undefined;
    if ((e as CertApiError).code === 'timeout' && host.invitation) host.state = 'slow';
    else if (form?.refuse(e as CertApiError)) host.state = 'idle';
    else {
      host.invitation = undefined;
      return e;
    }
  }
  return undefined;
}
