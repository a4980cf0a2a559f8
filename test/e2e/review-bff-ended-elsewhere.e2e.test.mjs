import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInAtProvider, useWorld } from './browser.mjs';

/*
 * Review of issue 21, item 5 (BFF): „an anderer Stelle beendet“ instead of
 * „abgelaufen“ after a back-channel logout. The BFF says it only to the
 * request that still carries the ended session's cookie, and that answer
 * clears the cookie for the whole browser. A second tab of the portal – open
 * beside the first, as citizens keep them – then asks without a cookie and is
 * told nothing, which the page turns into „abgelaufen“.
 */

const ctx = useWorld({ scenario: 'first-visit', bff: { processes: 1, store: 'memory' } });

test('review: after a back-channel logout, a second tab of the portal says „an anderer Stelle beendet“ too, not „abgelaufen“', async () => {
  const { world, browser } = ctx;
  const context = await browser.newContext();
  const first = await context.newPage();
  await first.goto(`${world.origin}/pages/bff.html`);
  await first.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(first);
  await first.locator('servicekonto-login').getByText('Angemeldet als').waitFor();
  const second = await context.newPage();
  await second.goto(`${world.origin}/pages/bff.html`);
  await second.locator('servicekonto-login').getByRole('button', { name: 'Abmelden' }).waitFor();
  await second.locator('servicekonto-login').getByText('Angemeldet als').waitFor();

  // Signed out at the provider another way (another online service); the provider tells the BFF.
  const notified = new Promise((resolve, reject) => {
    world.idp.provider.once('backchannel.success', resolve);
    world.idp.provider.once('backchannel.error', (_context, error) => reject(error));
  });
  const elsewhere = await context.newPage();
  await elsewhere.goto(`${world.origin}/oidc/session/end`);
  await elsewhere.getByRole('button', { name: 'Ja, abmelden' }).click();
  await notified;

  // The citizen goes on in the first tab, then in the second.
  const sentence = 'Sie wurden abgemeldet: Ihre Anmeldung wurde an anderer Stelle beendet';
  await first.locator('servicekonto-login').getByText('Angemeldet als').click();
  await first.locator('servicekonto-login').getByText(sentence).waitFor();
  // The first tab's answer cleared the cookie; it tells the second tab why (a content-free signal on the tab channel).
  await second.locator('servicekonto-login').getByText(sentence).waitFor();
  await second.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  const said = (await second.locator('servicekonto-login').evaluate((login) => login.shadowRoot.textContent)).replace(/\s+/g, ' ');
  await context.close();
  assert.ok(said.includes(sentence), `the second tab says: ${said}`);
});
