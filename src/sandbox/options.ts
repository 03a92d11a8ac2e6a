/** Options of `createSandbox` and their defaults. */
import type { FaultOptions } from './faults.js';

export interface SandboxOptions {
  /** Port; default 0 (a free port). The CLI defaults to 4010. */
  port?: number;
  /** Interface; default '127.0.0.1'. */
  host?: string;
  /** Default '2000000001'. */
  accountId?: string;
  /** Default 'sandbox-license-key-0001'. */
  licenseKey?: string;
  /** Default 'sandbox'. */
  username?: string;
  /** Default 'sandbox-password'. */
  password?: string;
  /** Default 7000001 (company code 'DEFAULT'). */
  companyId?: number;
  /**
   * Persist to this file: a snapshot, with append-only journals `FILE.journal-N` beside it;
   * every write is synced before it is answered. Loaded at start when it exists (a
   * version-1 single-JSON file is converted).
   */
  dataFile?: string;
  /** Adds N generated customers (G-000001 …), deterministic from `seed`. Ignored when `dataFile` exists. */
  customers?: number;
  /** InProgress → Ready after this many ms (wall clock); default 3000. Also the provisioning delay. */
  inviteDelayMs?: number;
  /** Seed for generated data and fault decisions; default 1. */
  seed?: number;
  /** Clock for calendar dates and timestamps; default `() => new Date()`. */
  now?: () => Date;
  /** Faults active from the start. */
  faults?: FaultOptions;
  /** Receives one access-log line per request (method, path, status, ms; never headers or query). */
  logger?: (line: string) => void;
  /**
   * Start with the company not set up for exemption certificates (certificate, customer and
   * CertExpress calls fail with CertificatesNotSetup until RequestCertificateSetup). Default true.
   */
  provisioned?: boolean;
  /**
   * With `dataFile`: the journal size (bytes) past which a new snapshot is written and the
   * journal restarted; never less than the last snapshot's size. Default 64 MiB.
   */
  compactAfterBytes?: number;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  accountId: '2000000001',
  licenseKey: 'sandbox-license-key-0001',
  username: 'sandbox',
  password: 'sandbox-password',
  companyId: 7000001,
  inviteDelayMs: 3000,
  seed: 1,
  compactAfterBytes: 64 * 1_048_576,
} as const;

/** Checks option values; throws a TypeError naming the option. */
export function checkOptions(options: SandboxOptions): void {
  const intIn = (name: keyof SandboxOptions, min: number, max: number) => {
    const value = options[name];
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new TypeError(`createSandbox: ${name} must be an integer from ${min} to ${max}.`);
    }
  };
  intIn('port', 0, 65535);
  intIn('companyId', 1, 2_147_483_647);
  intIn('customers', 0, 1_000_000);
  intIn('inviteDelayMs', 0, 86_400_000);
  intIn('seed', -2_147_483_648, 4_294_967_295);
  intIn('compactAfterBytes', 1, Number.MAX_SAFE_INTEGER);
  for (const name of ['accountId', 'licenseKey', 'username', 'password', 'host', 'dataFile'] as const) {
    const value = options[name];
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      throw new TypeError(`createSandbox: ${name} must be a non-empty string.`);
    }
  }
  if (options.now !== undefined && typeof options.now !== 'function') throw new TypeError('createSandbox: now must be a function.');
}
