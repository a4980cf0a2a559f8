import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { createClient } from '@redis/client';
import { unseal } from '../../packages/bff/dist/app.js';
import { requestLetter, signInAtProvider, signInToOverview, signOutAndReturn, STRICT_CSP, useWorld, watchPage } from './browser.mjs';

/*
 * BFF mode end to end: the built packages/bff/dist/server.js twice, behind a load
 * balancer on the site's own origin, sharing a real redis-server; the real
 * oidc-provider with a confidential client, rotating refresh tokens, short
 * access tokens and back-channel logout; the built widgets on a page with a
 * strict CSP and Trusted Types. Driven by accessible names only.
 */

// Both processes seal what they keep in Redis with the same key, as the README advises.
const STORE_KEY = randomBytes(32);

// 35 s tokens: the BFF renews 30 s before the end, so every request after 5 s needs a renewal.
const ctx = useWorld({
  scenario: 'first-visit',
  accessTokenTtl: 35,
  pageHeaders: { 'bff.html': { 'Content-Security-Policy': STRICT_CSP } },
  bff: { processes: 2, store: 'redis', env: { BFF_STORE_KEY: STORE_KEY.toString('base64') } },
});

const JWT = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]+/;

/**
 * Every token the BFF holds (read from Redis and opened with the key) and every
 * access token that reached the backend; and everything Redis holds, as it holds it.
 */
async function tokensKnown() {
  const redis = createClient({ url: ctx.world.bff.redis.url });
  await redis.connect();
  const tokens = new Set(ctx.world.acceptedTokens);
  const raw = [];
  for (const key of await redis.keys('bff:*')) {
    const type = await redis.type(key);
    if (type === 'hash') raw.push(JSON.stringify(await redis.hGetAll(key)));
    if (type === 'string') raw.push(await redis.get(key));
  }
  for (const key of await redis.keys('bff:session:*')) {
    const session = await redis.hGetAll(key);
    for (const name of ['accessToken', 'refreshToken', 'idToken']) {
      if (session[name]) tokens.add(unseal(STORE_KEY, session[name], `${key}#${name}`));
    }
  }
  await redis.close();
  return { tokens, redis: raw.join('\n') };
}

async function sessionKeys() {
  const redis = createClient({ url: ctx.world.bff.redis.url });
  await redis.connect();
  const keys = await redis.keys('bff:session:*');
  await redis.close();
  return keys;
}

/** What the page could read: its storages, its cookies, the bodies of its own requests' answers, and every URL. */
function recordReadable(page) {
  const seen = { urls: [], bodies: [] };
  page.on('request', (request) => seen.urls.push(request.url()));
  page.on('response', async (response) => {
    if (!response.url().startsWith(ctx.world.origin) || response.status() >= 300) return;
    seen.bodies.push(await response.text().catch(() => ''));
  });
  return seen;
}

async function pageStorage(page) {
  return page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
}

function refreshGrants(provider) {
  const grants = { success: 0, errors: [] };
  provider.on('grant.success', (context) => {
    if (context.oidc.params.grant_type === 'refresh_token') grants.success += 1;
  });
  provider.on('grant.error', (_context, error) => grants.errors.push(error.message));
  return grants;
}

