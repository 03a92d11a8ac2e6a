/**
 * What one write changed: for each record it touched, the record as it was before (a private
 * copy) and the live object, so the write can be undone in place; and the journal entry that
 * makes it durable. Entries hold whole records (put) or keys (del), so replaying an entry
 * twice, or over a snapshot that already holds it, gives the same state.
 */
import type { CertificateRecord, CustomerRecord, InvitationRecord, SandboxState } from './types.js';

export type RecordKind = 'customer' | 'certificate' | 'invitation';

export interface RecordOf {
  customer: CustomerRecord;
  certificate: CertificateRecord;
  invitation: InvitationRecord;
}

export type AnyRecord = CustomerRecord | CertificateRecord | InvitationRecord;

/** One touched record: its state before the write (undefined: it did not exist) and its live object. */
export interface Touched {
  kind: RecordKind;
  key: string | number;
  before: AnyRecord | undefined;
  /** The object that held the record when it was first touched, or that the write created. */
  object: AnyRecord | undefined;
}

/** One line of the journal. */
export type JournalOp =
  | { put: RecordKind; value: AnyRecord }
  | { del: RecordKind; key: string | number }
  | { provision: SandboxState['provision'] };

export interface JournalEntry {
  ops: JournalOp[];
  nextIds: SandboxState['nextIds'];
}

export class ChangeSet {
  readonly touched = new Map<string, Touched>();
  provisionBefore: SandboxState['provision'] | undefined;
  /** The journal line, fixed when the write ends (later writes must not leak into it). */
  line = '';

  get empty(): boolean {
    return this.touched.size === 0 && this.provisionBefore === undefined;
  }
}

/** A deep copy that shares nothing mutable with the live record. */
export function copyRecord<T extends AnyRecord>(record: T): T {
  return structuredClone(record);
}
