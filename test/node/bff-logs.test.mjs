import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { CALL, PAGE, send, startWorld } from './bff-harness.mjs';

/*
 * Issue 18, item 13: logs a security officer can use – request id, client
 * address through trusted proxies, session pseudonym, refusals as their own
 * events – and still no token, cookie, session id, name or Kassenzeichen.
 */

let world;
before(async () => {
  world = await startWorld({ env: { BFF_TRUSTED_PROXIES: '127.0.0.1' } });
});
after(() => world?.stop());

const ERIKA = { sub: 'erika-sub-4711', sid: 'sid-erika', name: 'Erika Mustermann' };
const KASSENZEICHEN = '1500.0000.0001';
const from = (address, headers = {}) => ({ ...headers, 'X-Forwarded-For': address });
const lines = (predicate) => world.log.filter(predicate);

test('a citizen’s requests: each line has the request id (also sent back), the client behind the proxy, and one session pseudonym', async () => {
  world.log.length = 0;
  const cookies = await world.signIn(ERIKA);
  const answer = await world.request('POST', '/api/kassenzeichen', {
    headers: from('198.51.100.23', { ...CALL, 'Content-Type': 'application/json', 'Idempotency-Key': 'k-1' }),
    cookies,
    body: JSON.stringify({ kassenzeichen: KASSENZEICHEN, street: 'Musterstraße', houseNumber: '1', postalCode: '41061', role: 'owner' }),
  });
  const requestLines = lines(({ message }) => message === 'request');
  for (const line of requestLines) assert.match(line.request, /^[0-9a-f-]{36}$/);
  assert.equal(new Set(requestLines.map(({ request }) => request)).size, requestLines.length, 'one id per request');
  const call = requestLines.at(-1);
  assert.equal(call.request, answer.headers['x-request-id']);
  assert.equal(call.client, '198.51.100.23');
  assert.equal(call.route, '/api/kassenzeichen');

  const signedIn = lines(({ message }) => message === 'signed in')[0];
  assert.match(signedIn.session, /^[\w-]{16}$/);
  assert.equal(call.session, signedIn.session, 'the same pseudonym across requests');
  const cookie = cookies.get('__Host-bp-session');
  const storeKey = `bff:session:${createHash('sha256').update(cookie).digest('base64url')}`;
  assert.ok(!cookie.includes(signedIn.session) && !storeKey.includes(signedIn.session), 'neither the cookie nor the store key');

  const text = JSON.stringify(world.log);
  const secrets = [
    cookie,
    storeKey.slice('bff:session:'.length),
    ERIKA.name,
    'Erika',
    ERIKA.sub,
    ERIKA.sid,
    KASSENZEICHEN,
    'Musterstraße',
    ...world.provider.issued,
    ...world.backend.requests.map(({ authorization }) => authorization.slice('Bearer '.length)),
  ];
  for (const secret of secrets) assert.ok(!text.includes(secret), `the log holds ${secret}`);
  assert.doesNotMatch(text, /eyJ[\w-]{8,}/, 'no JWT');
});

test('refused cookie and state checks, foreign origins and missing headers are events of their own', async () => {
  world.log.length = 0;
  const origin = world.bff.replace(/\/bff$/, '');
  // Login CSRF: the attacker's callback in the victim's browser.
  const attacker = new Map();
  const started = await send(origin, 'GET', `/bff/login?returnTo=${encodeURIComponent(PAGE)}`, { cookies: attacker });
  const authorize = new URL(started.headers.location);
  const code = world.provider.codeFor(authorize, { sub: 'mallory', name: 'Mallory' });
  await send(origin, 'GET', `/bff/callback?code=${code}&state=${authorize.searchParams.get('state')}`, {
    headers: from('203.0.113.66'),
  });
  await world.request('GET', '/callback?state=never-issued', { headers: from('203.0.113.67') });
  await world.request('GET', '/api/account', { headers: { Origin: 'https://evil.example', ...CALL } });
  await world.request('GET', '/api/account');
  await world.request('GET', `/login?returnTo=${encodeURIComponent('https://evil.example/')}`);
  await world.request('GET', '/session', { headers: CALL, cookies: new Map([['__Host-bp-session', 'forged-or-old']]) });

  const refused = (message, reason) => lines((line) => line.message === message && line.reason === reason);
  const [csrf] = refused('sign-in refused', 'sign-in-cookie-mismatch');
  assert.equal(csrf.level, 'warn');
  assert.equal(csrf.client, '203.0.113.66');
  assert.equal(refused('sign-in refused', 'state-unknown')[0].client, '203.0.113.67');
  assert.equal(refused('request refused', 'foreign-origin')[0].origin, 'https://evil.example');
  assert.equal(refused('request refused', 'no-anti-forgery-header').length, 1);
  assert.equal(refused('sign-in refused', 'return-to-not-allowed').length, 1);
  assert.equal(refused('session cookie refused', 'session-ended-or-unknown').length, 1);
  assert.ok(!JSON.stringify(world.log).includes('forged-or-old'), 'not even a forged cookie');
  assert.ok(!JSON.stringify(world.log).includes(authorize.searchParams.get('state')), 'nor the state');
});
