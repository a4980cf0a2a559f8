import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { GLEWLWYD_USER, glewlwydSkip, startGlewlwyd } from './idp2/glewlwyd.mjs';

/*
 * Browser mode against a second, independent OpenID provider: Debian's glewlwyd 2.7.5
 * (test/e2e/idp2/), started from nothing for this file. Its quirks, which the login must live with:
 * - after the password an extra „Continue“ page;
 * - refresh answers carry no id_token, `token_type` is lowercase `bearer`, `auth_time` is 0;
 * - refresh tokens are one-time (rotated);
 * - revocation needs client authentication: the public client gets 401 (the refresh token stays valid until it expires);
 * - the end-session endpoint accepts GET only (sign-out-method="get") and asks the citizen to confirm.
 */

const skip = glewlwydSkip();

describe('browser mode against glewlwyd (second provider)', { skip }, () => {
  /** @type {{ issuer: string, stop: () => Promise<void>, log: () => string }} */
  let idp;
  let browser;
  let pageOrigin;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, pageOrigin);
    if (url.pathname === '/browser.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      return void res.end(
        '<!doctype html><html lang="de"><head><meta charset="utf-8" /><title>Bürgerportal (glewlwyd)</title>' +
          '<script type="module" src="/dist/buergerportal-widgets.js"></script></head><body><header>' +
          `<servicekonto-login id="login" authority="${idp.issuer}" client-id="bp-browser" sign-out-method="get"></servicekonto-login>` +
          '</header><main><h1>Bürgerportal</h1></main></body></html>',
      );
    }
    if (/^\/dist\/[\w.-]+\.js$/.test(url.pathname)) {
      const text = await readFile(url.pathname.slice(1)).catch(() => undefined);
      if (text) {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        return void res.end(text);
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });

  before(async () => {
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    pageOrigin = `http://127.0.0.1:${server.address().port}`;
    idp = await startGlewlwyd({ pageOrigin, browserPage: '/browser.html' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await idp?.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** glewlwyd's login page: „Login“, „Password“, „OK“, then its extra „Continue“ page. */
  async function signInAtGlewlwyd(page) {
    await page.getByLabel('Login').fill(GLEWLWYD_USER.username);
    await page.getByLabel('Password').fill(GLEWLWYD_USER.password);
    await page.getByRole('button', { name: 'OK' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  test('sign-in with PKCE, the name, reload, renewal with rotation, sign-out by GET back on the page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const authorize = [];
    const refreshTokensPresented = [];
    const tokenAnswers = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/oidc/auth') authorize.push(url.searchParams);
      if (url.pathname === '/api/oidc/token' && request.method() === 'POST') {
        const form = new URLSearchParams(request.postData() ?? '');
        if (form.get('grant_type') === 'refresh_token') refreshTokensPresented.push(form.get('refresh_token'));
      }
    });
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/oidc/token' && response.request().method() === 'POST')
        tokenAnswers.push(response.json().catch(() => undefined));
    });

    await page.goto(`${pageOrigin}/browser.html`);
    await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
    await signInAtGlewlwyd(page);
    await page.getByText(`Angemeldet als ${GLEWLWYD_USER.name}`).waitFor();
    assert.equal(authorize[0].get('client_id'), 'bp-browser');
    assert.equal(authorize[0].get('code_challenge_method'), 'S256');
    assert.ok(authorize[0].get('code_challenge'));
    assert.equal(new URL(page.url()).search, '', 'callback parameters removed');
    const first = (await Promise.all(tokenAnswers)).find((answer) => answer?.id_token);
    assert.equal(first.token_type, 'bearer', "glewlwyd's lowercase token_type is taken");

    await page.reload();
    await page.getByText(`Angemeldet als ${GLEWLWYD_USER.name}`).waitFor();

    const renew = () => page.evaluate(() => document.querySelector('servicekonto-login').session.renew());
    const before = await page.evaluate(() => document.querySelector('servicekonto-login').session.getAccessToken());
    const renewed = await renew();
    assert.ok(renewed && renewed !== before, 'a new access token');
    const again = await renew();
    assert.ok(again && again !== renewed, 'and again, with the rotated refresh token');
    assert.equal(refreshTokensPresented.length, 2);
    assert.equal(new Set(refreshTokensPresented).size, 2, 'each refresh token presented once');
    assert.ok(
      (await Promise.all(tokenAnswers)).filter((answer) => answer?.refresh_token && !answer.id_token).length >= 2,
      'refresh answers without id_token',
    );
    await page.getByText(`Angemeldet als ${GLEWLWYD_USER.name}`).waitFor();

    const endSession = page.waitForRequest((request) => new URL(request.url()).pathname === '/api/oidc/end_session');
    const revocation = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/oidc/revoke');
    await page.getByRole('button', { name: 'Abmelden' }).click();
    assert.equal((await revocation).status(), 401, "glewlwyd's revocation wants client authentication");
    const signOut = await endSession;
    assert.equal(signOut.method(), 'GET', 'sign-out-method="get"');
    const fields = new URL(signOut.url()).searchParams;
    assert.equal(fields.get('client_id'), 'bp-browser');
    assert.equal(fields.get('post_logout_redirect_uri'), `${pageOrigin}/browser.html`);
    assert.match(fields.get('id_token_hint') ?? '', /^eyJ/);
    assert.ok(fields.get('state'), 'a state: without one glewlwyd stays on its „Session closed“ page');
    // glewlwyd asks the citizen to confirm („End session“), then returns to post_logout_redirect_uri?state=…
    await page.getByRole('heading', { name: 'End session' }).waitFor();
    await page.getByRole('button', { name: 'Logout' }).click();
    await page.waitForURL((url) => url.origin === pageOrigin && url.pathname === '/browser.html');
    await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
    assert.equal(new URL(page.url()).search, '', 'the sign-out state taken off the address');
    await context.close();
  });
});
