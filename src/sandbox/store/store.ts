/**
 * In-memory data with the indexes the hot paths need: customers by code (and the customer
 * search index) and certificate ids by customer, so the exemption-status lookup reads one
 * customer's few certificates and costs the same with 100 or 1,000,000 customers.
 *
 * Every change happens inside `track(fn)`: the store notes each record a write touches (a
 * private copy of it as it was), so the write can be undone in place if it throws or cannot
 * reach the disk, and the write's journal entry is fixed the moment it ends. Records keep
 * their identity across an undo, and a mutation of an object the store no longer holds
 * throws, so no write can succeed on a stale copy.
 */
import { ChangeSet, copyRecord, type AnyRecord, type JournalEntry, type JournalOp, type RecordKind } from './change-set.js';
import { CustomerSearchIndex } from './customer-search.js';
import type { CertificateRecord, CustomerRecord, InvitationRecord, ProvisionStatus, SandboxState } from './types.js';

/** A mutation was attempted on a record object the store no longer holds (a programming error). */
export class StaleRecordError extends Error {
  constructor(kind: RecordKind, key: string | number) {
    super(`The ${kind} ${key} changed or was removed meanwhile; the write was not applied.`);
    this.name = 'StaleRecordError';
  }
}

export type StoreMeta = Pick<SandboxState, 'seedDay' | 'provision' | 'nextIds'>;

export class Store {
  private readonly customers = new Map<string, CustomerRecord>();
  private readonly certificates = new Map<number, CertificateRecord>();
  private readonly invitations = new Map<number, InvitationRecord>();
  private readonly invitationsByToken = new Map<string, InvitationRecord>();
  /** Small arrays, not Sets: a customer has a handful of certificates, and a million Sets cost hundreds of MB. */
  private readonly certIdsByCustomer = new Map<string, number[]>();
  readonly search = new CustomerSearchIndex();
  private readonly meta: StoreMeta;
  private readonly maps: Record<RecordKind, Map<string | number, AnyRecord>>;
  private open: ChangeSet | null = null;

  constructor(meta: StoreMeta) {
    this.meta = { seedDay: meta.seedDay, provision: { ...meta.provision }, nextIds: { ...meta.nextIds } };
    this.maps = { customer: this.customers, certificate: this.certificates, invitation: this.invitations } as Record<RecordKind, Map<string | number, AnyRecord>>;
  }

  /** A store holding `state` (seed data, or an old single-file data file). */
  static fromState(state: SandboxState): Store {
    const store = new Store(state);
    for (const customer of state.customers) store.attach('customer', customer);
    for (const certificate of state.certificates) store.attach('certificate', certificate);
    for (const invitation of state.invitations) store.attach('invitation', invitation);
    return store;
  }

  // --- loading (no tracking: what is loaded is already durable) ---------------------------

  /** Adds or replaces a record as read from a snapshot or the journal. */
  load(kind: RecordKind, record: AnyRecord): void {
    this.detach(kind, this.keyOf(kind, record));
    this.attach(kind, record);
  }

  /** Applies one journal entry (idempotent: puts are whole records, deleting a missing one is a no-op). */
  apply(entry: JournalEntry): void {
    for (const op of entry.ops) {
      if ('put' in op) this.load(op.put, op.value);
      else if ('del' in op) this.detach(op.del, op.key);
      else this.meta.provision = { ...op.provision };
    }
    for (const kind of ['customer', 'certificate', 'invitation'] as const) {
      this.meta.nextIds[kind] = Math.max(this.meta.nextIds[kind], entry.nextIds[kind]);
    }
  }

  /** Seed day, provisioning and next ids, for a snapshot header. */
  snapshotMeta(): StoreMeta {
    return { seedDay: this.meta.seedDay, provision: { ...this.meta.provision }, nextIds: { ...this.meta.nextIds } };
  }

  /** Every record of one kind, for a snapshot (a live view: writes during iteration are seen or not). */
  records(kind: RecordKind): IterableIterator<AnyRecord> {
    return this.mapOf(kind).values();
  }

  // --- tracked writes ---------------------------------------------------------------------

