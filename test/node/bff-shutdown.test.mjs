import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readBffConfig } from '../../packages/bff/dist/app.js';
import { CALL, send, startWorld } from './bff-harness.mjs';
import { bffEnv } from './bff-raw.mjs';

/*
 * Issue 22, item 7, the parts inside the app: once stopping, /health fails
 * first and every answer closes its connection; the drain is never shorter
 * than the backend's time. The process's drain and cut: bff-process-faults.
 */

test('stopping: /health says 503 at once (root and under BFF_PUBLIC_URL), the routes still answer, each closing its connection', async () => {
  const world = await startWorld();
  try {
    const cookies = await world.signIn();
    assert.equal((await world.request('GET', '/health')).status, 200);
    world.app.stopping();
    for (const answer of [
      await world.request('GET', '/health'),
      await world.request('HEAD', '/health'),
      await send(`http://127.0.0.1:${world.port}`, 'GET', '/health'),
    ]) {
      assert.equal(answer.status, 503);
      assert.equal(answer.headers.connection, 'close');
    }
    assert.deepEqual(JSON.parse((await world.request('GET', '/health')).text), { status: 'stopping' });
    const session = await world.request('GET', '/session', { headers: CALL, cookies });
    assert.equal(JSON.parse(session.text).signedIn, true);
    assert.equal(session.headers.connection, 'close');
  } finally {
    await world.stop();
  }
});

test('BFF_SHUTDOWN_SECONDS: 20 by default, never shorter than BFF_BACKEND_TIMEOUT_SECONDS', () => {
  assert.equal(readBffConfig(bffEnv()).config.shutdownSeconds, 20);
  assert.equal(readBffConfig(bffEnv({ BFF_SHUTDOWN_SECONDS: '15' })).config.shutdownSeconds, 15);
  const short = readBffConfig(bffEnv({ BFF_SHUTDOWN_SECONDS: '10' }));
  assert.equal(short.ok, false);
  assert.deepEqual(short.problems, [
    'BFF_SHUTDOWN_SECONDS (10) muss mindestens so groß sein wie BFF_BACKEND_TIMEOUT_SECONDS (15): sonst bricht das Beenden Anfragen ab, auf deren Antwort der BFF noch wartet.',
  ]);
  assert.equal(readBffConfig(bffEnv({ BFF_SHUTDOWN_SECONDS: '2', BFF_BACKEND_TIMEOUT_SECONDS: '2' })).ok, true);
});
