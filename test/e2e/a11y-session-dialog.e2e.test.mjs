import assert from 'node:assert/strict';
import { test } from 'node:test';
import { audit, describeFocus } from './audit.mjs';
import { signInToOverview, useWorld, watchPage } from './browser.mjs';

/*
 * The warning before the session ends does what its buttons say, however
 * they are pressed: Enter, Space, a click or a tap. A key or a tap inside the
 * open warning is no activity that closes it; nothing under it receives the
 * press; focus goes back where it was. The browser's clock is moved on to the
 * warning (an idle limit of 5 minutes, the warning 2 minutes before): the
 * provider's clock stays, and the ID token of a renewal must not look expired.
 */

const ctx = useWorld({ scenario: 'returning' });

/** Reports every press that reaches anything outside the warning to `window.notePressOutside`. */
function recordPressesOutsideDialog() {
  const types = ['pointerdown', 'pointerup', 'touchstart', 'touchend', 'mousedown', 'mouseup', 'click', 'keydown', 'keypress'];
  for (const type of types) {
    document.addEventListener(
      type,
      (event) => {
        const dialog = document.querySelector('servicekonto-login').shadowRoot.querySelector('dialog');
        if (!dialog || !event.composedPath().includes(dialog)) {
          const target = event.composedPath()[0];
          window.notePressOutside(`${type} on ${target.localName} „${(target.textContent ?? '').trim().slice(0, 30)}“`);
        }
      },
      { capture: true },
    );
  }
}

