/* global BroadcastChannel, setInterval -- used inside the pages, through evaluate and init scripts */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { useWorld, signInAtProvider, signOutAndReturn, watchPage } from './browser.mjs';

/*
 * Browser mode as an attacker on the same origin meets it: a second page
 * without the widget (a CMS page, a plugin, a tag manager) listens on the
 * tabs' channel, reads localStorage and the Web Locks' names, and posts forged
 * messages. Nothing of the session may reach it, and nothing it posts may
 * change who is signed in.
 */

const ctx = useWorld({ scenario: 'returning' });
const CHANNEL = 'buergerportal-widgets-auth';

/** Records every message any page of the context posts on a BroadcastChannel. */
async function recordPostedMessages(context) {
  await context.addInitScript(() => {
    const posted = (window.__posted = []);
    const post = BroadcastChannel.prototype.postMessage;
    BroadcastChannel.prototype.postMessage = function (message) {
      posted.push(JSON.stringify(message));
      return post.call(this, message);
    };
  });
}

/** A page of the same origin without the widget, listening on the tabs' channel. */
async function openSpy(context) {
  const spy = await context.newPage();
  await spy.goto(`${ctx.world.origin}/pages/no-widget-here`);
  await spy.evaluate((name) => {
    window.__heard = [];
    new BroadcastChannel(name).addEventListener('message', (event) => window.__heard.push(JSON.stringify(event.data)));
  }, CHANNEL);
  return spy;
}

/** Everything the spy can read: what it heard, localStorage, the names of all Web Locks. */
function spyReads(spy) {
  return spy.evaluate(async () => {
    const locks = await navigator.locks.query();
    const names = [...locks.held, ...locks.pending].map((lock) => lock.name);
    return { heard: window.__heard, local: JSON.stringify({ ...localStorage }), locks: names };
  });
}

/** The tokens the provider hands out in this context, from the token endpoint's answers. */
function collectTokens(context) {
  const tokens = [];
  context.on('response', async (response) => {
    if (new URL(response.url()).pathname !== '/oidc/token' || response.request().method() !== 'POST') return;
    const answer = await response.json().catch(() => ({}));
    for (const name of ['access_token', 'refresh_token', 'id_token']) if (answer[name]) tokens.push({ name, value: answer[name] });
  });
  return tokens;
}

/** The tokens, the SHA-256 fingerprints of the refresh tokens, and the citizen's name: none of it may leave the tab. */
function secretsOf(tokens, name) {
  const fingerprints = tokens
    .filter((token) => token.name === 'refresh_token')
    .map((token) => ({ name: 'fingerprint', value: createHash('sha256').update(token.value).digest('hex') }));
  return [...tokens, ...fingerprints, { name: 'name', value: name }, { name: 'first name', value: name.split(' ')[0] }];
}

function assertNothingOf(secrets, where, text) {
  for (const secret of secrets) assert.ok(!text.includes(secret.value), `${where} holds the ${secret.name}`);
}

/** From `pageName`'s „Zum Servicekonto.NRW“ through the provider back to the greeting. */
async function signInOn(page, pageName = 'login.html', name = 'Erika Mustermann') {
  await page.goto(`${ctx.world.origin}/pages/${pageName}`);
  await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page, name);
  await page.getByText(`Angemeldet als ${name}`).waitFor();
}

const renew = (page) => page.evaluate(() => document.querySelector('servicekonto-login').session.renew());

