/** The state and services every handler of one sandbox shares. */
import type { Catalogue } from './definitions/catalogue.js';
import type { FaultController } from './faults.js';
import type { ModelContext } from './model-builders.js';
import type { Persistence } from './persistence/data-file.js';
import type { ProcessMonitor } from './process-stats.js';
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
  /** Makes writes durable (in memory only without a data file). */
  persistence: Persistence;
  /** Request counts by `METHOD /route/pattern` (bounded: unknown routes share one key). */
  stats: Map<string, number>;
  /** Memory and event-loop delay of the process, for `/_sandbox/stats`. */
  monitor: ProcessMonitor;
}

/**
 * Runs a write: `change` mutates the store synchronously (so no other request interleaves
 * and it sees the live records), then the write is made durable before this resolves. If
 * `change` throws, or the write cannot reach the disk, its changes are undone and it rejects:
 * no caller is ever told "done" for a change that is not both in memory and on disk.
 */
export async function write<T>(rt: Runtime, change: () => T): Promise<T> {
  const { result, changes } = rt.store.track(change);
  if (!changes.empty) await rt.persistence.commit(changes);
  return result;
}

/** Today on the sandbox clock, `YYYY-MM-DD`. */
export function today(rt: Runtime): string {
  return utcDay(rt.now());
}

/** What model builders need right now. */
export function modelContext(rt: Runtime): ModelContext {
  return { companyId: rt.companyId, catalogue: rt.catalogue, today: today(rt), nowMs: Date.now(), baseUrl: rt.baseUrl };
}

const COUNTED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Counts one request as `METHOD route`; `route` must come from a fixed set (a pattern, not a path). */
export function countRequest(rt: Runtime, method: string, route: string): void {
  const key = `${COUNTED_METHODS.has(method) ? method : 'OTHER'} ${route}`;
  rt.stats.set(key, (rt.stats.get(key) ?? 0) + 1);
}
