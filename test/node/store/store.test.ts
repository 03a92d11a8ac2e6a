import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { memoryStore } from '../../../src/server/store/memory.js';
import { redisStore, type RedisStore } from '../../../src/server/store/redis.js';
import { StoreUnavailableError, type CertStore } from '../../../src/server/store/store.js';
import { redisUnavailable, startRedis, type RedisServer } from '../../support/redis-server.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The contract every store keeps; run against the memory store and a real Redis. */
function contract(make: () => CertStore) {
  let store: CertStore;
  let n = 0;
  const unique = (name: string) => `${name}-${process.pid}-${++n}`;
  before(() => void (store = make()));
  after(() => store.close());

  it('reads nothing in a new generation, then what was written in it', async () => {
    const group = unique('g');
    const first = await store.read(group, 'k');
    assert.equal(first.value, null);
    assert.ok(first.generation.length > 8);
    await store.write(group, first.generation, 'k', 'v1', 10_000);
    assert.deepEqual(await store.read(group, 'k'), { generation: first.generation, value: 'v1' });
    assert.equal((await store.read(group, 'other')).value, null);
  });

  it('never serves what was written under a generation that was invalidated', async () => {
    const group = unique('g');
    const { generation } = await store.read(group, 'k');
    await store.write(group, generation, 'k', 'before', 10_000);
    await store.invalidate(group);
    const after = await store.read(group, 'k');
    assert.notEqual(after.generation, generation);
    assert.equal(after.value, null);
    // An answer that was on its way during the invalidation arrives late: nobody reads it.
    await store.write(group, generation, 'k', 'late', 10_000);
    assert.equal((await store.read(group, 'k')).value, null);
    await store.write(group, after.generation, 'k', 'fresh', 10_000);
    assert.equal((await store.read(group, 'k')).value, 'fresh');
  });

  it('forgets an entry after its time to live', async () => {
    const group = unique('g');
    const { generation } = await store.read(group, 'k');
    await store.write(group, generation, 'k', 'v', 80);
    await sleep(250);
    assert.equal((await store.read(group, 'k')).value, null);
  });

  it('takes at most `limit` slots per rolling window and says when the next frees up', async () => {
    const key = unique('limit');
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) assert.deepEqual(await store.take(key, 3, 60_000, t0 + i * 1000), { ok: true });
    const refused = await store.take(key, 3, 60_000, t0 + 10_000);
    assert.deepEqual(refused, { ok: false, retryAfterMs: 50_000 });
    assert.deepEqual(await store.take(key, 3, 60_000, t0 + 60_001), { ok: true }, 'the oldest slot left the window');
    assert.equal((await store.take(key, 3, 60_000, t0 + 60_002)).ok, false);
  });

  it('leases a lock to one owner at a time', async () => {
    const key = unique('lock');
    const owner = await store.lock(key, 10_000);
    assert.ok(owner);
    assert.equal(await store.lock(key, 10_000), null);
    await store.unlock(key, 'someone-else');
    assert.equal(await store.lock(key, 10_000), null, 'only the owner releases');
    await store.unlock(key, owner);
    assert.ok(await store.lock(key, 10_000));
  });

  it('ends a lease that its owner never released', async () => {
    const key = unique('lock');
    assert.ok(await store.lock(key, 80));
    await sleep(250);
    assert.ok(await store.lock(key, 10_000));
  });

  it('keeps set members', async () => {
    const key = unique('set');
    assert.deepEqual(await store.members(key), []);
    await store.addMember(key, '12', 10_000);
    await store.addMember(key, '13', 10_000);
    await store.addMember(key, '12', 10_000);
    assert.deepEqual((await store.members(key)).sort(), ['12', '13']);
  });
}

describe('memory store', () => contract(() => memoryStore()));

const skip = redisUnavailable();
describe('redis store', { skip }, () => {
  let redis: RedisServer;
  let store: RedisStore;
  before(async () => {
    redis = await startRedis();
  });
  after(() => redis?.stop());

  describe('contract', () => contract(() => {
    const s = redisStore({ url: redis.url, prefix: 'contract:' });
    return s;
  }));

  it('fails fast while Redis is down and heals when it is back', async () => {
    store = redisStore({ url: redis.url, prefix: 'outage:' });
    await store.ready();
    const { generation } = await store.read('g', 'k');
    await store.write('g', generation, 'k', 'v', 60_000);
    await redis.stop();
    const started = Date.now();
    await assert.rejects(store.read('g', 'k'), StoreUnavailableError);
    await assert.rejects(store.take('l', 5, 60_000, Date.now()), StoreUnavailableError);
    assert.ok(Date.now() - started < 2000, 'an outage answers within the command timeout, not after queueing');
    await redis.start();
    // The client reconnects by itself (at most 2 s between attempts).
    let healed = false;
    for (let i = 0; i < 60 && !healed; i++) {
      healed = await store.read('g', 'k').then(() => true, () => false);
      if (!healed) await sleep(100);
    }
    assert.ok(healed, 'reads work again after Redis is back');
    assert.equal((await store.read('g', 'k')).value, null, 'a restarted Redis is empty: nothing stale survives');
    await store.close();
  });
});
