/**
 * The first data-file format (version 1): the whole state as one JSON document. It is still
 * read, and converted to the snapshot + journal format at start (the original is kept as
 * `FILE.v1.bak`). It could not hold very large states (one string of the whole state).
 */
import type { SandboxState } from '../store/types.js';
import { DataFileError } from './data-file-error.js';

export const FORMAT = 'cert-elements-sandbox';
export const LEGACY_VERSION = 1;

/** Parses a version-1 document; throws DataFileError naming what is wrong. */
export function parseLegacy(file: string, text: string, currentVersion: number): SandboxState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DataFileError(file, 'it is not valid JSON');
  }
  const envelope = parsed as { format?: unknown; version?: unknown; state?: unknown };
  if (envelope?.format !== FORMAT) throw new DataFileError(file, 'it is not a cert-elements sandbox data file');
  if (envelope.version !== LEGACY_VERSION) {
    throw new DataFileError(file, `it has format version ${String(envelope.version)}, expected ${LEGACY_VERSION} or ${currentVersion}`);
  }
  const problem = checkState(envelope.state);
  if (problem) throw new DataFileError(file, problem);
  return envelope.state as SandboxState;
}

function checkState(value: unknown): string | null {
  if (!value || typeof value !== 'object') return 'its state is missing';
  const s = value as Record<string, unknown>;
  if (typeof s.seedDay !== 'string') return 'seedDay is missing';
  const ids = s.nextIds as Record<string, unknown> | undefined;
  if (!ids || !['customer', 'certificate', 'invitation'].every((k) => Number.isInteger(ids[k]))) return 'nextIds is damaged';
  const provision = s.provision as Record<string, unknown> | undefined;
  if (!provision || typeof provision.status !== 'string') return 'provision is damaged';
  for (const [name, ok] of Object.entries(RECORD_CHECKS)) {
    const list = s[name];
    if (!Array.isArray(list)) return `${name} is missing`;
    const bad = list.findIndex((r) => !r || typeof r !== 'object' || !ok(r as Record<string, unknown>));
    if (bad >= 0) return `${name}[${bad}] is damaged`;
  }
  return null;
}

/** The minimum a stored record needs to be usable, by list name. */
export const RECORD_CHECKS: Record<'customers' | 'certificates' | 'invitations', (r: Record<string, unknown>) => boolean> = {
  customers: (r) => Number.isInteger(r.id) && typeof r.customerCode === 'string' && typeof r.name === 'string',
  certificates: (r) => Number.isInteger(r.id) && Array.isArray(r.customerCodes) && typeof r.signedDate === 'string',
  invitations: (r) => Number.isInteger(r.id) && typeof r.token === 'string' && typeof r.customerCode === 'string',
};
