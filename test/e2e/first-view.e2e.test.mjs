/* global Image, OffscreenCanvas -- used inside the pages */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { audit, describeFocus } from './audit.mjs';
import { signInToOverview, useWorld, watchPage } from './browser.mjs';

/*
 * The first file paints the signed-out view before Lit and the login's element
 * are there (src/first-view/): it must look, read and work as the element's,
 * and hand over focus and a press when the element takes its place.
 */

const ctx = useWorld({ scenario: 'returning' });
const LOGIN_FILE = /buergerportal-widgets\.login\.js/;

/** A page whose login's file is held back until `release()`. */
async function withLoginFileHeld(url, { width = 1280, hasTouch = false } = {}) {
  const context = await ctx.browser.newContext({ viewport: { width, height: 800 }, hasTouch });
  const page = await context.newPage();
  const problems = watchPage(page);
  const held = [];
  let holding = true;
  await page.route(LOGIN_FILE, (route) => (holding ? void held.push(route) : route.continue()));
  await page.goto(url);
  /** Lets the login's file through; `settle`: waits until the element has drawn (not when it leaves for the provider). */
  const release = async ({ settle = true } = {}) => {
    holding = false;
    for (const route of held.splice(0)) await route.continue();
    if (!settle) return;
    await page.waitForFunction(() => customElements.get('servicekonto-login') !== undefined);
    await page.locator('servicekonto-login').evaluate((login) => login.updateComplete);
  };
  return { context, page, problems, release };
}

