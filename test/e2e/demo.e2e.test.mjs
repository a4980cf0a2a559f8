import assert from 'node:assert/strict';
import { test } from 'node:test';
import { audit } from './audit.mjs';
import { useDemo, requestLetter, signInAtProvider, signOutAndReturn, watchPage } from './browser.mjs';

/*
 * `npm start` as a newcomer meets it, on a port other than 5173: sign in at
 * the demo's own provider, link a Kassenzeichen with the test data, read the
 * letter in the letterbox; a reload keeps one letter; a new scenario starts afresh;
 * „Abmelden“ comes back from the provider without a question, as with Keycloak.
 * The demo explains itself: switches for the elements' language and `compact`,
 * the letterbox right beside (on a phone right under) the code step, the first
 * visit's 403 on the list explained in the panel; axe and IBM find nothing.
 */

/** The page-space boxes of the manager's column, the letterbox and the demo panel. */
async function boxes(page) {
  const box = async (selector) => page.locator(selector).boundingBox();
  return { main: await box('main'), letterbox: await box('.letterbox'), panel: await box('.demo-panel') };
}

/** Every address the page's main frame showed, to see which pages the way out passed. */
function addressesOf(page) {
  const seen = [];
  page.on('framenavigated', (frame) => frame === page.mainFrame() && seen.push(new URL(frame.url()).pathname));
  return seen;
}

const demo = useDemo(5391);

test('the demo on another port: sign-in, a letter in the letterbox once, a new scenario afresh', async () => {
  const page = await demo.browser.newPage();
  const problems = watchPage(page);
  const manager = page.locator('kassenzeichen-manager');
  const letters = page.locator('#letterbox li');
  await page.goto(`${demo.origin}/demo/`);
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
  const page = await demo.browser.newPage();
  const problems = watchPage(page);
  const manager = page.locator('kassenzeichen-manager');
  await page.goto(`${demo.origin}/demo/`);
  await page.getByRole('link', { name: 'Modus wechseln' }).click();
  await page.getByText('BFF-Modus (Tokens nur auf dem Server)').waitFor();
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await page.getByText('Die 403 ist gewollt.').waitFor();
  assert.equal(await page.locator('#consent-note-request').textContent(), 'GET /bff/api/kassenzeichen');
  await manager.getByRole('button', { name: 'Zustimmen' }).click();
  await requestLetter(manager);
  await page.locator('#letterbox li').first().waitFor();
  const { main, letterbox } = await boxes(page);
  assert.ok(
    letterbox.x >= main.x + main.width && letterbox.y < main.y + 40,
    'at 1280 px the letterbox stands beside the manager, at its top',
  );
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

test('the demo explains itself on a phone: language and compact switches, the letterbox under the code step, the 403 explained', async () => {
  const page = await demo.browser.newPage({ viewport: { width: 375, height: 812 } });
  const problems = watchPage(page);
  const login = page.locator('servicekonto-login');
  const manager = page.locator('kassenzeichen-manager');
  const languages = () =>
    page.evaluate(() => [...document.querySelectorAll('servicekonto-login, kassenzeichen-manager')].map((element) => element.lang));
  await page.goto(`${demo.origin}/demo/`);
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  assert.ok(await page.locator('#consent-note').isHidden(), 'nothing to explain before the list was asked for');
  assert.deepEqual(await audit(page), [], 'axe and IBM: the demo signed out, with its switches');

  await page.getByRole('radio', { name: 'English' }).check();
  await manager.getByRole('button', { name: 'Go to Servicekonto.NRW' }).waitFor();
  await page.reload();
  await login.getByRole('button', { name: 'Go to Servicekonto.NRW' }).waitFor();
  assert.deepEqual(await languages(), ['en', 'en'], 'the choice outlives a reload (and so the way through the provider)');
  await page.getByRole('radio', { name: 'Leichte Sprache' }).check();
  await login.getByText('Das Servicekonto ist Ihr Zugang zu Diensten im Internet.').waitFor();
  assert.deepEqual(await languages(), ['de-x-ls', 'de-x-ls']);
  await page.getByRole('radio', { name: 'Deutsch' }).check();
  await login.getByText(/Für einige Online-Dienste melden Sie sich/).waitFor();

  await page.getByLabel('Schmale Kopfzeile').check();
  await login.getByText(/Für einige Online-Dienste melden Sie sich/).waitFor({ state: 'detached' });
  assert.equal(await login.getAttribute('compact'), '');
  await page.getByLabel('Schmale Kopfzeile').uncheck();

  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await manager.getByRole('button', { name: 'Zustimmen' }).waitFor();
  await page.getByText('Die 403 ist gewollt.').waitFor();
  assert.equal(await page.locator('#consent-note-request').textContent(), 'GET /api/kassenzeichen');
  assert.deepEqual(await audit(page), [], 'axe and IBM: the consent step with the 403 explained');

  await manager.getByRole('button', { name: 'Zustimmen' }).click();
  await requestLetter(manager);
  await manager.getByRole('button', { name: 'Zur Übersicht' }).click();
  await manager.getByRole('button', { name: 'Kassenzeichen hinzufügen' }).click();
  await manager.getByRole('button', { name: 'Bestätigungscode eingeben' }).click();
  const { main, letterbox, panel } = await boxes(page);
  assert.ok(letterbox.y >= main.y + main.height && letterbox.y - (main.y + main.height) <= 40, 'the letterbox right under the code step');
  assert.ok(panel.y > letterbox.y, 'the panel after it');
  await manager.getByLabel('Bestätigungscode').fill(await page.locator('#letterbox code').first().textContent());
  await manager.getByRole('button', { name: 'OK' }).click();
  await manager.getByRole('heading', { name: 'Ihr Kassenzeichen ist nun hinzugefügt.' }).waitFor();
  assert.deepEqual(await audit(page), [], 'axe and IBM: done, with a letter in the letterbox');
  assert.deepEqual(
    problems.filter((p) => !p.includes('status of 403')),
    [],
    'only the 403 the panel explains',
  );
});
