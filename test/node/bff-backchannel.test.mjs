import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CALL, startWorld } from './bff-harness.mjs';

/* Issue 18, item 10: back-channel logout tokens need `exp`, may say `typ: logout+jwt`, and count once. */

let world;
before(async () => {
  world = await startWorld();
});
after(() => world?.stop());

const post = (token) =>
  world.request('POST', '/backchannel-logout', {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ logout_token: token }).toString(),
  });

async function signedIn(cookies) {
  return JSON.parse((await world.request('GET', '/session', { headers: CALL, cookies })).text).signedIn;
}

const refusals = (reason) => world.log.filter((line) => line.message === 'back-channel logout refused' && line.reason === reason);

test('a logout token without `exp` is refused; the session goes on', async () => {
  const cookies = await world.signIn({ sub: 'erika', sid: 'sid-no-exp', name: 'Erika' });
  const token = await world.provider.logoutToken({ sid: 'sid-no-exp', exp: undefined });
  assert.equal((await post(token)).status, 400);
  assert.equal(await signedIn(cookies), true);
  assert.equal(refusals('claim-exp').length, 1, 'refused for its missing exp, as an event of its own');
});

test('`typ: logout+jwt` is accepted and ends the sessions of that provider session; a foreign `typ` is refused', async () => {
  const cookies = await world.signIn({ sub: 'erika', sid: 'sid-typ', name: 'Erika' });
  assert.equal((await post(await world.provider.logoutToken({ sid: 'sid-typ' }, { typ: 'at+jwt' }))).status, 400);
  assert.equal(await signedIn(cookies), true);
  assert.equal((await post(await world.provider.logoutToken({ sid: 'sid-typ' }, { typ: 'logout+jwt' }))).status, 200);
  assert.equal(await signedIn(cookies), false);
});

test('a replayed logout token (same `jti`) is refused while it could still pass, even on a new session of that sid', async () => {
  const first = await world.signIn({ sub: 'erika', sid: 'sid-replay', name: 'Erika' });
  const token = await world.provider.logoutToken({ sid: 'sid-replay' });
  assert.equal((await post(token)).status, 200);
  assert.equal(await signedIn(first), false);

  const again = await world.signIn({ sub: 'erika', sid: 'sid-replay', name: 'Erika' });
  world.clock.advance(60_000);
  assert.equal((await post(token)).status, 400, 'the captured token, a minute later');
  assert.equal(await signedIn(again), true);
  assert.equal(refusals('replayed').length, 1);
});

test('after a back-channel logout the page learns it was signed out elsewhere, not that it expired; no index keeps the session', async () => {
  const indexKeys = () => [...world.store.entries.keys()].filter((name) => /^bff:(sid|sub):/.test(name));
  const before = new Set(indexKeys());
  const cookies = await world.signIn({ sub: 'erika-elsewhere', sid: 'sid-elsewhere', name: 'Erika' });
  const other = await world.signIn({ sub: 'erika-elsewhere', sid: 'sid-other-device', name: 'Erika' });
  const ours = indexKeys().filter((key) => !before.has(key));
  assert.equal(ours.length, 3, 'two sids and one sub indexed');
  assert.equal((await post(await world.provider.logoutToken({ sid: 'sid-elsewhere' }))).status, 200);
  const answer = JSON.parse((await world.request('GET', '/session', { headers: CALL, cookies })).text);
  assert.deepEqual(answer, { signedIn: false, reason: 'ended-elsewhere' });
  assert.equal(await signedIn(other), true, 'the session of another provider session goes on');

  world.clock.advance(31 * 60_000);
  const lapsed = JSON.parse((await world.request('GET', '/session', { headers: CALL, cookies: other })).text);
  assert.deepEqual(lapsed, { signedIn: false, reason: 'expired' }, 'an idle end is still „expired“');

  for (const key of ours) assert.deepEqual(await world.store.members(key), [], `${key} keeps no ended session`);
});

test('BFF_BACKCHANNEL_EXP=optional (glewlwyd 2.7): a token without `exp` is taken, bounded by its `iat`, and counts once', async () => {
  const lenient = await startWorld({ env: { BFF_BACKCHANNEL_EXP: 'optional' } });
  try {
    const postTo = (token) =>
      lenient.request('POST', '/backchannel-logout', {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ logout_token: token }).toString(),
      });
    const cookies = await lenient.signIn({ sub: 'erika', sid: 'sid-lenient', name: 'Erika' });
    const token = await lenient.provider.logoutToken({ sid: 'sid-lenient', exp: undefined });
    assert.equal((await postTo(token)).status, 200);
    const answer = JSON.parse((await lenient.request('GET', '/session', { headers: CALL, cookies })).text);
    assert.equal(answer.signedIn, false);
    assert.equal((await postTo(token)).status, 400, 'replayed');
    const old = await lenient.provider.logoutToken({ sid: 'sid-lenient', exp: undefined, iat: Math.floor(Date.now() / 1000) - 3600 });
    assert.equal((await postTo(old)).status, 400, 'an hour old by its iat');
  } finally {
    await lenient.stop();
  }
});
