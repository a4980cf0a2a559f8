import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { test } from 'node:test';
import { createClient } from '@redis/client';
import { createBffServer, RedisStore } from '../../packages/bff/dist/app.js';
import { startRedis } from '../e2e/bff-world.mjs';
import { CALL, startWorld } from './bff-harness.mjs';

/*
 * Issue 22, item 12: what Node refuses by itself (400, 408, 431) and every
 * store error is one JSON line in the BFF's log format that says what failed –
 * never `request failed: Error`. Node's refusals against the app behind
 * createBffServer with short time limits; store errors against a real
 * redis-server, killed, paused and full.
 */

const SHORT = { headersMs: 300, requestMs: 600, checkEveryMs: 100 };

async function refusalServer(world) {
  const server = createBffServer(world.app, SHORT);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

/** Sends `text` as it is; resolves with the status and X-Request-Id of the answer once the server closed the connection. */
async function raw(port, text) {
  const socket = connect(port, '127.0.0.1');
  let answer = '';
  socket.on('error', () => undefined); // a reset after the answer changes nothing for the test
  socket.setEncoding('latin1').on('data', (chunk) => (answer += chunk));
  socket.write(text);
  await once(socket, 'close');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0), id: /\r\nX-Request-Id: ([\w-]+)/i.exec(answer)?.[1] };
}

const refusals = (world) => world.log.filter(({ message }) => message === 'request refused');

test('Node’s refusals: 400, 431 and 408 answered as Node would, each one JSON line with reason, code, status, client and the id sent back', async () => {
  const world = await startWorld();
  const server = await refusalServer(world);
  const { port } = server.address();
  try {
    const cases = [
      ['bad-request', 'HPE_INVALID_METHOD', 400, 'GARBAGE\r\n\r\n'],
      ['bad-request', 'HPE_INVALID_HEADER_TOKEN', 400, 'GET /bff/health HTTP/1.1\r\nHost: x\r\nNo Colon\r\n\r\n'],
      ['headers-too-large', 'HPE_HEADER_OVERFLOW', 431, `GET /bff/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
      ['request-timeout', 'ERR_HTTP_REQUEST_TIMEOUT', 408, 'GET /bff/health HTTP/1.1\r\nHost: x\r\n'], // the headers never end
    ];
    for (const [reason, code, status, text] of cases) {
      world.log.length = 0;
      const answer = await raw(port, text);
      assert.equal(answer.status, status, reason);
      assert.equal(world.log.length, 1, JSON.stringify(world.log));
      const [line] = world.log;
      assert.deepEqual(
        { ...line, time: undefined },
        {
          time: undefined,
          level: 'warn',
          message: 'request refused',
          request: answer.id,
          client: '127.0.0.1',
          route: 'refused-by-node',
          reason,
          code,
          status,
        },
      );
    }
    assert.equal((await raw(port, 'GET /bff/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).status, 200, 'still serving');
  } finally {
    server.close();
    await world.stop();
  }
});

test('a request whose body does not come in time: 408 with its own id, the refusal line names its route; no error line', async () => {
  const world = await startWorld();
  const server = await refusalServer(world);
  try {
    const cookies = await world.signIn();
    const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    world.log.length = 0;
    const started = performance.now();
    const answer = await raw(
      server.address().port,
      `POST /bff/api/kassenzeichen HTTP/1.1\r\nHost: x\r\nX-CSRF: 1\r\nContent-Type: application/json\r\nCookie: ${cookie}\r\nContent-Length: 100\r\n\r\n{"kassen`,
    );
    assert.equal(answer.status, 408);
    assert.ok(performance.now() - started < SHORT.requestMs + 1000);
    const [refused] = refusals(world);
    assert.equal(refused.route, '/api/kassenzeichen');
    assert.equal(refused.request, answer.id);
    assert.equal(refused.reason, 'request-timeout');
    assert.deepEqual(
      world.log.filter(({ level }) => level === 'error'),
      [],
    );
    assert.equal(world.backend.requests.length, 0, 'nothing was forwarded');
  } finally {
    server.close();
    await world.stop();
  }
});

/** A world on a real Redis with a short store time limit. */
async function redisWorld() {
  const redis = await startRedis();
  const store = await RedisStore.connect(new URL(redis.url), { commandTimeoutMs: 400, waitMs: 5000, onError: () => undefined });
  const world = await startWorld({ store, env: { BFF_STORE_TIMEOUT_MS: '400' } });
  const admin = createClient({ url: redis.url });
  await admin.connect();
  const cookies = await world.signIn();
  world.log.length = 0;
  return {
    world,
    redis,
    admin,
    session: () => world.request('GET', '/session', { headers: CALL, cookies }),
    extend: () => world.request('POST', '/session/extend', { headers: CALL, cookies }),
    async stop() {
      if (admin.isOpen) await admin.close();
      await world.stop();
      await store.close().catch(() => undefined);
      await redis.stop();
    },
  };
}

/** The store's error lines, with what each says failed. */
function storeFailures(world) {
  assert.ok(!world.log.some(({ error }) => error === 'Error'), 'no line says only „Error“');
  return world.log
    .filter(({ message }) => message === 'session store unavailable')
    .map(({ level, error, reason, reply, operation, entry, route }) => ({ level, error, reason, reply, operation, entry, route }));
}

test('store errors say what failed: Redis full (noeviction), paused and killed', async () => {
  const setup = await redisWorld();
  const { world, admin } = setup;
  try {
    await admin.configSet({ 'maxmemory-policy': 'noeviction', maxmemory: '1' });
    assert.equal((await setup.extend()).status, 503);
    await admin.configSet('maxmemory', '0');
    await admin.sendCommand(['CLIENT', 'PAUSE', '1500', 'ALL']);
    assert.equal((await setup.session()).status, 503);
    await admin.sendCommand(['CLIENT', 'UNPAUSE']);
    await admin.close();
    await setup.redis.stop(); // killed
    assert.equal((await setup.session()).status, 503);
    const base = { level: 'error', error: 'StoreUnavailableError', entry: 'session' };
    assert.deepEqual(storeFailures(world), [
      { ...base, reason: 'full', reply: 'OOM', operation: 'update', route: '/session/extend' },
      { ...base, reason: 'timeout', reply: undefined, operation: 'read', route: '/session' },
      { ...base, reason: 'offline', reply: undefined, operation: 'read', route: '/session' },
    ]);
  } finally {
    await setup.stop();
  }
});
