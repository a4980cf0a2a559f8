import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInAtProvider, useWorld, watchPage } from './browser.mjs';

/*
 * Review of issue 23, item 1 (the split into buergerportal-widgets.js and
 * buergerportal-widgets.session.js): attacks and page situations. Each test
 * passes where the code is right and fails where the review found a defect.
 */

const ctx = useWorld({ scenario: 'returning' });

const SESSION_FILE = /buergerportal-widgets\.session\.js/;

/** A page of our own on the e2e origin (a registered redirect URI), with `body` and `head`. */
async function ownPage(page, path, { head = '', body, headers = {} }) {
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Review</title>${head}
<script type="module" src="/dist/buergerportal-widgets.js"></script></head><body>${body}</body></html>`;
  await page.route(
    (url) => url.origin === ctx.world.origin && url.pathname === path,
    (route) =>
      route.request().isNavigationRequest()
        ? route.fulfill({ status: 200, contentType: 'text/html', headers, body: html.replaceAll('{{ORIGIN}}', ctx.world.origin) })
        : route.fallback(),
  );
}

/** The element that has focus, through shadow roots: `tag#id > shadow tag(text)`. */
function deepFocus(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    const path = [];
    while (element) {
      path.push(`${element.localName}${element.textContent ? `(${element.textContent.trim().slice(0, 40)})` : ''}`);
      element = element.shadowRoot?.activeElement ?? null;
    }
    return path.join(' > ');
  });
}

// ---------------------------------------------------------------- security

test('BFF mode: the early overview GETs go only to a BFF the page declares (undeclared bff-url: the manager „sends nothing“)', async () => {
  const page = await ctx.browser.newPage();
  const evil = 'http://localhost:1'; // another origin than the page (loopback: http is allowed in tests)
  const toEvil = [];
  await page.route(`${evil}/**`, (route) => {
    toEvil.push(`${route.request().method()} ${new URL(route.request().url()).pathname}`);
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'Access-Control-Allow-Origin': ctx.world.origin, 'Access-Control-Allow-Credentials': 'true' },
      body: JSON.stringify({ authenticated: false }),
    });
  });
  // A contributor's markup points the login at another BFF; the head declares none.
  // The page's own BFF said „signed in“ earlier: its hint cookie on the page's host.
  await ownPage(page, '/pages/login.html', {
    headers: { 'Set-Cookie': '__Host-bp-signed-in=pseudonym; Path=/; Secure' },
    body: `<servicekonto-login id="login" bff-url="${evil}/bff"></servicekonto-login>
      <kassenzeichen-manager login="login"></kassenzeichen-manager>`,
  });
  await page.goto(`${ctx.world.origin}/pages/login.html`);
  assert.ok(await page.evaluate(() => document.cookie.includes('__Host-bp-signed-in')), 'the hint is readable');
  // The manager tells the editor: „… das diese Seite nicht freigibt; es wurde nichts dorthin gesendet.“
  await page.locator('kassenzeichen-manager').getByText('es wurde nichts dorthin gesendet', { exact: false }).waitFor();
  await page.waitForTimeout(300);
  const apiCalls = toEvil.filter((call) => call.includes('/bff/api/'));
  assert.deepEqual(apiCalls, [], `requests for the citizen's data went to an undeclared origin: ${apiCalls.join(', ')}`);
  await page.close();
});

// ---------------------------------------------------------------- the session's file missing or lost

test('the session’s file missing, with a manager: the manager names the missing file to the editor (not „try again“ to the citizen)', async () => {
  const page = await ctx.browser.newPage();
  await page.route(SESSION_FILE, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${ctx.world.origin}/pages/portal.html`);
  const login = page.locator('servicekonto-login');
  const manager = page.locator('kassenzeichen-manager');
  await login.getByText('buergerportal-widgets.session.js konnte nicht geladen werden').waitFor();
  await page.waitForFunction(() => document.querySelector('kassenzeichen-manager')?.shadowRoot?.textContent?.trim());
  await page.waitForTimeout(300);
  const text = await manager.evaluate((element) => element.shadowRoot?.textContent ?? '');
  assert.match(text, /buergerportal-widgets\.session\.js/, `the manager says instead: ${text.trim().replace(/\s+/g, ' ')}`);
  await page.close();
});

test('the session’s file missing on a page with the manager alone: the editor is told which file', async () => {
  const page = await ctx.browser.newPage();
  await page.route(SESSION_FILE, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${ctx.world.origin}/pages/manager-alone.html`);
  await page.waitForFunction(() => document.querySelector('kassenzeichen-manager')?.shadowRoot?.textContent?.trim());
  await page.waitForTimeout(500);
  const text = await page.locator('kassenzeichen-manager').evaluate((element) => element.shadowRoot?.textContent ?? '');
  assert.match(text, /buergerportal-widgets\.session\.js/, `the manager says instead: ${text.trim().replace(/\s+/g, ' ')}`);
  await page.close();
});

