import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createClient } from '@redis/client';
import { RedisStore, SealedStore } from '../../packages/bff/dist/app.js';
import { startRedis } from '../e2e/bff-world.mjs';
import { CALL, startWorld } from './bff-harness.mjs';

const STORE_OPTIONS = { commandTimeoutMs: 1500, waitMs: 5000, onError: () => undefined };

/* Issue 18, item 11: what stands in Redis names nobody, and goes with the session. */

let redis;
let reader;
before(async () => {
  redis = await startRedis();
  reader = createClient({ url: redis.url });
  await reader.connect();
});
after(async () => {
  await reader?.close();
  await redis?.stop();
});

const ERIKA = { sub: 'Erika Mustermann', sid: 'sid-erika-klar', name: 'Erika Mustermann' };

/** Every key and every set member in Redis, as Redis holds them. */
async function everything() {
  const keys = await reader.keys('*');
  const members = [];
  for (const key of keys) if ((await reader.type(key)) === 'set') members.push(...(await reader.sMembers(key)));
  return { keys, text: [...keys, ...members].join('\n') };
}

for (const sealed of [false, true]) {
  test(`index keys hold no subject or sid, and leave with the session (${sealed ? 'with' : 'without'} BFF_STORE_KEY)`, async () => {
    await reader.flushAll();
    const storeKey = randomBytes(32);
    const redisStore = await RedisStore.connect(new URL(redis.url), STORE_OPTIONS);
    const store = sealed ? new SealedStore(redisStore, storeKey) : redisStore;
    const world = await startWorld({ store, env: sealed ? { BFF_STORE_KEY: storeKey.toString('base64') } : {} });
    try {
      const cookies = await world.signIn(ERIKA);
      const during = await everything();
      assert.equal(during.keys.filter((key) => /^bff:(sub|sid):/.test(key)).length, 2, during.keys.join(' '));
      for (const secret of ['Erika', 'Mustermann', 'sid-erika-klar', encodeURIComponent(ERIKA.sub)]) {
        assert.ok(!during.text.includes(secret), `${secret} in ${during.text}`);
      }

      assert.equal((await world.request('POST', '/logout', { headers: CALL, cookies, body: '{}' })).status, 200);
      const afterwards = await everything();
      assert.deepEqual(
        afterwards.keys.filter((key) => /^bff:(sub|sid|session):/.test(key)),
        [],
        'session and its index entries are gone',
      );
    } finally {
      await world.stop();
      await store.close();
    }
  });
}

test('back-channel logout by sid ends the session and clears both of its index entries', async () => {
  await reader.flushAll();
  const store = await RedisStore.connect(new URL(redis.url), STORE_OPTIONS);
  const world = await startWorld({ store });
  try {
    await world.signIn(ERIKA);
    const token = await world.provider.logoutToken({ sid: ERIKA.sid });
    const answer = await world.request('POST', '/backchannel-logout', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ logout_token: token }).toString(),
    });
    assert.equal(answer.status, 200);
    assert.deepEqual(
      (await reader.keys('bff:*')).filter((key) => !/^bff:(logout-token|ended):/.test(key)),
      [],
    );
    assert.equal((await reader.keys('bff:logout-token:*')).length, 1, 'the used jti is kept, hashed');
    // In the session's place only the marker that the provider ended it (the page then says so): no sid, sub or name.
    const [marker, ...more] = await reader.keys('bff:ended:*');
    assert.deepEqual(more, []);
    assert.deepEqual(Object.keys(await reader.hGetAll(marker)), ['by']);
    const [used] = await reader.keys('bff:logout-token:*');
    assert.ok((await reader.ttl(used)) > 0, 'for a while only');
  } finally {
    await world.stop();
    await store.close();
  }
});
