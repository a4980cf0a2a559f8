import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { createClient } from '@redis/client';
import { RedisStore } from '../../packages/bff/dist/app.js';
import { startRedis } from '../e2e/bff-world.mjs';
import { CALL, startWorld } from './bff-harness.mjs';

/*
 * Issue 22, item 3: a renewal that cannot happen now does not end the
 * session. A process that died during a renewal is played by its lock left
 * in Redis (SET … PX, as the dying holder took it); the provider down for
 * renewals by its token endpoint answering 503. The BFF's clock is the test's:
 * the stand-in provider's tokens last 300 s, renewal starts 30 s before.
 */

const STORE_OPTIONS = { commandTimeoutMs: 1500, waitMs: 5000, onError: () => undefined };

function sessionKey(cookies) {
  return `bff:session:${createHash('sha256').update(cookies.get('__Host-bp-session')).digest('base64url')}`;
}

const tokenOf = (request) => request.authorization.replace('Bearer ', '');

test('provider down while the access token is still valid: the token goes on being used, the session goes on', async () => {
  const world = await startWorld();
  try {
    const cookies = await world.signIn();
    assert.equal((await world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies })).status, 200);
    const first = tokenOf(world.backend.requests[0]);
    world.provider.refreshFails = true;
    world.clock.advance(285_000); // 15 s left: due for renewal
    for (const path of ['/api/kassenzeichen', '/api/kassenzeichen']) {
      assert.equal((await world.request('GET', path, { headers: CALL, cookies })).status, 200);
    }
    assert.ok(world.provider.refreshed >= 1, 'a renewal was tried');
    assert.deepEqual(world.backend.requests.slice(1).map(tokenOf), [first, first], 'the still-valid token was used');
    const extended = JSON.parse((await world.request('POST', '/session/extend', { headers: CALL, cookies })).text);
    assert.equal(extended.signedIn, true);

    world.provider.refreshFails = false;
    assert.equal((await world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies })).status, 200);
    assert.notEqual(tokenOf(world.backend.requests.at(-1)), first, 'renewed once the provider answers');
  } finally {
    await world.stop();
  }
});

test('provider down and the access token expired: 503, the session is not ended; it goes on when the provider is back', async () => {
  const world = await startWorld();
  try {
    const cookies = await world.signIn();
    world.provider.refreshFails = true;
    world.clock.advance(301_000);
    const failed = await world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies });
    assert.equal(failed.status, 503);
    assert.ok(cookies.has('__Host-bp-session'), 'the cookie stays');
    world.provider.refreshFails = false;
    assert.equal((await world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies })).status, 200);
  } finally {
    await world.stop();
  }
});

test('a process died during the renewal (its lock left in Redis): the others use the still-valid token at once; after expiry they wait out the lock and renew', async () => {
  const redis = await startRedis();
  const store = await RedisStore.connect(new URL(redis.url), STORE_OPTIONS);
  const world = await startWorld({ store });
  const admin = createClient({ url: redis.url });
  await admin.connect();
  try {
    const cookies = await world.signIn();
    const lock = `bff:lock:${sessionKey(cookies)}`;
    world.clock.advance(285_000);
    await admin.set(lock, 'the-dead-process', { PX: 15_000 });
    const started = performance.now();
    const answer = await world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies });
    const ms = Math.round(performance.now() - started);
    assert.equal(answer.status, 200);
    assert.ok(ms < 3500, `answered after ${ms} ms`);
    assert.equal(world.provider.refreshed, 0, 'no second renewal while the lock is held');

    // The token has run out and the dead holder's lock is still there: wait as long as the lock, then renew.
    world.clock.advance(20_000);
    // 12 s: longer than a waiter waited before (10 s, then 503), within the lock's lifetime (15 s) a waiter now waits.
    await admin.set(lock, 'the-dead-process', { PX: 12_000 });
    const later = performance.now();
    const renewed = await world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies });
    const waited = Math.round(performance.now() - later);
    assert.equal(renewed.status, 200, 'not 503, not 401');
    assert.ok(waited >= 11_500 && waited < 16_000, `waited ${waited} ms`);
    assert.equal(world.provider.refreshed, 1);
    assert.equal(JSON.parse((await world.request('GET', '/session', { headers: CALL, cookies })).text).signedIn, true);
    console.log(`lock held by a dead process: ${ms} ms with a valid token, ${waited} ms with an expired one (lock 12 s)`);
  } finally {
    await admin.close();
    await world.stop();
    await store.close().catch(() => undefined);
    await redis.stop();
  }
});
