import assert from 'node:assert/strict';
import { test } from 'node:test';
import { audit, describeFocus } from './audit.mjs';
import { signInAtProvider, useWorld, watchPage } from './browser.mjs';

/*
 * The login where cities put it: in a dark header or a white one, wide or
 * 320 px narrow, compact, and with a provider that cannot be reached.
 */

const ctx = useWorld({ scenario: 'returning' });

/** WCAG relative-luminance contrast of two computed `rgb(…)` colours. */
function contrast(a, b) {
  const luminance = (css) => {
    const scale = css.startsWith('color(') ? 1 : 255;
    const [r, g, bl] = css
      .match(/[\d.]+/g)
      .slice(0, 3)
      .map((v) => {
        const c = Number(v) / scale;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Words of the login's buttons, links and text that are split over two lines (a break after a word's hyphen is no split). */
function splitWords() {
  const split = [];
  const root = document.querySelector('servicekonto-login').shadowRoot;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.textContent.matchAll(/[^\s-]+-?/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      if (lines.size > 1) split.push(match[0]);
    }
  }
  return split;
}

async function signIn(page, pageName) {
  await page.goto(`${ctx.world.origin}/pages/${pageName}`);
  await page.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await page.locator('servicekonto-login').getByRole('button', { name: 'Abmelden' }).waitFor();
}

test("in a dark header the login takes the header's white text; its link and focus ring stand out", async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${ctx.world.origin}/pages/city.html`);
  const login = page.locator('servicekonto-login');
  const link = login.getByRole('link', { name: 'Jetzt registrieren' });
  await link.waitFor();
  const header = await page.evaluate(() => getComputedStyle(document.querySelector('.city-header')).backgroundColor);
  const texts = await login.evaluate((host) =>
    [...host.shadowRoot.querySelectorAll('p:not(.notice), a')]
      .filter((node) => node.textContent.trim())
      .map((node) => getComputedStyle(node).color),
  );
  assert.ok(texts.length >= 3);
  for (const color of texts) assert.ok(contrast(color, header) >= 4.5, `text ${color} on ${header}: ${contrast(color, header).toFixed(2)}`);
  assert.equal(await link.evaluate((node) => getComputedStyle(node).textDecorationLine), 'underline');

  await link.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab'); // keyboard focus: :focus-visible
  const ring = await link.evaluate((node) => {
    const style = getComputedStyle(node);
    return { outer: style.outlineColor, width: parseFloat(style.outlineWidth), inner: style.boxShadow.match(/rgba?\([^)]*\)/)?.[0] };
  });
  assert.ok(ring.width >= 2, 'a visible outline');
  // Two tones: one of them contrasts at least 3:1 with the header, whatever its colour.
  assert.ok(Math.max(contrast(ring.outer, header), contrast(ring.inner, header)) >= 3, JSON.stringify(ring));
  assert.ok(contrast(ring.outer, ring.inner) >= 3, 'the two rings contrast with each other');
});

test("the page's --bp-color-text: #fff whitens the header text, never the expiry dialog or notices", async () => {
  const page = await ctx.browser.newPage();
  await page.goto(`${ctx.world.origin}/pages/city.html`);
  await page.addStyleTag({ content: 'servicekonto-login, kassenzeichen-manager { --bp-color-text: #fff; }' });
  const login = page.locator('servicekonto-login');
  await login.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  const colours = await login.evaluate((host) => {
    const root = host.shadowRoot;
    // Render the dialog's look without waiting for the session to end: same styles, same element.
    const dialog = document.createElement('dialog');
    dialog.innerHTML = '<p>Ihre Sitzung läuft bald ab</p>';
    root.append(dialog);
    dialog.show();
    const notice = root.querySelector('.notice');
    notice.textContent = 'Anmeldung abgebrochen.';
    const pick = (node) => ({ color: getComputedStyle(node).color, background: getComputedStyle(node).backgroundColor });
    const result = { dialog: pick(dialog), notice: pick(notice), intro: getComputedStyle(root.querySelector('p:not(.notice)')).color };
    dialog.remove();
    notice.textContent = '';
    return result;
  });
  assert.equal(colours.intro, 'rgb(255, 255, 255)');
  assert.ok(contrast(colours.dialog.color, colours.dialog.background) >= 4.5, JSON.stringify(colours.dialog));
  assert.ok(contrast(colours.notice.color, colours.notice.background) >= 4.5, JSON.stringify(colours.notice));
  const manager = page.locator('kassenzeichen-manager');
  const managerColours = await manager.evaluate((host) => ({
    color: getComputedStyle(host).color,
    background: getComputedStyle(host).backgroundColor,
  }));
  assert.ok(contrast(managerColours.color, managerColours.background) >= 4.5, JSON.stringify(managerColours));
});

test('on a white page, signed out and signed in, light and dark theme: no findings', async () => {
  const page = await ctx.browser.newPage();
  const findings = [];
  const check = async (state) => {
    for (const theme of ['', 'theme-dark']) {
      await page.evaluate((name) => (document.documentElement.className = name), theme);
      for (const finding of await audit(page)) findings.push(`${state} ${theme}: ${finding}`);
    }
  };
  await page.goto(`${ctx.world.origin}/pages/portal.html`);
  await page.addStyleTag({ url: '/pages/city.css' });
  await page.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  await check('signed out');
  await page.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await page.locator('kassenzeichen-manager').getByRole('button', { name: 'Entfernen 1500.0000.0001' }).waitFor();
  await page.addStyleTag({ url: '/pages/city.css' });
  await check('signed in');
  assert.deepEqual(findings, []);
});

test('heading-level="3" puts the steps under the page\'s section heading; repeated buttons name their Kassenzeichen', async () => {
  const page = await ctx.browser.newPage();
  await signIn(page, 'city.html');
  const manager = page.locator('kassenzeichen-manager');
  await manager.getByRole('heading', { level: 3, name: 'Ihre Kassenzeichen' }).waitFor();
  assert.equal(await manager.getByRole('heading', { level: 2 }).count(), 0);
  const names = await manager
    .getByRole('button')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent.trim()));
  assert.deepEqual(names, [
    'Entfernen 1500.0000.0001',
    'Bestätigungscode eingeben 1500.0000.0002',
    'Neuen Code anfordern 1500.0000.0002',
    'Zurückziehen 1500.0000.0002',
    'Kassenzeichen hinzufügen',
  ]);
  await manager.getByRole('button', { name: 'Kassenzeichen hinzufügen' }).click();
  await manager.getByRole('button', { name: 'Kassenzeichen hinzufügen' }).click();
  await manager.getByRole('button', { name: 'Weiter' }).click();
  await manager.getByRole('heading', { level: 4, name: '4 Angaben fehlen oder sind nicht richtig' }).waitFor();
  for (const label of ['Kassenzeichen', 'Straße', 'Hausnummer', 'Postleitzahl']) {
    assert.equal(await manager.getByLabel(label).evaluate((input) => input.required), true, `${label} is marked required`);
  }
});

for (const signedIn of [false, true]) {
  test(`320 px, compact login ${signedIn ? 'signed in' : 'signed out'}: only the essentials, no word broken, no findings`, async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 320, height: 640 } });
    const login = page.locator('servicekonto-login');
    if (signedIn) await signIn(page, 'city-compact.html');
    else await page.goto(`${ctx.world.origin}/pages/city-compact.html`);
    await login.getByRole('button', { name: signedIn ? 'Abmelden' : 'Zum Servicekonto.NRW' }).waitFor();
    const text = (await login.evaluate((host) => host.shadowRoot.querySelector('div').textContent)).replace(/\s+/g, ' ').trim();
    if (signedIn)
      assert.match(
        text,
        /^Angemeldet als Erika Mustermann\s*Erika Mustermann\s*Abmelden Ihre Sitzung/,
        'name and „Abmelden“ (the dialog stays closed)',
      );
    else assert.match(text, /^Zum Servicekonto\.NRW\s*Jetzt registrieren$/);
    assert.deepEqual(await page.evaluate(splitWords), []);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320);
    assert.deepEqual(await audit(page), []);
    await page.screenshot({ path: `.tmp/city-compact-${signedIn ? 'in' : 'out'}-320.png` });
  });
}

test('320 px, full login in the header: no word broken inside', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 320, height: 640 } });
  await page.goto(`${ctx.world.origin}/pages/city.html`);
  await page.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  assert.deepEqual(await page.evaluate(splitWords), []);
  await signIn(page, 'city.html');
  assert.deepEqual(await page.evaluate(splitWords), []);
  await page.screenshot({ path: '.tmp/city-signed-in-320.png' });
});

test('320 px, full login beside the logo in a flex row that does not wrap: the page stays 320 px wide, the login wraps inside', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 320, height: 640 } });
  const login = page.locator('servicekonto-login');
  const widths = () =>
    page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      login: Math.round(document.querySelector('servicekonto-login').getBoundingClientRect().right),
    }));
  await page.goto(`${ctx.world.origin}/pages/city-flex-header.html`);
  await login.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  const signedOut = await widths();
  assert.equal(signedOut.page, 320, `signed out: ${JSON.stringify(signedOut)}`);
  assert.ok(signedOut.login <= 304, `inside the header's padding, signed out: ${JSON.stringify(signedOut)}`);
  assert.deepEqual(await page.evaluate(splitWords), []);
  await signIn(page, 'city-flex-header.html');
  const signedIn = await widths();
  assert.equal(signedIn.page, 320, `signed in: ${JSON.stringify(signedIn)}`);
  assert.ok(signedIn.login <= 304, `inside the header's padding, signed in: ${JSON.stringify(signedIn)}`);
  assert.deepEqual(await page.evaluate(splitWords), []);
  assert.deepEqual(await audit(page), []);
  await page.screenshot({ path: '.tmp/city-flex-header-320.png' });
});

test("a provider that cannot be reached: the citizen's sentence and „Erneut versuchen“, no editor box, the detail once in the console", async () => {
  const page = await ctx.browser.newPage();
  const problems = watchPage(page);
  const warnings = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await page.goto(`${ctx.world.origin}/pages/city-idp-down.html`);
  const login = page.locator('servicekonto-login');
  const manager = page.locator('kassenzeichen-manager');
  // The provider is asked when the citizen wants to sign in: the button comes first.
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).press('Enter');
  await login.getByText('Die Anmeldung ist gerade nicht erreichbar').waitFor();
  await manager.getByText('Die Anmeldung ist gerade nicht erreichbar').waitFor();
  await manager.getByRole('heading', { level: 3, name: 'Ihre Kassenzeichen' }).waitFor();
  assert.equal(await page.getByText('Hinweis für die Redaktion').count(), 0);
  assert.equal(await login.getByRole('alert').count(), 1);
  const retry = login.getByRole('button', { name: 'Erneut versuchen' });
  const secondAttemptLogged = page.waitForEvent(
    'console',
    (m) => m.type() === 'warning' && m.text().includes('/.well-known/openid-configuration'),
  );
  await retry.press('Enter');
  await secondAttemptLogged;
  await login.getByText('Die Anmeldung ist gerade nicht erreichbar').waitFor();
  const focus = await describeFocus(page);
  assert.equal(focus.host, 'servicekonto-login', 'focus stays in the element after the failed retry');
  assert.equal(
    warnings.filter((w) => w.includes('/.well-known/openid-configuration')).length,
    2,
    'one line per attempt: ' + warnings.join(' / '),
  );
  assert.deepEqual(
    problems.filter((p) => !p.includes('Failed to load resource') && !p.includes('ERR_CONNECTION_REFUSED')),
    [],
  );
  assert.deepEqual(await audit(page), []);
});

test('a login in the header of every page with one fixed redirect-uri returns the citizen to the page where they started', async () => {
  const page = await ctx.browser.newPage();
  const problems = watchPage(page);
  const authorize = [];
  page.on(
    'request',
    (request) =>
      new URL(request.url()).pathname === '/oidc/auth' && authorize.push(new URL(request.url()).searchParams.get('redirect_uri')),
  );
  await page.goto(`${ctx.world.origin}/pages/city-fixed-redirect.html?thema=abfall#gebuehren`);
  await page.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await page.locator('servicekonto-login').getByRole('button', { name: 'Abmelden' }).waitFor();
  assert.deepEqual(authorize, [`${ctx.world.origin}/pages/anmeldung.html`], 'one registered redirect page');
  assert.equal(page.url(), `${ctx.world.origin}/pages/city-fixed-redirect.html?thema=abfall#gebuehren`, 'back where the citizen started');
  await page.locator('kassenzeichen-manager').getByRole('button', { name: 'Entfernen 1500.0000.0001' }).waitFor();
  assert.deepEqual(problems, []);
});
