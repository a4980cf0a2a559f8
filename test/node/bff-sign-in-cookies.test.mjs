import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CALL, PAGE, startWorld } from './bff-harness.mjs';

/* Issue 18 review, item 2: sign-in cookies must not pile up until the browser drops the session cookie (attack/cookiejar.mjs). */

test('a script fetching /login 250 times leaves at most three sign-in cookies; the session cookie and the newest sign-in stay', async () => {
  const world = await startWorld({ env: { BFF_RATE_LIMIT_SIGN_IN: '1000' } });
  try {
    const cookies = await world.signIn();
    let last;
    for (let i = 0; i < 250; i += 1) last = await world.request('GET', `/login?returnTo=${encodeURIComponent(PAGE)}`, { cookies });
    const signIns = [...cookies.keys()].filter((name) => name.startsWith('__Host-bp-signin-'));
    // Before: 250 – Chrome keeps 180 cookies per site and dropped __Host-bp-session.
    assert.equal(signIns.length, 3);
    assert.ok(cookies.has('__Host-bp-session'));
    assert.equal(JSON.parse((await world.request('GET', '/session', { headers: CALL, cookies })).text).signedIn, true);
    const authorize = new URL(last.headers.location);
    const code = world.provider.codeFor(authorize, { sub: 'erika', sid: 'sid-1', name: 'Erika' });
    const back = await world.request('GET', `/callback?code=${code}&state=${authorize.searchParams.get('state')}`, { cookies });
    assert.equal(back.headers.location, PAGE, 'the newest sign-in completes');
  } finally {
    await world.stop();
  }
});
