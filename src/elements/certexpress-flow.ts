import type { CertClient } from '../client/cert-client.js';
import type { Invitation } from '../client/contract.js';
import { apiError } from '../client/errors.js';
import { pollInvitation } from '../client/invitation-poller.js';
import { safeLink } from '../client/safe-link.js';
import { emit } from './events.js';

// Loaded when a person first asks for a certificate (or `auto` does, or a page comes back to an
// invitation still being prepared): a shop page that only shows the button never loads it.

/** What the flow sets on `<certexpress-link>`. */
export interface FlowHost extends EventTarget {
  state: string;
  invitation?: Invitation;
  url?: string;
}

/**
 * Gets the invitation from `get` and waits until it is ready: `preparing` while CertExpress
 * builds it (polling with backoff, paused in hidden tabs), then `ready` with a safe link
 * (`certexpress-link-ready`) or `sent` for email and fax. Rejects with what went wrong.
 */
export async function prepareInvitation(
  host: FlowHost,
  client: CertClient,
  get: (signal: AbortSignal) => Promise<Invitation>,
  signal: AbortSignal,
): Promise<void> {
  let invitation = (host.invitation = await get(signal));
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
  emit(host, 'certexpress-link-ready', { url });
}
