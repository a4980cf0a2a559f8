import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { parse } from 'yaml';
import { randomBytes } from 'node:crypto';
import { checkPasswordAsked, matchContract, MemoryStore, readBffConfig, SealedStore } from '../../packages/bff/dist/app.js';

/* The BFF's pure parts and its start, from the built packages/bff/dist. */

const VALID = {
  BFF_PUBLIC_URL: 'https://www.stadt.example/buergerportal-bff/',
  BFF_ISSUER: 'https://id.stadt.example/realms/buergerportal',
  BFF_CLIENT_ID: 'buergerportal-bff',
  BFF_CLIENT_SECRET: 'secret',
  BFF_BACKEND_URL: 'https://api.stadt.example/buergerportal',
  BFF_ALLOWED_ORIGINS: 'https://www.stadt.example, https://service.stadt.example',
};

test('packages/bff/openapi.yaml is valid OpenAPI 3.1 and names every route', async () => {
  const document = parse(readFileSync('packages/bff/openapi.yaml', 'utf8'));
  const result = await new Validator().validate(document);
  assert.deepEqual(result.errors ?? [], []);
  assert.deepEqual(Object.keys(document.paths).sort(), [
    '/backchannel-logout',
    '/callback',
    '/health',
    '/login',
    '/logout',
    '/logout/continue',
    '/session',
    '/session/extend',
    '/signed-out',
  ]);
});

test('the proxy serves exactly the backend contract: every operation of src/api/openapi.yaml, nothing else', () => {
  const contract = parse(readFileSync('src/api/openapi.yaml', 'utf8'));
  const operations = Object.entries(contract.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => [method.toUpperCase(), path.replace('{id}', 'kz-1')]),
  );
  assert.equal(operations.length, 7);
  for (const [method, path] of operations) assert.ok(matchContract(method, path), `${method} ${path}`);
  for (const [method, path] of [
    ['GET', '/admin'],
    ['PATCH', '/account'],
    ['GET', '/kassenzeichen/kz-1'],
    ['DELETE', '/kassenzeichen/..'],
    ['DELETE', '/kassenzeichen/%2E%2e'],
    ['POST', '/kassenzeichen/kz-1/letter/x'],
    ['GET', '/account/'],
    ['DELETE', '/kassenzeichen/%zz'],
  ]) {
    assert.equal(matchContract(method, path), undefined, `${method} ${path}`);
  }
});

test('configuration: defaults, a path in BFF_PUBLIC_URL, origins cleaned', () => {
  const result = readBffConfig(VALID);
  assert.equal(result.ok, true);
  const { config } = result;
  assert.equal(config.publicUrl, 'https://www.stadt.example/buergerportal-bff');
  assert.equal(config.basePath, '/buergerportal-bff');
  assert.deepEqual([...config.allowedOrigins], ['https://www.stadt.example', 'https://service.stadt.example']);
  assert.equal(config.sessionStore, 'memory');
  assert.deepEqual(
    [config.idleSeconds, config.maxSeconds, config.scope, config.host, config.port],
    [1800, 28800, 'openid profile', '127.0.0.1', 8787],
  );
  const redis = readBffConfig({ ...VALID, BFF_SESSION_STORE: 'redis://redis.intern:6379/2', BFF_IDP_HINT: 'bundid' });
  assert.equal(redis.config.sessionStore.href, 'redis://redis.intern:6379/2');
  assert.equal(redis.config.idpHint, 'bundid');
  assert.equal(redis.config.storeKey, undefined, 'no key: values kept as they are');
  assert.equal(config.endSessionMethod, 'post');
  assert.equal(config.clientAuth, 'client_secret_basic');
  assert.equal(readBffConfig({ ...VALID, BFF_CLIENT_AUTH: 'client_secret_post' }).config.clientAuth, 'client_secret_post');
  assert.match(readBffConfig({ ...VALID, BFF_CLIENT_AUTH: 'private_key_jwt' }).problems[0], /^BFF_CLIENT_AUTH erlaubt nur/);
  assert.equal(readBffConfig({ ...VALID, BFF_END_SESSION_METHOD: 'GET' }).config.endSessionMethod, 'get');
  assert.match(readBffConfig({ ...VALID, BFF_END_SESSION_METHOD: 'delete' }).problems[0], /^BFF_END_SESSION_METHOD erlaubt nur/);
  const key = randomBytes(32);
  for (const text of [key.toString('base64'), key.toString('base64url')]) {
    assert.deepEqual(readBffConfig({ ...VALID, BFF_STORE_KEY: text }).config.storeKey, key, text);
  }
});

