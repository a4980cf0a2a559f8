import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CALL, PAGE, startWorld } from './bff-harness.mjs';

/*
 * Review of issue 21, item 6 (BFF): the case the auth_time policy is for – a
 * shared computer, Erika signs out through the BFF, Max clicks „Anmelden“ a
 * couple of minutes later, and the provider ignores prompt=login and answers
 * with Erika's still-running provider session (its auth_time: when Erika gave
 * her password). The BFF's clock and the provider's are both servers' clocks
 * (NTP); 300 s of tolerance let any session younger than five minutes pass.
 */

const login = `/login?returnTo=${encodeURIComponent(PAGE)}`;

test('review: after „Abmelden“, a provider that ignores prompt=login and re-uses a session from 2 minutes ago does not sign the next person in as Erika', async () => {
  const world = await startWorld();
  try {
    const cookies = await world.signIn({ sub: 'erika', sid: 'sid-erika', name: 'Erika Mustermann' });
    const out = await world.request('POST', '/logout', { headers: CALL, cookies, body: JSON.stringify({ returnTo: PAGE }) });
    assert.equal(out.status, 200);

    // Max at the same computer; Erika gave her password two minutes before his click (BFF and provider clocks agree).
    const erikasPassword = Math.floor(Date.now() / 1000) - 120;
    const started = await world.request('GET', login, { cookies });
    const authorize = new URL(started.headers.location);
    assert.equal(authorize.searchParams.get('prompt'), 'login', 'the BFF does ask for the password');
    // The provider ignores prompt=login: Erika's provider session, with her auth_time.
    const code = world.provider.codeFor(authorize, {
      sub: 'erika',
      sid: 'sid-erika',
      name: 'Erika Mustermann',
      authTime: erikasPassword,
    });
    const callback = await world.request('GET', `/callback?code=${code}&state=${authorize.searchParams.get('state')}`, { cookies });
    assert.equal(callback.status, 303);
    const session = JSON.parse((await world.request('GET', '/session', { headers: CALL, cookies })).text);
    assert.equal(session.signedIn, false, `Max is signed in as ${session.displayName}`);
    assert.equal(new URL(callback.headers.location).searchParams.get('bff-signin'), 'failed');
  } finally {
    await world.stop();
  }
});
