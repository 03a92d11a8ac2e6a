import type { Logger } from '../logging.js';
import type { DeliveryMethod, Invitation } from '../../client/contract.js';
import type { AvaTaxGateway } from '../avatax/client.js';
import type { AvaCustomer, AvaInvitation } from '../avatax/models.js';
import { instantMs } from '../avatax/instant.js';
import { writeOutcome } from '../avatax/upstream-errors.js';
import type { CustomerProfile } from '../config.js';
import { ApiError, invalidRequest, notFound, notSentBusy, outcomeUnknown } from '../errors.js';
import { withLease } from '../store/lease.js';
import type { CertStore } from '../store/store.js';
import { filterString, type CustomerRecords } from './customers.js';
import { createdAtOf, deliveryOf, isReady, safeRequestLink } from './invitation-view.js';
import { masked } from './open-requests.js';
import type { Definitions } from './definitions.js';
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
  /** A reminder: a new invitation even when an open one could be reused (counted by the rate limit). */
  reminder?: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** Clocks of the companion and AvaTax may differ this much when reading a write back. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** CertExpress invitations: reuse of a recent one, rate limit on new ones, readiness. */
export class InvitationService {
  readonly #gateway: AvaTaxGateway;
  readonly #definitions: Definitions;
  readonly #customers: CustomerRecords;
  readonly #status: StatusService;
  readonly #logger: Logger;
  readonly #now: () => Date;
  readonly #reuseMs: number;
  readonly #store: CertStore;
  readonly #ratePerHour: number;
  readonly #leaseMs: number;
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
    store: CertStore;
    /** Per AvaTax call; the lease on a customer must outlast every call its create makes. */
    timeoutMs: number;
  }) {
    this.#gateway = deps.gateway;
    this.#definitions = deps.definitions;
    this.#customers = deps.customers;
    this.#status = deps.status;
    this.#logger = deps.logger;
    this.#now = deps.now;
    this.#reuseMs = deps.reuseDays * DAY_MS;
    this.#store = deps.store;
    this.#ratePerHour = deps.ratePerHour;
    // Find, list, create customer, create invitation, read back: each may take a timeout (reads twice).
    this.#leaseMs = deps.timeoutMs * 10 + 5000;
  }

  /**
   * Returns the customer's newest invitation for the same zone and delivery method (and
   * recipient) created within the reuse window, else creates one: the customer is created
   * first from the token's profile when AvaTax lacks it. Calls for one customer run one after
   * another, in this process and across instances (a lease in the store), so they cannot both
   * create. Every create attempt counts against the rate limit, whatever its outcome.
   */
  createOrReuse(input: InvitationInput): Promise<Invitation> {
    const key = `${input.companyId}|${input.customerCode}`;
    return this.#serial.run(key, () =>
      withLease(this.#store, `invite|${key}`, { leaseMs: this.#leaseMs, waitMs: Math.min(this.#leaseMs, 30_000) }, () =>
        this.#createOrReuse(input),
      ).catch((error: unknown) => {
        throw error instanceof Error && error.name === 'LeaseUnavailableError' ? notSentBusy(error) : error;
      }),
    );
  }

  /** One invitation of the customer; 404 when it does not exist or belongs to someone else. */
  async get(companyId: number, customerCode: string, id: number, staff = false): Promise<Invitation> {
    const found = await this.#gateway.getInvitation(companyId, customerCode, id);
    if (!found || found.customerCode !== customerCode) throw notFound('No such invitation for this customer.');
    return this.#toInvitation(found, false, customerCode, staff);
  }

  async #createOrReuse(input: InvitationInput): Promise<Invitation> {
    const zone = await this.#definitions.zone(input.country, input.region);
    const letters = await this.#definitions.coverLetters();
    if (!letters.some((l) => l.title === input.coverLetterTitle)) {
      throw invalidRequest(`Unknown cover letter ${input.coverLetterTitle}.`, ['coverLetterTitle']);
    }
    const existing = await this.#customers.find(input.companyId, input.customerCode);
    const recipient = recipientFor(input, existing);

    // A reminder reuses nothing; the invitations it follows are noted, so a read-back after a
    // lost answer cannot take one of them for the new one.
    const before = new Set<number>();
    if (existing && input.reminder) for (const inv of await this.#invitationsOf(input)) before.add(inv.id ?? -1);
    if (existing && !input.reminder) {
      const reusable = await this.#findReusable(input, zone.id, recipient, this.#now().getTime() - this.#reuseMs);
      if (reusable) return this.#toInvitation(reusable, true, input.customerCode, input.staff);
    }
    await this.#takeAttempt(`${input.companyId}|${input.customerCode}`);
    if (!existing) {
      await this.#customers.createFromProfile(input.companyId, input.customerCode, input.profile);
      await this.#status.invalidate(input.companyId, input.customerCode);
    }

    const attemptAt = this.#now().getTime();
    let created: AvaInvitation | undefined;
    try {
      created = (
        await this.#gateway.createInvitation(input.companyId, input.customerCode, {
          deliveryMethod: input.deliveryMethod,
          coverLetterTitle: input.coverLetterTitle,
          exposureZones: [zone.id],
          ...(recipient ? { recipient } : {}),
        })
      ).invitation ?? undefined;
    } catch (error) {
      created = await this.#readBack(input, zone.id, recipient, attemptAt, before, error);
    }
    await this.#status.invalidate(input.companyId, input.customerCode);
    if (!created) throw new ApiError('upstream_error', 'The certificate service did not return the invitation.');
    return this.#toInvitation(created, false, input.customerCode, input.staff);
  }

  /** Counts one create attempt; refused past the limit, and while the count cannot be kept (fail closed). */
  async #takeAttempt(key: string): Promise<void> {
    let taken;
    try {
      taken = await this.#store.take(`invite|${key}`, this.#ratePerHour, HOUR_MS, this.#now().getTime());
    } catch (error) {
      throw notSentBusy(error);
    }
    if (!taken.ok) {
      throw new ApiError('rate_limited', 'Too many certificate requests for this customer; try again later.', {
        retryable: true,
        retryAfter: Math.max(1, Math.ceil(taken.retryAfterMs / 1000)),
      });
    }
  }

  /**
   * A create that failed may still have landed (AvaTax stored it, the answer was lost or late):
   * the invitation is looked for before answering. Found, it is the answer. Not found, the error
   * stands when AvaTax answered it or never got it (retrying is then safe); when no answer came,
   * the outcome is unknown and is reported as such, not as retryable.
   */
  async #readBack(
    input: InvitationInput,
    zoneId: number,
    recipient: string | undefined,
    attemptAt: number,
    before: ReadonlySet<number>,
    error: unknown,
  ): Promise<AvaInvitation> {
    const outcome = writeOutcome(error);
    if (outcome === 'not-sent' || (error instanceof ApiError && error.code !== 'upstream_unavailable')) throw error;
    const since = input.reminder ? attemptAt - CLOCK_SKEW_MS : Math.min(this.#now().getTime() - this.#reuseMs, attemptAt - CLOCK_SKEW_MS);
    let landed: AvaInvitation | undefined;
    try {
      landed = await this.#findReusable(input, zoneId, recipient, since, before);
    } catch (readError) {
      this.#logger.warn({ customerCode: input.customerCode, err: { message: String(readError) } }, 'could not read back an invitation create that failed');
      throw outcomeUnknown('The certificate service did not confirm the request, and it could not be checked. It may still go through: check again in a minute before asking again.', error);
    }
    if (landed) {
      this.#logger.info({ invitationId: landed.id, customerCode: input.customerCode }, 'invitation create failed on the way back but had landed');
      return landed;
    }
    if (outcome === 'answered') throw error;
    throw outcomeUnknown('The certificate service did not confirm the request. It may still go through: check again in a minute before asking again.', error);
  }

  async #findReusable(
    input: InvitationInput,
    zoneId: number,
    recipient: string | undefined,
    since: number,
    except: ReadonlySet<number> = new Set(),
  ): Promise<AvaInvitation | undefined> {
    return (await this.#invitationsOf(input))
      .filter(
        (inv) =>
          !except.has(inv.id ?? -1) &&
          deliveryOf(inv) === input.deliveryMethod &&
          (inv.exposureZones ?? []).includes(zoneId) &&
          instantMs(inv.date) >= since &&
          (input.deliveryMethod !== 'Email' || (inv.recipient ?? '').toLowerCase() === (recipient ?? '').toLowerCase()),
      )
      .sort((a, b) => instantMs(b.date) - instantMs(a.date) || (b.id ?? 0) - (a.id ?? 0))[0];
  }

  async #invitationsOf(input: InvitationInput): Promise<AvaInvitation[]> {
    const all = await this.#gateway.listInvitations(input.companyId, `customerCode eq ${filterString(input.customerCode)}`);
    return all.filter((inv) => inv.customerCode === input.customerCode);
  }

  /** The invitation as the cert API answers it; a customer's own token sees the recipient masked. */
  #toInvitation(inv: AvaInvitation, reused: boolean, customerCode: string, staff: boolean): Invitation {
    const requestLink = safeRequestLink(inv);
    if (inv.requestLink && !requestLink) {
      this.#logger.warn({ invitationId: inv.id }, 'AvaTax returned a request link that is not https (or loopback http); treated as not ready');
    }
    return {
      id: inv.id ?? 0,
      status: isReady(inv) ? 'Ready' : 'InProgress',
      deliveryMethod: deliveryOf(inv) ?? 'Download',
      requestLink,
      emailStatus: inv.emailStatus ?? null,
      createdAt: createdAtOf(inv) ?? this.#now().toISOString(),
      reused,
      customerCode,
      recipient: inv.recipient ? (staff ? inv.recipient : masked(inv.recipient)) : null,
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
