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

/** Signs in on the demo identity provider's login page. */
export async function signInAtProvider(page, name = 'Erika Mustermann') {
  await page.getByLabel('Benutzername').fill(name);
  await page.getByLabel('Passwort').fill('geheim');
  await page.getByRole('button', { name: 'Anmelden mit Benutzername und Passwort' }).click();
}
