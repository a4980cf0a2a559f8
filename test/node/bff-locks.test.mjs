import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClient } from '@redis/client';
import { RedisStore } from '../../packages/bff/dist/app.js';
import { startRedis } from '../e2e/bff-world.mjs';

/*
 * Renewal locks in Redis (issue 23, item 4): a waiter is woken when the
 * holder releases – in another process by the release's PUBLISH, in the same
 * process directly – instead of asking every 25 ms; a holder that died frees
 * the lock when it lapses, and a waiter notices within its pauses (≤ 200 ms).
 */

const connect = (redis) => RedisStore.connect(new URL(redis.url), { commandTimeoutMs: 1000, waitMs: 5000, onError: () => undefined });

test('20 waiters of another process take the lock one after the other as soon as it is released, not 25 ms apart', async () => {
  const redis = await startRedis();
  const [a, b] = [await connect(redis), await connect(redis)];
  try {
    await new Promise((resolve) => setTimeout(resolve, 200)); // b's subscription is up
    let releasedAt = 0;
    let holding;
    const held = new Promise((resolve) => (holding = resolve));
    const holder = a.withLock('bff:lock:t', 5000, async () => {
      holding();
      await new Promise((resolve) => setTimeout(resolve, 100));
      releasedAt = performance.now();
    });
    await held;
    const order = [];
    await Promise.all(Array.from({ length: 20 }, (_, i) => b.withLock('bff:lock:t', 5000, async () => order.push(i))));
    await holder;
    const ms = performance.now() - releasedAt;
    assert.equal(order.length, 20);
    assert.ok(ms < 200, `all 20 within ${Math.round(ms)} ms of the release (polling every 25 ms took 250 ms or more)`);
    console.log(`20 waiters of another process through the lock in ${Math.round(ms)} ms after its release`);
  } finally {
    await a.close();
    await b.close();
    await redis.stop();
  }
});

test('a lock left by a process that died is taken soon after it lapses', async () => {
  const redis = await startRedis();
  const store = await connect(redis);
  const admin = createClient({ url: redis.url });
  await admin.connect();
  try {
    await admin.set('bff:lock:dead', 'someone', { expiration: { type: 'PX', value: 300 } });
    const started = performance.now();
    await store.withLock('bff:lock:dead', 5000, async () => undefined);
    const ms = performance.now() - started;
    assert.ok(ms >= 290 && ms < 600, `taken after ${Math.round(ms)} ms`);
  } finally {
    admin.destroy();
    await store.close();
    await redis.stop();
  }
});
