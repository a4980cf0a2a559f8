import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CALL, PAGE, startWorld } from './bff-harness.mjs';

/*
 * Issue 18, item 6 (BFF): BFF_MAX_AGE asks the provider for a password no
 * older than that (`max_age`, `auth_time` checked), and after a sign-out or a
 * session ended by its idle limit the next sign-in from that browser asks for
 * the password (`prompt=login`) – shared computers. The clock is the test's.
 */

const login = `/login?returnTo=${encodeURIComponent(PAGE)}`;

/** The authorize URL the BFF sends this browser to. */
async function authorizeUrl(world, cookies) {
  const answer = await world.request('GET', login, { cookies });
  assert.equal(answer.status, 303);
  return new URL(answer.headers.location);
}

test('BFF_MAX_AGE: max_age in the authorization request; an ID token whose auth_time is older is refused', async () => {
  const world = await startWorld({ env: { BFF_MAX_AGE: '600' } });
  try {
    assert.equal((await authorizeUrl(world, new Map())).searchParams.get('max_age'), '600');
    await world.signIn(); // auth_time now: signed in
    const cookies = new Map();
    const authorize = await authorizeUrl(world, cookies);
    const code = world.provider.codeFor(authorize, {
      sub: 'erika',
      sid: 's1',
      name: 'Erika',
      authTime: Math.floor(Date.now() / 1000) - 3600,
    });
    const callback = await world.request('GET', `/callback?code=${code}&state=${authorize.searchParams.get('state')}`, { cookies });
    assert.equal(callback.status, 303);
    assert.equal(new URL(callback.headers.location).searchParams.get('bff-signin'), 'failed', callback.headers.location);
    assert.equal(JSON.parse((await world.request('GET', '/session', { headers: CALL, cookies })).text).signedIn, false);
  } finally {
    await world.stop();
  }
  const without = await startWorld();
  try {
    assert.equal((await authorizeUrl(without, new Map())).searchParams.has('max_age'), false, 'unset: the provider decides');
  } finally {
    await without.stop();
  }
});

test('after a sign-out through the BFF the next sign-in asks for the password; after that one, no longer', async () => {
  const world = await startWorld();
  try {
    const cookies = await world.signIn();
    assert.equal(
      (await world.request('POST', '/logout', { headers: CALL, cookies, body: JSON.stringify({ returnTo: PAGE }) })).status,
      200,
    );
    assert.equal((await authorizeUrl(world, cookies)).searchParams.get('prompt'), 'login');
    await world.signIn(undefined, cookies);
    assert.equal((await authorizeUrl(world, cookies)).searchParams.has('prompt'), false, 'the password was given: no prompt');
  } finally {
    await world.stop();
  }
});

test('after the idle limit the next sign-in asks for the password, whether the page asked /session first or not', async () => {
  const world = await startWorld({ env: { BFF_SESSION_IDLE_SECONDS: '60' } });
  try {
    const viaSession = await world.signIn();
    const direct = await world.signIn({ sub: 'max', sid: 's2', name: 'Max' });
    assert.equal((await authorizeUrl(world, new Map(viaSession))).searchParams.has('prompt'), false, 'a live session: no prompt');
    world.clock.advance(61_000);
    const session = JSON.parse((await world.request('GET', '/session', { headers: CALL, cookies: viaSession })).text);
    assert.deepEqual(session, { signedIn: false, reason: 'expired' });
    assert.equal((await authorizeUrl(world, viaSession)).searchParams.get('prompt'), 'login');
    assert.equal(
      (await authorizeUrl(world, direct)).searchParams.get('prompt'),
      'login',
      'straight to /login with the ended session’s cookie',
    );
  } finally {
    await world.stop();
  }
});
