import { createClient } from '@redis/client';
import { newGeneration, StoreUnavailableError, type CertStore, type Taken } from './store.js';

/** Options of {@link redisStore}. */
export interface RedisStoreOptions {
  /** e.g. `redis://127.0.0.1:6379/0` (`rediss://` for TLS). */
  url: string;
  /** Prefix of every key, so several apps can share one Redis; default `cert-elements:`. */
  prefix?: string;
  /** Longest wait for one command before it counts as unavailable; default 500 ms. */
  commandTimeoutMs?: number;
  /** Longest wait for a connection; default 2000 ms. */
  connectTimeoutMs?: number;
}

/** A store on Redis for every companion instance, with the readiness of its connection. */
export interface RedisStore extends CertStore {
  /** Resolves once connected (or rejects after the connect timeout); commands before fail fast. */
  ready(): Promise<void>;
}

/** Generations outlive every entry of theirs by far (entries live seconds). */
const GENERATION_TTL_MS = 24 * 60 * 60 * 1000;

// Generation and entries share the group's hash tag, so the scripts stay in one slot.
const READ = `
local g = redis.call('GET', KEYS[1])
if not g then g = ARGV[1]; redis.call('SET', KEYS[1], g, 'PX', ARGV[2]) end
return {g, redis.call('GET', ARGV[3] .. g .. ARGV[4])}`;

const WRITE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) end
return 0`;

const TAKE = `
local now, window, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window)
  return -1
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return tonumber(oldest[2]) + window - now`;

const UNLOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * The store on Redis: what one companion instance caches, limits or locks holds for all of them.
 * Keys are namespaced by `prefix` and expire. The client does not queue commands while
 * disconnected: an outage answers at once with {@link StoreUnavailableError} (the companion then
 * skips its cache and refuses rate-limited writes) and the client reconnects in the background.
 */
export function redisStore(options: RedisStoreOptions): RedisStore {
  const prefix = options.prefix ?? 'cert-elements:';
  const base = createClient({
    url: options.url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: options.connectTimeoutMs ?? 2000,
      // Keep trying, at most every 2 s: Redis coming back must heal the companion by itself.
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2000),
    },
  });
  // An 'error' event without a listener would end the process; the outage shows in answers instead.
  base.on('error', () => {});
  const client = base.withCommandOptions({ timeout: options.commandTimeoutMs ?? 500 });
  let starting = true;
  const connecting = base.connect().then(
    () => void (starting = false),
    (error: unknown) => {
      starting = false;
      throw error;
    },
  );
  connecting.catch(() => {});

  const tag = (group: string): string => `${prefix}{${group}}`;
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      // Right after start, commands wait for the first connection (bounded by its timeout).
      if (starting) await connecting;
      return await run();
    } catch (error) {
      throw new StoreUnavailableError(error);
    }
  };
  const evalScript = (script: string, keys: string[], args: (string | number)[]) =>
    call(() => client.eval(script, { keys, arguments: args.map(String) }));

  return {
    ready: () => connecting,
    async read(group, key) {
      const [generation, value] = (await evalScript(READ, [`${tag(group)}:gen`], [
        newGeneration(), GENERATION_TTL_MS, `${tag(group)}:`, `:${key}`,
      ])) as [string, string | null];
      return { generation: String(generation), value: value === null ? null : String(value) };
    },
    async write(group, generation, key, value, ttlMs) {
      if (ttlMs <= 0) return;
      await evalScript(WRITE, [`${tag(group)}:gen`, `${tag(group)}:${generation}:${key}`], [generation, value, Math.ceil(ttlMs)]);
    },
    async invalidate(group) {
      await call(() => client.set(`${tag(group)}:gen`, newGeneration(), { expiration: { type: 'PX', value: GENERATION_TTL_MS } }));
    },
    async take(key, limit, windowMs, nowMs): Promise<Taken> {
      const wait = Number(await evalScript(TAKE, [`${prefix}limit:${key}`], [nowMs, windowMs, limit, `${nowMs}:${newGeneration()}`]));
      return wait < 0 ? { ok: true } : { ok: false, retryAfterMs: wait };
    },
    async lock(key, leaseMs) {
      const owner = newGeneration();
      const set = await call(() => client.set(`${prefix}lock:${key}`, owner, { condition: 'NX', expiration: { type: 'PX', value: leaseMs } }));
      return set === 'OK' ? owner : null;
    },
    async unlock(key, owner) {
      await evalScript(UNLOCK, [`${prefix}lock:${key}`], [owner]);
    },
    async addMember(key, member, ttlMs) {
      const setKey = `${prefix}set:${key}`;
      await call(() => client.multi().sAdd(setKey, member).pExpire(setKey, ttlMs).exec());
    },
    async members(key) {
      return call(() => client.sMembers(`${prefix}set:${key}`));
    },
    async close() {
      await connecting.catch(() => {});
      if (base.isOpen) await base.close().catch(() => base.destroy());
    },
  };
}