test('the whole flow in BFF mode on a strict-CSP page: two processes on one Redis, one killed mid-flow, no token in the page', async () => {
  const { world, browser } = ctx;
  const grants = refreshGrants(world.idp.provider);
  const page = await browser.newPage();
  const problems = watchPage(page);
  const readable = recordReadable(page);
  const login = page.locator('servicekonto-login');
  const manager = page.locator('kassenzeichen-manager');
  world.bff.balancer.use(0);
  await page.goto(`${world.origin}/pages/bff.html`);
  await login.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await manager.getByRole('heading', { name: 'Einmalige Zustimmung zur Datenübertragung' }).waitFor();
  await login.getByText('Erika Mustermann').waitFor();

  // Signed in through process 0; from here on process 1 answers.
  world.bff.balancer.use(1);
  await manager.getByRole('button', { name: 'Zustimmen' }).click();
  await manager.getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
  await page.waitForTimeout(6000); // the access token is now due for renewal
  await requestLetter(manager);
  assert.equal(world.backend.letters.length, 1);
  const letterRequest = world.backend.exchanges.find((exchange) => exchange.method === 'POST' && exchange.path === '/kassenzeichen');
  assert.match(letterRequest.idempotencyKey ?? '', /\S{8,}/, 'the Idempotency-Key went through the BFF');

  // Process 1 dies; the balancer sends the citizen to process 0, the session goes on.
  await world.bff.processes[1].stop();
  await page.reload();
  await manager.getByRole('button', { name: 'Kassenzeichen hinzufügen' }).click();
  await manager.getByRole('button', { name: 'Bestätigungscode eingeben' }).click();
  await manager.getByLabel('Bestätigungscode').fill(world.backend.letters[0].code);
  await manager.getByRole('button', { name: 'OK' }).click();
  await manager.getByRole('heading', { name: 'Ihr Kassenzeichen ist nun hinzugefügt.' }).waitFor();
  await manager.getByRole('button', { name: 'Beenden' }).click();

  const { tokens, redis } = await tokensKnown();
  assert.ok(tokens.size >= 3 && ![...tokens].includes(undefined), 'the BFF holds access, refresh and ID token, sealed with the key');
  for (const token of tokens) assert.ok(!redis.includes(token), 'no token in Redis in the clear');
  assert.ok(!JWT.test(redis), 'nothing in Redis looks like a token');
  const storage = await pageStorage(page);
  for (const token of tokens) {
    assert.ok(!storage.includes(token), 'no token in storage or cookies the page can read');
    assert.ok(!readable.bodies.some((body) => body.includes(token)), 'no token in any answer the page read');
    assert.ok(!readable.urls.some((url) => url.includes(token)), 'no token in any URL');
    assert.ok(!world.bff.logs().some((line) => line.includes(token)), 'no token in the BFF logs');
  }
  assert.ok(!JWT.test(storage) && !readable.bodies.some((body) => JWT.test(body)) && !readable.urls.some((url) => JWT.test(url)));
  assert.ok(!world.bff.logs().some((line) => line.includes('Erika') || line.includes('1500.')), 'no personal data in the logs');
  assert.ok(grants.success >= 1, 'the token was renewed on the server');
  assert.deepEqual(grants.errors, [], 'no refresh token presented twice');

  // Sign-out: the BFF ends its session and the provider's (form POST), then the page again.
  await signOutAndReturn(page);
  assert.match(page.url(), /\/pages\/bff\.html$/, 'back on the page, the BFF’s outcome parameter removed');
  assert.deepEqual(await sessionKeys(), [], 'the server session is deleted');
  assert.ok(!readable.urls.some((url) => url.includes('id_token_hint')), 'the ID token never went into a URL');
  // The list asked for beside the account before consent: 403, as the contract says; the browser logs it.
  assert.deepEqual(
    problems.filter((problem) => !problem.includes('status of 403')),
    [],
  );
});

test('two tabs fire requests at once while the access token expires: one renewal, the refresh token presented once', async () => {
  const { world, browser } = ctx;
  await world.bff.restart(1);
  const context = await browser.newContext();
  const first = await context.newPage();
  await signInToOverview(first, `${world.origin}/pages/bff.html`);
  const second = await context.newPage();
  await second.goto(`${world.origin}/pages/bff.html`);
  await second.locator('kassenzeichen-manager').getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();

  await first.waitForTimeout(6000);
  const grants = refreshGrants(world.idp.provider);
  world.bff.balancer.use('round-robin');
  const burst = (page) =>
    page.evaluate(() =>
      Promise.all(
        ['/bff/api/account', '/bff/api/kassenzeichen', '/bff/api/account', '/bff/api/kassenzeichen'].map((path) =>
          fetch(path, { headers: { 'X-CSRF': '1' } }).then((response) => response.status),
        ),
      ),
    );
  const statuses = (await Promise.all([burst(first), burst(second)])).flat();
  world.bff.balancer.use(0);
  assert.deepEqual(statuses, Array(8).fill(200));
  assert.equal(grants.success, 1, 'eight requests over two processes, one renewal');
  assert.deepEqual(grants.errors, []);
  await context.close();
});

