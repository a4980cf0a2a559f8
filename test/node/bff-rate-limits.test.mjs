import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClient } from '@redis/client';
import { startBffProcess, startRedis } from '../e2e/bff-world.mjs';
import { bffEnv, rawRequest } from './bff-raw.mjs';
import { CALL, PAGE, startWorld } from './bff-harness.mjs';

/* Issue 18, item 8: requests per client address are limited; floods stay on 127.0.0.1 and count a dozen requests. */

const login = `/login?returnTo=${encodeURIComponent(PAGE)}`;

async function statuses(world, count, path, options = {}) {
  const seen = [];
  for (let i = 0; i < count; i += 1) seen.push((await world.request(options.method ?? 'GET', path, options)).status);
  return seen;
}

test('sign-in routes: 429 with Retry-After beyond the budget; X-Forwarded-For from an untrusted peer changes nothing', async () => {
  const world = await startWorld({ env: { BFF_RATE_LIMIT_SIGN_IN: '3' } });
  try {
    assert.deepEqual(await statuses(world, 3, login), [303, 303, 303]);
    const refused = await world.request('GET', '/callback?state=x', { headers: { 'X-Forwarded-For': '198.51.100.9' } });
    assert.equal(refused.status, 429);
    const seconds = Number(refused.headers['retry-after']);
    assert.ok(seconds >= 1 && seconds <= 60, `Retry-After ${seconds}`);
    assert.equal(world.log.filter(({ route }) => route === 'rate-limited').length, 1);
  } finally {
    await world.stop();
  }
});

test('behind a trusted proxy each client address has its own budget, and addresses a client wrote itself are ignored', async () => {
  const world = await startWorld({ env: { BFF_RATE_LIMIT_SIGN_IN: '2', BFF_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8' } });
  try {
    const from = (address) => ({ headers: { 'X-Forwarded-For': address } });
    assert.deepEqual(await statuses(world, 3, login, from('198.51.100.7')), [303, 303, 429]);
    assert.deepEqual(await statuses(world, 1, login, from('203.0.113.5, 198.51.100.7')), [429], 'a forged hop in front counts for nothing');
    assert.deepEqual(await statuses(world, 1, login, from('198.51.100.7, 10.1.2.3')), [429], 'through a second trusted proxy');
    assert.deepEqual(await statuses(world, 2, login, from('198.51.100.8')), [303, 303], 'another citizen');
  } finally {
    await world.stop();
  }
});

test('/api/* and /backchannel-logout are limited too; the anti-forgery check still comes first for nobody', async () => {
  const world = await startWorld({ env: { BFF_RATE_LIMIT_API: '2', BFF_RATE_LIMIT_BACKCHANNEL: '2' } });
  try {
    assert.deepEqual(await statuses(world, 3, '/api/account', { headers: CALL }), [401, 401, 429]);
    const form = { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'logout_token=x' };
    assert.deepEqual(await statuses(world, 3, '/backchannel-logout', form), [400, 400, 429]);
  } finally {
    await world.stop();
  }
});

test('the session and sign-out routes draw on the API budget, /health does not (the balancer’s check must never wait on the shared count): a flood of /session with made-up cookies ends in 429, and the log stays bounded', async () => {
  const world = await startWorld({ env: { BFF_RATE_LIMIT_API: '5' } });
  try {
    const cookie = () => ({ headers: { ...CALL, Cookie: `__Host-bp-session=${Math.random().toString(36).slice(2)}` } });
    const seen = [];
    for (let i = 0; i < 40; i += 1) seen.push((await world.request('GET', '/session', cookie())).status);
    assert.deepEqual(seen.slice(0, 5), [200, 200, 200, 200, 200]);
    assert.ok(
      seen.slice(5).every((status) => status === 429),
      seen.join(' '),
    );
    for (const [method, path] of [
      ['POST', '/session/extend'],
      ['GET', '/logout/continue?ticket=x'],
      ['GET', '/signed-out'],
    ])
      assert.equal((await world.request(method, path, { headers: CALL })).status, 429, `${method} ${path}`);
    assert.equal((await world.request('GET', '/health')).status, 200, '/health has its own, in-process budget');
    assert.ok(world.log.length < 120, `${world.log.length} log lines for 44 requests`);
  } finally {
    await world.stop();
  }
});

test('two processes on one Redis share the budget; Redis holds no client address', async () => {
  const redis = await startRedis();
  const env = bffEnv({ BFF_SESSION_STORE: redis.url, BFF_RATE_LIMIT_SIGN_IN: '4' });
  const processes = [await startBffProcess(env), await startBffProcess(env)];
  const get = (process) => rawRequest(process.port, `GET /bff${login} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  try {
    const seen = [];
    for (const process of [...processes, ...processes]) seen.push(await get(process));
    assert.ok(!seen.includes(429), `four requests pass: ${seen}`);
    assert.equal(await get(processes[0]), 429);
    assert.equal(await get(processes[1]), 429);
    const reader = createClient({ url: redis.url });
    await reader.connect();
    const keys = await reader.keys('bff:rate:*');
    await reader.close();
    assert.equal(keys.length, 1);
    assert.ok(!keys[0].includes('127.0.0.1'));
  } finally {
    for (const process of processes) await process.stop();
    await redis.stop();
  }
});

test('a flood of /health from one client ends in 429 after 600 checks a minute, counted in the process', async () => {
  const world = await startWorld();
  try {
    const statuses = [];
    for (let i = 0; i < 605; i += 1) statuses.push((await world.request('GET', '/health')).status);
    assert.ok(
      statuses.slice(0, 600).every((status) => status === 200),
      'a balancer’s checks pass',
    );
    assert.deepEqual(statuses.slice(600), [429, 429, 429, 429, 429]);
  } finally {
    await world.stop();
  }
});
