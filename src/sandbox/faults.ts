/**
 * Fault injection for `/api/v2/**`: added latency, a share of 500/503 answers, a share of
 * requests that never answer, invitations stuck InProgress, rejected credentials, and
 * journal flushes that fail as if the disk refused them.
 * Decisions come from a PRNG re-seeded on every change of the fault settings, so the n-th
 * request after `setFaults(x)` meets the same fate on every run with the same seed.
 */
import { createRandom, type Random } from './util/prng.js';

/** Faults to inject; see docs/sandbox.md. */
export interface FaultOptions {
  /** Added to every /api/v2 response, in ms. */
  latencyMs?: number;
  /** 0..1 share of /api/v2 requests answered 500 (UnhandledException) or 503 (ServiceNotReady). */
  errorRate?: number;
  /** 0..1 share of /api/v2 requests that never answer (until the client aborts or the sandbox closes). */
  hangRate?: number;
  /** Invitations created while set stay InProgress forever. */
  stuckInvitations?: boolean;
  /** Every authenticated /api/v2 call answers 401 AuthenticationException. */
  badCredentials?: boolean;
  /**
   * The next N journal flushes fail as if the disk refused them (with a data file): their
   * writes answer 500 and are undone in memory. Counts down; `current()` shows what is left.
   */
  failNextWrites?: number;
}

/** What happens to one /api/v2 request. */
export interface FaultDecision {
  latencyMs: number;
  outcome: 'normal' | 'hang' | 500 | 503;
}

const MAX_LATENCY_MS = 120_000;

/** Checks a fault settings object (e.g. from the control route); throws a readable error. */
export function parseFaultOptions(input: unknown): FaultOptions {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new TypeError('Faults must be a JSON object.');
  }
  const source = input as Record<string, unknown>;
  const out: FaultOptions = {};
  for (const [key, value] of Object.entries(source)) {
    switch (key) {
      case 'latencyMs':
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_LATENCY_MS) {
          throw new TypeError(`latencyMs must be a number of milliseconds between 0 and ${MAX_LATENCY_MS}.`);
        }
        out.latencyMs = value;
        break;
      case 'errorRate':
      case 'hangRate':
        if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
          throw new TypeError(`${key} must be a number between 0 and 1.`);
        }
        out[key] = value;
        break;
      case 'stuckInvitations':
      case 'badCredentials':
        if (typeof value !== 'boolean') throw new TypeError(`${key} must be true or false.`);
        out[key] = value;
        break;
      case 'failNextWrites':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 1000) {
          throw new TypeError('failNextWrites must be a whole number from 0 to 1000.');
        }
        out.failNextWrites = value;
        break;
      default:
        throw new TypeError(`Unknown fault '${key}'. Known: latencyMs, errorRate, hangRate, stuckInvitations, badCredentials, failNextWrites.`);
    }
  }
  return out;
}

export class FaultController {
  private faults: FaultOptions = {};
  private random: Random;

  constructor(private readonly seed: number, initial: FaultOptions = {}) {
    this.random = createRandom(seed);
    this.set(initial);
  }

  /** Replaces every fault setting (validated) and restarts the decision sequence. */
  set(faults: FaultOptions): void {
    this.faults = parseFaultOptions(faults);
    this.random = createRandom(this.seed);
  }

  clear(): void {
    this.set({});
  }

  current(): FaultOptions {
    return { ...this.faults };
  }

  get stuckInvitations(): boolean {
    return this.faults.stuckInvitations === true;
  }

  get badCredentials(): boolean {
    return this.faults.badCredentials === true;
  }

  /** True (and one fewer left) when the next journal flush must fail. */
  takeWriteFailure(): boolean {
    const left = this.faults.failNextWrites ?? 0;
    if (left <= 0) return false;
    if (left === 1) delete this.faults.failNextWrites;
    else this.faults.failNextWrites = left - 1;
    return true;
  }

  /** Decides the fate of the next /api/v2 request. Draws a fixed count per request. */
  decide(): FaultDecision {
    const hangRoll = this.random();
    const errorRoll = this.random();
    const kindRoll = this.random();
    const latencyMs = this.faults.latencyMs ?? 0;
    if (hangRoll < (this.faults.hangRate ?? 0)) return { latencyMs, outcome: 'hang' };
    if (errorRoll < (this.faults.errorRate ?? 0)) return { latencyMs, outcome: kindRoll < 0.5 ? 500 : 503 };
    return { latencyMs, outcome: 'normal' };
  }
}
