import { createServer } from 'node:http';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { startE2eServer } from './server.mjs';

/**
 * Starts the e2e world (provider, backend, pages) and a browser before the
 * file's tests and stops both after them. Read `.world` and `.browser` in tests.
 * @param {Parameters<typeof startE2eServer>[0]} [options]
 */
export function useWorld(options) {
  const context = { world: undefined, browser: undefined };
  before(async () => {
    context.world = await startE2eServer(options);
    context.browser = await launchBrowser();
  });
  after(async () => {
    await context.browser?.close();
    await context.world?.close();
  });
  return context;
}

/**
 * A small site on 127.0.0.1 answered by `handle(req, res)`, and a browser:
 * `prepare` runs first (to build what the site serves), both start before the
 * file's tests and stop after them. Read `.origin` and `.browser` in tests.
 * @param {import('node:http').RequestListener} handle
 * @param {() => Promise<void>} [prepare]
 */
export function useSite(handle, prepare = async () => undefined) {
  const context = { origin: undefined, browser: undefined };
  let server;
  before(async () => {
    await prepare();
    server = createServer(handle);
    await new Promise((done) => server.listen(0, '127.0.0.1', done));
    context.origin = `http://127.0.0.1:${server.address().port}`;
    context.browser = await launchBrowser();
  });
  after(async () => {
    await context.browser?.close();
    server?.close();
  });
  return context;
}

/**
 * The demo as `npm start` serves it (Vite's dev server on `port`) and a
 * browser, for one test file; `context.origin` and `context.browser` are set
 * once the file's tests run. Vite is loaded only here.
 */
export function useDemo(port) {
  const context = { origin: undefined, browser: undefined };
  let server;
  before(async () => {
    const { createServer: createViteServer } = await import('vite');
    server = await createViteServer({ configFile: 'vite.config.ts', logLevel: 'silent', server: { port, strictPort: true } });
    await server.listen();
    context.origin = server.resolvedUrls.local[0].replace(/\/$/, '');
    context.browser = await launchBrowser();
  });
  after(async () => {
    await context.browser?.close();
    await server?.close();
  });
  return context;
}

/** Headless Chromium for the end-to-end tests; downloads nothing. */
export function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
}

/** Collects console errors and CSP violations of a page, to fail on any. */
export function watchPage(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/** The strict Content Security Policy with Trusted Types that the CSP tests put on their pages. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** From the login's „Zum Servicekonto.NRW“ (on `url`, if given) through the provider to the manager's overview. */
export async function signInToOverview(page, url) {
  if (url) await page.goto(url);
  await page.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await page.locator('kassenzeichen-manager').getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
}

/** A tab of a fresh context signed in to the overview on portal.html, and its copy made with window.open showing the overview. */
export async function signedInWithCopy({ browser, world }) {
  const context = await browser.newContext();
  const first = await context.newPage();
  await signInToOverview(first, `${world.origin}/pages/portal.html`);
  const [copy] = await Promise.all([context.waitForEvent('page'), first.evaluate(() => void window.open(location.href))]);
  await copy.locator('kassenzeichen-manager').getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
  return { context, first, copy };
}

/** Signs in on the demo identity provider's login page. */
export async function signInAtProvider(page, name = 'Erika Mustermann') {
  await page.getByLabel('Benutzername').fill(name);
  await page.getByLabel('Passwort').fill('geheim');
  await page.getByRole('button', { name: 'Anmelden mit Benutzername und Passwort' }).click();
}

/**
 * Presses „Abmelden“ (`button`, else the login's) and waits until the page is
 * back from the provider and offers the sign-in again. The provider asks
 * nothing when the ID token comes as hint (as Keycloak), so the way through
 * it has no page to wait on: the return to the page's own path is the signal.
 */
export async function signOutAndReturn(page, button = page.locator('servicekonto-login').getByRole('button', { name: 'Abmelden' })) {
  const path = new URL(page.url()).pathname;
  const returned = page.waitForRequest(
    (request) => request.isNavigationRequest() && request.frame() === page.mainFrame() && new URL(request.url()).pathname === path,
  );
  await button.click();
  await returned;
  await page.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
}

/**
 * From the overview to the letter, as the guide says: „Kassenzeichen hinzufügen“ twice,
 * the form with the test data of 1500.0000.0001, „Weiter“, „Bestätigen“, „Eigentümer“, „OK“
 * (`clicks: 2` double-clicks it).
 */
export async function requestLetter(manager, { kassenzeichen = '1500 0000 0001', clicks = 1 } = {}) {
  await manager.getByRole('button', { name: 'Kassenzeichen hinzufügen' }).click();
  await manager.getByRole('button', { name: 'Kassenzeichen hinzufügen' }).click();
  await manager.getByLabel('Kassenzeichen').fill(kassenzeichen);
  await manager.getByLabel('Straße').fill('Musterstraße');
  await manager.getByLabel('Hausnummer').fill('12a');
  await manager.getByLabel('Postleitzahl').fill('41061');
  await manager.getByRole('button', { name: 'Weiter' }).click();
  await manager.getByRole('heading', { name: 'Bitte prüfen Sie Ihre Angaben' }).waitFor();
  await manager.getByRole('button', { name: 'Bestätigen' }).click();
  await manager.getByRole('radio', { name: 'Eigentümer' }).check();
  await manager.getByRole('button', { name: 'OK' }).click({ clickCount: clicks });
  await manager.getByRole('heading', { name: 'Ihr Bestätigungscode kommt per Post' }).waitFor();
}
