import assert from 'node:assert/strict';
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
