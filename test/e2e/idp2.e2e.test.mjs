import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { createBalancer, startBffProcess } from './bff-world.mjs';
import { GLEWLWYD_BFF_CLIENTS, GLEWLWYD_USER, glewlwydSkip, startGlewlwyd } from './idp2/glewlwyd.mjs';

/*
 * Browser mode and BFF mode against a second, independent OpenID provider: Debian's glewlwyd 2.7.5
 * (test/e2e/idp2/), started from nothing for this file: sign-in, name, reload, renewal with rotation,
 * two tabs, the idle end with the password asked again, sign-out by GET back on the page,
 * back-channel logout, and the failures with their messages. Its quirks, which the login must live with:
 * - after the password an extra „Continue“ page; a citizen glewlwyd knows gets that page without the password;
 * - refresh answers carry no id_token, `token_type` is lowercase `bearer`, `auth_time` is 0;
 * - refresh tokens are one-time (rotated);
 * - revocation needs client authentication: the public client gets 401 (the refresh token stays valid until it expires);
 * - the end-session endpoint accepts GET only (sign-out-method="get") and asks the citizen to confirm; its „Logout“
 *   ends glewlwyd's session and calls every client of it back (back-channel logout), with a logout token without `exp`.
 */

const skip = glewlwydSkip();

/** The `aud` of a JWT access token, as the backend reads it. */
function audience(token) {
  const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
  return Array.isArray(payload.aud) ? payload.aud.join(' ') : payload.aud;
}

