import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInToOverview, useWorld, watchPage } from './browser.mjs';

/*
 * BFF mode with the BFF on another origin than the city's pages: CORS with
 * credentials for an allowed origin (the whole way to the overview), and a
 * message for the editor when the page's origin is not in BFF_ALLOWED_ORIGINS.
 */

const allowed = useWorld({ scenario: 'returning', crossOrigin: true, bff: {} });
const refused = useWorld({ scenario: 'returning', crossOrigin: true, bff: { env: { BFF_ALLOWED_ORIGINS: 'https://www.stadt.example' } } });

test('an allowed origin signs in and reaches the overview through the BFF on another origin', async () => {
  const { world, browser } = allowed;
  const page = await browser.newPage();
  const problems = watchPage(page);
  await signInToOverview(page, `${world.pageOrigin}/pages/bff-cross.html`);
  assert.equal(new URL(page.url()).origin, world.pageOrigin, 'back on the city page');
  assert.deepEqual(problems, []);
});

test('a page whose origin the BFF does not allow: the editor is told which origin to add, the citizen gets no button that cannot work', async () => {
  const { world, browser } = refused;
  const page = await browser.newPage();
  const errors = [];
  await page.exposeFunction('noteError', (code) => errors.push(code));
  await page.addInitScript(() => document.addEventListener('servicekonto-error', (event) => window.noteError(event.detail.code)));
  await page.goto(`${world.pageOrigin}/pages/bff-cross.html`);
  const login = page.locator('servicekonto-login');
  await login.getByText(`Bitte ${world.pageOrigin} in BFF_ALLOWED_ORIGINS des BFF eintragen.`).waitFor();
  assert.equal(await login.getByRole('button', { name: 'Zum Servicekonto.NRW' }).count(), 0);
  assert.ok(errors.includes('bff-refused'), `servicekonto-error bff-refused (${errors})`);
});