/** Signed in on the city page, focus on the manager's „Kassenzeichen hinzufügen“, the clock moved on to the warning. */
async function openWarning({ touch = false } = {}) {
  const context = await ctx.browser.newContext({ hasTouch: touch, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = watchPage(page);
  await page.clock.install();
  await signInToOverview(page, `${ctx.world.origin}/pages/city-idle.html`);
  const signedOut = [];
  const pressesOutside = [];
  await page.exposeFunction('noteSignedOut', (reason) => signedOut.push(reason));
  await page.exposeFunction('notePressOutside', (press) => pressesOutside.push(press));
  await page.evaluate(() => document.addEventListener('servicekonto-signed-out', (event) => window.noteSignedOut(event.detail.reason)));
  const add = page.locator('kassenzeichen-manager').getByRole('button', { name: 'Kassenzeichen hinzufügen' });
  await add.focus();
  await page.clock.fastForward('03:01');
  const dialog = page.getByRole('dialog', { name: 'Ihre Sitzung läuft bald ab' });
  await dialog.waitFor();
  await page.evaluate(recordPressesOutsideDialog);
  return { context, page, dialog, problems, signedOut, pressesOutside };
}

/** Presses `button` the way named. */
async function press(page, button, way) {
  if (way === 'click') return button.click();
  if (way === 'tap') return button.tap();
  await button.focus();
  await page.keyboard.press(way);
}

const session = (page) =>
  page.evaluate(() => {
    const { snapshot } = document.querySelector('servicekonto-login').session;
    return { status: snapshot.status, expiring: !!snapshot.expiring, minutesLeft: (snapshot.expiresAt - Date.now()) / 60_000 };
  });

const WAYS = ['Enter', 'Space', 'click', 'tap'];

for (const way of WAYS) {
  test(`„Sitzung verlängern“ by ${way}: extends, closes, gives focus back to „Kassenzeichen hinzufügen“, presses nothing underneath`, async () => {
    const { context, page, dialog, problems, pressesOutside } = await openWarning({ touch: way === 'tap' });
    const renewed = page.waitForResponse((response) => response.url() === `${ctx.world.origin}/oidc/token`);
    await press(page, dialog.getByRole('button', { name: 'Sitzung verlängern' }), way);
    await dialog.waitFor({ state: 'hidden' });
    assert.equal((await renewed).status(), 200, 'the session was renewed');
    await page.locator('servicekonto-login').getByText('Angemeldet als Erika Mustermann').waitFor();
    const after = await session(page);
    assert.equal(after.status, 'signed-in');
    assert.equal(after.expiring, false);
    assert.ok(after.minutesLeft > 4.9, `a full idle limit again: ${JSON.stringify(after)}`);
    assert.deepEqual(await describeFocus(page), { tag: 'button', host: 'kassenzeichen-manager', name: 'Kassenzeichen hinzufügen' });
    assert.deepEqual(pressesOutside, [], 'nothing under the warning received the press');
    await page.locator('kassenzeichen-manager').getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor({ timeout: 1000 });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`„Abmelden“ in the warning by ${way}: signs out, presses nothing underneath`, async () => {
    const { context, page, dialog, problems, signedOut, pressesOutside } = await openWarning({ touch: way === 'tap' });
    const endSession = page.waitForRequest((request) => request.url().startsWith(`${ctx.world.origin}/oidc/session/end`));
    await press(page, dialog.getByRole('button', { name: 'Abmelden' }), way);
    await endSession;
    assert.deepEqual(signedOut, ['user']);
    assert.deepEqual(pressesOutside, [], 'nothing under the warning received the press');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('Tab and Shift+Tab move between the warning\'s buttons and keep it open; Escape closes it ("not now"): focus back, the session still ends on time, the warning stays closed', async () => {
  const { context, page, dialog, problems, pressesOutside } = await openWarning();
  for (const key of ['Tab', 'Shift+Tab', 'Tab', 'Shift']) {
    await page.keyboard.press(key);
    assert.ok(await dialog.isVisible(), `the warning is still open after ${key}`);
    assert.equal((await describeFocus(page)).host, 'servicekonto-login', `focus stays in the warning after ${key}`);
  }
  assert.equal((await session(page)).expiring, true, 'keys inside the warning are no activity');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.deepEqual(await describeFocus(page), { tag: 'button', host: 'kassenzeichen-manager', name: 'Kassenzeichen hinzufügen' });
  assert.equal((await session(page)).expiring, true, 'Escape extends nothing');
  // A later render (the status line, the clock) does not bring the answered warning back.
  await page.clock.fastForward('00:30');
  await page.locator('servicekonto-login').evaluate((host) => host.requestUpdate());
  assert.equal(await dialog.isVisible(), false);
  assert.deepEqual(pressesOutside, []);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Every text in the open warning: its colour, the background it stands on, and the contrast between them. */
function dialogTextContrasts() {
  const channels = (css) => css.match(/[\d.]+/g).map(Number);
  const luminance = (css) => {
    const [r, g, b] = channels(css).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = (node) => {
    for (let current = node; current; current = current.parentElement) {
      const colour = getComputedStyle(current).backgroundColor;
      if (channels(colour)[3] !== 0) return colour;
    }
    return 'rgb(255, 255, 255)';
  };
  const dialog = document.querySelector('servicekonto-login').shadowRoot.querySelector('dialog');
  const texts = [...dialog.querySelectorAll('*')].filter((node) =>
    [...node.childNodes].some((child) => child.nodeType === 3 && child.textContent.trim()),
  );
  return texts.map((node) => {
    const [color, on] = [getComputedStyle(node).color, background(node)];
    const [light, dark] = [luminance(color), luminance(on)].sort((a, b) => b - a);
    return { text: node.textContent.trim().slice(0, 30), color, on, ratio: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100 };
  });
}

for (const [what, css, theme] of [
  ['a light page', '', ''],
  ['a dark header with --bp-color-text: #fff', 'servicekonto-login, kassenzeichen-manager { --bp-color-text: #fff; }', ''],
  ['a dark theme', '', 'theme-dark'],
  ['marker colours and --bp-color-text: #fff', '', 'theme-odd'],
]) {
  test(`on ${what}: every text of the warning stands on the surface pair (4.5:1 at least), axe and IBM's checker find nothing`, async () => {
    const { context, page } = await openWarning();
    if (css) await page.addStyleTag({ content: css });
    await page.evaluate((name) => (document.documentElement.className = name), theme);
    const contrasts = await page.evaluate(dialogTextContrasts);
    assert.equal(contrasts.length, 4, JSON.stringify(contrasts));
    for (const text of contrasts) assert.ok(text.ratio >= 4.5, JSON.stringify(text));
    assert.deepEqual(await audit(page), []);
    await context.close();
  });
}