/** How many pixels of two PNGs differ, and by how much at most (0–255 in a channel). */
async function pixelsApart(first, second) {
  const page = await ctx.browser.newPage();
  const [a, b] = [first, second].map((png) => `data:image/png;base64,${png.toString('base64')}`);
  const result = await page.evaluate(
    async ([a, b]) => {
      const load = (src) =>
        new Promise((resolve) => {
          const image = new Image();
          image.onload = () => resolve(image);
          image.src = src;
        });
      const pixels = (image) => {
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [imageA, imageB] = await Promise.all([load(a), load(b)]);
      if (imageA.width !== imageB.width || imageA.height !== imageB.height) return { count: Infinity, total: 0, most: 255 };
      const [pa, pb] = [pixels(imageA), pixels(imageB)];
      const total = pa.length / 4;
      let count = 0;
      let most = 0;
      for (let i = 0; i < pa.length; i += 4) {
        const apart = Math.max(Math.abs(pa[i] - pb[i]), Math.abs(pa[i + 1] - pb[i + 1]), Math.abs(pa[i + 2] - pb[i + 2]));
        if (apart > 0) count += 1;
        most = Math.max(most, apart);
      }
      return { count, total, most };
    },
    [a, b],
  );
  await page.close();
  return result;
}

/** Each element the login draws: its tag, text, box and the styles that show. */
const drawn = (page) =>
  page.locator('servicekonto-login').evaluate((host) =>
    [...host.shadowRoot.querySelectorAll('*')].map((element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      const shown = ['color', 'backgroundColor', 'font', 'borderColor', 'borderRadius', 'textDecoration', 'padding', 'margin'];
      return [element.localName, element.innerText, [x, y, width, height], shown.map((name) => style[name])];
    }),
  );

const login = (page) => page.locator('servicekonto-login');
const signInButton = (page) => login(page).getByRole('button', { name: 'Zum Servicekonto.NRW' });
const defined = (page) => page.evaluate(() => customElements.get('servicekonto-login') !== undefined);

for (const [name, width] of [
  ['city.html', 1280],
  ['city.html', 320],
  ['portal.html', 1280],
  ['portal.html', 320],
]) {
  test(`${name} at ${width} px: the painted view before Lit looks exactly like the element's, and passes axe and IBM`, async () => {
    const { context, page, problems, release } = await withLoginFileHeld(`${ctx.world.origin}/pages/${name}`, { width });
    await signInButton(page).waitFor();
    assert.equal(await defined(page), false, 'painted by the first file, the element not yet there');
    const treeBefore = await login(page).ariaSnapshot();
    const before = await login(page).screenshot();
    const box = await login(page).boundingBox();
    const drawnBefore = await drawn(page);
    assert.deepEqual(await audit(page), [], 'the painted view');
    await release();
    assert.equal(await login(page).ariaSnapshot(), treeBefore, 'the same accessibility tree');
    assert.deepEqual(await login(page).boundingBox(), box, 'the same place and size');
    assert.deepEqual(await drawn(page), drawnBefore, 'every box, colour and font as painted');
    const apart = await pixelsApart(before, await login(page).screenshot());
    // Chromium may antialias a few glyphs a shade differently when it paints them anew; a change of colour or place moves thousands.
    assert.ok(apart.count <= apart.total / 200, `the same pixels: ${JSON.stringify(apart)}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('focus on the painted button goes on to the element’s button: never to <body>, nothing announced', async () => {
  const { context, page, release } = await withLoginFileHeld(`${ctx.world.origin}/pages/login.html`);
  await signInButton(page).waitFor();
  await signInButton(page).focus();
  await release();
  const focus = await describeFocus(page);
  assert.deepEqual([focus.host, focus.tag, focus.name], ['servicekonto-login', 'button', 'Zum Servicekonto.NRW']);
  assert.equal(await login(page).locator('[role="status"]').textContent(), '');
  await context.close();
});

for (const way of ['Enter', 'Space', 'click', 'tap']) {
  test(`a press by ${way} on the painted button: busy at once, then one sign-in when the element is there`, async () => {
    const { context, page, release } = await withLoginFileHeld(`${ctx.world.origin}/pages/login.html`, { hasTouch: way === 'tap' });
    const authorizations = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/oidc/auth') authorizations.push(request.url());
    });
    await signInButton(page).waitFor();
    if (way === 'click') await signInButton(page).click();
    else if (way === 'tap') await signInButton(page).tap();
    else {
      await signInButton(page).focus();
      await page.keyboard.press(way);
    }
    assert.equal(await signInButton(page).getAttribute('aria-disabled'), 'true', 'busy');
    await signInButton(page).click({ force: true }); // a second press asks for nothing more
    await release({ settle: false });
    await page.waitForURL(/\/oidc\//);
    await page.getByLabel('Benutzername').waitFor();
    assert.equal(authorizations.length, 1, 'one authorization request');
    await context.close();
  });
}

test('nothing is painted where the page cannot say „signed out“ in German: a signed-in reload, an English page', async () => {
  const context = await ctx.browser.newContext();
  const page = await context.newPage();
  await signInToOverview(page, `${ctx.world.origin}/pages/portal.html`);
  const held = [];
  await page.route(LOGIN_FILE, (route) => void held.push(route));
  await page.reload();
  await page.waitForTimeout(500);
  assert.equal(await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).count(), 0, 'no sign-in button for a signed-in citizen');
  for (const route of held.splice(0)) await route.continue();
  await login(page).getByText('Angemeldet als Erika Mustermann').waitFor();
  await context.close();
});

test('an English page: nothing German is painted; the element shows English when it comes', async () => {
  const context = await ctx.browser.newContext();
  const page = await context.newPage();
  await page.route(/\/pages\/login\.html$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace('<html lang="de">', '<html lang="en">') });
  });
  const held = [];
  await page.route(LOGIN_FILE, (route) => void held.push(route));
  await page.goto(`${ctx.world.origin}/pages/login.html`);
  await page.waitForTimeout(500);
  assert.equal(await page.getByRole('button').count(), 0, 'no German button before the English texts');
  for (const route of held.splice(0)) await route.continue();
  await login(page).getByRole('button', { name: 'Go to Servicekonto.NRW' }).waitFor();
  await context.close();
});
