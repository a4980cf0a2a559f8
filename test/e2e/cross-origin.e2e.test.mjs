import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorld, signInAtProvider, watchPage } from './browser.mjs';

/*
 * As deployed: the city's page on one origin, the identity broker and the
 * backend on another, under a strict CSP that allows exactly those.
 */

function strictPolicy(connectSrc) {
  return `default-src 'self'; script-src 'self'; style-src 'self'; connect-src ${connectSrc}; require-trusted-types-for 'script'; trusted-types lit-html`;
}

// The CSP names the services' origin, known only once the server listens: the
// server asks for it lazily. (Playwright's route.fulfill would make the page
// "public" and Chromium's local network access checks would then block loopback.)
const ctx = useWorld({
  scenario: 'returning',
  crossOrigin: true,
  pageHeaders: {
    'cross-origin.html': (origin) => ({ 'Content-Security-Policy': strictPolicy(`'self' ${origin}`) }),
    // An editor forgot to add the services to connect-src.
    'cross-origin-blocked.html': () => ({ 'Content-Security-Policy': strictPolicy("'self'") }),
  },
});

test('sign-in, list and a letter across origins, with CORS and connect-src limited to the two services', async () => {
  const { origin, pageOrigin } = ctx.world;
  assert.notEqual(origin, pageOrigin);
  const page = await ctx.browser.newPage();
  const problems = watchPage(page);
  const manager = page.locator('kassenzeichen-manager');
  await page.goto(`${pageOrigin}/pages/cross-origin.html`);
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await page.waitForURL(`${pageOrigin}/pages/cross-origin.html`);
  await manager.getByRole('button', { name: 'Neuen Code anfordern' }).click();
  await manager.getByRole('button', { name: 'Neuen Code anfordern' }).click();
  await manager.getByRole('heading', { name: 'Ihr Bestätigungscode kommt per Post' }).waitFor();
  assert.equal(ctx.world.backend.letters.length, 2);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
});

test('a CSP that blocks the services makes both elements tell the editor which origin and directive', async () => {
  const { origin, pageOrigin } = ctx.world;
  const page = await ctx.browser.newPage();
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${pageOrigin}/pages/cross-origin-blocked.html`);
  // The provider is asked for the first time when it is needed: the first click.
  await page.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  const sentence = `Die Content-Security-Policy der Seite blockiert ${origin}. Bitte ${origin} in der Richtlinie „connect-src“ ergänzen.`;
  for (const tag of ['servicekonto-login', 'kassenzeichen-manager']) {
    await page.locator(tag).getByRole('alert').filter({ hasText: sentence }).waitFor();
  }
  assert.ok(errors.some((text) => text.includes('<servicekonto-login>') && text.includes('connect-src')));
});
