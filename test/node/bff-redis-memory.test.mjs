import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClient } from '@redis/client';
import { startBffProcess, startRedis } from '../e2e/bff-world.mjs';
import { bffEnv } from './bff-raw.mjs';
import { CALL, PAGE, send } from './bff-harness.mjs';
import { startCity } from './bff-city.mjs';

/*
 * Issue 22, item 5: Redis settings that lose sessions without a sound are
 * named at start (one warning line, above „listening“), and a Redis that is
 * full under `noeviction` makes the BFF unhealthy and its writing requests
 * 503 – instead of a Redis that quietly evicts sessions and index sets.
 */

const jsonLines = (bff) =>
  bff.logs
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));

/** The lines a process logged at start with Redis started with `settings`. */
async function startUpLines(redisOptions) {
  const redis = await startRedis(redisOptions);
  const bff = await startBffProcess(bffEnv({ BFF_SESSION_STORE: redis.url }));
  try {
    const lines = jsonLines(bff);
    return { lines, settings: lines.filter(({ message }) => message.startsWith('redis settings')) };
  } finally {
    await bff.stop();
    await redis.stop();
  }
}

test('start-up: an evicting policy and no persistence are named in one warning line before „listening“', async () => {
  const { lines, settings } = await startUpLines({ settings: ['--maxmemory-policy', 'allkeys-lru'] });
  assert.equal(settings.length, 1, JSON.stringify(settings));
  assert.deepEqual(
    { ...settings[0], time: undefined, advice: undefined },
    {
      time: undefined,
      level: 'warn',
      message: 'redis settings put sessions at risk',
      risks: 'evicting,no-persistence',
      maxmemoryPolicy: 'allkeys-lru',
      appendonly: 'no',
      save: '',
      advice: undefined,
    },
  );
  assert.match(settings[0].advice, /noeviction/);
  assert.ok(lines.indexOf(settings[0]) < lines.findIndex(({ message }) => message === 'listening'));
});

test('start-up: snapshots only (save, no AOF) are named; volatile-lru evicts the BFF’s keys too (all have a time to live)', async () => {
  const { settings } = await startUpLines({ settings: ['--save', '60 1000', '--maxmemory-policy', 'volatile-lru'] });
  assert.equal(settings[0]?.risks, 'evicting,snapshots-only');
});

test('start-up: AOF and noeviction, as the README says: no warning', async () => {
  const { settings } = await startUpLines({ appendonly: true, settings: ['--maxmemory-policy', 'noeviction'] });
  assert.deepEqual(settings, []);
});

test('start-up: a Redis that refuses CONFIG (managed Redis): the warning says the settings could not be checked', async () => {
  const { lines, settings } = await startUpLines({ settings: ['--rename-command', 'CONFIG', ''] });
  assert.deepEqual(
    settings.map(({ message, reason }) => ({ message, reason })),
    [{ message: 'redis settings not checked: check eviction and persistence by hand', reason: 'refused' }],
  );
  assert.ok(
    lines.some(({ message }) => message === 'listening'),
    'it starts all the same',
  );
});

/**
 * Makes Redis full: a tiny maxmemory, below what it holds already, so that
 * every write is refused (OOM) under noeviction – at once and for certain,
 * where filling it up to the limit leaves a margin that small writes pass.
 */
async function makeFull(url) {
  const admin = createClient({ url });
  await admin.connect();
  await admin.configSet('maxmemory', '512kb');
  return {
    admin,
    /** No limit again. */
    async relieve() {
      await admin.configSet('maxmemory', '0');
      await admin.close();
    },
  };
}

test('Redis full under noeviction: /health 503 „store-full“, writing requests 503, the session kept; all goes on once memory is freed', async () => {
  let full;
  // A call moves the idle end (a write) only when it moves by more than 1 % of the idle limit: 0.6 s here.
  const city = await startCity({
    processes: 1,
    redis: { appendonly: true, settings: ['--maxmemory-policy', 'noeviction'] },
    env: { BFF_SESSION_IDLE_SECONDS: '60' },
  });
  const origin = `http://127.0.0.1:${city.bffs.processes[0].port}`;
  try {
    const cookies = await city.signIn();
    assert.equal((await send(origin, 'GET', '/health')).status, 200);
    full = await makeFull(city.redis.url);
    await new Promise((resolve) => setTimeout(resolve, 700));

    const health = await send(origin, 'GET', '/health');
    assert.equal(health.status, 503);
    assert.deepEqual(JSON.parse(health.text), { status: 'store-full' });
    assert.equal((await send(origin, 'HEAD', '/bff/health')).status, 503);
    const api = await city.request('GET', '/api/kassenzeichen', { headers: CALL, cookies });
    assert.equal(api.status, 503, 'the session cannot be touched: 503, not a silent success');
    assert.equal(api.headers['retry-after'], '5');
    assert.match(api.headers['content-type'], /problem\+json/);
    const login = await city.request('GET', `/login?returnTo=${encodeURIComponent(PAGE)}`);
    assert.equal(login.status, 503);
    assert.match(login.headers['content-type'], /text\/html/, 'a page visit gets a page');
    // Reading goes on: the citizen is not signed out by a full Redis.
    assert.equal(JSON.parse((await city.request('GET', '/session', { headers: CALL, cookies })).text).signedIn, true);
    const lines = jsonLines(city.bffs.processes[0]);
    assert.ok(lines.some(({ message, reason }) => message === 'session store unavailable' && reason === 'full'));
    assert.ok(lines.some(({ message, reason, cause }) => message === 'unhealthy' && reason === 'store-full' && cause === 'full'));

    await full.relieve();
    assert.equal((await send(origin, 'GET', '/health')).status, 200);
    assert.equal((await city.request('GET', '/api/kassenzeichen', { headers: CALL, cookies })).status, 200);
    console.log('Redis full (maxmemory below its use, noeviction): health 503 store-full, API and /login 503, the session kept');
  } finally {
    full?.admin.destroy();
    await city.stop();
  }
});
