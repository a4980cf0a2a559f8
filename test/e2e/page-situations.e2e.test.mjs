import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, signInAtProvider, watchPage } from './browser.mjs';
import { startE2eServer } from './server.mjs';

let world;
let browser;
before(async () => {
  world = await startE2eServer({ scenario: 'returning' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await world?.close();
});

test('the script loaded twice and a manager added later: no error, one session for all', async () => {
  const page = await browser.newPage();
  const problems = watchPage(page);
  await page.goto(`${world.origin}/pages/twice.html`);
  const managers = page.locator('kassenzeichen-manager');
  await managers.nth(1).getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).count(), 3);
  await managers.nth(0).getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await page.getByText('Angemeldet als Erika Mustermann').waitFor();
  for (const index of [0, 1]) await managers.nth(index).getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
  assert.deepEqual(problems, []);
});
