/**
 * CertExpress invitations: create (array in, array of {status, invitation} out), get one,
 * list company-wide. Readiness is computed from timestamps on every read, so no timers run.
 */
import { randomBytes } from 'node:crypto';
import type { ApiRequest, ApiRoute } from '../api.js';
import { AvaTaxError, missingField } from '../errors.js';
import { invalidEmail, invalidEnum, invalidValue, wrongType } from '../field-errors.js';
import { intParam, readJsonArray } from '../http/api-body.js';
import type { Router } from '../http/router.js';
import { json, type Reply } from '../http/types.js';
import type { CertExpressInvitationModel, DeliveryMethod } from '../../avatax/models.js';
import { invitationModel, invitationStatusModel } from '../model-builders.js';
import { fetchResult, type ListOptions } from '../odata/fetch-result.js';
import { modelContext, write, type Runtime } from '../runtime.js';
import type { CustomerRecord, InvitationRecord } from '../store/types.js';
import { isEmailAddress } from './customer-input.js';
import { customerFromPath } from './shared.js';

const DELIVERY_BY_NUMBER: Record<number, DeliveryMethod> = { 1: 'Email', 2: 'Fax', 3: 'Download' };

const INVITATION_LIST: ListOptions = {
  fields: ['id', 'customerCode', 'recipient', 'deliveryMethod', 'date', 'emailStatus', 'coverLettersOnly', 'message'],
  notFilterable: ['companyId', 'customer', 'coverLetter', 'exposureZones', 'exemptReasons', 'requestLink'],
  exemptionLimits: true,
  defaultOrder: 'id',
};

function deliveryMethod(value: unknown, at: string): DeliveryMethod {
  if (value === undefined || value === null || value === '') throw missingField(`${at}deliveryMethod`);
  if (typeof value === 'number' && DELIVERY_BY_NUMBER[value]) return DELIVERY_BY_NUMBER[value];
  if (typeof value === 'string') {
    const match = (['Email', 'Fax', 'Download'] as const).find((m) => m.toLowerCase() === value.trim().toLowerCase());
    if (match) return match;
    if (/^\d+$/.test(value.trim()) && DELIVERY_BY_NUMBER[Number(value)]) return DELIVERY_BY_NUMBER[Number(value)] as DeliveryMethod;
  }
  throw invalidEnum(`${at}deliveryMethod`, value, ['Email', 'Fax', 'Download']);
}

function idList(value: unknown, field: string, exists: (id: number) => boolean, onUnknown: (id: number) => AvaTaxError): number[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw wrongType(field, 'an array of ids');
  const ids: number[] = [];
  for (const id of value) {
    if (typeof id !== 'number' || !Number.isInteger(id)) throw wrongType(field, 'an array of integer ids');
    if (!exists(id)) throw onUnknown(id);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

type InvitationDraft = Omit<InvitationRecord, 'id' | 'date' | 'readyAtMs' | 'token'>;

function parseInvitation(item: Record<string, unknown>, at: string, customer: CustomerRecord, rt: Runtime): InvitationDraft {
  const method = deliveryMethod(item.deliveryMethod, at);
  const title = item.coverLetterTitle ?? 'STANDARD_REQUEST';
  const letter = typeof title === 'string' ? rt.catalogue.coverLetterByTitle(title) : undefined;
  if (!letter) {
    throw new AvaTaxError('InvalidCoverLetterTitle', `Invalid cover letter title: ${String(title)}.`, { refersTo: `${at}coverLetterTitle` });
  }
  const zones = idList(item.exposureZones, `${at}exposureZones`, (id) => !!rt.catalogue.zoneById(id), (id) =>
    invalidValue(`${at}exposureZones`, `Unknown exposure zone id ${id}.`),
  );
  const reasons = idList(item.exemptReasons, `${at}exemptReasons`, (id) => !!rt.catalogue.reasonById(id), (id) =>
    new AvaTaxError('InvalidExemptReason', `Invalid exempt reason: ${id}.`, { refersTo: `${at}exemptReasons` }),
  );
  let recipient: string | null = null;
  if (item.recipient !== undefined && item.recipient !== null && item.recipient !== '') {
    if (typeof item.recipient !== 'string' || !isEmailAddress(item.recipient.trim())) {
      throw invalidEmail(`${at}recipient`, String(item.recipient));
    }
    recipient = item.recipient.trim();
  }
  if (method === 'Email') {
    recipient ??= customer.emailAddress ?? null;
    if (!recipient) throw missingField(`${at}recipient`);
  }
  if (method === 'Fax' && !customer.faxNumber) throw missingField(`${at}faxNumber`);
  if (item.message !== undefined && item.message !== null && typeof item.message !== 'string') {
    throw wrongType(`${at}message`, 'a string');
  }
  const draft: InvitationDraft = {
    customerCode: customer.customerCode,
    recipient,
    deliveryMethod: method,
    coverLetterId: letter.id,
    exposureZones: zones,
    exemptReasons: reasons,
  };
  if (typeof item.message === 'string' && item.message.trim()) draft.message = item.message.trim();
  if (method === 'Fax' && customer.faxNumber) draft.faxNumber = customer.faxNumber;
  return draft;
}

async function createInvitations(req: ApiRequest, rt: Runtime): Promise<Reply> {
  customerFromPath(req, rt);
  const items = await readJsonArray(req, 'CreateCertExpressInvitationModel');
  const created = await write(rt, () => {
    // The customer as it is now, after the body arrived (its email and fax feed the defaults).
    const customer = customerFromPath(req, rt);
    const drafts = items.map((item, i) => parseInvitation(item, items.length > 1 ? `[${i}].` : '', customer, rt));
    const nowMs = Date.now();
    const date = rt.now().toISOString();
    return drafts.map((draft) => {
      const record: InvitationRecord = {
        id: rt.store.nextInvitationId(),
        ...draft,
        date,
        readyAtMs: rt.faults.stuckInvitations ? null : nowMs + rt.inviteDelayMs,
        token: randomBytes(24).toString('base64url'),
      };
      rt.store.putInvitation(record);
      return record;
    });
  });
  const ctx = modelContext(rt);
  return json(200, created.map((record) => invitationStatusModel(record, ctx)));
}

function getInvitation(req: ApiRequest, rt: Runtime): Reply {
  const customer = customerFromPath(req, rt);
  const id = intParam(req, 'id', 'CertExpressInvitation');
  const record = rt.store.invitation(id);
  if (!record || record.customerCode !== customer.customerCode) {
    throw new AvaTaxError('EntityNotFoundError', 'CertExpressInvitation not found.', {
      description: `The CertExpressInvitation with id '${id}' was not found for customer '${customer.customerCode}'.`,
    });
  }
  return json(200, invitationModel(record, modelContext(rt)));
}

function listInvitations(req: ApiRequest, rt: Runtime): Reply {
  const ctx = modelContext(rt);
  const models: CertExpressInvitationModel[] = [];
  for (const record of rt.store.allInvitations()) models.push(invitationModel(record, ctx));
  return json(200, fetchResult(models, req.query, req.path, INVITATION_LIST));
}

export function registerInvitationRoutes(router: Router<ApiRoute>): void {
  const exemption = { needsProvisioning: true };
  const perCustomer = '/api/v2/companies/:companyId/customers/:customerCode/certexpressinvites';
  router
    .add('POST', perCustomer, { handler: createInvitations, ...exemption })
    .add('GET', `${perCustomer}/:id`, { handler: getInvitation, ...exemption })
    .add('GET', '/api/v2/companies/:companyId/certexpressinvites', { handler: listInvitations, ...exemption });
}