describe('browser mode and BFF mode against glewlwyd (second provider)', { skip }, () => {
  /** @type {Awaited<ReturnType<typeof startGlewlwyd>>} */
  let idp;
  let browser;
  let pageOrigin;
  /** The BFF the current test started, behind `<pageOrigin>/bff`. */
  let bff;
  /** The access tokens the backend stand-in (`<pageOrigin>/api`) received. */
  const backendTokens = [];
  /** Whoever waits for glewlwyd's next back-channel logout call (through the page server to the BFF): its status. */
  const backchannelWaiters = [];
  const nextBackchannelLogout = () => new Promise((resolve) => backchannelWaiters.push(resolve));
  /** A page with the built widgets and one <servicekonto-login> with these attributes. */
  const widgetPage = (title, attributes) =>
    `<!doctype html><html lang="de"><head><meta charset="utf-8" /><title>${title}</title>` +
    '<script type="module" src="/dist/buergerportal-widgets.js"></script></head><body><header>' +
    `<servicekonto-login id="login" ${attributes}></servicekonto-login></header><main><h1>Bürgerportal</h1></main></body></html>`;
  const browserMode = () => `authority="${idp.issuer}" client-id="bp-browser" sign-out-method="get" resource="${pageOrigin}/api"`;
  const pages = {
    '/browser.html': () => widgetPage('Bürgerportal (glewlwyd)', browserMode()),
    // The shortest idle limit a login accepts (five minutes).
    '/browser-idle.html': () => widgetPage('Bürgerportal (glewlwyd, idle)', `${browserMode()} idle-timeout="300"`),
    '/bff.html': () => widgetPage('Bürgerportal (BFF, glewlwyd)', 'bff-url="/bff"'),
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, pageOrigin);
    if (Object.hasOwn(pages, url.pathname)) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      return void res.end(pages[url.pathname]());
    }
    if (bff && url.pathname === '/bff/backchannel-logout')
      res.once('finish', () => backchannelWaiters.splice(0).forEach((resolve) => resolve(res.statusCode)));
    if (bff && url.pathname.startsWith('/bff/')) return void bff.balancer.handle(req, res);
    if (url.pathname === '/api/account') {
      backendTokens.push((req.headers.authorization ?? '').replace(/^Bearer /i, ''));
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify({ consentGiven: true }));
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
    idp = await startGlewlwyd({ pageOrigin, browserPages: ['/browser.html', '/browser-idle.html'] });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await idp?.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /**
   * glewlwyd's login page: „Login“, „Password“, „OK“, then its extra „Continue“ page. The page shows its form
   * while it still asks glewlwyd what it knows, and each answer re-renders it, which empties the fields
   * (PasswordForm's componentWillReceiveProps; several answers when glewlwyd already knows the citizen, as after
   * prompt=login): an „OK“ on empty fields does nothing. So the fields are filled once nothing is loading any more.
   */
  async function signInAtGlewlwyd(page) {
    await page.getByLabel('Password').waitFor();
    await page.waitForLoadState('networkidle');
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

    const accessToken = () => page.evaluate(() => document.querySelector('servicekonto-login').session.getAccessToken());
    assert.equal(
      audience(await accessToken()),
      `${pageOrigin}/api`,
      'resource (RFC 8707): the backend is the audience, not "openid profile"',
    );
    assert.equal(authorize[0].get('resource'), `${pageOrigin}/api`);

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
    assert.equal(audience(again), `${pageOrigin}/api`, 'the renewed token keeps the audience');
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

  /** The parameters of every authorization request at glewlwyd in `page` (its login page sends the citizen there once more). */
  function watchAuthorization(page) {
    const authorize = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/oidc/auth') authorize.push(url.searchParams);
    });
    return authorize;
  }

  test('browser mode, two tabs: the second signs in on glewlwyd’s session without the password; sign-out in one signs out the other', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${pageOrigin}/browser.html`);
    await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
    await signInAtGlewlwyd(page);
    await page.getByText(`Angemeldet als ${GLEWLWYD_USER.name}`).waitFor();

    // Each tab keeps its own sign-in (sessionStorage); the second is signed in by glewlwyd's session, without a password.
    const second = await context.newPage();
    const authorize = watchAuthorization(second);
    await second.goto(`${pageOrigin}/browser.html`);
    await second.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
    // glewlwyd knows the citizen: „Hello Erika Mustermann“ and „Continue“, no password field.
    await second.getByText(`Hello ${GLEWLWYD_USER.name}`).waitFor();
    assert.equal(await second.getByLabel('Password').count(), 0, 'glewlwyd did not ask for the password');
    await second.getByRole('button', { name: 'Continue' }).click();
    await second.getByText(`Angemeldet als ${GLEWLWYD_USER.name}`).waitFor();
    assert.ok(authorize.length > 0 && authorize.every((fields) => !fields.has('prompt')), 'no prompt: the provider’s session is welcome');

    await signOutInBothTabs(page, second, pageOrigin, '/browser.html');
    await context.close();
  });

  test('browser mode, idle-timeout="300": the warning, then „abgelaufen“; the next sign-in sends prompt=login and glewlwyd asks for the password', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The page's clock ends 5 minutes ahead of glewlwyd's: the new 90-second ID token still passes, as its expiry
    // is allowed 300 s of clock difference. A longer move would make it look expired.
    await page.clock.install();
    const authorize = watchAuthorization(page);
    await page.goto(`${pageOrigin}/browser-idle.html`);
    await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
    await signInAtGlewlwyd(page);
    await page.getByText(`Angemeldet als ${GLEWLWYD_USER.name}`).waitFor();
    assert.ok(
      authorize.every((fields) => !fields.has('prompt')),
      'the first sign-in as the provider likes',
    );
    const firstSignIn = authorize.length;

    await page.clock.fastForward('04:00');
    await page.getByRole('dialog', { name: 'Ihre Sitzung läuft bald ab' }).waitFor();
    const revocation = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/oidc/revoke');
    const editorTold = page.waitForEvent('console', (message) => message.type() === 'warning' && message.text().includes('Widerruf'));
    await page.clock.fastForward('01:01');
    await page.getByText('Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.').waitFor();
    assert.equal((await revocation).status(), 401, 'the refresh token offered for revocation (glewlwyd wants client authentication)');
    assert.match(
      (await editorTold).text(),
      /Der Anmeldedienst hat den Widerruf des Refresh-Tokens abgelehnt \(HTTP 401[^)]*\); es bleibt bis zu seinem Ablauf gültig/,
      'the console tells the editor, with glewlwyd’s answer',
    );

    // glewlwyd's session still lives (it would greet the citizen with „Continue“), yet prompt=login makes it ask for the password.
    await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
    await page.getByLabel('Password').waitFor();
    assert.equal(authorize[firstSignIn].get('prompt'), 'login');
    // glewlwyd's ID token says auth_time 0: taken after prompt=login, as the README decides.
    await signInAtGlewlwyd(page);
    await page.getByText(`Angemeldet als ${GLEWLWYD_USER.name}`).waitFor();
    await context.close();
  });

  /**
   * One BFF process as the README says, behind `<pageOrigin>/bff`: by default for the client with a hyphen
   * (`bp-bff`), with the given BFF_CLIENT_AUTH; `env` adds or overrides settings.
   */
  async function startBff({ client = GLEWLWYD_BFF_CLIENTS.hyphen, clientAuth, env = {} }) {
    const process = await startBffProcess({
      BFF_PUBLIC_URL: `${pageOrigin}/bff`,
      BFF_ISSUER: idp.issuer,
      BFF_CLIENT_ID: client.id,
      BFF_CLIENT_SECRET: client.secret,
      ...(clientAuth && { BFF_CLIENT_AUTH: clientAuth }),
      BFF_END_SESSION_METHOD: 'get',
      // glewlwyd 2.7 signs its logout tokens without `exp` (the Back-Channel Logout text before 2023).
      BFF_BACKCHANNEL_EXP: 'optional',
      BFF_RESOURCE: `${pageOrigin}/api`,
      BFF_BACKEND_URL: `${pageOrigin}/api`,
      BFF_ALLOWED_ORIGINS: pageOrigin,
      BFF_SESSION_STORE: 'memory',
      ...env,
    });
    bff = { process, balancer: createBalancer([process]) };
    return process;
  }

  /** A BFF started with `options` (see {@link startBff}), and a citizen who signs in through it at glewlwyd. */
  async function signInThroughBff(t, options) {
    const process = await startBff(options);
    t.after(() => process.stop());
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${pageOrigin}/bff.html`);
    await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
    await signInAtGlewlwyd(page);
    return { process, context, page };
  }

  test('BFF with the hyphenated client bp-bff and BFF_CLIENT_AUTH=client_secret_post: signed in with the name, signed out by GET', async (t) => {
    const { process, context, page } = await signInThroughBff(t, { clientAuth: 'client_secret_post' });
    await page.getByText(`Angemeldet als ${GLEWLWYD_USER.name}`).waitFor();
    assert.equal(new URL(page.url()).pathname, '/bff.html');
    assert.equal(
      process.logs.find((line) => line.includes('"sign-in failed"')),
      undefined,
    );
    const status = await page.evaluate(() => fetch('/bff/api/account', { headers: { 'X-CSRF': '1' } }).then((r) => r.status));
    assert.equal(status, 200);
    assert.equal(audience(backendTokens.at(-1)), `${pageOrigin}/api`, 'BFF_RESOURCE: the backend is the audience');

    const endSession = page.waitForRequest((request) => new URL(request.url()).pathname === '/api/oidc/end_session');
    await page.getByRole('button', { name: 'Abmelden' }).click();
    const signOut = await endSession;
    assert.equal(signOut.method(), 'GET', 'BFF_END_SESSION_METHOD=get');
    assert.equal(new URL(signOut.url()).searchParams.get('client_id'), GLEWLWYD_BFF_CLIENTS.hyphen.id);
    await page.getByRole('button', { name: 'Logout' }).click();
    await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/bff.html');
    await context.close();
  });

  test('BFF with bp-bff and client_secret_basic: glewlwyd refuses, and the log has its error, status and a German hint naming BFF_CLIENT_AUTH', async (t) => {
    const { process, context, page } = await signInThroughBff(t, { clientAuth: 'client_secret_basic' });
    await page.getByText('Die Anmeldung ist fehlgeschlagen').waitFor();
    const line = JSON.parse(process.logs.find((text) => text.includes('"sign-in failed"')));
    assert.equal(line.providerError, 'unauthorized_client');
    assert.equal(line.providerStatus, 403);
    assert.match(line.hint, /BFF_CLIENT_AUTH=client_secret_post/);
    assert.ok(!process.logs.join('\n').includes(GLEWLWYD_BFF_CLIENTS.hyphen.secret), 'never the secret');
    await context.close();
  });
  test('BFF (bpbff, client_secret_basic): reload keeps the name; 30-second tokens renewed on the server with rotation; two tabs, sign-out in one signs out the other', async (t) => {
    // The BFF renews 30 s before the end: with 30-second tokens every request through it needs a renewal.
    await idp.setAccessTokenSeconds(30);
    t.after(() => idp.setAccessTokenSeconds(90));
    const { context, page } = await signInThroughBff(t, { client: GLEWLWYD_BFF_CLIENTS.plain });
    await page.getByText(`Angemeldet als ${GLEWLWYD_USER.name}`).waitFor();
    await page.reload();
    await page.getByText(`Angemeldet als ${GLEWLWYD_USER.name}`).waitFor();

    const issuedAtSignIn = idp.refreshTokens(GLEWLWYD_BFF_CLIENTS.plain.id).length;
    const forwarded = backendTokens.length;
    const account = () => page.evaluate(() => fetch('/bff/api/account', { headers: { 'X-CSRF': '1' } }).then((r) => r.status));
    assert.deepEqual([await account(), await account(), await account()], [200, 200, 200]);
    const sent = backendTokens.slice(forwarded);
    assert.equal(new Set(sent).size, 3, 'a new access token for each request');
    for (const token of sent) assert.equal(audience(token), `${pageOrigin}/api`, 'BFF_RESOURCE on every renewal');
    const issued = idp.refreshTokens(GLEWLWYD_BFF_CLIENTS.plain.id);
    assert.equal(issued.length, issuedAtSignIn + 3, 'three renewals, each answered with a new refresh token');
    assert.deepEqual(
      issued.slice(-4).map((token) => token.enabled),
      [false, false, false, true],
      'each refresh token used once; only the newest is valid',
    );

    // The second tab shares the BFF's cookie: signed in at once, without a way through glewlwyd.
    const second = await context.newPage();
    await second.goto(`${pageOrigin}/bff.html`);
    await second.getByText(`Angemeldet als ${GLEWLWYD_USER.name}`).waitFor();
    await signOutInBothTabs(page, second, pageOrigin, '/bff.html');
    const session = await page.evaluate(() => fetch('/bff/session', { headers: { 'X-CSRF': '1' } }).then((r) => r.json()));
    assert.deepEqual(session, { signedIn: false });
    await context.close();
  });

  test('BFF, BFF_SESSION_IDLE_SECONDS=10: the page says „abgelaufen“ when the BFF ends the session; the next sign-in sends prompt=login and glewlwyd asks for the password', async (t) => {
    const { context, page } = await signInThroughBff(t, {
      client: GLEWLWYD_BFF_CLIENTS.plain,
      env: { BFF_SESSION_IDLE_SECONDS: '10', BFF_SESSION_MAX_SECONDS: '600' },
    });
    await page.getByText(`Angemeldet als ${GLEWLWYD_USER.name}`).waitFor();
    const authorize = watchAuthorization(page);
    // The shortest idle limit the BFF takes: the page asks the BFF again when it is reached (no request in between).
    await page.getByText('Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.').waitFor({ timeout: 20_000 });

    await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
    await page.getByLabel('Password').waitFor();
    assert.equal(authorize[0].get('prompt'), 'login', 'the password again, though glewlwyd’s session lives');
    await signInAtGlewlwyd(page);
    await page.getByText(`Angemeldet als ${GLEWLWYD_USER.name}`).waitFor();
    await context.close();
  });

  test('BFF, back-channel logout: signed out at glewlwyd from another service, glewlwyd tells the BFF, and the page says „an anderer Stelle beendet“', async (t) => {
    const { process, context, page } = await signInThroughBff(t, { client: GLEWLWYD_BFF_CLIENTS.plain });
    await page.getByText(`Angemeldet als ${GLEWLWYD_USER.name}`).waitFor();

    // Another service on glewlwyd (here the browser-mode page) in the same browser: signed in on glewlwyd's session …
    const other = await context.newPage();
    await other.goto(`${pageOrigin}/browser.html`);
    await other.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
    await other.getByRole('button', { name: 'Continue' }).click();
    await other.getByText(`Angemeldet als ${GLEWLWYD_USER.name}`).waitFor();
    // … and signed out there: glewlwyd ends its session and calls every client of it back (<bff>/backchannel-logout).
    const backchannel = nextBackchannelLogout();
    await other.getByRole('button', { name: 'Abmelden' }).click();
    await other.getByRole('button', { name: 'Logout' }).click();
    const refusal = () => process.logs.find((line) => line.includes('"back-channel logout refused"'));
    assert.equal(await backchannel, 200, `the BFF took glewlwyd’s logout token (${refusal()})`);
    await other.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
    assert.ok(
      process.logs.some((line) => line.includes('"back-channel logout"') && line.includes('"sessions":1')),
      'the session ended on the BFF',
    );

    await page.reload();
    await page.getByText('Sie wurden abgemeldet: Ihre Anmeldung wurde an anderer Stelle beendet').waitFor();
    assert.equal(await page.getByText('abgelaufen').count(), 0);
    await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
    await context.close();
  });
});

/**
 * „Abmelden“ in `page`: the other tab says so and offers the sign-in; glewlwyd's
 * logout page (sign-out by GET) leads back to `path` on `origin`, signed out.
 */
async function signOutInBothTabs(page, second, origin, path) {
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await second.getByText('Sie wurden in einem anderen Fenster abgemeldet.').waitFor();
  await second.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  await page.getByRole('button', { name: 'Logout' }).click();
  await page.waitForURL((url) => url.origin === origin && url.pathname === path);
  await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
}
