import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInAtProvider, useWorld } from './browser.mjs';

/*
 * A page with a sticky 200 px header and a fixed cookie banner at the bottom:
 * nothing the citizen tabs to and nothing the element focuses is covered
 * (WCAG 2.4.11), whether it is a field, a button, a heading or the error summary.
 */

const ctx = useWorld({ scenario: 'returning' });

/** Where the focused element is, and whether the header or the banner covers any of it. */
function focusPlacement() {
  let active = document.activeElement;
  let host = null;
  while (active?.shadowRoot?.activeElement) {
    host = active;
    active = active.shadowRoot.activeElement;
  }
  const box = active.getBoundingClientRect();
  const header = document.querySelector('.city-header').getBoundingClientRect();
  const banner = document.querySelector('.cookie-banner').getBoundingClientRect();
  const name = (active.getAttribute('aria-label') || active.textContent || active.id).replace(/\s+/g, ' ').trim().slice(0, 40);
  const inHeader = document.querySelector('.city-header').contains(host ?? active);
  const covered = !inHeader && (box.top < header.bottom || box.bottom > banner.top);
  return {
    name,
    host: host?.localName ?? null,
    covered,
    top: Math.round(box.top),
    bottom: Math.round(box.bottom),
    headerBottom: header.bottom,
    bannerTop: banner.top,
  };
}

/** Tabs `count` times from where focus is; every stop inside the manager must be visible. */
async function tabThrough(page, count) {
  const stops = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    const place = await page.evaluate(focusPlacement);
    if (place.host !== 'kassenzeichen-manager') continue;
    stops.push(place.name);
    assert.equal(place.covered, false, `„${place.name}“ is covered: ${JSON.stringify(place)}`);
  }
  return stops;
}

async function assertUncovered(page, what) {
  const place = await page.evaluate(focusPlacement);
  assert.equal(place.covered, false, `${what}: „${place.name}“ is covered: ${JSON.stringify(place)}`);
  return place;
}

for (const width of [1280, 320]) {
  test(`at ${width} px: tab stops, step headings, the error summary and its links stay clear of the bars`, async () => {
    const page = await ctx.browser.newPage({ viewport: { width, height: 720 } });
    const manager = page.locator('kassenzeichen-manager');
    await page.goto(`${ctx.world.origin}/pages/city-sticky.html`);
    await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
    await signInAtProvider(page);
    await manager.getByRole('button', { name: 'Entfernen 1500.0000.0001' }).waitFor();

    await page.locator('main h1').click(); // start from the top of the content, as a reader would
    const overviewStops = await tabThrough(page, 12);
    assert.ok(overviewStops.includes('Zurückziehen 1500.0000.0002'), overviewStops.join(', '));
    assert.ok(overviewStops.includes('Kassenzeichen hinzufügen'), overviewStops.join(', '));

    // Back up again with Shift+Tab: the bars are at the top now.
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Shift+Tab');
      await assertUncovered(page, 'Shift+Tab');
    }

    await manager.getByRole('button', { name: 'Kassenzeichen hinzufügen' }).press('Enter');
    await manager.getByRole('heading', { name: 'Kassenzeichen hinzufügen', level: 3 }).waitFor();
    await manager.getByRole('button', { name: 'Kassenzeichen hinzufügen' }).press('Enter');
    await manager.getByRole('heading', { name: 'Kassenzeichen und Anschrift' }).waitFor();
    assert.equal((await assertUncovered(page, 'step heading')).name, 'Kassenzeichen und Anschrift');
    const formStops = await tabThrough(page, 6);
    assert.deepEqual(formStops.slice(0, 4), ['kassenzeichen', 'street', 'houseNumber', 'postalCode']);

    await manager.getByRole('button', { name: 'Weiter' }).press('Enter');
    await manager.getByText('4 Angaben fehlen oder sind nicht richtig').waitFor();
    await assertUncovered(page, 'error summary');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // the second link: „Bitte geben Sie die Straße ein.“
    const field = await assertUncovered(page, 'field from the summary');
    assert.equal(field.name, 'street');
    const label = await manager.locator('label[for="street"]').evaluate((node) => node.getBoundingClientRect().top);
    assert.ok(label >= field.headerBottom, "the field's label is shown with it");
  });
}