for (const [storage, pageName] of [
  ['session', 'login.html'],
  ['memory', 'login-memory.html'],
]) {
  test(`token-storage="${storage}": no token, fingerprint or name crosses the channel, localStorage or a lock's name – through sign-in, renewals and sign-out`, async () => {
    const context = await ctx.browser.newContext();
    await recordPostedMessages(context);
    const tokens = collectTokens(context);
    const spy = await openSpy(context);
    const page = await context.newPage();
    const problems = watchPage(page);

    await signInOn(page, pageName);
    assert.ok(await renew(page), 'renewed once');
    assert.ok(await renew(page), 'renewed twice');
    const whileSignedIn = await spyReads(spy);
    const posted = await page.evaluate(() => window.__posted);
    const ownStorage = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));

    await signOutAndReturn(page, page.getByRole('button', { name: 'Abmelden' }));
    const afterSignOut = await spyReads(spy);

    assert.ok(tokens.filter((token) => token.name === 'refresh_token').length >= 3, 'the provider handed out rotated refresh tokens');
    const secrets = secretsOf(tokens, 'Erika Mustermann');
    for (const [where, text] of [
      ['a message the spy heard', JSON.stringify([...whileSignedIn.heard, ...afterSignOut.heard])],
      ['a message the widget posted', JSON.stringify(posted)],
      ['localStorage', whileSignedIn.local + afterSignOut.local],
      ["a Web Lock's name", JSON.stringify([...whileSignedIn.locks, ...afterSignOut.locks])],
    ])
      assertNothingOf(secrets, where, text);
    assert.ok(afterSignOut.heard.length > 0, 'the spy does hear the channel (the sign-out signal)');
    if (storage === 'memory') assertNothingOf(secrets, "the tab's own web storage in memory mode", ownStorage);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a forged „renewed“ message with the fingerprint of the current refresh token and another citizen’s tokens changes nothing', async () => {
  // Max's tokens, as an attacker who signed in with an account of their own would hold them.
  const attacker = await ctx.browser.newContext();
  const attackerTokens = collectTokens(attacker);
  const attackerPage = await attacker.newPage();
  await signInOn(attackerPage, 'login.html', 'Max Mustermann');
  const maxUser = await attackerPage.evaluate(
    () => Object.entries(sessionStorage).find(([key]) => key.startsWith('buergerportal-widgets.user:'))[1],
  );
  await attacker.close();
  assert.ok(attackerTokens.length > 0);

  const context = await ctx.browser.newContext();
  const tokens = collectTokens(context);
  const page = await context.newPage();
  const problems = watchPage(page);
  await signInOn(page);
  await page.getByText('Konto von Erika Mustermann').waitFor();

  const spy = await openSpy(context);
  const key = `${ctx.world.origin}/oidc buergerportal-e2e`;
  const refresh = tokens.findLast((token) => token.name === 'refresh_token').value;
  const from = createHash('sha256').update(refresh).digest('hex');
  await spy.evaluate(
    ({ name, messages }) => {
      const channel = new BroadcastChannel(name);
      for (const message of messages) channel.postMessage(message);
    },
    {
      name: CHANNEL,
      messages: [
        { type: 'renewed', key, from, user: maxUser },
        { type: 'renewed', key, from, user: JSON.parse(maxUser) },
        { type: 'signed-in', key, user: maxUser },
        { type: 'changed', key, user: maxUser },
      ],
    },
  );
  assert.ok(await renew(page), 'the tab renews with its own refresh token');
  await page.reload();
  const greeting = page.getByText(/^Angemeldet als /);
  await greeting.waitFor();
  assert.equal(await greeting.textContent(), 'Angemeldet als Erika Mustermann', 'the header never greets the other account');
  const account = await page.evaluate(async () => {
    const token = await document.querySelector('servicekonto-login').session.getAccessToken();
    const response = await fetch('/api/account', { headers: { Authorization: `Bearer ${token}` } });
    return (await response.json()).displayName;
  });
  assert.equal(account, 'Erika Mustermann', 'what the citizen enters goes to their own account');
  const stored = await page.evaluate(
    () => Object.entries(sessionStorage).find(([key]) => key.startsWith('buergerportal-widgets.user:'))[1],
  );
  assert.ok(!stored.includes(JSON.parse(maxUser).access_token), 'the other account’s tokens were not taken');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a tab opened from a signed-in one (a copy of its storage) never presents the refresh token: the first renews, the copy ends when it would need to, with a true sentence', async () => {
  const context = await ctx.browser.newContext();
  const presented = [];
  const answers = [];
  context.on('request', (request) => {
    const body = new URLSearchParams(request.postData() ?? '');
    if (new URL(request.url()).pathname === '/oidc/token' && body.get('grant_type') === 'refresh_token')
      presented.push(body.get('refresh_token'));
  });
  context.on('response', (response) => {
    if (new URL(response.url()).pathname === '/oidc/token') answers.push(response.status());
  });
  const first = await context.newPage();
  const problems = watchPage(first);
  await signInOn(first);
  const [copy] = await Promise.all([context.waitForEvent('page'), first.evaluate(() => void window.open(location.href))]);
  await copy.getByText('Angemeldet als Erika Mustermann').waitFor();

  assert.ok(await renew(first), 'the tab that signed in renews');
  assert.equal(await renew(copy), null, 'the copy does not renew');
  await copy.getByText('Ihre Anmeldung läuft im anderen Fenster weiter. Bitte melden Sie sich hier erneut an.').waitFor();
  assert.ok(await renew(first), 'the first renews again: its grant is whole');
  await first.reload();
  await first.getByText('Angemeldet als Erika Mustermann').waitFor();
  assert.ok(await renew(first), 'and after a reload of the same tab (the next page holds the sign-in)');

  assert.equal(new Set(presented).size, presented.length, 'each refresh token presented once');
  assert.ok(
    answers.every((status) => status === 200),
    `token answers: ${answers.join(', ')}`,
  );
  assert.deepEqual(problems, []);
  await context.close();
});

