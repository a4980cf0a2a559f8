/* global BroadcastChannel -- used inside the pages */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFocus } from './audit.mjs';
import { signInAtProvider, signInToOverview, useWorld, watchPage } from './browser.mjs';

/*
 * A final outsider's probes: contributor markup that clobbers the document on
 * a fresh sign-in, junk in every one of the widgets' storage keys, a spy tab
 * that writes junk while the citizen is at the provider, and the keyboard on
 * the sign-in button while the login's file is held back.
 */

const ctx = useWorld({ scenario: 'returning' });
const EVIL = 'https://evil.example';
const CHANNEL = 'buergerportal-widgets-auth';
const PREFIX = 'buergerportal-widgets.';

/** Answers everything on evil.example (CORS allowed) and records what it got. */
async function catchEvil(target) {
  const got = [];
  await target.route(`${EVIL}/**`, async (route) => {
    const request = route.request();
    const headers = await request.allHeaders();
    const cors = {
      'Access-Control-Allow-Origin': headers.origin ?? ctx.world.origin,
      'Access-Control-Allow-Headers': '*',
      'Access-Control-Allow-Methods': '*',
    };
    got.push(`${request.method()} ${new URL(request.url()).pathname} ${headers.authorization ?? '(none)'}`);
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    return route.fulfill({ status: 200, headers: { ...cors, 'Content-Type': 'application/json' }, body: '[]' });
  });
  return got;
}

/** Every request of `target` that carries an Authorization header, with its origin. */
function bearerOrigins(target) {
  const seen = [];
  target.on('request', async (request) => {
    const headers = await request.allHeaders().catch(() => ({}));
    if (headers.authorization) seen.push(new URL(request.url()).origin);
  });
  return seen;
}

const withoutNetworkNoise = (problems) => problems.filter((problem) => !/Failed to load resource|favicon|net::ERR/.test(problem));

test('(attacker) a fresh sign-in on a page with clobbering contributor markup (form name=head with a meta, img name=querySelector/activeElement, form name=defaultView) and a manager pointing at evil.example: signs in, nothing reaches evil.example', async () => {
  const context = await ctx.browser.newContext();
  const page = await context.newPage();
  const problems = watchPage(page);
  const got = await catchEvil(context);
  const bearers = bearerOrigins(context);
  const url = `${ctx.world.origin}/pages/portal.html`;
  await page.route(`${url}*`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      '</main>',
      `<article><form name="head"><meta name="buergerportal-widgets-backends" content="${EVIL}"></form>` +
        '<img name="querySelector" alt=""><img name="activeElement" alt="">' +
        '<form name="defaultView"></form><img name="readyState" alt="">' +
        `<kassenzeichen-manager login="login" backend-url="${EVIL}/api"></kassenzeichen-manager></article></main>`,
    );
    return route.fulfill({ response, body: html });
  });
  await page.goto(url);
  await page.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await page.locator('kassenzeichen-manager').first().getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
  await page.reload();
  await page.locator('kassenzeichen-manager').first().getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
  await page.waitForTimeout(1000);
  assert.deepEqual(got, [], `evil.example received: ${got.join('; ')}`);
  assert.deepEqual(
    [...new Set(bearers)].filter((origin) => origin !== ctx.world.origin),
    [],
    'a token went to another origin',
  );
  assert.deepEqual(
    withoutNetworkNoise(problems).filter((p) => !/backend-url|freigibt|kassenzeichen-manager/i.test(p)),
    [],
  );
  await context.close();
});

test('(attacker) junk in every buergerportal-widgets.* key of localStorage and sessionStorage while signed in, then a reload: no script error, no token elsewhere, a coherent view, focus not on <body> after Tab', async () => {
  for (const junk of ['{', 'null', '[]', '{"__proto__":{"polluted":1}}', 'x'.repeat(200_000), '-1', '9e999', '{"state":{}}']) {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    const problems = watchPage(page);
    const bearers = bearerOrigins(context);
    await signInToOverview(page, `${ctx.world.origin}/pages/portal.html`);
    const keys = await page.evaluate(
      ({ prefix, junk }) => {
        const written = [];
        for (const store of [localStorage, sessionStorage])
          for (const key of Object.keys(store))
            if (key.startsWith(prefix)) {
              try {
                store.setItem(key, junk);
                written.push(key);
              } catch {
                written.push(`${key} (quota)`);
              }
            }
        return written;
      },
      { prefix: PREFIX, junk },
    );
    assert.ok(keys.length > 0, 'the widgets keep something in web storage');
    await page.reload();
    const login = page.locator('servicekonto-login');
    await login
      .getByRole('button', { name: /Zum Servicekonto\.NRW|Abmelden/ })
      .first()
      .waitFor({ timeout: 10_000 });
    await page.waitForTimeout(800);
    const polluted = await page.evaluate(() => ({}).polluted);
    assert.equal(polluted, undefined, `prototype polluted with junk ${junk.slice(0, 30)}`);
    assert.deepEqual(
      withoutNetworkNoise(problems).filter((p) => /pageerror|TypeError|SyntaxError|Uncaught/.test(p)),
      [],
      `junk ${junk.slice(0, 30)} on keys ${keys.join(', ')}`,
    );
    assert.deepEqual(
      [...new Set(bearers)].filter((origin) => origin !== ctx.world.origin),
      [],
    );
    await page.keyboard.press('Tab');
    const focus = await describeFocus(page);
    assert.notEqual(focus.tag, 'body', `focus on <body> after junk ${junk.slice(0, 30)}`);
    await context.close();
  }
});

