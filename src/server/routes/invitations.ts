import { Hono } from 'hono';
import { z } from 'zod';
import { companyFor, customerFor, isStaff, requireScope } from '../auth/middleware.js';
import type { AppEnv, Services } from '../context.js';
import { invalidRequest } from '../errors.js';
import { jsonBodyLimit, readJson } from './json-body.js';
import { countrySchema, regionSchema } from './zone-params.js';

const INVITATION_REQUEST = z.object({
  country: countrySchema,
  region: regionSchema,
  deliveryMethod: z.enum(['Download', 'Email', 'Fax']),
  recipient: z.string().trim().min(1).max(254).optional(),
  coverLetterTitle: z.string().trim().min(1).max(100).default('STANDARD_REQUEST'),
  customerCode: z.string().optional(),
  /** Send a new Email or Fax invitation even though an open one exists (a reminder). */
  reminder: z.boolean().optional(),
});

const EMAIL = z.email();

/** `POST /v1/invitations` (create or reuse) and `GET /v1/invitations/{id}` (poll). */
export function invitationRoutes(services: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { invitations, config } = services;

  app.post('/invitations', requireScope('invite:create'), jsonBodyLimit(), async (c) => {
    const body = await readJson(c, INVITATION_REQUEST);
    const auth = c.var.auth;
    const customerCode = customerFor(auth, body.customerCode);
    if (body.deliveryMethod === 'Email' && body.recipient !== undefined && !EMAIL.safeParse(body.recipient).success) {
      throw invalidRequest('recipient must be an email address for Email delivery.', ['recipient']);
    }
    if (body.reminder && body.deliveryMethod === 'Download') {
      throw invalidRequest('A reminder goes by Email or Fax; a Download link is offered again as it is.', ['reminder']);
    }
    const invitation = await invitations.createOrReuse({
      companyId: companyFor(auth, config.avatax.companyId),
      customerCode,
      profile: auth.profile,
      country: body.country,
      region: body.region,
      deliveryMethod: body.deliveryMethod,
      coverLetterTitle: body.coverLetterTitle,
      staff: isStaff(auth),
      reminder: body.reminder === true,
      ...(body.recipient !== undefined ? { recipient: body.recipient } : {}),
    });
    c.header('Cache-Control', 'no-store');
    return c.json(invitation, invitation.reused ? 200 : 201);
  });

  app.get('/invitations/:id', requireScope('invite:create'), async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0 || !/^\d+$/.test(c.req.param('id'))) {
      throw invalidRequest('The invitation id must be a positive integer.', ['id']);
    }
    const auth = c.var.auth;
    const customerCode = customerFor(auth, c.req.query('customerCode'));
    const invitation = await invitations.get(companyFor(auth, config.avatax.companyId), customerCode, id, isStaff(auth));
    c.header('Cache-Control', 'no-store');
    return c.json(invitation);
  });

  return app;
}
