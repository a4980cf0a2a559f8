import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useWorld, signInAtProvider, signOutAndReturn, watchPage } from './browser.mjs';

/*
 * <servicekonto-login> from the built single file against a real OpenID
 * provider (oidc-provider) on 127.0.0.1, driven by accessible names only.
 */

describe('sign-in against a real OpenID provider', () => {
  const ctx = useWorld({ scenario: 'returning' });

  test('code flow with PKCE, token at the backend, reload, sign-out in one tab signs out the other', async () => {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    const problems = watchPage(page);
    const authorizeRequests = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${ctx.world.origin}/oidc/auth`)) authorizeRequests.push(new URL(request.url()));
    });

    await page.goto(`${ctx.world.origin}/pages/login.html?from=start#top`);
    await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
    await page.getByRole('heading', { name: 'Servicekonto.NRW' }).waitFor();
    assert.match(await page.textContent('body'), /Demo-Anmeldeseite/);
    await signInAtProvider(page);

    await page.getByText('Angemeldet als Erika Mustermann').waitFor();
    const authorize = authorizeRequests[0].searchParams;
    assert.equal(authorize.get('response_type'), 'code');
    assert.equal(authorize.get('code_challenge_method'), 'S256');
    assert.ok(authorize.get('code_challenge') && authorize.get('state'));
    const back = new URL(page.url());
    assert.equal(back.pathname, '/pages/login.html');
    assert.equal(back.search, '?from=start', 'callback parameters removed, own query kept');
    assert.equal(back.hash, '#top');

    await page.getByText('Konto von Erika Mustermann').waitFor();
    assert.ok(ctx.world.acceptedTokens.length > 0, 'an access token issued by the provider reached the backend');
    const storage = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
    assert.ok(!page.url().includes(ctx.world.acceptedTokens[0]), 'no token in the URL');
    assert.ok(storage.includes('buergerportal-widgets.user:'), 'session kept in sessionStorage');

    await page.reload();
    await page.getByText('Angemeldet als Erika Mustermann').waitFor();

    const second = await context.newPage();
    await second.goto(`${ctx.world.origin}/pages/login.html`);
    await second.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
    await second.getByText('Angemeldet als Erika Mustermann').waitFor();

    const endSession = page.waitForRequest((request) => new URL(request.url()).pathname === '/oidc/session/end');
    const revocation = page.waitForResponse((response) => new URL(response.url()).pathname === '/oidc/token/revocation');
    // With the ID token as hint the provider asks nothing (as Keycloak): straight back to the page.
    const signedOut = signOutAndReturn(page, page.getByRole('button', { name: 'Abmelden' }));
    assert.equal((await revocation).status(), 200, 'the refresh token revoked before the provider is told');
    const signOutRequest = await endSession;
    assert.equal(signOutRequest.method(), 'POST', 'RP-initiated logout as a form POST');
    assert.ok(!signOutRequest.url().includes('id_token_hint'), 'the ID token is not in an address');
    const form = new URLSearchParams(signOutRequest.postData() ?? '');
    assert.equal(form.get('client_id'), 'buergerportal-e2e');
    assert.match(form.get('id_token_hint') ?? '', /^eyJ/, 'the ID token in the body');
    await second.getByText('Sie wurden in einem anderen Fenster abgemeldet.').waitFor({ timeout: 2000 });
    assert.equal(await second.getByRole('button', { name: 'Zum Servicekonto.NRW' }).count(), 1);
    await signedOut;
    assert.equal(
      await page.evaluate(() => Object.keys(sessionStorage).some((key) => key.startsWith('buergerportal-widgets.user:'))),
      false,
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('cancelling at the provider ends in the signed-out view with a plain sentence and a clean URL', async () => {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    let callbackUrl;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url().includes('state=')) callbackUrl ??= frame.url();
    });
    await page.goto(`${ctx.world.origin}/pages/login.html`);
    await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
    await page.getByRole('link', { name: 'Anmeldung abbrechen' }).click();
    await page.getByText('Anmeldung abgebrochen').waitFor();
    // The page's probe saw the element say what was happening while the redirect was prepared, with the button marked busy (aria-disabled, so it keeps focus).
    assert.equal(await page.evaluate(() => sessionStorage.getItem('probe.redirecting')), 'busy button, sentence shown');
    assert.equal(new URL(page.url()).search, '');
    assert.equal(await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).count(), 1);

    // The old callback address once more (back button, reload): a stale callback, explained.
    assert.match(callbackUrl, /error=access_denied/);
    await page.goto(callbackUrl);
    await page.getByText('Die Anmeldung konnte nicht abgeschlossen werden').waitFor();
    assert.equal(new URL(page.url()).search, '');

    // Parameters the widget did not ask for (another application's callback) are left as they are.
    await page.goto(`${ctx.world.origin}/pages/login.html?code=foreign&state=not-ours`);
    await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
    assert.equal(new URL(page.url()).search, '?code=foreign&state=not-ours');
    assert.equal(await page.getByText('nicht abgeschlossen').count(), 0);
    await context.close();
  });

  test('after the idle limit (idle-timeout="300"): „abgelaufen“, the refresh token revoked, and the next sign-in asks for the password', async () => {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    await page.clock.install();
    const authorize = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/oidc/auth') authorize.push(url.searchParams);
    });
    await page.goto(`${ctx.world.origin}/pages/idle.html`);
    await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
    await signInAtProvider(page);
    await page.getByText('Angemeldet als Erika Mustermann').waitFor();

    await page.clock.fastForward('04:00');
    await page.getByRole('dialog').waitFor();
    const revoked = page.waitForResponse((response) => new URL(response.url()).pathname === '/oidc/token/revocation');
    await page.clock.fastForward('01:01');
    await page.getByText('abgelaufen').waitFor();
    const revocation = await revoked;
    assert.equal(revocation.status(), 200, 'the refresh token revoked at the provider');
    assert.match(revocation.request().postData() ?? '', /token_type_hint=refresh_token/);

    await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
    await page.getByLabel('Passwort').waitFor();
    assert.equal(authorize.at(-1).get('prompt'), 'login');
    await signInAtProvider(page);
    await page.getByText('Angemeldet als Erika Mustermann').waitFor();
    assert.equal(await page.evaluate(() => Object.keys(localStorage).some((key) => key.includes('prompt-login'))), false, 'once');
    await context.close();
  });

  test('idp-hint reaches the provider as kc_idp_hint; provider="bundid" names BundID', async () => {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    let authorize;
    page.on('request', (request) => {
      if (request.url().startsWith(`${ctx.world.origin}/oidc/auth`)) authorize ??= new URL(request.url());
    });
    await page.goto(`${ctx.world.origin}/pages/idp-hint.html`);
    await page.getByRole('button', { name: 'Mit BundID anmelden' }).click();
    await page.getByLabel('Benutzername').waitFor();
    assert.equal(authorize.searchParams.get('kc_idp_hint'), 'servicekonto-nrw');
    await context.close();
  });

  test('a shared computer: after „Abmelden“ the next sign-in asks for the password (prompt=login); max-age="0" sends max_age=0', async () => {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    const problems = watchPage(page);
    const authorize = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${ctx.world.origin}/oidc/auth?`)) authorize.push(new URL(request.url()).searchParams);
    });
    await page.goto(`${ctx.world.origin}/pages/login.html`);
    await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
    await signInAtProvider(page);
    await page.getByText('Angemeldet als Erika Mustermann').waitFor();
    await signOutAndReturn(page);
    await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
    await page.getByLabel('Passwort').waitFor();
    assert.equal(authorize[0].get('prompt'), null, 'the first sign-in as the provider likes');
    assert.equal(authorize[1].get('prompt'), 'login', 'after a sign-out: the password again');

    await page.goto(`${ctx.world.origin}/pages/login-kiosk.html`);
    await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
    await page.getByLabel('Passwort').waitFor();
    assert.equal(authorize[2].get('max_age'), '0');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
