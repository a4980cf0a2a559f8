import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInToOverview, useWorld } from './browser.mjs';

/*
 * Issue 19.7 (WCAG 1.4.4): the citizen's browser text size counts. Chromium's
 * own setting (Settings › Appearance › Font size, the profile preference
 * webkit.webprefs.default_font_size) is set through the DevTools protocol's
 * Page.setFontSizes – the same setting, not a font-size on the page's :root.
 */

const ctx = useWorld({ scenario: 'returning' });

/** The computed font size of the page's text and of both elements' own text. */
function fontSizes() {
  const size = (node) => getComputedStyle(node).fontSize;
  const inside = (tag, selector) => size(document.querySelector(tag).shadowRoot.querySelector(selector));
  return {
    page: size(document.querySelector('main p')),
    login: inside('servicekonto-login', 'p'),
    manager: inside('kassenzeichen-manager', 'h3'),
  };
}

for (const browserSize of [16, 32]) {
  test(`browser font size ${browserSize} px: the page's text and the elements' text follow it`, async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: browserSize } });
    await signInToOverview(page, `${ctx.world.origin}/pages/city.html`);
    const sizes = await page.evaluate(fontSizes);
    assert.equal(sizes.page, `${browserSize}px`, 'the setting reached the page');
    assert.equal(sizes.login, `${browserSize}px`, JSON.stringify(sizes));
    // A heading of the manager grows with the base size (1.25em of it).
    assert.equal(sizes.manager, `${browserSize * 1.25}px`, JSON.stringify(sizes));
    await page.screenshot({ path: `.tmp/browser-font-${browserSize}.png`, fullPage: true });
    await page.close();
  });
}