test('configuration: each wrong or missing variable is named with what it needs', () => {
  const empty = readBffConfig({});
  assert.equal(empty.ok, false);
  for (const name of ['BFF_PUBLIC_URL', 'BFF_ISSUER', 'BFF_CLIENT_ID', 'BFF_CLIENT_SECRET', 'BFF_BACKEND_URL', 'BFF_ALLOWED_ORIGINS']) {
    assert.ok(
      empty.problems.some((problem) => problem.startsWith(`${name} fehlt`)),
      name,
    );
  }
  const wrong = readBffConfig({
    ...VALID,
    BFF_BACKEND_URL: 'http://api.stadt.example',
    BFF_ALLOWED_ORIGINS: 'https://www.stadt.example/seite',
    BFF_SESSION_STORE: 'postgres://db',
    BFF_SESSION_IDLE_SECONDS: 'dreißig',
    BFF_SESSION_MAX_SECONDS: '20',
    BFF_SCOPE: 'profile',
    BFF_STORE_KEY: 'zu-kurz',
    BFF_RESOURCE: 'https://api.stadt.example/api#teil',
  });
  assert.equal(wrong.ok, false);
  const text = wrong.problems.join('\n');
  for (const expected of [
    'BFF_BACKEND_URL muss mit https://',
    'BFF_ALLOWED_ORIGINS nennt Origins ohne Pfad',
    'BFF_SESSION_STORE ist „memory“',
    'BFF_SESSION_IDLE_SECONDS ist eine ganze Zahl',
    'BFF_SESSION_MAX_SECONDS muss mindestens',
    'BFF_SCOPE muss „openid“',
    'BFF_STORE_KEY ist ein Schlüssel aus 32 zufälligen Bytes',
    'BFF_RESOURCE muss eine absolute Adresse ohne „#“ sein',
  ]) {
    assert.ok(text.includes(expected), expected);
  }
  assert.equal(readBffConfig({ ...VALID, BFF_ISSUER: 'http://127.0.0.1:8080/realms/dev' }).ok, true, 'http on loopback for development');
  const withResource = readBffConfig({ ...VALID, BFF_RESOURCE: 'https://api.stadt.example/api' });
  assert.equal(withResource.ok && withResource.config.resource, 'https://api.stadt.example/api');
});

test('prompt=login and auth_time: measured on the provider’s clock (iat) with 30 s for the way to the token; none or 0 (glewlwyd) is taken', () => {
  const started = Date.UTC(2026, 11, 5, 10, 0, 0);
  const now = started + 20_000;
  const iat = now / 1000;
  assert.throws(() => checkPasswordAsked({ auth_time: started / 1000 - 31, iat }, started, now), /prompt=login/);
  checkPasswordAsked({ auth_time: started / 1000 - 29, iat }, started, now);
  checkPasswordAsked({ auth_time: started / 1000 + 10, iat }, started, now);
  // The provider's clock 10 minutes behind the BFF's: its own times are compared.
  checkPasswordAsked({ auth_time: started / 1000 - 600 + 10, iat: iat - 600 }, started, now);
  assert.throws(() => checkPasswordAsked({ auth_time: started / 1000 - 600 - 120, iat: iat - 600 }, started, now), /prompt=login/);
  checkPasswordAsked({ auth_time: 0, iat }, started, now);
  checkPasswordAsked({ iat }, started, now);
  checkPasswordAsked({ auth_time: started / 1000 - 3600, iat }, undefined, now);
  // Without iat: the clock tolerance of 5 minutes.
  assert.throws(() => checkPasswordAsked({ auth_time: started / 1000 - 301 }, started, now), /prompt=login/);
});

test('`node packages/bff/dist/server.js` without settings stops at once and says what is missing', () => {
  const run = spawnSync(process.execPath, ['packages/bff/dist/server.js'], {
    env: { PATH: process.env.PATH },
    encoding: 'utf8',
    timeout: 10_000,
  });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /falsch eingerichtet/);
  assert.match(run.stderr, /BFF_PUBLIC_URL fehlt/);
});

test('memory store: one lock holder at a time; a late touch never brings back an ended session', async () => {
  const store = new MemoryStore();
  const order = [];
  const work = (name, ms) =>
    store.withLock('lock', 1000, async () => {
      order.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      order.push(`${name} out`);
    });
  await Promise.all([work('a', 30), work('b', 1)]);
  assert.deepEqual(order, ['a in', 'a out', 'b in', 'b out']);
  await store.write('s', { accessToken: 'x' }, 60);
  await store.remove('s');
  await store.update('s', { lastActiveAt: '1' }, 60);
  assert.equal(await store.read('s'), undefined);
  await store.put('once', 'v', 60);
  assert.equal(await store.take('once'), 'v');
  assert.equal(await store.take('once'), undefined);
});

