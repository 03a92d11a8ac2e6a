/**
 * Loopback control routes outside /api/v2 for tests and the demo: faults, the outbox of
 * "sent" invitation emails/faxes, and request statistics. Browsers on loopback origins may
 * call them cross-origin (CORS); other origins are not granted access.
 */
import { parseFaultOptions } from './faults.js';
import { BodyTooLargeError, json, type Reply, type RequestInfo } from './http/types.js';
import { invitationReady, requestLinkOf } from './models.js';
import { countRequest, type Runtime } from './runtime.js';

/** One email or fax the sandbox "sent" for a ready invitation. */
export interface OutboxMessage {
  invitationId: number;
  customerCode: string;
  channel: 'Email' | 'Fax';
  to: string;
  subject: string;
  requestLink: string;
  sentAt: string;
}

const LOOPBACK_ORIGIN = /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/;

function corsHeaders(req: RequestInfo): Record<string, string> {
  const origin = String(req.headers.origin ?? '');
  if (!LOOPBACK_ORIGIN.test(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
    'access-control-allow-headers': 'content-type',
    vary: 'Origin',
  };
}

function problem(status: number, message: string): Reply {
  return json(status, { error: { code: status === 404 ? 'not_found' : 'invalid_request', message } });
}

/** Emails/faxes of ready invitations, oldest first. Derived from invitations, so never stale. */
export function outbox(rt: Runtime): OutboxMessage[] {
  const nowMs = Date.now();
  const messages: OutboxMessage[] = [];
  for (const invitation of rt.store.allInvitations()) {
    if (invitation.deliveryMethod === 'Download' || !invitationReady(invitation, nowMs)) continue;
    const letter = rt.catalogue.coverLetterById(invitation.coverLetterId);
    messages.push({
      invitationId: invitation.id,
      customerCode: invitation.customerCode,
      channel: invitation.deliveryMethod,
      to: (invitation.deliveryMethod === 'Fax' ? invitation.faxNumber : invitation.recipient) ?? '',
      subject: letter?.subject ?? 'Please submit your exemption certificate',
      requestLink: requestLinkOf(invitation, rt.baseUrl),
      sentAt: new Date(invitation.readyAtMs as number).toISOString(),
    });
  }
  return messages;
}

async function setFaults(req: RequestInfo, rt: Runtime): Promise<Reply> {
  let body: unknown;
  try {
    body = JSON.parse((await req.body(64 * 1024)).toString('utf8') || '{}');
  } catch (error) {
    return problem(error instanceof BodyTooLargeError ? 413 : 400, 'The body must be a JSON object of fault settings.');
  }
  try {
    rt.faults.set(parseFaultOptions(body));
  } catch (error) {
    return problem(400, (error as Error).message);
  }
  return json(200, rt.faults.current());
}

/** Handles `/_sandbox/*`. */
export async function handleControl(req: RequestInfo, rt: Runtime): Promise<Reply> {
  const route = `${req.method} ${req.path.replace(/\/+$/, '')}`;
  countRequest(rt, route);
  let reply: Reply;
  switch (route) {
    case 'OPTIONS /_sandbox/faults':
    case 'OPTIONS /_sandbox/outbox':
    case 'OPTIONS /_sandbox/stats':
      reply = { status: 204 };
      break;
    case 'GET /_sandbox/faults':
      reply = json(200, rt.faults.current());
      break;
    case 'POST /_sandbox/faults':
      reply = await setFaults(req, rt);
      break;
    case 'DELETE /_sandbox/faults':
      rt.faults.clear();
      reply = json(200, rt.faults.current());
      break;
    case 'GET /_sandbox/outbox':
      reply = json(200, outbox(rt));
      break;
    case 'GET /_sandbox/stats': {
      const byRoute = Object.fromEntries([...rt.stats].sort(([a], [b]) => a.localeCompare(b)));
      reply = json(200, { total: [...rt.stats.values()].reduce((a, b) => a + b, 0), byRoute });
      break;
    }
    default:
      reply = problem(404, `No control route ${req.method} ${req.path}.`);
  }
  reply.headers = { ...reply.headers, ...corsHeaders(req) };
  return reply;
}
