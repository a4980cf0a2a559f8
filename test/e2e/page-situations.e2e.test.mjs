import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorld, signInAtProvider, watchPage } from './browser.mjs';

const ctx = useWorld({ scenario: 'returning' });

test('the script loaded twice and a manager added later: no error, one session for all', async () => {
  const page = await ctx.browser.newPage();
  const problems = watchPage(page);
  await page.goto(`${ctx.world.origin}/pages/twice.html`);
  const managers = page.locator('kassenzeichen-manager');
  await managers.nth(1).getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).count(), 3);
  await managers.nth(0).getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await page.getByText('Angemeldet als Erika Mustermann').waitFor();
  for (const index of [0, 1]) await managers.nth(index).getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
  assert.deepEqual(problems, []);
});

test('the script copied without its oidc file tells the editor which file is missing', async () => {
  const page = await ctx.browser.newPage();
  await page.goto(`${ctx.world.origin}/pages/alone.html`);
  await page.getByText('buergerportal-widgets.oidc.js konnte nicht geladen werden').waitFor();
  assert.equal(await page.getByRole('alert').count(), 1);
});