test('sealed store (BFF_STORE_KEY): Redis sees no value in the clear; a value opens only with its key, in its place, unaltered', async () => {
  const inner = new MemoryStore();
  const key = randomBytes(32);
  const store = new SealedStore(inner, key);
  const token = 'eyJhbGciOiJSUzI1NiJ9.refresh-token-of-erika';
  await store.write('bff:session:a', { refreshToken: token, lastActiveAt: '1' }, 60);
  await store.update('bff:session:a', { lastActiveAt: '2' }, 60);
  assert.deepEqual(await store.read('bff:session:a'), { refreshToken: token, lastActiveAt: '2' });
  const raw = await inner.read('bff:session:a');
  assert.ok(!JSON.stringify(raw).includes('refresh-token-of-erika'), 'sealed in the store');
  assert.match(raw.refreshToken, /^v1\./);

  // Copied into another session, or read with another key, or altered: the session counts as ended.
  await inner.write('bff:session:b', raw, 60);
  assert.equal(await store.read('bff:session:b'), undefined, 'bound to its entry');
  assert.equal(await new SealedStore(inner, randomBytes(32)).read('bff:session:a'), undefined, 'another key');
  const altered = raw.refreshToken.slice(0, -2) + (raw.refreshToken.endsWith('A') ? 'BB' : 'AA');
  await inner.write('bff:session:a', { ...raw, refreshToken: altered }, 60);
  assert.equal(await store.read('bff:session:a'), undefined, 'altered');
  await inner.write('bff:session:c', { refreshToken: token }, 60);
  assert.equal(await store.read('bff:session:c'), undefined, 'written before the key was set');

  await store.put('bff:signin:x', '{"verifier":"pkce"}', 60);
  assert.ok(!(await inner.take('bff:signin:x')).includes('pkce'));
  await store.put('bff:signin:y', '{"verifier":"pkce"}', 60);
  assert.equal(await store.take('bff:signin:y'), '{"verifier":"pkce"}');
});

test('sealed store, selected fields (a proxied request): only those opened; bound to entry and key, altered counts as ended, also after a remembered read', async () => {
  const inner = new MemoryStore();
  const store = new SealedStore(inner, randomBytes(32));
  await store.write('bff:session:a', { accessToken: 'at-erika', lastActiveAt: '1', refreshToken: 'rt' }, 60);
  assert.deepEqual(await store.readFields('bff:session:a', ['accessToken', 'lastActiveAt', 'createdAt']), {
    accessToken: 'at-erika',
    lastActiveAt: '1',
  });
  assert.deepEqual(await store.readFields('bff:session:a', ['accessToken']), { accessToken: 'at-erika' }, 'read again (remembered)');
  assert.equal(await store.readFields('bff:session:gone', ['accessToken']), undefined);
  const raw = await inner.read('bff:session:a');
  await inner.write('bff:session:b', raw, 60);
  assert.equal(await store.readFields('bff:session:b', ['accessToken']), undefined, 'bound to its entry');
  assert.equal(await new SealedStore(inner, randomBytes(32)).readFields('bff:session:a', ['accessToken']), undefined, 'another key');
  const altered = raw.accessToken.slice(0, -2) + (raw.accessToken.endsWith('A') ? 'BB' : 'AA');
  await inner.write('bff:session:a', { ...raw, accessToken: altered }, 60);
  assert.equal(await store.readFields('bff:session:a', ['accessToken']), undefined, 'altered');
  await store.update('bff:session:a', { accessToken: 'at-renewed' }, 60);
  assert.deepEqual(await store.readFields('bff:session:a', ['accessToken']), { accessToken: 'at-renewed' }, 'renewed');
});

test('configuration of the limits: defaults for a city of 300,000; wrong values named', () => {
  const { config } = readBffConfig(VALID);
  assert.deepEqual([config.maxSessions, config.maxPendingSignIns], [10_000, 2000]);
  assert.deepEqual(config.rateLimits, { 'sign-in': 60, api: 300, 'back-channel': 600 });
  assert.equal(config.trustedProxies.check('127.0.0.1'), false, 'no proxy trusted unless named');
  const proxies = readBffConfig({ ...VALID, BFF_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8, ::1' }).config.trustedProxies;
  assert.ok(proxies.check('10.20.30.40') && proxies.check('::1', 'ipv6') && !proxies.check('11.0.0.1'));
  const wrong = readBffConfig({
    ...VALID,
    BFF_TRUSTED_PROXIES: 'proxy.intern, 10.0.0.0/33',
    BFF_MAX_SESSIONS: '0',
    BFF_RATE_LIMIT_API: 'viele',
  });
  assert.equal(wrong.ok, false);
  const text = wrong.problems.join('\n');
  for (const expected of [
    '„proxy.intern“',
    '„10.0.0.0/33“',
    'BFF_MAX_SESSIONS ist eine ganze Zahl',
    'BFF_RATE_LIMIT_API ist eine ganze Zahl',
  ]) {
    assert.ok(text.includes(expected), expected);
  }
});