  /**
   * Runs `fn` (synchronous, so no other request interleaves) with change tracking. Returns
   * its result and the changes; if `fn` throws, its changes are undone first.
   */
  track<T>(fn: () => T): { result: T; changes: ChangeSet } {
    if (this.open) throw new Error('Store.track calls cannot nest');
    const changes = new ChangeSet();
    this.open = changes;
    try {
      const result = fn();
      changes.line = changes.empty ? '' : JSON.stringify(this.journalEntry(changes));
      return { result, changes };
    } catch (error) {
      this.open = null;
      this.undo(changes);
      throw error;
    } finally {
      this.open = null;
    }
  }

  /** Puts every record `changes` touched back as it was, in place (same objects). */
  undo(changes: ChangeSet): void {
    for (const touched of [...changes.touched.values()].reverse()) {
      this.detach(touched.kind, touched.key);
      if (!touched.before) continue;
      const target = (touched.object ?? {}) as Record<string, unknown>;
      for (const key of Object.keys(target)) delete target[key];
      Object.assign(target, touched.before);
      this.attach(touched.kind, target as unknown as AnyRecord);
    }
    if (changes.provisionBefore) this.meta.provision = changes.provisionBefore;
  }

  private journalEntry(changes: ChangeSet): JournalEntry {
    const ops: JournalOp[] = [];
    for (const { kind, key } of changes.touched.values()) {
      const current = this.mapOf(kind).get(key as never) as AnyRecord | undefined;
      ops.push(current ? { put: kind, value: current } : { del: kind, key });
    }
    if (changes.provisionBefore) ops.push({ provision: this.meta.provision });
    return { ops, nextIds: { ...this.meta.nextIds } };
  }

  /** Notes a record before its first change in the open write; the object must be the live one. */
  private touch(kind: RecordKind, key: string | number, object: AnyRecord | undefined): void {
    const changes = this.open;
    if (!changes) throw new Error(`The ${kind} ${key} was changed outside Store.track`);
    const live = this.mapOf(kind).get(key as never) as AnyRecord | undefined;
    if (object && live !== object) throw new StaleRecordError(kind, key);
    const id = `${kind}\u0000${key}`;
    if (!changes.touched.has(id)) changes.touched.set(id, { kind, key, before: live ? copyRecord(live) : undefined, object: live ?? object });
  }

  // --- provisioning ---------------------------------------------------------------------

  get seedDay(): string {
    return this.meta.seedDay;
  }

  /** Current provisioning status; an InProgress request completes once its time has come. */
  provisionStatus(nowMs: number): ProvisionStatus {
    const p = this.meta.provision;
    return p.status === 'InProgress' && p.readyAtMs !== null && nowMs >= p.readyAtMs ? 'Provisioned' : p.status;
  }

  requestProvisioning(readyAtMs: number): void {
    const changes = this.open;
    if (!changes) throw new Error('Provisioning was changed outside Store.track');
    changes.provisionBefore ??= { ...this.meta.provision };
    this.meta.provision = { status: 'InProgress', readyAtMs };
  }

  // --- customers ------------------------------------------------------------------------

