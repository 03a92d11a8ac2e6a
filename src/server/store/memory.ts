import { newGeneration, type CertStore, type Taken } from './store.js';

/** Entries kept at most; the oldest go first (Maps iterate in insertion order). */
const MAX_ENTRIES = 20_000;

/**
 * The store of one process: nothing to run, nothing shared. With several companion instances
 * each keeps its own cache, limits and locks; use `redisStore()` there.
 */
export function memoryStore(options: { now?: () => number } = {}): CertStore {
  const now = options.now ?? Date.now;
  const generations = new Map<string, string>();
  const entries = new Map<string, { value: string; expires: number }>();
  const windows = new Map<string, number[]>();
  const leases = new Map<string, { owner: string; expires: number }>();
  const sets = new Map<string, { members: Set<string>; expires: number }>();

  const bounded = <V>(map: Map<string, V>, key: string, value: V): void => {
    map.delete(key);
    if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value as string);
    map.set(key, value);
  };
  const entryKey = (group: string, generation: string, key: string): string => `${group}\u0000${generation}\u0000${key}`;

  return {
    async read(group, key) {
      let generation = generations.get(group);
      if (!generation) bounded(generations, group, (generation = newGeneration()));
      const entry = entries.get(entryKey(group, generation, key));
      if (entry && entry.expires <= now()) entries.delete(entryKey(group, generation, key));
      return { generation, value: entry && entry.expires > now() ? entry.value : null };
    },
    async write(group, generation, key, value, ttlMs) {
      if (generations.get(group) !== generation || ttlMs <= 0) return;
      bounded(entries, entryKey(group, generation, key), { value, expires: now() + ttlMs });
    },
    async invalidate(group) {
      const old = generations.get(group);
      bounded(generations, group, newGeneration());
      if (old) for (const key of entries.keys()) if (key.startsWith(`${group}\u0000${old}\u0000`)) entries.delete(key);
    },
    async take(key, limit, windowMs, nowMs): Promise<Taken> {
      const recent = (windows.get(key) ?? []).filter((at) => at > nowMs - windowMs);
      if (recent.length >= limit) {
        windows.set(key, recent);
        return { ok: false, retryAfterMs: (recent[0] as number) + windowMs - nowMs };
      }
      recent.push(nowMs);
      bounded(windows, key, recent);
      return { ok: true };
    },
    async lock(key, leaseMs) {
      const held = leases.get(key);
      if (held && held.expires > now()) return null;
      const owner = newGeneration();
      leases.set(key, { owner, expires: now() + leaseMs });
      return owner;
    },
    async unlock(key, owner) {
      if (leases.get(key)?.owner === owner) leases.delete(key);
    },
    async addMember(key, member, ttlMs) {
      const set = sets.get(key);
      const members = set && set.expires > now() ? set.members : new Set<string>();
      members.add(member);
      bounded(sets, key, { members, expires: now() + ttlMs });
    },
    async members(key) {
      const set = sets.get(key);
      return set && set.expires > now() ? [...set.members] : [];
    },
    async close() {},
  };
}
