import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorld, signInAtProvider, watchPage } from './browser.mjs';

/* The warning before the session ends, and its renewal with a real refresh token. */

// 125 s tokens: the two-minute warning comes 5 s after sign-in.
const ctx = useWorld({ scenario: 'returning', accessTokenTtl: 125 });

test('warns before the session ends and „Sitzung verlängern“ renews it with the refresh token', async () => {
  const page = await ctx.browser.newPage();
  const problems = watchPage(page);
  const tokenGrants = [];
  page.on('request', (request) => {
    if (request.url() === `${ctx.world.origin}/oidc/token`)
      tokenGrants.push(new URLSearchParams(request.postData() ?? '').get('grant_type'));
  });
  await page.goto(`${ctx.world.origin}/pages/login.html`);
  await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await page.getByText('Angemeldet als Erika Mustermann').waitFor();

  const dialog = page.getByRole('dialog', { name: 'Ihre Sitzung läuft bald ab' });
  await dialog.waitFor({ timeout: 10_000 });
  const refreshed = page.waitForResponse((response) => response.url() === `${ctx.world.origin}/oidc/token` && tokenGrants.length === 2);
  await dialog.getByRole('button', { name: 'Sitzung verlängern' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal((await refreshed).status(), 200);
  assert.deepEqual(tokenGrants, ['authorization_code', 'refresh_token']);
  await page.getByText('Angemeldet als Erika Mustermann').waitFor();
  assert.deepEqual(problems, []);
});
