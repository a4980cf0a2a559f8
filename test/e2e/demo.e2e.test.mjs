import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createServer } from 'vite';
import { launchBrowser, requestLetter, signInAtProvider, signOutAndReturn, watchPage } from './browser.mjs';

/*
 * `npm start` as a newcomer meets it, on a port other than 5173: sign in at
 * the demo's own provider, link a Kassenzeichen with the test data, read the
 * letter in the letterbox; a reload keeps one letter; a new scenario starts afresh;
 * „Abmelden“ comes back from the provider without a question, as with Keycloak.
 */

/** Every address the page's main frame showed, to see which pages the way out passed. */
function addressesOf(page) {
  const seen = [];
  page.on('framenavigated', (frame) => frame === page.mainFrame() && seen.push(new URL(frame.url()).pathname));
  return seen;
}

let server;
let browser;
let origin;

before(async () => {
  server = await createServer({ configFile: 'vite.config.ts', logLevel: 'silent', server: { port: 5391, strictPort: true } });
  await server.listen();
  origin = server.resolvedUrls.local[0].replace(/\/$/, '');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the demo on another port: sign-in, a letter in the letterbox once, a new scenario afresh', async () => {
  const page = await browser.newPage();
  const problems = watchPage(page);
  const manager = page.locator('kassenzeichen-manager');
  const letters = page.locator('#letterbox li');
  await page.goto(`${origin}/demo/`);
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await manager.getByRole('button', { name: 'Zustimmen' }).click();
  await requestLetter(manager);
  await letters.first().waitFor();
  const today = new Date().toLocaleDateString('de-DE');
  assert.match(
    await letters.first().textContent(),
    new RegExp(`Brief vom ${today.replace(/\./g, '\\.')} für Kassenzeichen 1500\\.0000\\.0001`),
  );

  await page.reload();
  await manager.getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
  await letters.first().waitFor();
  assert.equal(await letters.count(), 1, 'one letter, also after a reload');

  await manager.getByRole('button', { name: 'Kassenzeichen hinzufügen' }).click();
  await manager.getByRole('button', { name: 'Kassenzeichen hinzufügen' }).click();
  await manager.getByLabel('Straße').fill('Halb getippt');
  await page.getByLabel('Was das Bürgerportal tun soll').selectOption('returning');
  await page.getByRole('button', { name: 'Neu beginnen' }).click();
  await manager.getByRole('button', { name: 'Zurückziehen 1500.0000.0002' }).waitFor();
  assert.equal(
    await manager.getByRole('heading', { name: 'Ihre Kassenzeichen' }).count(),
    1,
    'the new scenario starts at the overview, not the old form',
  );
  assert.equal(await letters.count(), 1);
  const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toLocaleDateString('de-DE');
  assert.ok((await letters.first().textContent()).includes(`Brief vom ${threeDaysAgo}`), 'the seeded letter carries its real date');

  const addresses = addressesOf(page);
  await signOutAndReturn(page);
  assert.ok(addresses.includes('/oidc/session/end'), 'the provider was told');
  assert.equal(addresses.at(-1), '/demo/', 'and sent the citizen back without asking');
  assert.deepEqual(
    problems.filter((p) => !p.includes('Failed to load resource')),
    [],
  );
});

test('the demo in BFF mode: the real BFF on the dev server, a letter in the letterbox, no token in the page', async () => {
  const page = await browser.newPage();
  const problems = watchPage(page);
  const manager = page.locator('kassenzeichen-manager');
  await page.goto(`${origin}/demo/`);
  await page.getByRole('link', { name: 'Modus wechseln' }).click();
  await page.getByText('BFF-Modus (Tokens nur auf dem Server)').waitFor();
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await manager.getByRole('button', { name: 'Zustimmen' }).click();
  await requestLetter(manager);
  await page.locator('#letterbox li').first().waitFor();
  // The panel's log subscribes after `await import(…)`, too late for the sign-in's own event: it reads `state`.
  const log = await page.locator('#event-log').textContent();
  assert.match(log, /login\.state: "signed-in"|servicekonto-state-changed \{"state":"signed-in"\}/, 'the late log learns the sign-in');
  assert.ok(!log.includes('Erika'), 'no name in what the page hears');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }) + document.cookie);
  assert.ok(!/eyJ|access_token|refresh_token/.test(stored), 'no token in the page');
  assert.equal(new URL(page.url()).search, '?mode=bff');

  const addresses = addressesOf(page);
  await signOutAndReturn(page);
  assert.ok(addresses.includes('/oidc/session/end'), 'the provider was told');
  assert.equal(addresses.at(-1), '/demo/', 'and sent the citizen back without asking');
  assert.deepEqual(
    problems.filter((p) => !p.includes('Failed to load resource')),
    [],
  );
});
