import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createClient } from '@redis/client';
import { startRedis } from '../e2e/bff-world.mjs';
import { startProcessWorld } from './bff-process-world.mjs';
import { CALL, PAGE } from './bff-harness.mjs';

/*
 * The README's Redis user (ACL, „A Redis user of its own“) as it stands: a
 * redis-server with exactly that user, a BFF process signed in as it, every
 * kind of command the BFF sends – sign-in, API calls (the script, then its
 * EVALSHA), a renewal under the lock with its release published on the lock
 * channel, /session/extend, /health, sign-out, back-channel logout. Redis's
 * ACL LOG then holds nothing but the optional CONFIG GET.
 */

const README = readFileSync('packages/bff/README.md', 'utf8');
const PLACEHOLDER = '>REPLACE-WITH-A-LONG-RANDOM-PASSWORD';

/** The words of the README's `user …` line. */
function readmeAclUser() {
  const match = /<!-- bff-redis-acl -->\s*```\w*\n([\s\S]*?)```/.exec(README);
  assert.ok(match, 'the README has no ACL block');
  const words = match[1].trim().split(/\s+/);
  assert.equal(words[0], 'user');
  assert.ok(words.includes(PLACEHOLDER));
  return words.slice(1);
}

test(
  'the README’s Redis user is all the BFF needs: a whole citizen’s day, and nothing but CONFIG GET in ACL LOG',
  { timeout: 30_000 },
  async () => {
    const password = randomBytes(18).toString('hex');
    const [name, ...rules] = readmeAclUser().map((word) => (word === PLACEHOLDER ? `>${password}` : word));
    const redis = await startRedis({ settings: ['--user', name, ...rules] });
    const url = new URL(redis.url);
    url.username = name;
    url.password = password;
    const world = await startProcessWorld({ BFF_SESSION_STORE: url.href, BFF_STORE_KEY: randomBytes(32).toString('base64') });
    const admin = createClient({ url: redis.url });
    await admin.connect();
    try {
      world.provider.expiresIn = 31; // renewed 30 s before it ends: due a second after the sign-in
      const cookies = await world.signIn();
      world.provider.expiresIn = 300;
      const api = async () => (await world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies })).status;
      assert.deepEqual([await api(), await api()], [200, 200]);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      assert.deepEqual(await Promise.all([api(), api(), api()]), [200, 200, 200]);
      assert.equal(world.provider.refreshed, 1, 'renewed once, under the lock');
      assert.equal(JSON.parse((await world.request('GET', '/session', { headers: CALL, cookies })).text).signedIn, true);
      assert.equal((await world.request('POST', '/session/extend', { headers: CALL, cookies })).status, 200);
      assert.equal((await world.request('GET', '/health')).status, 200);

      const signOut = await world.request('POST', '/logout', { headers: CALL, cookies, body: JSON.stringify({ returnTo: PAGE }) });
      const next = new URL(JSON.parse(signOut.text).redirectTo);
      assert.equal((await world.request('GET', `${next.pathname.slice('/bff'.length)}${next.search}`)).status, 200);

      await world.signIn({ sub: 'max', sid: 'sid-max', name: 'Max Mustermann' });
      const logoutToken = await world.provider.logoutToken({ sid: 'sid-max' });
      const backChannel = await world.request('POST', '/backchannel-logout', {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ logout_token: logoutToken }).toString(),
      });
      assert.equal(backChannel.status, 200);

      const denied = (await admin.aclLog()).filter(({ username }) => username === name);
      assert.ok(denied.length > 0, 'ACL LOG is read: the start asked for CONFIG GET');
      assert.deepEqual(
        denied.filter(({ object }) => object !== 'config|get').map(({ reason, context, object }) => `${reason} ${context} ${object}`),
        [],
        'every command the BFF sent was allowed',
      );
      const lines = world.log();
      assert.deepEqual(
        lines.filter(({ level }) => level === 'error'),
        [],
      );
      assert.ok(lines.some(({ message, reason }) => message.startsWith('redis settings not checked') && reason === 'refused'));
    } finally {
      await admin.close();
      await world.stop();
      await redis.stop();
    }
  },
);

/**
 * A BFF process whose Redis user is the README's without the commands in
 * `without`; `run(world)` then stops the process and Redis.
 */
async function withReadmeUserLacking(without, run) {
  const password = randomBytes(18).toString('hex');
  const [name, ...rules] = readmeAclUser()
    .map((word) => (word === PLACEHOLDER ? `>${password}` : word))
    .filter((word) => !without.includes(word));
  const redis = await startRedis({ settings: ['--user', name, ...rules] });
  const url = new URL(redis.url);
  url.username = name;
  url.password = password;
  const world = await startProcessWorld({ BFF_SESSION_STORE: url.href, BFF_STORE_KEY: randomBytes(32).toString('base64') });
  try {
    await run(world);
  } finally {
    await world.stop();
    await redis.stop();
  }
}

test(
  'a Redis user without +publish: the lock is not released and the log says so (one line per release), the renewal still works',
  { timeout: 30_000 },
  () =>
    withReadmeUserLacking(['+publish'], async (world) => {
      world.provider.expiresIn = 31;
      const cookies = await world.signIn();
      world.provider.expiresIn = 300;
      await new Promise((resolve) => setTimeout(resolve, 1200));
      assert.equal((await world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies })).status, 200);
      assert.equal(world.provider.refreshed, 1);
      const errors = world.log().filter(({ level }) => level === 'error');
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.match(JSON.stringify(errors[0]), /session store/);
    }),
);

test(
  'a Redis user that may not count (no +incr): the API goes on, counted in the process, and the log says so once',
  { timeout: 30_000 },
  () =>
    withReadmeUserLacking(['+incr', '+incrby'], async (world) => {
      const cookies = await world.signIn();
      const api = async () => (await world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies })).status;
      assert.deepEqual([await api(), await api(), await api()], [200, 200, 200]);
      const told = world.log().filter(({ message }) => message?.startsWith('shared rate count refused'));
      assert.equal(told.length, 1, JSON.stringify(world.log().slice(-5)));
      assert.equal(told[0].level, 'warn');
      assert.equal(told[0].reason, 'refused');
    }),
);
