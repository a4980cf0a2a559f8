import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInAtProvider, useWorld } from './browser.mjs';

/*
 * Issue 19.5 (WCAG 2.4.11 Focus Not Obscured): at 320 px with a 200 px cookie
 * banner fixed at the bottom, every control the citizen reaches with Tab in
 * the add step is the topmost thing at its centre – not behind the banner.
 */

const ctx = useWorld({ scenario: 'returning' });

/** The focused control (inside shadow roots), its name and whether it is what is painted at its centre. */
function focusedAtCentre() {
  let active = document.activeElement;
  let root = document;
  while (active?.shadowRoot?.activeElement) {
    root = active.shadowRoot;
    active = active.shadowRoot.activeElement;
  }
  const box = active.getBoundingClientRect();
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  const hit = root.elementFromPoint(x, y);
  const name = (active.getAttribute('aria-label') || active.id || active.textContent).replace(/\s+/g, ' ').trim().slice(0, 40);
  return {
    name,
    inManager: !!document.querySelector('kassenzeichen-manager').shadowRoot.contains(active),
    visible: hit === active || active.contains(hit),
    hit: hit ? `${hit.localName}.${hit.className}` : null,
    top: Math.round(box.top),
    bottom: Math.round(box.bottom),
    viewport: window.innerHeight,
  };
}

// 360 px high: a phone held sideways, or 200 % zoom – the banner covers more than half of the viewport.
for (const height of [640, 360]) {
  test(`at 320 × ${height} px with a 200 px fixed cookie banner: every Tab stop of the add step is the control at its centre`, async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 320, height } });
    const manager = page.locator('kassenzeichen-manager');
    await page.goto(`${ctx.world.origin}/pages/city-banner.html`);
    await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
    await signInAtProvider(page);
    await manager.getByRole('button', { name: 'Entfernen 1500.0000.0001' }).waitFor();
    await manager.getByRole('button', { name: 'Kassenzeichen hinzufügen' }).press('Enter');
    await manager.getByRole('heading', { name: 'Kassenzeichen hinzufügen', level: 3 }).waitFor();
    await manager.getByRole('button', { name: 'Kassenzeichen hinzufügen' }).press('Enter');
    await manager.getByRole('heading', { name: 'Kassenzeichen und Anschrift' }).waitFor();

    const forward = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const place = await page.evaluate(focusedAtCentre);
      if (!place.inManager) break;
      forward.push(place.name);
      assert.ok(place.visible, `Tab: „${place.name}“ is hidden: ${JSON.stringify(place)}`);
    }
    assert.ok(forward.includes('Weiter'), forward.join(', '));
    assert.ok(forward.includes('Zurück'), forward.join(', '));

    // And back up with Shift+Tab, after scrolling the page down as a reader would.
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    const backward = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Shift+Tab');
      const place = await page.evaluate(focusedAtCentre);
      if (!place.inManager) continue;
      backward.push(place.name);
      assert.ok(place.visible, `Shift+Tab: „${place.name}“ is hidden: ${JSON.stringify(place)}`);
    }
    assert.ok(backward.length > 0);
    await page.close();
  });
}
