import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rawGet, rawRequest, startBalancedBffs } from './bff-raw.mjs';

/* Issue 18, item 0: no request ends a BFF process. Two built processes behind the test balancer. */

let bffs;
before(async () => {
  bffs = await startBalancedBffs(2);
});
after(() => bffs?.stop());

const UNPARSEABLE = ['//[', '//x:99999/', '//[/bff/session', '//evil.example/bff/health', 'http://[/', '*', 'bff/health'];

test('unparseable request targets get 400 through the balancer and at each process; both keep serving', async () => {
  for (const target of UNPARSEABLE) {
    assert.equal(await rawRequest(bffs.port, rawGet(target)), 400, `through the balancer: ${target}`);
    for (const { port } of bffs.processes) assert.equal(await rawRequest(port, rawGet(target)), 400, `at ${port}: ${target}`);
  }
  for (const process of bffs.processes) {
    assert.ok(process.alive(), `process ${process.port} alive`);
    assert.equal(await rawRequest(process.port, rawGet('/bff/health')), 200, `process ${process.port} serves`);
  }
  assert.ok(!bffs.processes.some(({ logs }) => logs.some((line) => /TypeError|Invalid URL/.test(line))));
});

test('percent-encoded nonsense in path and query is an ordinary 404 or refusal, never a crash', async () => {
  for (const target of ['/bff/%zz', '/bff/login?returnTo=%zz%', '/bff/%00', '/bff/callback?state=%ff%fe']) {
    const status = await rawRequest(bffs.port, rawGet(target));
    assert.ok(status >= 400 && status < 500, `${target}: ${status}`);
  }
  for (const process of bffs.processes) assert.ok(process.alive());
});