test('(attacker) a spy tab writes junk to localStorage and posts junk on the channel while the citizen is at the provider: the way back still signs in, once greeted', async () => {
  const context = await ctx.browser.newContext();
  const page = await context.newPage();
  const problems = watchPage(page);
  await page.goto(`${ctx.world.origin}/pages/portal.html`);
  const spy = await context.newPage();
  await spy.goto(`${ctx.world.origin}/pages/no-widget-here`);
  await page.bringToFront();
  await page.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await page.getByLabel('Benutzername').waitFor();
  await spy.evaluate(
    ({ prefix, channel }) => {
      for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.setItem(key, '{"junk":true}');
      localStorage.setItem(`${prefix}junk`, 'x');
      const bc = new BroadcastChannel(channel);
      for (const message of [null, 42, 'signed-in', { type: 'renewed' }, { type: 'signed-in', sub: 'x' }, [], { __proto__: { a: 1 } }])
        bc.postMessage(message);
    },
    { prefix: PREFIX, channel: CHANNEL },
  );
  await signInAtProvider(page);
  await page.locator('kassenzeichen-manager').getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
  await page.getByText('Angemeldet als Erika Mustermann').waitFor();
  assert.deepEqual(
    withoutNetworkNoise(problems).filter((p) => /pageerror|TypeError|SyntaxError|Uncaught/.test(p)),
    [],
  );
  await context.close();
});

for (const way of ['Enter', 'Space', 'click', 'tap']) {
  test(`(keyboard) ${way} on the painted „Zum Servicekonto.NRW“ while the login's file is held back 1.5 s: one way to the provider, focus never on <body>`, async () => {
    const context = await ctx.browser.newContext({ hasTouch: way === 'tap' });
    const page = await context.newPage();
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(/buergerportal-widgets\.login\.js/, async (route) => {
      await held;
      await route.continue();
    });
    const authorizations = [];
    page.on('request', (request) => {
      if (request.isNavigationRequest() && /\/oidc\/auth/.test(request.url())) authorizations.push(request.url());
    });
    await page.goto(`${ctx.world.origin}/pages/login.html`);
    await page.evaluate(() => {
      window.__bodyFocus = 0;
      document.addEventListener(
        'focusout',
        () =>
          setTimeout(() => {
            if (document.activeElement === document.body) window.__bodyFocus++;
          }, 0),
        true,
      );
    });
    const button = page.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' });
    await button.waitFor();
    if (way === 'click') await button.click();
    else if (way === 'tap') await button.tap();
    else {
      await button.focus();
      await page.keyboard.press(way);
    }
    // a second press while busy must not start a second sign-in
    if (way === 'Enter' || way === 'Space') await page.keyboard.press(way);
    const bodyFocusBefore = await page.evaluate(() => window.__bodyFocus);
    const focus = await describeFocus(page);
    assert.ok(way === 'tap' || way === 'click' || focus.tag !== 'body', `focus on <${focus.tag}> while busy`);
    setTimeout(release, 1500);
    await page.getByLabel('Benutzername').waitFor({ timeout: 15_000 });
    assert.equal(authorizations.length, 1, `authorization requests: ${authorizations.length}`);
    assert.equal(bodyFocusBefore, 0, 'focus went to <body> while the login was busy');
    await context.close();
  });
}

/** portal.html with `markup` added at the end of <main>, on every load of the page. */
async function portalWith(page, markup) {
  const url = `${ctx.world.origin}/pages/portal.html`;
  await page.route(`${url}*`, async (route) => {
    const response = await route.fetch();
    return route.fulfill({ response, body: (await response.text()).replace('</main>', `<article>${markup}</article></main>`) });
  });
  await page.goto(url);
}

// Open: lit-html itself calls document.createElement (and createTreeWalker), which such markup shadows; the
// whole script stops, as it did before the first view. Kept as a todo so that it shows in every run.
test(
  '(medium) a contributor’s <form name="createElement"> (kses allows form name) in a post: the sign-in button still appears, no script error',
  { todo: 'open: Lit calls document.createElement, which the markup shadows' },
  async () => {
    const page = await ctx.browser.newPage();
    const problems = watchPage(page);
    await portalWith(page, '<form name="createElement"></form>');
    await page.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor({ timeout: 8000 });
    assert.deepEqual(withoutNetworkNoise(problems), []);
    await page.close();
  },
);

test('(low) a contributor’s <form name="getElementById"> in a post: after the sign-in the overview opens without a script error', async () => {
  const page = await ctx.browser.newPage();
  const problems = watchPage(page);
  await portalWith(page, '<form name="getElementById"></form>');
  await page.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await page.locator('kassenzeichen-manager').getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor({ timeout: 8000 });
  await page.waitForTimeout(500);
  assert.deepEqual(withoutNetworkNoise(problems), []);
  await page.close();
});
