import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorld, signInAtProvider } from './browser.mjs';

/* The built file on a page whose global CSS is hostile: the elements stay legible and usable. */

const ctx = useWorld({ scenario: 'returning' });

/** Font sizes, transforms and hit areas of everything visible inside both elements. */
function measure() {
  const results = { smallText: [], smallTargets: [], transformed: [] };
  for (const host of document.querySelectorAll('servicekonto-login, kassenzeichen-manager')) {
    for (const node of host.shadowRoot.querySelectorAll('p, label, legend, li, dt, dd, button, a, input, h2')) {
      const box = node.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(node);
      if (parseFloat(style.fontSize) < 16)
        results.smallText.push(`${node.localName} ${style.fontSize} ${node.textContent.trim().slice(0, 30)}`);
      if (style.textTransform !== 'none') results.transformed.push(node.localName);
      if (['button', 'a', 'input'].includes(node.localName) && (box.width < 24 || box.height < 24)) {
        results.smallTargets.push(
          `${node.localName} ${Math.round(box.width)}x${Math.round(box.height)} ${node.textContent.trim().slice(0, 30)}`,
        );
      }
    }
  }
  return results;
}

test('text at least 16 px, no transforms, targets at least 24×24 px, in every main view', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 320, height: 800 } });
  const manager = page.locator('kassenzeichen-manager');
  const check = async (where) => {
    const result = await page.evaluate(measure);
    assert.deepEqual(result, { smallText: [], smallTargets: [], transformed: [] }, where);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 320, `${where}: no horizontal scrolling (${scrollWidth})`);
  };
  await page.goto(`${ctx.world.origin}/pages/hostile.html`);
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  await check('signed out');
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await manager.getByRole('button', { name: 'Entfernen' }).waitFor();
  await check('overview');
  await manager.getByRole('button', { name: 'Kassenzeichen hinzufügen' }).click();
  await manager.getByRole('button', { name: 'Kassenzeichen hinzufügen' }).click();
  await manager.getByRole('button', { name: 'Weiter' }).click();
  await check('form with errors');
  await page.screenshot({ path: '.tmp/hostile-form.png', fullPage: true });
});

test('text-spacing tools reach the text inside (WCAG 1.4.12): no !important on letter or word spacing', async () => {
  const page = await ctx.browser.newPage();
  await page.goto(`${ctx.world.origin}/pages/hostile.html`);
  const button = page.locator('kassenzeichen-manager').getByRole('button', { name: 'Zum Servicekonto.NRW' });
  await button.waitFor();
  // The hostile page sets letter-spacing: 0.2em !important on everything, as a text-spacing bookmarklet does.
  const spacing = await page
    .locator('kassenzeichen-manager')
    .evaluate((host) => ['p', 'button'].map((selector) => getComputedStyle(host.shadowRoot.querySelector(selector)).letterSpacing));
  assert.deepEqual(spacing, ['3.2px', '3.2px']);
});
