import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STRICT_CSP, useWorld, signInAtProvider, signOutAndReturn, watchPage } from './browser.mjs';

/* The built file on a page with a strict Content Security Policy and Trusted Types. */

// A page that loads the script twice (two plugins, a theme and a plugin) runs lit-html twice: its policy needs 'allow-duplicates'.
const CSP_TWICE = STRICT_CSP.replace('trusted-types lit-html', "trusted-types lit-html 'allow-duplicates'");

const ctx = useWorld({
  scenario: 'returning',
  pageHeaders: { 'csp.html': { 'Content-Security-Policy': STRICT_CSP }, 'twice.html': { 'Content-Security-Policy': CSP_TWICE } },
});

test("the script loaded twice under Trusted Types with 'allow-duplicates': no error, the elements work", async () => {
  const page = await ctx.browser.newPage();
  const problems = watchPage(page);
  await page.goto(`${ctx.world.origin}/pages/twice.html`);
  await page.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await page.locator('kassenzeichen-manager').getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
  assert.deepEqual(problems, []);
});

test('signs in, lists, confirms with the code and signs out without any CSP violation or console error', async () => {
  const page = await ctx.browser.newPage();
  const problems = watchPage(page);
  const manager = page.locator('kassenzeichen-manager');
  await page.goto(`${ctx.world.origin}/pages/csp.html`);
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await manager.getByRole('button', { name: 'Bestätigungscode eingeben' }).click();
  await manager.getByLabel('Bestätigungscode').fill(ctx.world.backend.letters[0].code);
  await manager.getByRole('button', { name: 'OK' }).click();
  await manager.getByRole('heading', { name: 'Ihr Kassenzeichen ist nun hinzugefügt.' }).waitFor();
  await manager.getByRole('button', { name: 'Beenden' }).click();
  await signOutAndReturn(page);
  const violations = await page.evaluate(() => window.__violations);
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
});