  /** Ids are never reused, not even after an undo. */
  nextCustomerId(): number {
    return this.meta.nextIds.customer++;
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

  /** Adds a customer, or replaces the one with the same code. */
  putCustomer(customer: CustomerRecord): void {
    this.touch('customer', customer.customerCode, undefined);
    this.detach('customer', customer.customerCode);
    this.attach('customer', customer);
  }

  /** Removes a customer and unlinks it from its certificates (which stay, as in AvaTax). */
  removeCustomer(customer: CustomerRecord): void {
    this.touch('customer', customer.customerCode, customer);
    for (const certificate of this.certificatesOf(customer.customerCode)) this.unlink(certificate, [customer.customerCode]);
    this.detach('customer', customer.customerCode);
  }

  // --- certificates ---------------------------------------------------------------------

  nextCertificateId(): number {
    return this.meta.nextIds.certificate++;
  }

  certificate(id: number): CertificateRecord | undefined {
    return this.certificates.get(id);
  }

  allCertificates(): IterableIterator<CertificateRecord> {
    return this.certificates.values();
  }

  /** Adds a new certificate with its links. */
  putCertificate(certificate: CertificateRecord): void {
    this.touch('certificate', certificate.id, undefined);
    this.detach('certificate', certificate.id);
    this.attach('certificate', certificate);
  }

  /**
   * Changes a certificate in place: `change` may set any field, the customer links and
   * exposure zone included; the indexes follow.
   */
  modifyCertificate(certificate: CertificateRecord, change: (certificate: CertificateRecord) => void): void {
    this.touch('certificate', certificate.id, certificate);
    this.unindexCertificate(certificate);
    try {
      change(certificate);
    } finally {
      this.indexCertificate(certificate);
    }
  }

  /** Links customers (that must exist) to a certificate; already linked codes are skipped. */
  link(certificate: CertificateRecord, customerCodes: readonly string[]): void {
    const added = customerCodes.filter((code, i) => !certificate.customerCodes.includes(code) && customerCodes.indexOf(code) === i);
    if (added.length > 0) this.modifyCertificate(certificate, (c) => c.customerCodes.push(...added));
  }

  unlink(certificate: CertificateRecord, customerCodes: readonly string[]): void {
    if (!customerCodes.some((code) => certificate.customerCodes.includes(code))) return;
    this.modifyCertificate(certificate, (c) => {
      c.customerCodes = c.customerCodes.filter((code) => !customerCodes.includes(code));
    });
  }

  /** Removes a certificate, its links and its stored document. */
  removeCertificate(certificate: CertificateRecord): void {
    this.touch('certificate', certificate.id, certificate);
    this.detach('certificate', certificate.id);
  }

  /** Certificates linked to a customer, by ascending id. */
  certificatesOf(customerCode: string): CertificateRecord[] {
    return this.resolve(this.certIdsByCustomer.get(customerCode));
  }

  /** Certificates linked to a customer for one exposure zone. */
  certificatesOfInZone(customerCode: string, zoneId: number): CertificateRecord[] {
    return this.certificatesOf(customerCode).filter((c) => c.exposureZoneId === zoneId);
  }

  // --- invitations ----------------------------------------------------------------------

  nextInvitationId(): number {
    return this.meta.nextIds.invitation++;
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
    this.touch('invitation', invitation.id, undefined);
    this.detach('invitation', invitation.id);
    this.attach('invitation', invitation);
  }

  // --- internals ------------------------------------------------------------------------

  private mapOf(kind: RecordKind): Map<string | number, AnyRecord> {
    return this.maps[kind];
  }

  private keyOf(kind: RecordKind, record: AnyRecord): string | number {
    return kind === 'customer' ? (record as CustomerRecord).customerCode : (record as CertificateRecord | InvitationRecord).id;
  }

  /** Puts a record in its map and indexes. */
  private attach(kind: RecordKind, record: AnyRecord): void {
    this.mapOf(kind).set(this.keyOf(kind, record), record);
    if (kind === 'customer') this.search.add(record as CustomerRecord);
    else if (kind === 'certificate') this.indexCertificate(record as CertificateRecord);
    else this.invitationsByToken.set((record as InvitationRecord).token, record as InvitationRecord);
  }

  /** Takes the record with `key` (if any) out of its map and indexes. */
  private detach(kind: RecordKind, key: string | number): void {
    const map = this.mapOf(kind);
    const record = map.get(key);
    if (!record) return;
    map.delete(key);
    if (kind === 'customer') this.search.remove(record as CustomerRecord);
    else if (kind === 'certificate') this.unindexCertificate(record as CertificateRecord);
    else this.invitationsByToken.delete((record as InvitationRecord).token);
  }

  private indexCertificate(certificate: CertificateRecord): void {
    for (const code of certificate.customerCodes) add(this.certIdsByCustomer, code, certificate.id);
  }

  private unindexCertificate(certificate: CertificateRecord): void {
    for (const code of certificate.customerCodes) remove(this.certIdsByCustomer, code, certificate.id);
  }

  private resolve(ids: readonly number[] | undefined): CertificateRecord[] {
    if (!ids) return [];
    const out: CertificateRecord[] = [];
    for (const id of ids) {
      const certificate = this.certificates.get(id);
      if (certificate) out.push(certificate);
    }
    return out.sort((a, b) => a.id - b.id);
  }
}

function add<K>(map: Map<K, number[]>, key: K, id: number): void {
  const ids = map.get(key);
  if (!ids) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}

function remove<K>(map: Map<K, number[]>, key: K, id: number): void {
  const ids = map.get(key);
  const at = ids?.indexOf(id) ?? -1;
  if (!ids || at < 0) return;
  ids.splice(at, 1);
  if (ids.length === 0) map.delete(key);
}
