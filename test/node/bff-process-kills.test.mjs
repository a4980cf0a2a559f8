import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { CALL } from './bff-harness.mjs';
import { startCity } from './bff-city.mjs';

/*
 * Issue 22, items 3 and 8: a BFF process killed in the middle of a request
 * (SIGKILL, by the test) while another one goes on behind the retrying
 * balancer, on one real redis-server, with the contract's mock backend.
 */

const JSON_CALL = { ...CALL, 'Content-Type': 'application/json' };

test('a process killed while the backend confirms: the balancer sends the confirmation again, the same Idempotency-Key gets the first answer', async () => {
  const city = await startCity({ scenario: 'returning' });
  try {
    city.bffs.balancer.use(0);
    const cookies = await city.signIn();
    const list = JSON.parse((await city.request('GET', '/api/kassenzeichen', { headers: CALL, cookies })).text);
    const pending = list.items.find((item) => item.status === 'pending');
    // Process 0 dies after the backend confirmed and before the answer reached it.
    const handle = city.backend.handle.bind(city.backend);
    city.backend.handle = (request) => {
      const answer = handle(request);
      if (request.path.endsWith('/confirmation') && city.bffs.processes[0].alive()) city.bffs.processes[0].child.kill('SIGKILL');
      return answer;
    };
    const key = randomUUID();
    const started = performance.now();
    const answer = await city.request('POST', `/api/kassenzeichen/${pending.id}/confirmation`, {
      headers: { ...JSON_CALL, 'Idempotency-Key': key },
      body: JSON.stringify({ code: 'K7M4P2QX' }),
      cookies,
    });
    const ms = Math.round(performance.now() - started);
    assert.equal(city.bffs.processes[0].alive(), false, 'process 0 was killed mid-request');
    const confirmations = city.backend.exchanges.filter((exchange) => exchange.path.endsWith('/confirmation'));
    assert.deepEqual(
      confirmations.map(({ idempotencyKey, response }) => [idempotencyKey, response.status]),
      [
        [key, 200],
        [key, 200],
      ],
      'the backend saw it twice, with the same key, and answered the second as the first',
    );
    assert.equal(answer.status, 200, `the citizen reads „hinzugefügt“, not „Keine offene Anfrage“ (${answer.text})`);
    assert.equal(JSON.parse(answer.text).confirmed.status, 'confirmed');
    console.log(`confirmation through a killed process: ${ms} ms, answered by the other`);
  } finally {
    await city.stop();
  }
});

test('a process killed during a renewal: the other uses the still-valid token at once, renews once the dead lock lapses; the refresh token is presented once', async () => {
  const city = await startCity({ scenario: 'returning' });
  try {
    // 32 s tokens: renewal is due after 2 s (30 s before the end); every refresh token counts once.
    city.provider.expiresIn = 32;
    city.provider.rotation = true;
    city.bffs.balancer.use(0);
    const cookies = await city.signIn();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    // Process 0 asks the provider and dies before the provider answers; the provider never used the token.
    city.provider.beforeRefresh = async () => {
      city.provider.beforeRefresh = undefined;
      city.bffs.processes[0].child.kill('SIGKILL');
      return 'drop';
    };
    const started = performance.now();
    const during = await city.request('GET', '/api/kassenzeichen', { headers: CALL, cookies });
    const ms = Math.round(performance.now() - started);
    assert.equal(city.bffs.processes[0].alive(), false, 'process 0 was killed during its renewal');
    assert.equal(during.status, 200, 'the balancer’s retry on process 1 is answered, not 503 or 401');
    assert.ok(ms < 4000, `answered after ${ms} ms (the dead lock waited out 2 s at most)`);
    assert.equal(city.accepted.at(-1), city.accepted[0], 'the still-valid access token was used');

    // The dead process's lock (15 s) lapses; the next request renews with the refresh token the provider never used.
    await new Promise((resolve) => setTimeout(resolve, 15_500 - (performance.now() - started)));
    const after = await city.request('GET', '/api/kassenzeichen', { headers: CALL, cookies });
    assert.equal(after.status, 200);
    assert.notEqual(city.accepted.at(-1), city.accepted[0], 'renewed by process 1');
    assert.equal(city.provider.refreshed, 2, 'the dead one’s try and one renewal');
    assert.equal(city.provider.revoked.length, 0);
    const session = JSON.parse((await city.request('GET', '/session', { headers: CALL, cookies })).text);
    assert.equal(session.signedIn, true);
    console.log(`renewal through a killed process: ${ms} ms with the still-valid token, renewed after the lock lapsed`);
  } finally {
    await city.stop();
  }
});
