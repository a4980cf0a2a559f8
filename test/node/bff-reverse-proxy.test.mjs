import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CALL, PAGE, send, startWorld } from './bff-harness.mjs';

/*
 * Issue 22, item 10: a reverse proxy that strips BFF_PUBLIC_URL's path (here
 * `/bff`) sends `/login`, `/session`, `/api/…` as they are. The BFF says so –
 * in the 404 and once in the log – instead of a bare 404 behind a /health
 * that answers 200 at the root.
 */

test('a proxy that strips the prefix: the BFF’s routes answer 404 saying why, the log says it once; other paths stay a plain 404', async () => {
  const world = await startWorld();
  const origin = `http://127.0.0.1:${world.port}`;
  try {
    assert.equal((await send(origin, 'GET', '/health')).status, 200, 'the balancer’s check at the root notices nothing');
    const answers = [
      await send(origin, 'GET', '/session', { headers: CALL }),
      await send(origin, 'GET', `/login?returnTo=${encodeURIComponent(PAGE)}`),
      await send(origin, 'GET', '/api/kassenzeichen', { headers: CALL }),
    ];
    for (const answer of answers) {
      assert.equal(answer.status, 404);
      assert.match(answer.headers['content-type'], /problem\+json/);
      assert.match(JSON.parse(answer.text).detail, /unter \/bff\/ \(dem Pfad von BFF_PUBLIC_URL\).*Reverse Proxy entfernt den Pfad/);
    }
    const told = world.log.filter(({ message }) => message.startsWith('request without the path of BFF_PUBLIC_URL'));
    assert.deepEqual(
      told.map(({ level, basePath }) => ({ level, basePath })),
      [{ level: 'warn', basePath: '/bff' }],
      'once per process, not per request',
    );
    const elsewhere = await send(origin, 'GET', '/wp-admin/');
    assert.equal(elsewhere.status, 404);
    assert.equal(JSON.parse(elsewhere.text).detail, undefined, 'a path that is not the BFF’s is a plain 404');
    assert.equal((await world.request('GET', '/session', { headers: CALL })).status, 200, 'with the prefix all is well');
  } finally {
    await world.stop();
  }
});
