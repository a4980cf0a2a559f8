import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CALL, PAGE, startWorld } from './bff-harness.mjs';

/*
 * Issue 18 review, item 1: one actor must not fill the global caps
 * (BFF_MAX_PENDING_SIGNINS, BFF_MAX_SESSIONS) so that nobody else can sign in.
 * Floods stay on 127.0.0.1 and count a few hundred requests.
 */

const login = `/login?returnTo=${encodeURIComponent(PAGE)}`;
const from = (address) => ({ headers: { 'X-Forwarded-For': address } });

async function count(world, addresses) {
  const seen = {};
  for (const address of addresses) {
    const { status } = await world.request('GET', login, from(address));
    seen[status] = (seen[status] ?? 0) + 1;
  }
  return seen;
}

test('IPv6: a fresh address from one /64 for every /login counts against one budget (attack/pending-cap.mjs v6)', async () => {
  const world = await startWorld({ env: { BFF_TRUSTED_PROXIES: '127.0.0.1', BFF_RATE_LIMIT_SIGN_IN: '60' } });
  try {
    const attacker = Array.from({ length: 200 }, (_, i) => `2001:db8:1:2::${(i + 1).toString(16)}`);
    // Before: 200 × 303 – every address had a budget of its own.
    assert.deepEqual(await count(world, attacker), { 303: 60, 429: 140 });
    assert.deepEqual(await count(world, ['2001:db8:1:2:ffff:1:2:3', '2001:0db8:0001:0002::9']), { 429: 2 }, 'any spelling of that /64');
    assert.deepEqual(
      await count(world, ['2001:db8:1:3::1', '203.0.113.77', '203.0.113.78']),
      { 303: 3 },
      'the next /64 and IPv4 addresses',
    );
  } finally {
    await world.stop();
  }
});

test('one provider account signing in again and again keeps BFF_MAX_SESSIONS_PER_CITIZEN sessions: the oldest end, others still sign in (attack/mint.mjs)', async () => {
  const world = await startWorld({ env: { BFF_MAX_SESSIONS: '5', BFF_MAX_SESSIONS_PER_CITIZEN: '3' } });
  try {
    const mallory = { sub: 'mallory', sid: 'm', name: 'Mallory' };
    const browsers = [];
    // Before: the sixth sign-in got 503 – one account had filled BFF_MAX_SESSIONS.
    for (let i = 0; i < 8; i += 1) browsers.push(await world.signIn(mallory));
    const live = [];
    for (const cookies of browsers)
      live.push(JSON.parse((await world.request('GET', '/session', { headers: CALL, cookies })).text).signedIn);
    assert.deepEqual(live, [false, false, false, false, false, true, true, true], 'the three newest live');
    assert.equal(world.provider.revoked.length, 5, 'the ended ones lost their grant');
    assert.equal(world.log.filter(({ reason }) => reason === 'sessions-per-citizen').length, 5);
    await world.signIn({ sub: 'erika', sid: 'e', name: 'Erika' });
    await world.signIn({ sub: 'max', sid: 'x', name: 'Max' });
  } finally {
    await world.stop();
  }
});

test('IPv4: sign-ins beyond BFF_MAX_PENDING_SIGNINS drop the oldest pending ones instead of refusing everyone; a citizen gets through', async () => {
  const world = await startWorld({ env: { BFF_TRUSTED_PROXIES: '127.0.0.1', BFF_MAX_PENDING_SIGNINS: '20' } });
  try {
    // Four addresses within their budgets, as attack/pending-cap.mjs v4 (there 4 × 60/min × 10 min filled 2,000).
    const attackers = Array.from({ length: 40 }, (_, i) => `198.51.100.${(i % 4) + 1}`);
    // Before: 20 × 303, then 503 for the rest – and for every citizen until the pending ones lapsed 10 minutes later.
    assert.deepEqual(await count(world, attackers), { 303: 40 });
    const cookies = new Map();
    const started = await world.request('GET', login, { ...from('203.0.113.77'), cookies });
    assert.equal(started.status, 303, 'a citizen starts a sign-in');
    assert.deepEqual(await count(world, attackers.slice(0, 19)), { 303: 19 }, 'while the flood goes on');
    const authorize = new URL(started.headers.location);
    const code = world.provider.codeFor(authorize, { sub: 'erika', sid: 'e', name: 'Erika' });
    const state = authorize.searchParams.get('state');
    const back = await world.request('GET', `/callback?code=${code}&state=${state}`, { ...from('203.0.113.77'), cookies });
    assert.equal(back.headers.location, PAGE, 'signed in: the sign-in outlived 19 newer ones');
    assert.ok(world.store.size <= 23, `the store stays bounded: ${world.store.size} entries (20 pending, a session, its index)`);
    assert.equal(await world.store.liveCount('bff:ledger:sign-ins', world.clock.now()), 19);
  } finally {
    await world.stop();
  }
});
