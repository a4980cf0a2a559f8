import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { test } from 'node:test';
import { createClient } from '@redis/client';
import { RedisStore, StoreUnavailableError } from '../../packages/bff/dist/app.js';
import { startRedis } from '../e2e/bff-world.mjs';
import { startProcessWorld } from './bff-process-world.mjs';
import { CALL } from './bff-harness.mjs';

/*
 * Issue 23, item 4: a proxied request waits for one Redis command – the rate
 * limit's count and the session's read in one EVALSHA – seen by Redis's own
 * MONITOR against a real redis-server. The count stays the one
 * rate-limiter-flexible keeps for the other routes, and a full Redis that
 * refuses the count still lets the session be read (the process counts alone).
 */

const STORE_KEY = randomBytes(32).toString('base64');

/** Redis's MONITOR on a connection of its own: every command as Redis ran it, a script's own marked `lua`. */
async function monitor(url) {
  const socket = connect(Number(new URL(url).port), '127.0.0.1');
  const lines = [];
  let pending = '';
  socket.setEncoding('utf8').on('data', (text) => {
    const parts = (pending + text).split('\r\n');
    pending = parts.pop();
    lines.push(...parts.filter((line) => line.startsWith('+') && line !== '+OK'));
  });
  socket.write('MONITOR\r\n');
  const marker = createClient({ url });
  await marker.connect();
  /** The commands Redis ran while `work` ran: `[client, command]`, client `lua` for a script's own. */
  async function during(work) {
    const id = randomBytes(6).toString('hex');
    await marker.sendCommand(['ECHO', `begin-${id}`]);
    await work();
    await marker.sendCommand(['ECHO', `end-${id}`]);
    while (!lines.some((line) => line.includes(`"end-${id}"`))) await new Promise((resolve) => socket.once('data', resolve));
    const begin = lines.findIndex((line) => line.includes(`"begin-${id}"`));
    const end = lines.findIndex((line) => line.includes(`"end-${id}"`));
    return lines.slice(begin + 1, end).map((line) => {
      const [, client, command] = /^\+\S+ \[\d+ ([^\]]+)\] "([^"]+)"/.exec(line);
      return [client === 'lua' ? 'lua' : 'client', command.toLowerCase()];
    });
  }
  return { during, close: async () => (socket.destroy(), await marker.close()) };
}

/** A BFF process on a redis-server of its own, with `env`; both stopped after `work(world, redis)`. */
async function onOwnRedis(env, work) {
  const redis = await startRedis();
  const world = await startProcessWorld({ BFF_SESSION_STORE: redis.url, ...env });
  try {
    await work(world, redis);
  } finally {
    await world.stop();
    await redis.stop();
  }
}

const topLevel = (commands) => commands.filter(([client]) => client === 'client').map(([, command]) => command);
const inScript = (commands) => commands.filter(([client]) => client === 'lua').map(([, command]) => command);

test('a proxied GET is one Redis command: EVALSHA counts the rate limit and reads the session’s four fields', () =>
  onOwnRedis({ BFF_STORE_KEY: STORE_KEY }, async (world, redis) => {
    const watch = await monitor(redis.url);
    try {
      const cookies = await world.signIn();
      // The first after the start may find the script unknown to Redis (NOSCRIPT, then EVAL): not the one counted.
      assert.equal((await world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies })).status, 200);
      let status;
      const commands = await watch.during(async () => {
        status = (await world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies })).status;
      });
      assert.equal(status, 200);
      assert.deepEqual(topLevel(commands), ['evalsha'], JSON.stringify(commands));
      assert.deepEqual(inScript(commands), ['set', 'incr', 'pttl', 'hmget']);
      assert.equal(world.backend.requests.length, 2);
    } finally {
      await watch.close();
    }
  }));

test('the proxy’s count and rate-limiter-flexible’s count (GET /session) draw on one budget in Redis', () =>
  onOwnRedis({ BFF_RATE_LIMIT_API: '6' }, async (world, redis) => {
    const cookies = await world.signIn();
    const statuses = [];
    for (const path of ['/api/kassenzeichen', '/session', '/api/kassenzeichen', '/session', '/api/kassenzeichen', '/session']) {
      statuses.push((await world.request('GET', path, { headers: CALL, cookies })).status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200]);
    for (const path of ['/api/kassenzeichen', '/session']) {
      const refused = await world.request('GET', path, { headers: CALL, cookies });
      assert.equal(refused.status, 429, path);
      assert.ok(
        Number(refused.headers['retry-after']) >= 1 && Number(refused.headers['retry-after']) <= 60,
        refused.headers['retry-after'],
      );
    }
    const reader = createClient({ url: redis.url });
    await reader.connect();
    const keys = await reader.keys('bff:rate:api:*');
    assert.equal(keys.length, 1, `one counter: ${keys}`);
    assert.equal(await reader.get(keys[0]), '8');
    assert.ok((await reader.pTTL(keys[0])) > 50_000, 'the window of the first count: a minute');
    await reader.close();
  }));

test('a full Redis refuses the count (OOM): the session is still read; the store says why the count failed', async () => {
  const redis = await startRedis();
  const store = await RedisStore.connect(new URL(redis.url), { commandTimeoutMs: 1000, waitMs: 5000, onError: () => undefined });
  const admin = createClient({ url: redis.url });
  await admin.connect();
  try {
    await store.write('bff:session:x', { accessToken: 'token', createdAt: '1' }, 60);
    const count = { key: 'bff:rate:api:x', windowSeconds: 60 };
    const fine = await store.readFieldsCounting('bff:session:x', ['accessToken', 'createdAt', 'lastActiveAt'], count);
    assert.deepEqual(fine.fields, { accessToken: 'token', createdAt: '1' });
    assert.equal(fine.counted.consumed, 1);
    assert.ok(fine.counted.msLeft > 59_000 && fine.counted.msLeft <= 60_000, String(fine.counted.msLeft));

    await admin.configSet('maxmemory', '1');
    const full = await store.readFieldsCounting('bff:session:x', ['accessToken'], count);
    assert.deepEqual(full.fields, { accessToken: 'token' });
    assert.ok(full.counted instanceof StoreUnavailableError);
    assert.equal(full.counted.reason, 'full');
    assert.equal(full.counted.reply, 'OOM');
    await admin.configSet('maxmemory', '0');

    assert.equal((await store.readFieldsCounting('bff:session:gone', ['accessToken'], count)).fields, undefined, 'an entry that is gone');
    assert.equal(await admin.get('bff:rate:api:x'), '2', 'the refused count was not made');
  } finally {
    await admin.close();
    await store.close();
    await redis.stop();
  }
});

test('through the process: with Redis full the API still answers while no write is due, counted in the process (429 beyond its budget)', () =>
  onOwnRedis({ BFF_RATE_LIMIT_API: '4' }, async (world, redis) => {
    const admin = createClient({ url: redis.url });
    await admin.connect();
    try {
      const cookies = await world.signIn();
      await admin.configSet('maxmemory', '1');
      const statuses = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies })).status);
      assert.deepEqual(statuses, [200, 200, 200, 200, 429]);
      assert.deepEqual(await admin.keys('bff:rate:api:*'), [], 'nothing counted in Redis');
    } finally {
      await admin.configSet('maxmemory', '0').catch(() => undefined);
      await admin.close();
    }
  }));
