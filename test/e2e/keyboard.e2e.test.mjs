import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInAtProvider, useWorld } from './browser.mjs';

/* The whole way by keyboard only: Tab, Shift+Tab, Enter and Space, as many citizens use it. */

const ctx = useWorld({ scenario: 'first-visit' });

/** Name of the focused element, looking into shadow roots. */
function focusedName(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return '';
    const label = active.id && active.getRootNode().querySelector?.(`label[for="${active.id}"]`);
    return (label?.textContent ?? active.getAttribute('aria-label') ?? active.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab until the control called `name` has focus. */
async function tabTo(page, name, limit = 40) {
  for (let i = 0; i < limit; i++) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach "${name}" with Tab (at "${await focusedName(page)}")`);
}

test('consent, form, check, role and letter with the keyboard alone; focus follows each step', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 320, height: 800 } });
  const manager = page.locator('kassenzeichen-manager');
  await page.goto(`${ctx.world.origin}/pages/portal.html`);
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  await tabTo(page, 'Zum Servicekonto.NRW');
  await page.keyboard.press('Enter');
  await signInAtProvider(page);

  await manager.getByRole('heading', { name: 'Einmalige Zustimmung zur Datenübertragung' }).waitFor();
  await tabTo(page, 'Zustimmen');
  await page.keyboard.press('Enter');
  await manager.getByText('Beispiel: 1500.0000.0000').waitFor();
  assert.equal(await focusedName(page), 'Ihre Kassenzeichen', 'focus on the new step heading');

  await tabTo(page, 'Kassenzeichen hinzufügen');
  await page.keyboard.press('Enter');
  await manager.getByRole('heading', { name: 'Kassenzeichen hinzufügen' }).waitFor();
  assert.equal(await focusedName(page), 'Kassenzeichen hinzufügen');
  await page.keyboard.press('Tab');
  assert.equal(await focusedName(page), 'Kassenzeichen hinzufügen', 'the first choice follows the heading');
  await page.keyboard.press('Enter');

  await manager.getByRole('heading', { name: 'Kassenzeichen und Anschrift' }).waitFor();
  await tabTo(page, 'Kassenzeichen');
  await page.keyboard.type('1500 0000 0001');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Musterstraße');
  await page.keyboard.press('Tab');
  await page.keyboard.type('12a');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // postal code still empty: the summary takes focus
  await manager.getByText('Bitte geben Sie die Postleitzahl ein.').first().waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await focusedName(page), 'Bitte geben Sie die Postleitzahl ein.');
  await page.keyboard.press('Enter'); // the summary's link moves focus to the field
  assert.equal(await focusedName(page), 'Postleitzahl');
  await page.keyboard.type('41061');
  await page.keyboard.press('Enter');

  await manager.getByRole('heading', { name: 'Bitte prüfen Sie Ihre Angaben' }).waitFor();
  await tabTo(page, 'Bestätigen');
  await page.keyboard.press('Enter');
  await manager.getByRole('heading', { name: 'Eigentümer oder Zustellvertreter?' }).waitFor();
  await tabTo(page, 'Eigentümer');
  await page.keyboard.press('Space');
  await tabTo(page, 'OK');
  await page.keyboard.press('Enter');
  await manager.getByRole('heading', { name: 'Ihr Bestätigungscode kommt per Post' }).waitFor();
  assert.equal(await focusedName(page), 'Ihr Bestätigungscode kommt per Post');
  assert.equal(ctx.world.backend.letters.length, 1);
});
