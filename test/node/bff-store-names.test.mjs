import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { CALL, PAGE, startWorld } from './bff-harness.mjs';

/* Issue 18 review, item 3: no key name in the store can be presented as a logout ticket or sign-in state. */

const STORE_KEY = Buffer.alloc(32, 7).toString('base64');

test('with BFF_STORE_KEY the logout ticket and the sign-in state are in the store only as HMACs: a key name read from Redis opens nothing', async () => {
  const world = await startWorld({ env: { BFF_STORE_KEY: STORE_KEY } });
  try {
    const cookies = await world.signIn();
    const login = await world.request('GET', `/login?returnTo=${encodeURIComponent(PAGE)}`);
    const state = new URL(login.headers.location).searchParams.get('state');
    const out = await world.request('POST', '/logout', { headers: CALL, cookies, body: JSON.stringify({ returnTo: PAGE }) });
    const ticket = new URL(JSON.parse(out.text).redirectTo).searchParams.get('ticket');
    const names = [...world.store.entries.keys()];
    const logoutName = names.find((name) => name.startsWith('bff:logout:'));
    const signInName = names.find((name) => name.startsWith('bff:signin:'));
    // Before: bff:logout:<ticket> and bff:signin:<state>.
    assert.ok(logoutName && !logoutName.includes(ticket), logoutName);
    assert.ok(signInName && !signInName.includes(state), signInName);
    const fromName = await world.request('GET', `/logout/continue?ticket=${logoutName.slice('bff:logout:'.length)}`);
    assert.doesNotMatch(fromName.text, /id_token_hint/, 'the key name is no ticket');
    const real = await world.request('GET', `/logout/continue?ticket=${ticket}`);
    assert.match(real.text, /id_token_hint/, 'the ticket still works');
  } finally {
    await world.stop();
  }
});

test('with BFF_STORE_KEY the citizen’s pseudonym in /session and in the page-readable hint is keyed: a guessed sub cannot be confirmed from it', async () => {
  const guess = (issuer) => createHash('sha256').update(`${issuer} erika`).digest('base64url').slice(0, 22);
  for (const keyed of [false, true]) {
    const world = await startWorld({ env: keyed ? { BFF_STORE_KEY: STORE_KEY } : {} });
    try {
      const cookies = await world.signIn({ sub: 'erika', sid: 's1', name: 'Erika Mustermann' });
      const { subject } = JSON.parse((await world.request('GET', '/session', { headers: CALL, cookies })).text);
      const hint = cookies.get('__Host-bp-signed-in');
      assert.equal(hint, subject, 'the hint and /session name the citizen alike');
      const issuer = new URL(world.provider.issuer).href;
      if (keyed) assert.notEqual(subject, guess(issuer), 'not the plain hash of issuer and sub');
      else assert.equal(subject, guess(issuer), 'without the key: the plain hash (the README says so)');
    } finally {
      await world.stop();
    }
  }
});
