import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RedisStore } from '../../packages/bff/dist/app.js';
import { startRedis } from '../e2e/bff-world.mjs';
import { CALL, startWorld } from './bff-harness.mjs';
import { healthy, startCity } from './bff-city.mjs';

/*
 * Issue 22, items 3 and 5: Redis killed (SIGKILL) and started again, with the
 * README's persistence (AOF, appendfsync everysec) and without. The renewal
 * cases run the BFF in this process with the test's clock (bff-harness), the
 * others real processes (bff-city). The provider rotates refresh tokens and
 * refuses one presented twice, as Keycloak with „Revoke Refresh Token“ does.
 */

const STORE_OPTIONS = { commandTimeoutMs: 1500, waitMs: 5000, onError: () => undefined };

/** The world with its store in `redis`, the provider rotating; `restartDuringRenewal()` restarts Redis while the provider holds its answer. */
async function renewalWorld(redisOptions) {
  const redis = await startRedis(redisOptions);
  const store = await RedisStore.connect(new URL(redis.url), STORE_OPTIONS);
  const world = await startWorld({ store });
  world.provider.rotation = true;
  return {
    world,
    redis,
    restartDuringRenewal() {
      world.provider.beforeRefresh = async () => {
        world.provider.beforeRefresh = undefined;
        await redis.restart();
      };
    },
    async stop() {
      await world.stop();
      await store.close().catch(() => undefined);
      await redis.stop();
    },
  };
}

const tokenOf = (request) => request.authorization.replace('Bearer ', '');

test('Redis restarted (AOF on) while a renewal waits for the provider: the new tokens are written once Redis is back, the session goes on', async () => {
  const { world, restartDuringRenewal, stop } = await renewalWorld({ appendonly: true });
  try {
    const cookies = await world.signIn();
    world.clock.advance(301_000); // the access token has run out: this request must renew
    restartDuringRenewal();
    const started = performance.now();
    const renewed = await world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies });
    const ms = Math.round(performance.now() - started);
    assert.equal(renewed.status, 200, 'not 503: the renewal’s answer waited for Redis');
    assert.equal(world.provider.refreshed, 1);
    const first = tokenOf(world.backend.requests.at(-1));

    // The rotated refresh token is the one in the store: the next renewal is accepted (the old one would be invalid_grant).
    world.clock.advance(301_000);
    assert.equal((await world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies })).status, 200);
    assert.equal(world.provider.refreshed, 2);
    assert.notEqual(tokenOf(world.backend.requests.at(-1)), first);
    assert.equal(JSON.parse((await world.request('GET', '/session', { headers: CALL, cookies })).text).signedIn, true);
    assert.deepEqual(world.provider.revoked, []);
    console.log(`renewal across a Redis restart (AOF): answered after ${ms} ms`);
  } finally {
    await stop();
  }
});

test('Redis restarted without persistence during a renewal: the session is gone, its new grant revoked, the citizen signs in again', async () => {
  const { world, restartDuringRenewal, stop } = await renewalWorld({ appendonly: false });
  try {
    const cookies = await world.signIn();
    world.clock.advance(301_000);
    restartDuringRenewal();
    const answer = await world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies });
    assert.equal(answer.status, 401, 'the session went with Redis');
    assert.equal(cookies.has('__Host-bp-session'), false, 'its cookie is cleared');
    assert.deepEqual(
      world.provider.revoked,
      [world.provider.issued.at(-1)],
      'the refresh token of the renewal is revoked, not left behind',
    );
    const again = await world.signIn(undefined, cookies);
    assert.equal(JSON.parse((await world.request('GET', '/session', { headers: CALL, cookies: again })).text).signedIn, true);
  } finally {
    await stop();
  }
});

for (const appendonly of [true, false]) {
  test(`Redis killed and started again ${appendonly ? 'with AOF: sessions and the back-channel index survive' : 'without persistence: every citizen is signed out'}`, async () => {
    const city = await startCity({ redis: { appendonly } });
    try {
      const cookies = await city.signIn({ sub: 'erika', sid: 'sid-1', name: 'Erika Mustermann' });
      await city.redis.restart();
      const started = performance.now();
      await healthy(city);
      const ms = Math.round(performance.now() - started);
      const session = JSON.parse((await city.request('GET', '/session', { headers: CALL, cookies })).text);
      assert.equal(session.signedIn, appendonly);
      if (appendonly) {
        assert.equal((await city.request('GET', '/api/kassenzeichen', { headers: CALL, cookies })).status, 200);
        // The index survived too: the provider's back-channel logout still ends the session.
        const token = await city.provider.logoutToken({ sid: 'sid-1' });
        const logout = await city.request('POST', '/backchannel-logout', {
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: `logout_token=${token}`,
        });
        assert.equal(logout.status, 200);
        assert.equal(JSON.parse((await city.request('GET', '/session', { headers: CALL, cookies })).text).signedIn, false);
      }
      console.log(`Redis restarted (${appendonly ? 'AOF' : 'no persistence'}): healthy again after ${ms} ms`);
    } finally {
      await city.stop();
    }
  });
}
