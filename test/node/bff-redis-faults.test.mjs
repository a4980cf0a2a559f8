import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClient } from '@redis/client';
import { RedisStore } from '../../packages/bff/dist/app.js';
import { startBffProcess, startRedis } from '../e2e/bff-world.mjs';
import { bffEnv } from './bff-raw.mjs';
import { CALL, send, startWorld } from './bff-harness.mjs';

/*
 * Issue 22, item 1: a paused or frozen Redis makes requests fail fast and
 * visibly (503 within the store's time limit), never wait; /health says so,
 * for GET and HEAD, at the process's root as well. Redis is paused with
 * `CLIENT PAUSE ms ALL` from a client of the test's own; everything on 127.0.0.1.
 */

const TIMEOUT_MS = 400;
/** The bound a request must keep with Redis paused: the store's limit, and some room for a slow machine. */
const BOUND_MS = TIMEOUT_MS * 2 + 600;

async function timed(call) {
  const started = performance.now();
  const answer = await call();
  return { ...answer, ms: Math.round(performance.now() - started) };
}

async function pause(redis, ms) {
  const admin = createClient({ url: redis.url });
  await admin.connect();
  await admin.sendCommand(['CLIENT', 'PAUSE', String(ms), 'ALL']);
  return admin;
}

test('Redis paused: /session, /api, /session/extend, /login and /health answer 503 within the bound; afterwards all goes on', async () => {
  const redis = await startRedis();
  const store = await RedisStore.connect(new URL(redis.url), { commandTimeoutMs: TIMEOUT_MS, waitMs: 5000, onError: () => undefined });
  const world = await startWorld({ store, env: { BFF_STORE_TIMEOUT_MS: String(TIMEOUT_MS) } });
  let admin;
  try {
    const cookies = await world.signIn();
    assert.equal((await world.request('GET', '/health')).status, 200);
    admin = await pause(redis, 4000);
    const answers = {
      session: await timed(() => world.request('GET', '/session', { headers: CALL, cookies })),
      api: await timed(() => world.request('GET', '/api/kassenzeichen', { headers: CALL, cookies })),
      extend: await timed(() => world.request('POST', '/session/extend', { headers: CALL, cookies })),
      login: await timed(() => world.request('GET', '/login?returnTo=http%3A%2F%2F127.0.0.1%3A9%2Fseite')),
      health: await timed(() => world.request('GET', '/health')),
      healthHead: await timed(() => world.request('HEAD', '/health')),
      rootHealth: await timed(() => send(`http://127.0.0.1:${world.port}`, 'GET', '/health')),
    };
    for (const [name, answer] of Object.entries(answers)) {
      assert.equal(answer.status, 503, `${name}: ${answer.status}`);
      assert.ok(answer.ms < BOUND_MS, `${name} took ${answer.ms} ms`);
    }
    assert.equal(answers.session.headers['retry-after'], '5');
    assert.match(answers.session.headers['content-type'], /problem\+json/);
    assert.equal(world.backend.requests.length, 0, 'nothing went to the backend without a session');
    assert.equal(
      cookies.size > 0 && [...cookies.keys()].some((name) => name.includes('session')),
      true,
      'the cookie stays: the session is not ended by a store failure',
    );
    assert.match(answers.login.headers['content-type'], /text\/html/, 'a page visit gets a page');
    assert.match(answers.login.text, /nicht möglich/);
    assert.equal(answers.healthHead.text, '');
    const failures = world.log.filter(({ message }) => message === 'session store unavailable');
    assert.ok(failures.length >= 3 && failures.every(({ reason }) => reason === 'timeout'), JSON.stringify(failures[0]));
    console.log(
      `with Redis paused: ${Object.entries(answers)
        .map(([name, { ms }]) => `${name} ${ms} ms`)
        .join(', ')}`,
    );

    await admin.sendCommand(['CLIENT', 'UNPAUSE']);
    const session = await world.request('GET', '/session', { headers: CALL, cookies });
    assert.equal(session.status, 200);
    assert.equal(JSON.parse(session.text).signedIn, true, 'the citizen is still signed in once Redis answers');
    assert.equal((await world.request('HEAD', '/health')).status, 200);
  } finally {
    await admin?.close().catch(() => undefined);
    await world.stop();
    await store.close().catch(() => undefined);
    await redis.stop();
  }
});

test('the process: GET and HEAD /health at its root and under BFF_PUBLIC_URL; 503 within the bound while Redis is frozen', async () => {
  const redis = await startRedis();
  const bff = await startBffProcess(bffEnv({ BFF_SESSION_STORE: redis.url, BFF_STORE_TIMEOUT_MS: String(TIMEOUT_MS) }));
  const origin = `http://127.0.0.1:${bff.port}`;
  let admin;
  try {
    for (const [method, path] of [
      ['GET', '/health'],
      ['HEAD', '/health'],
      ['GET', '/bff/health'],
      ['HEAD', '/bff/health'],
    ]) {
      assert.equal((await send(origin, method, path)).status, 200, `${method} ${path}`);
    }
    admin = await pause(redis, 3000);
    for (const [method, path] of [
      ['GET', '/health'],
      ['HEAD', '/bff/health'],
    ]) {
      const answer = await timed(() => send(origin, method, path));
      assert.equal(answer.status, 503, `${method} ${path} with Redis paused`);
      assert.ok(answer.ms < BOUND_MS, `${method} ${path} took ${answer.ms} ms`);
    }
    // A burst while paused fails fast too; no queue builds up that answers late.
    const burst = await timed(async () => {
      const all = await Promise.all(
        Array.from({ length: 20 }, () =>
          send(origin, 'GET', '/bff/session', { headers: CALL, cookies: new Map([['__Host-bp-session', 'x'.repeat(43)]]) }),
        ),
      );
      return { status: [...new Set(all.map(({ status }) => status))].join() };
    });
    assert.equal(burst.status, '503');
    assert.ok(burst.ms < BOUND_MS, `20 requests took ${burst.ms} ms`);
    await admin.sendCommand(['CLIENT', 'UNPAUSE']);
    assert.equal((await send(origin, 'GET', '/health')).status, 200);
  } finally {
    await admin?.close().catch(() => undefined);
    await bff.stop();
    await redis.stop();
  }
});

test('Redis killed: requests answer 503 at once (no offline queue), /health 503', async () => {
  const redis = await startRedis();
  const store = await RedisStore.connect(new URL(redis.url), { commandTimeoutMs: TIMEOUT_MS, waitMs: 5000, onError: () => undefined });
  const world = await startWorld({ store, env: { BFF_STORE_TIMEOUT_MS: String(TIMEOUT_MS) } });
  try {
    const cookies = await world.signIn();
    await redis.stop();
    const session = await timed(() => world.request('GET', '/session', { headers: CALL, cookies }));
    const health = await timed(() => world.request('HEAD', '/health'));
    assert.equal(session.status, 503);
    assert.equal(health.status, 503);
    assert.ok(session.ms < BOUND_MS && health.ms < BOUND_MS, `${session.ms} ms, ${health.ms} ms`);
  } finally {
    await world.stop();
    store.close().catch(() => undefined);
  }
});
