import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MemoryStore, RedisStore } from '../../packages/bff/dist/app.js';
import { startRedis } from '../e2e/bff-world.mjs';
import { CALL, PAGE, startWorld, testClock } from './bff-harness.mjs';

const STORE_OPTIONS = { commandTimeoutMs: 1500, waitMs: 5000, onError: () => undefined };

/* Issue 18, item 7: a bounded store – expired entries swept, caps on sign-ins and sessions, lapsed grants revoked. */

let redis;
before(async () => {
  redis = await startRedis();
});
after(() => redis?.stop());

test('memory store: 2,000 abandoned sign-ins are gone from memory once they expired (no request needed for them)', async () => {
  let now = 1_000_000;
  const store = new MemoryStore(() => now);
  for (let i = 0; i < 2000; i += 1) await store.put(`bff:signin:${i}`, '{"state":"…"}', 600);
  assert.equal(store.size, 2000);
  now += 601_000;
  await store.put('bff:signin:new', '{}', 600);
  assert.equal(store.size, 1, 'the expired entries were swept at the next write');
});

const STORES = {
  memory: async (clock) => new MemoryStore(clock.now),
  redis: async () => RedisStore.connect(new URL(redis.url), STORE_OPTIONS),
};

for (const [name, makeStore] of Object.entries(STORES)) {
  test(`${name}: beyond BFF_MAX_SESSIONS new sign-ins get 503 with Retry-After, beyond BFF_MAX_PENDING_SIGNINS the oldest pending ones are dropped; running sessions go on`, async () => {
    if (name === 'redis') await flush();
    const clock = testClock();
    const store = await makeStore(clock);
    const world = await startWorld({ store, clock, env: { BFF_MAX_SESSIONS: '2', BFF_MAX_PENDING_SIGNINS: '3' } });
    try {
      const erika = await world.signIn({ sub: 'erika', sid: 's1', name: 'Erika' });
      const max = await world.signIn({ sub: 'max', sid: 's2', name: 'Max' });
      const full = await world.request('GET', `/login?returnTo=${encodeURIComponent(PAGE)}`);
      assert.equal(full.status, 503, 'sessions full');
      assert.equal(full.headers['retry-after'], '60');
      assert.equal((await world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies: erika })).status, 200, 'Erika goes on');

      assert.equal((await world.request('POST', '/logout', { headers: CALL, cookies: max, body: '{}' })).status, 200);
      // A flood of sign-ins that never come back: the newest three are held, the older ones dropped; nobody is refused.
      const statuses = [];
      for (let i = 0; i < 10; i += 1) statuses.push((await world.request('GET', `/login?returnTo=${encodeURIComponent(PAGE)}`)).status);
      assert.deepEqual(statuses, [303, 303, 303, 303, 303, 303, 303, 303, 303, 303]);
      assert.equal(await store.liveCount('bff:ledger:sign-ins', clock.now()), 3);
      assert.equal(
        (await world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies: erika })).status,
        200,
        'Erika still goes on',
      );

      world.clock.advance(601_000);
      await world.request('POST', '/session/extend', { headers: CALL, cookies: erika });
      assert.equal((await world.request('GET', `/login?returnTo=${encodeURIComponent(PAGE)}`)).status, 303, 'the abandoned ones lapsed');
    } finally {
      await world.stop();
      await store.close();
    }
  });

  test(`${name}: a session the citizen never comes back to ends on its own, and its refresh token is revoked`, async () => {
    if (name === 'redis') await flush();
    const clock = testClock();
    const store = await makeStore(clock);
    const world = await startWorld({ store, clock, env: { BFF_SESSION_IDLE_SECONDS: '600' } });
    try {
      await world.signIn();
      const [refreshToken] = world.provider.issued.slice(-1);
      assert.equal(await world.app.endLapsedSessions(), 0, 'nothing lapsed yet');
      world.clock.advance(601_000);
      assert.equal(await world.app.endLapsedSessions(), 1);
      assert.deepEqual(world.provider.revoked, [refreshToken]);
      assert.equal(await world.app.endLapsedSessions(), 0, 'once');
    } finally {
      await world.stop();
      await store.close();
    }
  });
}

async function flush() {
  const store = await RedisStore.connect(new URL(redis.url), STORE_OPTIONS);
  await store.remove('bff:ledger:sessions');
  await store.remove('bff:ledger:sign-ins');
  await store.close();
}
