import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorld, signInAtProvider, watchPage } from './browser.mjs';

/*
 * The session follows the citizen, not the token: with short tokens that
 * rotate (as Keycloak's 300 seconds, here 125), activity renews them quietly;
 * the warning comes only after idle minutes, and „Sitzung verlängern“ renews.
 */

const ctx = useWorld({ scenario: 'returning', accessTokenTtl: 125 });

test('125-second tokens: no warning while active, the token renewed by activity; after idle minutes the warning, and „Sitzung verlängern“ renews', async () => {
  const page = await ctx.browser.newPage();
  await page.clock.install();
  const problems = watchPage(page);
  const tokenGrants = [];
  page.on('request', (request) => {
    if (request.url() === `${ctx.world.origin}/oidc/token`)
      tokenGrants.push(new URLSearchParams(request.postData() ?? '').get('grant_type'));
  });
  await page.goto(`${ctx.world.origin}/pages/idle.html`);
  await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await page.getByText('Angemeldet als Erika Mustermann').waitFor();
  const dialog = page.getByRole('dialog', { name: 'Ihre Sitzung läuft bald ab' });

  await page.clock.fastForward('02:30');
  assert.equal(await dialog.count(), 0, 'no warning though the token has run out');
  const renewed = page.waitForResponse((response) => response.url() === `${ctx.world.origin}/oidc/token`);
  await page.getByRole('button', { name: 'Abmelden' }).focus();
  await page.keyboard.press('Shift');
  assert.equal((await renewed).status(), 200, 'activity renewed the token');

  await page.clock.fastForward('03:01');
  await dialog.waitFor();
  const extended = page.waitForResponse((response) => response.url() === `${ctx.world.origin}/oidc/token`);
  await dialog.getByRole('button', { name: 'Sitzung verlängern' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal((await extended).status(), 200);
  assert.deepEqual(tokenGrants, ['authorization_code', 'refresh_token', 'refresh_token'], 'each rotated refresh token used once');
  await page.getByText('Angemeldet als Erika Mustermann').waitFor();
  assert.deepEqual(problems, []);
});
