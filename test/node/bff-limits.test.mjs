import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CALL, PAGE, startWorld } from './bff-harness.mjs';

/*
 * The session's idle and absolute limits on the BFF, with the BFF's clock
 * moved on instead of real waits (issue 20, item 5): one end-to-end smoke test
 * of the idle limit stays in test/e2e/bff-limits.e2e.test.mjs.
 */

const IDLE_SECONDS = 600;
const MAX_SECONDS = 1800;
const LIMITS = { BFF_SESSION_IDLE_SECONDS: String(IDLE_SECONDS), BFF_SESSION_MAX_SECONDS: String(MAX_SECONDS) };

async function signedIn() {
  const world = await startWorld({ env: LIMITS });
  const cookies = await world.signIn();
  const session = async () => JSON.parse((await world.request('GET', '/session', { headers: CALL, cookies })).text);
  return { world, cookies, session };
}

test('idle limit: past it without a request the session has ended on the server – the API says 401, the next sign-in asks for the password', async () => {
  const { world, cookies, session } = await signedIn();
  try {
    world.clock.advance((IDLE_SECONDS - 5) * 1000);
    assert.equal((await session()).signedIn, true, 'just before the end');
    world.clock.advance((IDLE_SECONDS + 1) * 1000);
    assert.equal((await session()).signedIn, false);
    assert.equal((await world.request('GET', '/api/account', { headers: CALL, cookies })).status, 401);
    const login = await world.request('GET', `/login?returnTo=${encodeURIComponent(PAGE)}`, { cookies });
    assert.equal(new URL(login.headers.location).searchParams.get('prompt'), 'login', 'a shared computer: the password again');
  } finally {
    await world.stop();
  }
});

test('activity (a call, „Sitzung verlängern“) moves the idle end; the absolute limit ends the session all the same', async () => {
  const { world, cookies, session } = await signedIn();
  try {
    let elapsed = 0;
    while (elapsed + IDLE_SECONDS / 2 < MAX_SECONDS) {
      world.clock.advance((IDLE_SECONDS / 2) * 1000);
      elapsed += IDLE_SECONDS / 2;
      const extended = JSON.parse((await world.request('POST', '/session/extend', { headers: CALL, cookies })).text);
      assert.equal(extended.signedIn, true, `still signed in after ${elapsed} s of activity`);
      assert.ok(
        extended.expiresIn <= MAX_SECONDS - elapsed,
        `the end never lies past the absolute limit (${extended.expiresIn} s left at ${elapsed} s)`,
      );
    }
    world.clock.advance((MAX_SECONDS - elapsed + 1) * 1000);
    assert.equal((await session()).signedIn, false, `ended by the absolute limit after ${MAX_SECONDS} s however active`);
  } finally {
    await world.stop();
  }
});

test('a proxied call moves the idle end only when it moves by more than 1 % of the idle limit (6 s here, at most 5 s); „Sitzung verlängern“ always', async () => {
  const { world, cookies, session } = await signedIn();
  try {
    const writes = [];
    const update = world.store.update.bind(world.store);
    world.store.update = (key, fields, ttl) => (writes.push(Object.keys(fields).join()), update(key, fields, ttl));
    const call = async () => assert.equal((await world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies })).status, 200);
    world.clock.advance(4000);
    await call();
    assert.deepEqual(writes, [], 'the idle end would move by 4 s: no write');
    world.clock.advance(2000);
    await call();
    assert.deepEqual(writes, ['lastActiveAt'], 'by 6 s: written');
    const left = (await session()).expiresIn;
    assert.ok(left >= IDLE_SECONDS - 1, `the idle end moved with it (${left} s left)`);
    world.clock.advance(1000);
    await world.request('POST', '/session/extend', { headers: CALL, cookies });
    assert.deepEqual(writes, ['lastActiveAt', 'lastActiveAt'], '„Sitzung verlängern“ writes at once');
    world.clock.advance((IDLE_SECONDS - 3) * 1000);
    await call();
    world.clock.advance((IDLE_SECONDS - 3) * 1000);
    assert.equal((await session()).signedIn, true, 'calls keep the session going');
  } finally {
    await world.stop();
  }
});