test('the session’s file lost once on a page with login and manager: one alert, and „Erneut versuchen“ in the login brings the manager too', async () => {
  const page = await ctx.browser.newPage();
  // Lost on the way each time its first address is asked for (by the first file and the login's); the retry's fresh address comes.
  await page.route(SESSION_FILE, (route) =>
    route.request().url().includes('attempt=') ? route.continue() : route.abort('internetdisconnected'),
  );
  await page.goto(`${ctx.world.origin}/pages/portal.html`);
  const login = page.locator('servicekonto-login');
  await login.getByText('Die Anmeldung ist gerade nicht erreichbar.', { exact: false }).waitFor();
  await page.waitForTimeout(500);
  const alerts = await page.getByRole('alert').count();
  await login.getByRole('button', { name: 'Erneut versuchen' }).click();
  await login.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  const manager = page.locator('kassenzeichen-manager');
  const recovered = await manager
    .getByRole('button', { name: 'Zum Servicekonto.NRW' })
    .waitFor({ timeout: 3000 })
    .then(() => true)
    .catch(() => false);
  const managerText = (await manager.evaluate((element) => element.shadowRoot?.textContent ?? '')).trim().replace(/\s+/g, ' ');
  assert.equal(alerts, 1, 'one lost file, one alert (the login and the manager each had one)');
  assert.ok(recovered, `the manager stays broken after the login recovered: ${managerText}`);
  await page.close();
});

test('the way back from the provider with the session’s file lost once: „Erneut versuchen“ completes the sign-in (the code was already sent)', async () => {
  const page = await ctx.browser.newPage();
  const problems = watchPage(page);
  await page.goto(`${ctx.world.origin}/pages/login.html`);
  const login = page.locator('servicekonto-login');
  await login.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  // Lost on the way each time its first address is asked for (by the first file and the login's); the retry's fresh address comes.
  await page.route(SESSION_FILE, (route) =>
    route.request().url().includes('attempt=') ? route.continue() : route.abort('internetdisconnected'),
  );
  const tokenRequests = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/oidc/token') tokenRequests.push(request.url());
  });
  await signInAtProvider(page);
  await login.getByText('Die Anmeldung ist gerade nicht erreichbar.', { exact: false }).waitFor();
  assert.equal(tokenRequests.length, 1, 'the first file sent the code beside the lost file');
  await login.getByRole('button', { name: 'Erneut versuchen' }).click();
  await login.getByText('Angemeldet als Erika Mustermann').waitFor({ timeout: 5000 });
  assert.ok(!new URL(page.url()).searchParams.has('code'), 'the code leaves the address');
  assert.deepEqual(
    problems.filter((problem) => !problem.includes('Failed to load resource')),
    [],
  );
  await page.close();
});

// ---------------------------------------------------------------- keyboard, before the session's file

test('Enter and Space on the sign-in button before the session’s file: busy, focus kept, one authorization request', async () => {
  const page = await ctx.browser.newPage();
  const held = [];
  await page.route(SESSION_FILE, (route) => void held.push(route));
  const authorizations = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/oidc/auth') authorizations.push(request.url());
  });
  await page.goto(`${ctx.world.origin}/pages/login.html`);
  const button = page.getByRole('button', { name: 'Zum Servicekonto.NRW' });
  await button.waitFor();
  await page.keyboard.press('Tab');
  assert.match(await deepFocus(page), /servicekonto-login > button/, 'Tab reaches the button');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
  const focusWhileWaiting = await deepFocus(page);
  const busy = await page.evaluate(() => {
    const button = document.querySelector('servicekonto-login').shadowRoot.querySelector('button');
    return button?.getAttribute('aria-busy') ?? button?.getAttribute('aria-disabled') ?? String(button?.disabled);
  });
  assert.match(focusWhileWaiting, /servicekonto-login > button/, `focus while waiting: ${focusWhileWaiting}`);
  assert.notEqual(busy, null, 'the button says it is busy');
  await page.waitForFunction(() => true);
  for (const route of held) await route.continue();
  await page.getByLabel('Benutzername').waitFor();
  await page.waitForTimeout(300);
  assert.equal(authorizations.length, 1, authorizations.join('\n'));
  await page.close();
});

