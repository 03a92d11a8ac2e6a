/** The state and services every handler of one sandbox shares. */
import type { Catalogue } from './definitions/catalogue.js';
import type { FaultController } from './faults.js';
import type { ModelContext } from './models.js';
import type { Store } from './store/store.js';
import { utcDay } from './util/dates.js';

/** Both credential forms the sandbox accepts. */
export interface SandboxCredentials {
  accountId: string;
  licenseKey: string;
  username: string;
  password: string;
}

export interface Runtime {
  companyId: number;
  credentials: SandboxCredentials;
  catalogue: Catalogue;
  store: Store;
  faults: FaultController;
  inviteDelayMs: number;
  /** Sandbox clock (calendar dates, timestamps in models). */
  now(): Date;
  /** Base URL, known once listening; used in request links. */
  baseUrl: string;
  /** Key for CertExpress form tokens; random per process. */
  csrfSecret: Buffer;
  /** Makes committed changes durable (no-op without a data file). */
  commit(): Promise<void>;
  /** Request counts by `METHOD /route/pattern`. */
  stats: Map<string, number>;
}

/** Today on the sandbox clock, `YYYY-MM-DD`. */
export function today(rt: Runtime): string {
  return utcDay(rt.now());
}

/** What model builders need right now. */
export function modelContext(rt: Runtime): ModelContext {
  return { companyId: rt.companyId, catalogue: rt.catalogue, today: today(rt), nowMs: Date.now(), baseUrl: rt.baseUrl };
}

/** Counts one request against a route key. */
export function countRequest(rt: Runtime, key: string): void {
  rt.stats.set(key, (rt.stats.get(key) ?? 0) + 1);
}
