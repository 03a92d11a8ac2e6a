import type { Logger } from 'pino';
import type { DeliveryMethod, Invitation } from '../../client/contract.js';
import type { AvaTaxGateway } from '../avatax/client.js';
import type { AvaCustomer, AvaDeliveryMethod, AvaInvitation } from '../avatax/models.js';
import type { CustomerProfile } from '../config.js';
import { ApiError, invalidRequest, notFound } from '../errors.js';
import { filterString, type CustomerRecords } from './customers.js';
import type { Definitions } from './definitions.js';
import { RollingRateLimit } from './rate-limit.js';
import { KeyedSerializer } from './serial.js';
import type { StatusService } from './status.js';

/** A create-or-reuse request, after the route checked the token. */
export interface InvitationInput {
  companyId: number;
  customerCode: string;
  profile: CustomerProfile | undefined;
  country: string;
  region: string;
  deliveryMethod: DeliveryMethod;
  recipient?: string;
  coverLetterTitle: string;
  /** Staff may address an Email invitation anywhere; a customer's goes to an address on file. */
  staff: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** The SDK's numeric enum values (reference §9), in case AvaTax echoes numbers. */
const DELIVERY_BY_NUMBER: Record<number, AvaDeliveryMethod> = { 1: 'Email', 2: 'Fax', 3: 'Download' };

/** CertExpress invitations: reuse of a recent one, rate limit on new ones, readiness. */
export class InvitationService {
  readonly #gateway: AvaTaxGateway;
  readonly #definitions: Definitions;
  readonly #customers: CustomerRecords;
  readonly #status: StatusService;
  readonly #logger: Logger;
  readonly #now: () => Date;
  readonly #reuseMs: number;
  readonly #limit: RollingRateLimit;
  readonly #serial = new KeyedSerializer();

  constructor(deps: {
    gateway: AvaTaxGateway;
    definitions: Definitions;
    customers: CustomerRecords;
    status: StatusService;
    logger: Logger;
    now: () => Date;
    reuseDays: number;
    ratePerHour: number;
  }) {
    this.#gateway = deps.gateway;
    this.#definitions = deps.definitions;
    this.#customers = deps.customers;
    this.#status = deps.status;
    this.#logger = deps.logger;
    this.#now = deps.now;
    this.#reuseMs = deps.reuseDays * DAY_MS;
    this.#limit = new RollingRateLimit({ limit: deps.ratePerHour, windowMs: HOUR_MS, now: () => deps.now().getTime() });
  }

  /**
   * Returns the customer's newest invitation for the same zone and delivery method (and
   * recipient) created within the reuse window, else creates one: the customer is created
   * first from the token's profile when AvaTax lacks it. Concurrent calls for one customer
   * run one after another so they cannot both create.
   */
  createOrReuse(input: InvitationInput): Promise<Invitation> {
    return this.#serial.run(`${input.companyId}|${input.customerCode}`, () => this.#createOrReuse(input));
  }

  /** One invitation of the customer; 404 when it does not exist or belongs to someone else. */
  async get(companyId: number, customerCode: string, id: number): Promise<Invitation> {
    const found = await this.#gateway.getInvitation(companyId, customerCode, id);
    if (!found || found.customerCode !== customerCode) throw notFound('No such invitation for this customer.');
    return this.#toInvitation(found, false, customerCode);
  }

  async #createOrReuse(input: InvitationInput): Promise<Invitation> {
    const zone = await this.#definitions.zone(input.country, input.region);
    const letters = await this.#definitions.coverLetters();
    if (!letters.some((l) => l.title === input.coverLetterTitle)) {
      throw invalidRequest(`Unknown cover letter ${input.coverLetterTitle}.`, ['coverLetterTitle']);
    }
    const existing = await this.#customers.find(input.companyId, input.customerCode);
    const recipient = recipientFor(input, existing);

    if (existing) {
      const reusable = await this.#findReusable(input, zone.id, recipient);
      if (reusable) return this.#toInvitation(reusable, true, input.customerCode);
    }
    const limitKey = `${input.companyId}|${input.customerCode}`;
    this.#limit.check(limitKey, 'Too many certificate requests for this customer; try again later.');
    if (!existing) await this.#customers.createFromProfile(input.companyId, input.customerCode, input.profile);

