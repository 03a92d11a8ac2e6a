/**
 * In-memory data with the indexes the hot paths need: customers by code, certificate ids
 * by customer, and certificate ids by (customer, exposure zone). The exemption-status
 * lookup touches only the certificates of one customer in one zone, so it costs the same
 * with 100 or 100,000 customers.
 */
import type { CertificateRecord, CustomerRecord, InvitationRecord, ProvisionStatus, SandboxState } from './types.js';

const zoneKey = (customerCode: string, zoneId: number) => `${zoneId}\u0000${customerCode}`;

export class Store {
  private readonly customers = new Map<string, CustomerRecord>();
  private readonly certificates = new Map<number, CertificateRecord>();
  private readonly invitations = new Map<number, InvitationRecord>();
  private readonly invitationsByToken = new Map<string, InvitationRecord>();
  private readonly certIdsByCustomer = new Map<string, Set<number>>();
  private readonly certIdsByCustomerZone = new Map<string, Set<number>>();
  private readonly state: Pick<SandboxState, 'seedDay' | 'provision' | 'nextIds'>;

  constructor(state: SandboxState) {
    this.state = { seedDay: state.seedDay, provision: { ...state.provision }, nextIds: { ...state.nextIds } };
    for (const customer of state.customers) this.customers.set(customer.customerCode, customer);
    for (const certificate of state.certificates) this.putCertificate(certificate);
    for (const invitation of state.invitations) this.putInvitation(invitation);
  }

  /** A snapshot for persistence (records are shared, not copied: callers serialise at once). */
  toState(): SandboxState {
    return {
      seedDay: this.state.seedDay,
      provision: { ...this.state.provision },
      nextIds: { ...this.state.nextIds },
      customers: [...this.customers.values()],
      certificates: [...this.certificates.values()],
      invitations: [...this.invitations.values()],
    };
  }

  get seedDay(): string {
    return this.state.seedDay;
  }

  // --- provisioning ---------------------------------------------------------------------

  /** Current provisioning status; an InProgress request completes once its time has come. */
  provisionStatus(nowMs: number): ProvisionStatus {
    const p = this.state.provision;
    return p.status === 'InProgress' && p.readyAtMs !== null && nowMs >= p.readyAtMs ? 'Provisioned' : p.status;
  }

  requestProvisioning(readyAtMs: number): void {
    this.state.provision = { status: 'InProgress', readyAtMs };
  }

  // --- customers ------------------------------------------------------------------------

  nextCustomerId(): number {
    return this.state.nextIds.customer++;
  }

  customer(code: string): CustomerRecord | undefined {
    return this.customers.get(code);
  }

  allCustomers(): IterableIterator<CustomerRecord> {
    return this.customers.values();
  }

  get customerCount(): number {
    return this.customers.size;
  }

  /** Adds or replaces a customer (same code). */
  putCustomer(customer: CustomerRecord): void {
    this.customers.set(customer.customerCode, customer);
  }

  /** Removes a customer and unlinks it from its certificates (which stay, as in AvaTax). */
  removeCustomer(customer: CustomerRecord): void {
    for (const certificate of this.certificatesOf(customer.customerCode)) this.unlink(certificate, [customer.customerCode]);
    this.certIdsByCustomer.delete(customer.customerCode);
    this.customers.delete(customer.customerCode);
  }

  // --- certificates ---------------------------------------------------------------------

  nextCertificateId(): number {
    return this.state.nextIds.certificate++;
  }

  certificate(id: number): CertificateRecord | undefined {
    return this.certificates.get(id);
  }

  allCertificates(): IterableIterator<CertificateRecord> {
    return this.certificates.values();
  }

  /** Adds a certificate and indexes its links. */
  putCertificate(certificate: CertificateRecord): void {
    this.certificates.set(certificate.id, certificate);
    for (const code of certificate.customerCodes) this.index(certificate, code);
  }

  /** Certificates linked to a customer, by ascending id. */
  certificatesOf(customerCode: string): CertificateRecord[] {
    return this.resolve(this.certIdsByCustomer.get(customerCode));
  }

  /** Certificates linked to a customer for one exposure zone. */
  certificatesOfInZone(customerCode: string, zoneId: number): CertificateRecord[] {
    return this.resolve(this.certIdsByCustomerZone.get(zoneKey(customerCode, zoneId)));
  }

  /** Links customers (that must exist) to a certificate; already linked codes are skipped. */
  link(certificate: CertificateRecord, customerCodes: readonly string[]): void {
    for (const code of customerCodes) {
      if (certificate.customerCodes.includes(code)) continue;
      certificate.customerCodes.push(code);
      this.index(certificate, code);
    }
  }

  unlink(certificate: CertificateRecord, customerCodes: readonly string[]): void {
    for (const code of customerCodes) {
      const at = certificate.customerCodes.indexOf(code);
      if (at < 0) continue;
      certificate.customerCodes.splice(at, 1);
      this.unindex(certificate, code);
    }
  }

  /**
   * Replaces a certificate's fields in place (same id), keeping its indexes right when the
   * exposure zone changes. Links are changed with link/unlink, not here.
   */
  replaceCertificate(certificate: CertificateRecord, fields: Omit<CertificateRecord, 'id' | 'customerCodes'>): void {
    for (const code of certificate.customerCodes) this.unindex(certificate, code);
    const optional = ['filename', 'exemptionNumber', 'taxNumberType', 'businessNumberType'] as const;
    for (const key of optional) delete certificate[key];
    Object.assign(certificate, fields);
    for (const code of certificate.customerCodes) this.index(certificate, code);
  }

  /** Removes a certificate, its links and its stored document. */
  removeCertificate(certificate: CertificateRecord): void {
    for (const code of certificate.customerCodes) this.unindex(certificate, code);
    this.certificates.delete(certificate.id);
  }

  // --- invitations ----------------------------------------------------------------------

  nextInvitationId(): number {
    return this.state.nextIds.invitation++;
  }

  invitation(id: number): InvitationRecord | undefined {
    return this.invitations.get(id);
  }

  invitationByToken(token: string): InvitationRecord | undefined {
    return this.invitationsByToken.get(token);
  }

  allInvitations(): IterableIterator<InvitationRecord> {
    return this.invitations.values();
  }

  putInvitation(invitation: InvitationRecord): void {
    this.invitations.set(invitation.id, invitation);
    this.invitationsByToken.set(invitation.token, invitation);
  }

  // --- internals ------------------------------------------------------------------------

  private index(certificate: CertificateRecord, code: string): void {
    add(this.certIdsByCustomer, code, certificate.id);
    add(this.certIdsByCustomerZone, zoneKey(code, certificate.exposureZoneId), certificate.id);
  }

  private unindex(certificate: CertificateRecord, code: string): void {
    this.certIdsByCustomer.get(code)?.delete(certificate.id);
    this.certIdsByCustomerZone.get(zoneKey(code, certificate.exposureZoneId))?.delete(certificate.id);
  }

  private resolve(ids: Set<number> | undefined): CertificateRecord[] {
    if (!ids) return [];
    const out: CertificateRecord[] = [];
    for (const id of ids) {
      const certificate = this.certificates.get(id);
      if (certificate) out.push(certificate);
    }
    return out.sort((a, b) => a.id - b.id);
  }
}

function add<K>(map: Map<K, Set<number>>, key: K, id: number): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(id);
}
