import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CALL, PAGE, send, startWorld } from './bff-harness.mjs';

/* Issue 18, item 12: oversized bodies, a sign-in a foreign site cannot break, returnTo with userinfo. */

let world;
before(async () => {
  world = await startWorld();
});
after(() => world?.stop());

const ORIGIN = () => world.bff.replace(/\/bff$/, '');

test('a body over the limit is 413 on every route, /logout and the back channel included, and no error is logged', async () => {
  const cookies = await world.signIn();
  const big = 'x'.repeat(20_000);
  for (const [method, path, headers] of [
    ['POST', '/logout', CALL],
    ['POST', '/session/extend', CALL],
    ['GET', '/session', CALL],
    ['POST', '/api/kassenzeichen', CALL],
    ['POST', '/backchannel-logout', { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['GET', '/login', {}],
    ['POST', '/nothing-here', CALL],
  ]) {
    const answer = await world.request(method, path, { headers, cookies, body: big });
    assert.equal(answer.status, 413, `${method} ${path}`);
  }
  // Without a declared length (chunked), the route that reads the body stops at its limit.
  const chunked = await world.request('POST', '/logout', { headers: { ...CALL, 'Transfer-Encoding': 'chunked' }, cookies, body: big });
  assert.equal(chunked.status, 413);
  assert.deepEqual(
    world.log.filter(({ level }) => level === 'error'),
    [],
  );
  assert.equal(JSON.parse((await world.request('GET', '/session', { headers: CALL, cookies })).text).signedIn, true, 'still signed in');
});

test('a sign-in started by a foreign site in the same browser does not break the citizen’s running sign-in', async () => {
  const browser = new Map();
  const citizens = await send(ORIGIN(), 'GET', `/bff/login?returnTo=${encodeURIComponent(PAGE)}`, { cookies: browser });
  const authorize = new URL(citizens.headers.location);
  // Meanwhile a foreign page navigates the same browser to /login (twice, for good measure).
  for (let i = 0; i < 2; i += 1) {
    assert.equal((await send(ORIGIN(), 'GET', `/bff/login?returnTo=${encodeURIComponent(PAGE)}`, { cookies: browser })).status, 303);
  }
  const code = world.provider.codeFor(authorize, { sub: 'erika', sid: 's-9', name: 'Erika' });
  const callback = await send(ORIGIN(), 'GET', `/bff/callback?code=${code}&state=${authorize.searchParams.get('state')}`, {
    cookies: browser,
  });
  assert.equal(callback.status, 303);
  assert.equal(callback.headers.location, PAGE, 'signed in, back on the page');
  assert.ok(browser.has('__Host-bp-session'));
});

test('a callback with a state whose sign-in cookie this browser does not hold is refused (login CSRF still closed)', async () => {
  const attacker = new Map();
  const started = await send(ORIGIN(), 'GET', `/bff/login?returnTo=${encodeURIComponent(PAGE)}`, { cookies: attacker });
  const authorize = new URL(started.headers.location);
  const code = world.provider.codeFor(authorize, { sub: 'mallory', name: 'Mallory' });
  const victim = new Map();
  const callback = await send(ORIGIN(), 'GET', `/bff/callback?code=${code}&state=${authorize.searchParams.get('state')}`, {
    cookies: victim,
  });
  assert.match(callback.headers.location, /bp-signin=failed|failed/);
  assert.ok(!victim.has('__Host-bp-session'));
});

test('returnTo with userinfo in front of an allowed origin is refused, at /login and at /logout', async () => {
  for (const returnTo of ['http://evil.example@127.0.0.1:9/seite', 'http://user:pass@127.0.0.1:9/seite', 'http://:x@127.0.0.1:9/']) {
    const login = await world.request('GET', `/login?returnTo=${encodeURIComponent(returnTo)}`);
    assert.equal(login.status, 400, returnTo);
    assert.equal(login.headers.location, undefined);
    const cookies = await world.signIn();
    const logout = await world.request('POST', '/logout', { headers: CALL, cookies, body: JSON.stringify({ returnTo }) });
    assert.ok(!logout.text.includes('@'), `${returnTo}: ${logout.text}`);
  }
});