test('markup a contributor may write – a manager with a backend of its own, a meta element in the post – sends nothing there; the editor reads why', async () => {
  const received = [];
  const collector = createServer((request, response) => {
    received.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`);
    response.writeHead(200, {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': '*',
      'Content-Type': 'application/json',
    });
    response.end('{}');
  });
  await new Promise((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const elsewhere = `http://127.0.0.1:${collector.address().port}`;
  const context = await ctx.browser.newContext();
  const page = await context.newPage();
  await signInOn(page);

  await page.evaluate((address) => {
    const post = document.createElement('article');
    post.innerHTML = `<meta name="buergerportal-widgets-backends" content="${address}"><kassenzeichen-manager backend-url="${address}/api"></kassenzeichen-manager>`;
    document.querySelector('main').append(post);
  }, elsewhere);
  const manager = page.locator('kassenzeichen-manager');
  await manager.getByText(`„backend-url“ führt zu ${elsewhere}, das diese Seite nicht freigibt`).waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(received, [], 'not a single request, let alone the token');
  await context.close();
  await new Promise((resolve) => collector.close(resolve));
});

test('a page of the same origin in another tab cannot redirect a sign-in under way to itself (and read the tokens there)', async () => {
  const context = await ctx.browser.newContext();
  // The attacker's script on a page without the widget: it rewrites the way back of any sign-in state it can find.
  await context.addInitScript(() => {
    if (location.pathname !== '/pages/news-x') return;
    setInterval(() => {
      for (const storage of [localStorage, sessionStorage])
        for (const key of Object.keys(storage).filter((name) => name.startsWith('buergerportal-widgets.state.'))) {
          const state = JSON.parse(storage.getItem(key));
          state.data = { ...state.data, returnTo: `${location.origin}/pages/news-x` };
          storage.setItem(key, JSON.stringify(state));
          window.rewrote = true;
        }
    }, 20);
  });
  const attacker = await context.newPage();
  await attacker.goto(`${ctx.world.origin}/pages/news-x`);
  const page = await context.newPage();
  const problems = watchPage(page);
  await signInOn(page);
  assert.equal(new URL(page.url()).pathname, '/pages/login.html', 'back where the citizen started');
  assert.equal(await attacker.evaluate(() => !!window.rewrote), false, 'the attacker found no sign-in state to rewrite');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a page that steals the sign-in’s lock cannot make two tabs present one refresh token', async () => {
  const context = await ctx.browser.newContext();
  const presented = [];
  context.on('request', (request) => {
    const body = new URLSearchParams(request.postData() ?? '');
    if (new URL(request.url()).pathname === '/oidc/token' && body.get('grant_type') === 'refresh_token')
      presented.push(body.get('refresh_token'));
  });
  const first = await context.newPage();
  await signInOn(first);
  const attacker = await context.newPage();
  await attacker.goto(`${ctx.world.origin}/pages/no-widget-here`);
  const stolen = await attacker.evaluate(async () => {
    const held = (await navigator.locks.query()).held.map((lock) => lock.name);
    const name = held.find((lockName) => lockName.startsWith('buergerportal-sign-in'));
    await navigator.locks.request(name, { steal: true }, async () => undefined);
    return name;
  });
  assert.ok(stolen, 'the attacker found and stole the lock');
  const [copy] = await Promise.all([context.waitForEvent('page'), first.evaluate(() => void window.open(location.href))]);
  await copy.getByText('Angemeldet als Erika Mustermann').waitFor();
  const results = [];
  for (const page of [first, copy, first, copy]) results.push(await renew(page));
  assert.equal(new Set(presented).size, presented.length, `each refresh token presented once: ${JSON.stringify(results.map(Boolean))}`);
  assert.ok(results.some(Boolean), 'one of the tabs goes on renewing');
  await context.close();
});

test('a page of the same origin that ran in this tab before cannot plant the provider’s endpoints: nothing goes to its collector', async () => {
  const context = await ctx.browser.newContext();
  const collected = [];
  await context.route('http://127.0.0.1:9/**', (route) => {
    collected.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(`${ctx.world.origin}/pages/news-x`);
  const authority = `${ctx.world.origin}/oidc`;
  await page.evaluate(async (issuer) => {
    const metadata = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
    for (const name of ['token_endpoint', 'userinfo_endpoint', 'revocation_endpoint']) metadata[name] = `http://127.0.0.1:9/evil/${name}`;
    sessionStorage.setItem(`buergerportal-widgets.metadata:${issuer}`, JSON.stringify(metadata));
  }, authority);
  const problems = watchPage(page);
  await signInOn(page);
  await signOutAndReturn(page, page.getByRole('button', { name: 'Abmelden' }));
  assert.deepEqual(collected, [], 'no code, verifier, token or refresh token to the planted endpoints');
  assert.deepEqual(problems, []);
  await context.close();
});