test('back-channel logout: the provider ends its session, every BFF session of it ends', async () => {
  const { world, browser } = ctx;
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = page.locator('servicekonto-login');
  await page.goto(`${world.origin}/pages/bff.html`);
  await login.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await login.getByRole('button', { name: 'Abmelden' }).waitFor();
  const before = (await sessionKeys()).length;
  assert.ok(before >= 1);

  // Signed out at the provider by another way (another application, the provider's own page).
  const notified = new Promise((resolve, reject) => {
    world.idp.provider.once('backchannel.success', resolve);
    world.idp.provider.once('backchannel.error', (_context, error) => reject(error));
  });
  await page.goto(`${world.origin}/oidc/session/end`);
  await page.getByRole('button', { name: 'Ja, abmelden' }).click();
  await notified;
  assert.equal((await sessionKeys()).length, before - 1, 'that session is gone from the store');
  await page.goto(`${world.origin}/pages/bff.html`);
  await login.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  // Signed out elsewhere – not „abgelaufen“, which the code cannot claim (issue 21, item 5).
  await login.getByText('Sie wurden abgemeldet: Ihre Anmeldung wurde an anderer Stelle beendet').waitFor();
  assert.equal(await login.getByText('abgelaufen').count(), 0);
  await context.close();
});

test('refused: no anti-forgery header (403, nothing forwarded), a foreign Origin, a foreign returnTo, a path outside the contract', async () => {
  const { world, browser } = ctx;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInToOverview(page, `${world.origin}/pages/bff.html`);
  // The page goes, so that no background reload of the list counts as forwarded below.
  await page.goto('about:blank');
  const bff = `${world.origin}/bff`;
  const request = context.request;
  const forwarded = world.backend.exchanges.length;

  const withoutHeader = await request.get(`${bff}/api/account`);
  assert.equal(withoutHeader.status(), 403);
  assert.equal((await request.post(`${bff}/api/kassenzeichen`, { data: {} })).status(), 403);
  assert.equal((await request.post(`${bff}/logout`, { data: {} })).status(), 403);

  const csrf = { 'X-CSRF': '1' };
  const foreign = await request.get(`${bff}/api/account`, { headers: { ...csrf, Origin: 'https://evil.example' } });
  assert.equal(foreign.status(), 403);
  assert.equal(foreign.headers()['access-control-allow-origin'], undefined);
  const foreignPreflight = await request.fetch(`${bff}/api/account`, {
    method: 'OPTIONS',
    headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-csrf' },
  });
  assert.equal(foreignPreflight.status(), 403);

  for (const [method, path] of [
    ['GET', '/api/admin'],
    ['GET', '/api/kassenzeichen/kz-1/../../admin'],
    ['DELETE', '/api/kassenzeichen/%2e%2e'],
    ['PATCH', '/api/account'],
    ['GET', '/api'],
    ['GET', '/nothing-here'],
  ]) {
    const answer = await request.fetch(`${bff}${path}`, { method, headers: csrf });
    assert.equal(answer.status(), 404, `${method} ${path}`);
  }
  assert.equal((await request.post(`${bff}/api/kassenzeichen`, { headers: csrf, data: 'x'.repeat(20_000) })).status(), 413);
  assert.equal(world.backend.exchanges.length, forwarded, 'nothing reached the backend');

  const foreignReturn = await request.get(`${bff}/login?returnTo=${encodeURIComponent('https://evil.example/')}`, { maxRedirects: 0 });
  assert.equal(foreignReturn.status(), 400);
  assert.equal(foreignReturn.headers().location, undefined);

  const allowed = await request.get(`${bff}/api/account`, { headers: csrf });
  assert.equal(allowed.status(), 200);
  assert.equal(allowed.headers()['cache-control'], 'no-store');
  assert.equal(world.backend.exchanges.length, forwarded + 1);
  // The backend's refusal comes back as it is: status, problem+json and Retry-After.
  world.backend.reset('rate-limited');
  const limited = await request.post(`${bff}/api/kassenzeichen`, {
    headers: { ...csrf, 'Idempotency-Key': 'e2e-rate-limited-1' },
    data: { kassenzeichen: '1500.0000.0001', street: 'Musterstraße', houseNumber: '12a', postalCode: '41061', role: 'owner' },
  });
  assert.equal(limited.status(), 429);
  assert.equal(limited.headers()['retry-after'], '120');
  assert.match(limited.headers()['content-type'], /application\/problem\+json/);
  assert.equal((await limited.json()).title, 'Zu viele Versuche');
  assert.equal(world.backend.exchanges.at(-1).idempotencyKey, 'e2e-rate-limited-1');
  const health = await request.get(`${bff}/health`);
  assert.deepEqual(await health.json(), { status: 'ok' });
  await context.close();
});