// ---------------------------------------------------------------- first view

test('a stored sign-in: while the session’s file is held back no sign-in button flashes and the state stays „starting“', async () => {
  const page = await ctx.browser.newPage();
  await page.goto(`${ctx.world.origin}/pages/login.html`);
  const login = page.locator('servicekonto-login');
  await login.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await login.getByText('Angemeldet als Erika Mustermann').waitFor();
  const held = [];
  await page.route(SESSION_FILE, (route) => void held.push(route));
  await page.addInitScript(() => {
    window.reviewStates = [];
    window.addEventListener('servicekonto-state-changed', (event) => window.reviewStates.push(event.detail.state));
  });
  await page.reload();
  await page.waitForFunction(() => customElements.get('servicekonto-login'));
  await page.waitForTimeout(500);
  assert.equal(await login.getByRole('button', { name: 'Zum Servicekonto.NRW' }).count(), 0, 'no sign-in button while signed in');
  assert.equal(await login.evaluate((element) => element.state), 'starting');
  for (const route of held) await route.continue();
  await login.getByText('Angemeldet als Erika Mustermann').waitFor();
  assert.deepEqual(await page.evaluate(() => window.reviewStates), ['signed-in']);
  await page.close();
});

test('two logins of different clients on the callback page: the other login says nothing about a sign-in it never started', async () => {
  const page = await ctx.browser.newPage();
  await page.goto(`${ctx.world.origin}/pages/review-two-logins.html`);
  await page.locator('#login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await page.locator('#login').getByText('Angemeldet als Erika Mustermann').waitFor();
  await page.waitForTimeout(500);
  const other = (await page.locator('#other').evaluate((element) => element.shadowRoot?.textContent ?? '')).replace(/\s+/g, ' ');
  assert.doesNotMatch(other, /nicht abgeschlossen/, `the other login: ${other}`);
  await page.close();
});

/** The login page with the session's file held back; Tab and Enter on the sign-in button; then `answer` for the held file. */
async function enterWhileSessionFileHeld(answer) {
  const page = await ctx.browser.newPage();
  const held = [];
  let holding = true;
  await page.route(SESSION_FILE, (route) => (holding ? void held.push(route) : answer(route)));
  await page.goto(`${ctx.world.origin}/pages/login.html`);
  await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
  holding = false;
  for (const route of held) await answer(route);
  return page;
}

test('Enter before the session’s file, which then turns out missing: focus stays in the login (the editor’s box), not on <body>', async () => {
  const page = await enterWhileSessionFileHeld((route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.locator('servicekonto-login').getByText('buergerportal-widgets.session.js konnte nicht geladen werden').waitFor();
  await page.waitForTimeout(300);
  const focus = await deepFocus(page);
  assert.match(focus, /^body > |servicekonto-login/, focus);
  assert.doesNotMatch(focus, /^body(\([^)]*\))?$/, `focus lost to <body>: ${focus}`);
  await page.close();
});

test('Enter before the session’s file, which is then lost on the way: focus on the sentence or „Erneut versuchen“, which brings the sign-in', async () => {
  let lost = false;
  // The first answer is lost on the way; „Erneut versuchen“ asks again and gets the file.
  const page = await enterWhileSessionFileHeld((route) => (lost ? route.continue() : ((lost = true), route.abort('internetdisconnected'))));
  const login = page.locator('servicekonto-login');
  await login.getByText('Die Anmeldung ist gerade nicht erreichbar.', { exact: false }).waitFor();
  await page.waitForTimeout(300);
  const focus = await deepFocus(page);
  assert.match(focus, /servicekonto-login > .*Erneut versuchen/, `focus after the lost file: ${focus}`);
  await page.keyboard.press('Enter');
  await login.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  await page.waitForTimeout(300);
  const after = await deepFocus(page);
  assert.match(after, /servicekonto-login > /, `focus after „Erneut versuchen“: ${after}`);
  await page.close();
});