    const created = await this.#gateway.createInvitation(input.companyId, input.customerCode, {
      deliveryMethod: input.deliveryMethod,
      coverLetterTitle: input.coverLetterTitle,
      exposureZones: [zone.id],
      ...(recipient ? { recipient } : {}),
    });
    this.#limit.record(limitKey);
    this.#status.clearCustomer(input.companyId, input.customerCode);
    if (!created.invitation) throw new ApiError('upstream_error', 'The certificate service did not return the invitation.');
    return this.#toInvitation(created.invitation, false, input.customerCode);
  }

  async #findReusable(input: InvitationInput, zoneId: number, recipient: string | undefined): Promise<AvaInvitation | undefined> {
    const since = this.#now().getTime() - this.#reuseMs;
    const all = await this.#gateway.listInvitations(input.companyId, `customerCode eq ${filterString(input.customerCode)}`);
    return all
      .filter(
        (inv) =>
          inv.customerCode === input.customerCode &&
          deliveryOf(inv) === input.deliveryMethod &&
          (inv.exposureZones ?? []).includes(zoneId) &&
          instantMs(inv.date) >= since &&
          (input.deliveryMethod !== 'Email' || (inv.recipient ?? '').toLowerCase() === (recipient ?? '').toLowerCase()),
      )
      .sort((a, b) => instantMs(b.date) - instantMs(a.date) || (b.id ?? 0) - (a.id ?? 0))[0];
  }

  #toInvitation(inv: AvaInvitation, reused: boolean, customerCode: string): Invitation {
    const deliveryMethod = deliveryOf(inv) ?? 'Download';
    let requestLink = inv.requestLink ?? null;
    if (requestLink !== null && !isHttpUrl(requestLink)) {
      this.#logger.warn({ invitationId: inv.id }, 'AvaTax returned a request link that is not an absolute http(s) URL; treated as not ready');
      requestLink = null;
    }
    const ready = deliveryMethod === 'Download' ? requestLink !== null : inv.emailStatus === 'Sent';
    return {
      id: inv.id ?? 0,
      status: ready ? 'Ready' : 'InProgress',
      deliveryMethod,
      requestLink,
      emailStatus: inv.emailStatus ?? null,
      createdAt: toIso(inv.date) ?? this.#now().toISOString(),
      reused,
      customerCode,
      recipient: inv.recipient ?? null,
    };
  }
}

/**
 * The email address for an Email invitation (request, else customer record, else profile; a
 * customer's own request may only name an address on file).
 * Download needs none, and AvaTax faxes to the number on the customer record, so for Fax a
 * number must be on file and a given `recipient` must be that number.
 */
function recipientFor(input: InvitationInput, customer: AvaCustomer | null): string | undefined {
  if (input.deliveryMethod === 'Download') return undefined;
  if (input.deliveryMethod === 'Email') {
    const onFile = [customer?.emailAddress, input.profile?.emailAddress].filter((a): a is string => !!a);
    // Otherwise any buyer could make AvaTax email strangers from the seller's account.
    if (!input.staff && input.recipient !== undefined && !onFile.some((a) => a.toLowerCase() === input.recipient!.toLowerCase())) {
      throw invalidRequest('A customer can only send the request to an email address on file; leave recipient out.', ['recipient']);
    }
    const recipient = input.recipient ?? onFile[0];
    if (!recipient) throw invalidRequest('Email delivery needs an email address: send a recipient or add one to the customer.', ['recipient']);
    return recipient;
  }
  const onFile = customer?.faxNumber ?? input.profile?.faxNumber;
  if (!onFile) throw invalidRequest('Fax delivery needs a fax number on the customer record.', ['recipient']);
  if (input.recipient !== undefined && digits(input.recipient) !== digits(onFile)) {
    throw invalidRequest('Fax invitations go to the fax number on the customer record; leave recipient out or send that number.', ['recipient']);
  }
  return undefined;
}

const digits = (value: string): string => value.replace(/\D/g, '');

function deliveryOf(inv: AvaInvitation): DeliveryMethod | undefined {
  const method = typeof inv.deliveryMethod === 'number' ? DELIVERY_BY_NUMBER[inv.deliveryMethod] : inv.deliveryMethod;
  return method === 'Email' || method === 'Fax' || method === 'Download' ? method : undefined;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Milliseconds of an AvaTax timestamp; one without a zone is UTC. NaN when unreadable. */
function instantMs(value: string | undefined): number {
  if (!value) return Number.NaN;
  return Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) || value.length <= 10 ? value : `${value}Z`);
}

function toIso(value: string | undefined): string | null {
  const ms = instantMs(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
