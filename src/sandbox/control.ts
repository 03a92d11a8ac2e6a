/**
 * Loopback control routes outside /api/v2 for tests and the demo: faults, the outbox of
 * "sent" invitation emails/faxes, and statistics. Browsers on loopback origins may call
 * them cross-origin (CORS); other sites can neither read nor change anything (control-guard.ts).
 */
import { corsHeaders, problem, refuseForeign } from './control-guard.js';
import { parseFaultOptions } from './faults.js';
import { BodyTooLargeError, json, type Reply, type RequestInfo } from './http/types.js';
import { invitationReady, requestLinkOf } from './model-builders.js';
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
    return problem(error instanceof BodyTooLargeError ? 413 : 400, 'invalid_request', 'The body must be a JSON object of fault settings.');
  }
  try {
    rt.faults.set(parseFaultOptions(body));
  } catch (error) {
    return problem(400, 'invalid_request', (error as Error).message);
  }
  return json(200, rt.faults.current());
}

/** Handles `/_sandbox/*`. */
const ROUTES = new Set(['/_sandbox/faults', '/_sandbox/outbox', '/_sandbox/stats']);

function stats(rt: Runtime): Reply {
  const byRoute = Object.fromEntries([...rt.stats].sort(([a], [b]) => a.localeCompare(b)));
  return json(200, { total: [...rt.stats.values()].reduce((a, b) => a + b, 0), byRoute, process: rt.monitor.read() });
}

export async function handleControl(req: RequestInfo, rt: Runtime): Promise<Reply> {
  const path = req.path.replace(/\/+$/, '');
  // Keys stay bounded whatever is requested: unknown paths share one.
  countRequest(rt, req.method, ROUTES.has(path) ? path : '/_sandbox/(unknown)');
  const reply = refuseForeign(req) ?? (await answer(req, rt, path));
  reply.headers = { ...reply.headers, ...corsHeaders(req) };
  return reply;
}

async function answer(req: RequestInfo, rt: Runtime, path: string): Promise<Reply> {
  switch (`${req.method} ${path}`) {
    case 'OPTIONS /_sandbox/faults':
    case 'OPTIONS /_sandbox/outbox':
    case 'OPTIONS /_sandbox/stats':
      return { status: 204 };
    case 'GET /_sandbox/faults':
      return json(200, rt.faults.current());
    case 'POST /_sandbox/faults':
      return setFaults(req, rt);
    case 'DELETE /_sandbox/faults':
      rt.faults.clear();
      return json(200, rt.faults.current());
    case 'GET /_sandbox/outbox':
      return json(200, outbox(rt));
    case 'GET /_sandbox/stats':
      return stats(rt);
    case 'DELETE /_sandbox/stats':
      rt.stats.clear();
      rt.monitor.reset();
      return stats(rt);
    default:
      return problem(404, 'not_found', 'No such control route.');
  }
}
