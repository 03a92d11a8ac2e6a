/**
 * `cert-elements/server/redis`: the companion's shared state on Redis, for deployments with
 * more than one instance. A module of its own so that hosts with one instance (and
 * Web-standard runtimes without TCP sockets) never load a Redis client.
 *
 * ```ts
 * import { redisStore } from 'cert-elements/server/redis';
 * const store = redisStore({ url: process.env.REDIS_URL! });
 * await store.ready();
 * const server = createCertServer({ ..., store });
 * ```
 */
export { redisStore, type RedisStore, type RedisStoreOptions } from './store/redis.js';
