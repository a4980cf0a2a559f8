import assert from 'node:assert/strict';
import { test } from 'node:test';
import { audit } from './audit.mjs';
import { signInAtProvider, signInToOverview, signOutAndReturn, useWorld } from './browser.mjs';
import { chainsOf } from './request-chain.mjs';

/*
 * BFF mode, the session's limits and its words, with short values: the idle
 * limit enforced by the BFF as a smoke test (one process, memory store; the
 * limits themselves, the absolute one included, with a moved clock in
 * test/node/bff-limits.test.mjs), the expiry warning with „Sitzung
 * verlängern“, and sign-out in every tab.
 */

const limits = useWorld({ scenario: 'returning', bff: { env: { BFF_SESSION_IDLE_SECONDS: '10', BFF_SESSION_MAX_SECONDS: '600' } } });
// 125 s idle: the warning (2 minutes before the end) comes 5 s after the last activity.
const warning = useWorld({ scenario: 'returning', bff: { env: { BFF_SESSION_IDLE_SECONDS: '125' } } });

/** A browser context of its own (cookies apart), signed in on the BFF page and at the overview. */
async function signedInContext({ world, browser }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInToOverview(page, `${world.origin}/pages/bff.html`);
  return { world, context, page };
}

const csrf = { 'X-CSRF': '1' };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('idle limit: 11 s without a request end the session on the server; the page says so, and the next sign-in asks for the password', async () => {
  const { world, context, page } = await signedInContext(limits);
  await page.goto('about:blank');
  await sleep(11_000);
  await page.goto(`${world.origin}/pages/bff.html`);
  const login = page.locator('servicekonto-login');
  await login.getByText('Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.').waitFor();
  const answer = await context.request.get(`${world.origin}/bff/session`, { headers: csrf });
  assert.deepEqual(await answer.json(), { signedIn: false });
  assert.equal((await context.request.get(`${world.origin}/bff/api/account`, { headers: csrf })).status(), 401);
  await login.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  // The provider's own session still lives, yet it asks for the password: a shared computer.
  await page.getByLabel('Passwort').waitFor();
  await context.close();
});

test('the warning before the idle end, „Sitzung verlängern“ moves the end on the server; sign-out reaches every tab', async () => {
  const { world, context, page } = await signedInContext(warning);
  const other = await context.newPage();
  await other.goto(`${world.origin}/pages/bff.html`);
  await other.locator('servicekonto-login').getByRole('button', { name: 'Abmelden' }).waitFor();

  const dialog = page.getByRole('dialog', { name: 'Ihre Sitzung läuft bald ab' });
  await dialog.waitFor({ timeout: 15_000 });
  assert.deepEqual(await audit(page), [], 'axe and IBM: the warning in BFF mode');
  await dialog.getByRole('button', { name: 'Sitzung verlängern' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const info = await (await context.request.get(`${world.origin}/bff/session`, { headers: csrf })).json();
  assert.ok(info.signedIn && info.expiresIn > 120, `the server moved the end (${info.expiresIn} s left)`);

  await signOutAndReturn(page);
  await other.locator('servicekonto-login').getByText('Sie wurden in einem anderen Fenster abgemeldet.').waitFor();
  await context.close();
});

test('BFF mode passes both accessibility engines: signed out, the overview, and the BFF’s own pages', async () => {
  const { world, browser } = warning;
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${world.origin}/pages/bff.html`);
  await page.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  assert.deepEqual(await audit(page), [], 'signed out');
  await signInToOverview(page);
  assert.deepEqual(await audit(page), [], 'the overview');
  await page.goto(`${world.origin}/bff/callback?state=used-before&code=x`);
  await page.getByRole('heading', { name: 'Anmeldung nicht mehr gültig' }).waitFor();
  assert.deepEqual(await audit(page), [], 'the BFF’s page for a stale sign-in');
  await page.getByRole('link', { name: 'Zurück zur Website' }).click();
  await page.waitForURL(`${world.origin}/`);
  await context.close();
});

test('BFF mode on the page’s own host: from the BFF’s callback to the overview in 3 requests in sequence (page, script, data); a reload the same', async () => {
  const { world, browser } = warning;
  const { chain, reloadChain } = await chainsOf(browser, world.origin, '/pages/bff.html', signInAtProvider);
  // The BFF's callback is the redirect that brings the citizen back (as the provider's is in browser mode);
  // from the page on: page, script, then the session's file, the session check and the data side by side
  // (the script sends the overview's GETs itself when the BFF's hint says signed in: session-head.ts).
  const afterPage = chain.filter((label) => !label.endsWith('(callback)') && !label.startsWith('GET /pages/'));
  assert.ok(afterPage.length <= 2, chain.join(' → '));
  assert.ok(reloadChain.length <= 3, reloadChain.join(' → '));
});

test('BFF mode, a reload while signed in: the overview’s GETs the script sends early are the ones the manager uses – each asked for once', async () => {
  const { context, page } = await signedInContext(warning);
  const asked = [];
  page.on('request', (request) => asked.push(`${request.method()} ${new URL(request.url()).pathname}`));
  await page.reload();
  await page.locator('kassenzeichen-manager').locator('.items').waitFor();
  await page.locator('servicekonto-login').getByText('Angemeldet als', { exact: false }).waitFor();
  for (const path of ['/bff/api/account', '/bff/api/kassenzeichen'])
    assert.equal(asked.filter((request) => request === `GET ${path}`).length, 1, `${path}: ${asked.join(', ')}`);
  await context.close();
});
