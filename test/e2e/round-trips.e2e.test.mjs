import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInAtProvider, signInToOverview, useWorld } from './browser.mjs';
import { chainsOf } from './request-chain.mjs';

/*
 * How many requests the citizen waits for one after another – counted from
 * Chromium's own network events, CORS preflights included – and that the
 * sign-in button does not wait for the oidc file or the provider.
 */

const ctx = useWorld({ scenario: 'returning' });
// The backend on another origin than the page, declared in the page's head.
const apart = useWorld({ scenario: 'returning', crossOrigin: true });

async function overviewAfterCallback(pageName, site = ctx) {
  return chainsOf(site.browser, site.world.pageOrigin, `/pages/${pageName}`, signInAtProvider);
}

test('one file: from the callback to the overview in 4 requests in sequence (page, script, token, data); a reload in 3', async () => {
  const { chain, reloadChain } = await overviewAfterCallback('single-file.html');
  assert.equal(chain.length, 4, chain.join(' → '));
  assert.equal(reloadChain.length, 3, reloadChain.join(' → '));
});

// The session's file comes after the script, beside the token exchange the script begins itself
// (session-head.ts): the way back stays at 4. On a reload while signed in the script sends the
// overview's GETs with the stored token itself (overview-head.ts): 3, as before the split.
test('two files: the way back needs no oidc file either (4); a reload while signed in needs neither it nor the provider (3)', async () => {
  const { chain, reloadChain, preflights } = await overviewAfterCallback('portal.html');
  assert.equal(chain.length, 4, chain.join(' → '));
  assert.ok(!chain.some((label) => label.includes('oidc.js')), `no oidc file after the redirect: ${chain.join(' → ')}`);
  assert.ok(!chain.some((label) => label.includes('openid-configuration')), `no discovery after the redirect: ${chain.join(' → ')}`);
  assert.equal(preflights, 0, 'same origin: no preflight');
  assert.equal(reloadChain.length, 3, reloadChain.join(' → '));
  assert.ok(!reloadChain.some((label) => label.includes('oidc')), reloadChain.join(' → '));
});

test('the backend on another origin: the list waits for its CORS preflight (5); a reload within its max-age does not (3), one after it does (4)', async () => {
  const { toList, reloadToList, laterToList } = await overviewAfterCallback('portal.html', apart);
  assert.equal(toList.length, 5, toList.join(' → '));
  assert.equal(toList.at(-2), 'OPTIONS /api/kassenzeichen (preflight)', toList.join(' → '));
  assert.equal(reloadToList.length, 3, reloadToList.join(' → '));
  assert.equal(laterToList.length, 4, laterToList.join(' → '));
});

test('the sign-in button appears while the session’s file, the oidc file, the discovery document and the manager’s file are held back', async () => {
  const page = await ctx.browser.newPage();
  const held = [];
  const heldManager = [];
  await page.route(/buergerportal-widgets\.(oidc|session)\.js|openid-configuration/, (route) => void held.push(route));
  await page.route(/buergerportal-widgets\.manager\.js/, (route) => void heldManager.push(route));
  await page.goto(`${ctx.world.origin}/pages/portal.html`);
  await page.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  assert.equal(heldManager.length, 1, 'the manager’s file is asked for beside the button, not before it');
  for (const route of [...heldManager, ...held.filter((route) => route.request().url().includes('session.js'))]) await route.continue();
  await page.locator('kassenzeichen-manager').getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  const discoveries = held.filter((route) => route.request().url().includes('openid-configuration'));
  assert.equal(discoveries.length, 0, 'the provider is not asked without the citizen’s intent');
  await page.close();
});

test('pointing at the button, or focusing it, fetches the protocol file and the discovery document; the click then goes straight to the provider', async () => {
  for (const intent of ['hover', 'focus']) {
    const page = await ctx.browser.newPage();
    const asked = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(`${ctx.world.origin}/pages/login.html`);
    const button = page.getByRole('button', { name: 'Zum Servicekonto.NRW' });
    await button.waitFor();
    assert.ok(!asked.some((path) => path.endsWith('openid-configuration')), 'no word to the provider before the intent');
    const discovered = page.waitForResponse((response) => response.url().endsWith('/.well-known/openid-configuration'));
    if (intent === 'hover') await button.hover();
    else await button.focus();
    await discovered;
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('.oidc.js') && entry.responseEnd > 0),
    );
    const before = asked.length;
    const atProvider = page.waitForRequest((request) => new URL(request.url()).pathname === '/oidc/auth');
    await button.click();
    await atProvider;
    const afterClick = asked.slice(before).filter((path) => path !== '/oidc/auth');
    assert.deepEqual(
      afterClick.filter((path) => path.endsWith('.oidc.js') || path.endsWith('openid-configuration')),
      [],
      `${intent}: nothing fetched between the click and the provider`,
    );
    await page.close();
  }
});

test('a page with the login alone never loads the manager’s file; a manager added later does', async () => {
  const page = await ctx.browser.newPage();
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await page.goto(`${ctx.world.origin}/pages/login.html`);
  await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  await page.waitForLoadState('load');
  assert.ok(!asked.some((path) => path.endsWith('.manager.js')), asked.join(', '));
  await page.evaluate(() => {
    const manager = document.createElement('kassenzeichen-manager');
    manager.setAttribute('backend-url', `${location.origin}/api`);
    document.body.append(manager);
  });
  await page.locator('kassenzeichen-manager').getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  assert.equal(asked.filter((path) => path.endsWith('.manager.js')).length, 1);
  await page.close();
});

test('a reload while signed in asks for the overview while the manager’s file is still on its way, and only once', async () => {
  const page = await ctx.browser.newPage();
  await signInToOverview(page, `${ctx.world.origin}/pages/portal.html`);
  const manager = page.locator('kassenzeichen-manager');
  await manager.getByRole('button', { name: 'Entfernen' }).first().waitFor();
  const api = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/') && request.method() === 'GET') api.push(pathname);
  });
  const held = [];
  let asked;
  const managerAsked = new Promise((resolve) => (asked = resolve));
  await page.route(/buergerportal-widgets\.manager\.js/, (route) => {
    held.push(route);
    asked();
  });
  const listed = page.waitForRequest((request) => request.url().endsWith('/api/kassenzeichen'));
  await page.reload();
  await Promise.all([listed, managerAsked]);
  assert.equal(held.length, 1, 'the manager’s file is still held back');
  await held[0].continue();
  await manager.getByRole('button', { name: 'Entfernen' }).first().waitFor();
  assert.deepEqual(api.sort(), ['/api/account', '/api/kassenzeichen']);
  await page.close();
});

test('a click before the session’s file is there: the button says it is busy, and the sign-in goes on once the file comes', async () => {
  const page = await ctx.browser.newPage();
  const held = [];
  await page.route(/buergerportal-widgets\.session\.js/, (route) => void held.push(route));
  await page.goto(`${ctx.world.origin}/pages/login.html`);
  const button = page.getByRole('button', { name: 'Zum Servicekonto.NRW' });
  await button.click();
  await button.click({ force: true }); // marked busy: Playwright would wait for it to be enabled
  await page.waitForFunction(() =>
    document.querySelector('servicekonto-login').shadowRoot.querySelector('[aria-disabled="true"], [disabled]'),
  );
  assert.equal(held.length, 1, 'asked for once');
  const authorizations = [];
  page.on('request', (request) => request.url().includes('/oidc/auth') && authorizations.push(request.url()));
  await held[0].continue();
  await page.getByLabel('Benutzername').waitFor();
  assert.equal(authorizations.length, 1, 'one authorization request for two clicks');
  await page.close();
});

test('on the way back the script sends the code to the token endpoint before the session’s file is there', async () => {
  const page = await ctx.browser.newPage();
  await page.goto(`${ctx.world.origin}/pages/login.html`);
  await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await page.getByLabel('Benutzername').waitFor();
  const held = [];
  await page.route(/buergerportal-widgets\.session\.js/, (route) => void held.push(route));
  const token = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/oidc/token'));
  await signInAtProvider(page);
  // The session's file cannot arrive while it is held: the token request went out without it.
  await token;
  while (held.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  await held[0].continue();
  await page.getByText('Angemeldet als Erika Mustermann').waitFor();
  await page.close();
});

test('a reload while signed in shows no sign-in button while the session’s file is on its way: the page alone cannot say who is signed in', async () => {
  const page = await ctx.browser.newPage();
  await signInToOverview(page, `${ctx.world.origin}/pages/portal.html`);
  const held = [];
  await page.route(/buergerportal-widgets\.session\.js/, (route) => void held.push(route));
  await page.reload();
  await page.locator('servicekonto-login').waitFor({ state: 'attached' });
  while (held.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).count(), 0, 'no button that would be wrong a moment later');
  await held[0].continue();
  await page.locator('servicekonto-login').getByText('Angemeldet als Erika Mustermann').waitFor();
  await page.close();
});
