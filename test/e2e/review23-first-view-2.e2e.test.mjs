import assert from 'node:assert/strict';
import { test } from 'node:test';
import { audit, describeFocus } from './audit.mjs';
import { signInToOverview, useWorld, watchPage } from './browser.mjs';

/*
 * Second review of the first view (after 68a38c1): the lost login file's
 * „Erneut versuchen“, the takeover before a marker, keep-space.css stepping
 * back through --_bp-kept-*. Each test asserts what should hold: the findings
 * (severity in the name) failed on the reviewed build and hold since the fixes
 * that followed, except three older ones kept as `todo` (open, in every run's
 * output); the others held.
 */

const ctx = useWorld({ scenario: 'returning' });
const LOGIN_FILE = /buergerportal-widgets\.login\.js/;

const login = (page) => page.locator('servicekonto-login').first();
const signInButton = (page) => login(page).getByRole('button', { name: 'Zum Servicekonto.NRW' });
const retryIn = (locator) => locator.getByRole('button', { name: 'Erneut versuchen' });
const defined = (page) => page.evaluate(() => customElements.get('servicekonto-login') !== undefined);
const onBody = (focus) => ['body', 'none', 'html'].includes(focus.tag);

/**
 * A page whose login's file is held back (`hold`), lost on the way (`lose`,
 * a network error that the HEAD probe does not confirm) or let through
 * (`pass`); `setMode` switches, `release(as)` answers the held requests.
 */
async function openWithLoginFile(url, { mode = 'hold', width = 1280, rewrite, page: given, init, delayFirstFile } = {}) {
  const context = given?.context() ?? (await ctx.browser.newContext({ viewport: { width, height: 800 } }));
  const page = given ?? (await context.newPage());
  if (init) await page.addInitScript(init);
  const problems = watchPage(page);
  const held = [];
  const asked = [];
  let current = mode;
  // The first file a moment after the page (a slower script host): the page has drawn once before it runs.
  if (delayFirstFile)
    await page.route(/\/dist\/buergerportal-widgets\.js/, async (route) => {
      await new Promise((done) => setTimeout(done, delayFirstFile));
      await route.continue();
    });
  await page.route(LOGIN_FILE, (route) => {
    if (route.request().method() === 'HEAD') return route.continue();
    asked.push(route.request().url());
    if (current === 'hold') return void held.push(route);
    if (current === 'lose') return route.abort('internetdisconnected');
    return route.continue();
  });
  if (rewrite)
    await page.route(
      (address) => address.href === url,
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: rewrite(await response.text()) });
      },
    );
  await page.goto(url);
  const setMode = (next) => (current = next);
  const release = async (as = 'pass') => {
    current = as;
    for (const route of held.splice(0)) {
      if (as === 'lose') await route.abort('internetdisconnected');
      else await route.continue();
    }
  };
  return { context, page, problems, asked, held, setMode, release };
}

/** Records focus moves that land on nothing or on <body>. */
const watchFocus = (page) =>
  page.evaluate(() => {
    window.focusLost = [];
    document.addEventListener(
      'focusout',
      (event) => {
        const inner = event.composedPath()[0];
        if (!event.relatedTarget) window.focusLost.push(`out of ${event.target.localName} (${inner.textContent.trim()}) to nothing`);
      },
      true,
    );
  });

const withoutNetworkNoise = (problems) => problems.filter((problem) => !/Failed to load resource|favicon|net::ERR/.test(problem));

// ---------------------------------------------------------------- „Erneut versuchen“ and focus

test('(medium) login’s file lost on a signed-in reload: „Erneut versuchen“ by keyboard brings the signed-in login; focus stays in the login, not on <body>', async () => {
  const context = await ctx.browser.newContext();
  const first = await context.newPage();
  await signInToOverview(first, `${ctx.world.origin}/pages/portal.html`);
  // The same tab (the sign-in is in its sessionStorage), reloaded.
  const { page, setMode } = await openWithLoginFile(`${ctx.world.origin}/pages/portal.html`, { page: first, mode: 'lose' });
  const retry = retryIn(login(page));
  await retry.waitFor();
  await retry.focus();
  await watchFocus(page);
  setMode('pass');
  await page.keyboard.press('Enter');
  await login(page).getByText('Angemeldet als Erika Mustermann').waitFor();
  await page.waitForTimeout(300);
  const focus = await describeFocus(page);
  const lost = await page.evaluate(() => window.focusLost);
  assert.ok(!onBody(focus) && lost.length === 0, `focus after the retry: ${JSON.stringify(focus)}, moves: ${JSON.stringify(lost)}`);
  await context.close();
});

test('manager alone, login’s file lost: „Erneut versuchen“ by keyboard brings the manager; focus stays in the manager, not on <body>', async () => {
  const { context, page, setMode } = await openWithLoginFile(`${ctx.world.origin}/pages/manager-alone.html`, { mode: 'lose' });
  const manager = page.locator('kassenzeichen-manager');
  await retryIn(manager).focus();
  await watchFocus(page);
  setMode('pass');
  await page.keyboard.press('Enter');
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  await page.waitForTimeout(300);
  const focus = await describeFocus(page);
  const lost = await page.evaluate(() => window.focusLost);
  assert.ok(!onBody(focus) && lost.length === 0, `focus after the retry: ${JSON.stringify(focus)}, moves: ${JSON.stringify(lost)}`);
  await context.close();
});

test('Enter, then Space at once on „Erneut versuchen“ while the retry is on its way: one more ask, one element, focus on its button', async () => {
  const { context, page, asked, setMode, release, problems } = await openWithLoginFile(`${ctx.world.origin}/pages/login.html`, {
    mode: 'lose',
  });
  const retry = retryIn(login(page));
  await retry.focus();
  setMode('hold');
  await page.keyboard.press('Enter');
  await page.keyboard.press(' ');
  await page.keyboard.press('Enter');
  assert.equal(asked.length, 2, `asks: ${asked.join(', ')}`);
  await release();
  await signInButton(page).waitFor();
  await login(page).evaluate((element) => element.updateComplete);
  assert.equal(await login(page).getByRole('button').count(), 1);
  const focus = await describeFocus(page);
  assert.equal(focus.name, 'Zum Servicekonto.NRW');
  assert.deepEqual(withoutNetworkNoise(problems), []);
  await context.close();
});

test('(low) the retry lost three times in quick succession: one alert each time, focus on the new retry without going out to nothing (a screen reader hears the page between)', async () => {
  const { context, page, asked } = await openWithLoginFile(`${ctx.world.origin}/pages/portal.html`, { mode: 'lose' });
  const retry = retryIn(login(page));
  await retry.focus();
  await watchFocus(page);
  for (let round = 0; round < 3; round += 1) {
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('servicekonto-login').shadowRoot.querySelector('button')?.getAttribute('aria-disabled') !== 'true',
    );
    const focus = await describeFocus(page);
    assert.deepEqual([focus.host, focus.name], ['servicekonto-login', 'Erneut versuchen'], `round ${round}`);
    assert.equal(await page.getByRole('alert').count(), 1);
  }
  assert.equal(asked.length, 4);
  assert.deepEqual(await page.evaluate(() => window.focusLost), []);
  await context.close();
});

test('(low) two logins, both „Erneut versuchen“ pressed while the line comes back: the login’s file runs once (one Lit, no define error), both logins work', async () => {
  const { context, page, setMode, release, problems } = await openWithLoginFile(`${ctx.world.origin}/pages/review-two-logins.html`, {
    mode: 'lose',
  });
  const logins = page.locator('servicekonto-login');
  await retryIn(logins.nth(1)).waitFor();
  setMode('hold');
  await retryIn(logins.nth(0)).click();
  await retryIn(logins.nth(1)).click();
  await release();
  await logins.nth(0).getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  await logins.nth(1).getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  await page.waitForTimeout(500);
  const lits = await page.evaluate(() => (window.litElementVersions ?? []).length);
  assert.deepEqual({ lits, problems: withoutNetworkNoise(problems) }, { lits: 1, problems: [] });
  for (const index of [0, 1]) assert.equal(await logins.nth(index).getByRole('button').count(), 1);
  await context.close();
});

// Open (older than the first view): when the element's own view changes under focus (sign-in button → the
// session's lost file → sign-in button), focus drops for a moment and the element's FocusKeeper puts it back.
test(
  '(low) login’s file lost, the retry brings it while the session’s file is lost too: the login says so, its own retry brings the sign-in; focus never out to nothing',
  { todo: 'open: a re-render under focus drops it for a moment (FocusKeeper restores it)' },
  async () => {
    const context = await ctx.browser.newContext();
    let sessionLost = true;
    await context.route(/buergerportal-widgets\.session\.js/, (route) =>
      sessionLost ? route.abort('internetdisconnected') : route.continue(),
    );
    const { page, setMode, problems } = await openWithLoginFile(`${ctx.world.origin}/pages/portal.html`, {
      page: await context.newPage(),
      mode: 'lose',
    });
    await retryIn(login(page)).focus();
    await watchFocus(page);
    setMode('pass');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => customElements.get('servicekonto-login') !== undefined);
    await login(page).getByText('Die Anmeldung ist gerade nicht erreichbar.', { exact: false }).waitFor();
    await page.waitForTimeout(300);
    const focus1 = await describeFocus(page);
    sessionLost = false;
    await retryIn(login(page)).click();
    await signInButton(page).waitFor();
    await page.locator('kassenzeichen-manager').getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
    await page.waitForTimeout(300);
    const focus2 = await describeFocus(page);
    assert.deepEqual(
      { focus1: onBody(focus1), focus2: onBody(focus2), lost: await page.evaluate(() => window.focusLost) },
      { focus1: false, focus2: false, lost: [] },
      `focus after the login's retry: ${JSON.stringify(focus1)}, after the session's: ${JSON.stringify(focus2)}`,
    );
    assert.deepEqual(withoutNetworkNoise(problems), []);
    await context.close();
  },
);

test('login’s file lost, the retry brings it while the manager’s file is lost: the manager says so, its retry brings it', async () => {
  const context = await ctx.browser.newContext();
  let managerLost = true;
  await context.route(/buergerportal-widgets\.manager\.js/, (route) =>
    managerLost ? route.abort('internetdisconnected') : route.continue(),
  );
  const { page, setMode, problems } = await openWithLoginFile(`${ctx.world.origin}/pages/portal.html`, {
    page: await context.newPage(),
    mode: 'lose',
  });
  setMode('pass');
  await retryIn(login(page)).click();
  await signInButton(page).waitFor();
  const manager = page.locator('kassenzeichen-manager');
  await manager.getByText('Ihre Kassenzeichen können gerade nicht angezeigt werden.', { exact: false }).waitFor();
  managerLost = false;
  await retryIn(manager).click();
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  assert.deepEqual(withoutNetworkNoise(problems), []);
  await context.close();
});

// ---------------------------------------------------------------- the lost state: checkers, 320 px, dark theme

for (const theme of ['', 'theme-dark']) {
  for (const width of [320, 1280]) {
    test(`the lost state on city.html ${theme || 'light'} at ${width} px: axe and IBM find nothing, nothing wider than the page`, async () => {
      const { context, page } = await openWithLoginFile(`${ctx.world.origin}/pages/city.html`, { mode: 'lose', width });
      await page.evaluate((name) => (document.documentElement.className = name), theme);
      await retryIn(login(page)).waitFor();
      assert.deepEqual(await audit(page), []);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'horizontal scroll');
      await context.close();
    });
  }
}

test('the managers’ lost state on city.html (no login, dark theme, 320 px): axe and IBM find nothing', async () => {
  const { context, page } = await openWithLoginFile(`${ctx.world.origin}/pages/city.html`, {
    mode: 'lose',
    width: 320,
    rewrite: (html) =>
      html
        .replace(/<servicekonto-login[^>]*><\/servicekonto-login>/, '')
        .replace('login="login"', `authority="${ctx.world.origin}/oidc" client-id="buergerportal-e2e"`),
  });
  await page.evaluate(() => (document.documentElement.className = 'theme-dark'));
  await retryIn(page.locator('kassenzeichen-manager')).waitFor();
  assert.deepEqual(await audit(page), []);
  await context.close();
});

// ---------------------------------------------------------------- re-rendering right after the takeover

const lastChildren = (page) =>
  login(page).evaluate((element) =>
    [...element.shadowRoot.childNodes].map((node) => (node.nodeType === 8 ? `<!--${node.data}-->` : node.nodeName.toLowerCase())),
  );

for (const [change, apply, expect] of [
  ['lang="en"', (element) => element.setAttribute('lang', 'en'), 'Servicekonto.NRW'],
  ['compact added', (element) => element.setAttribute('compact', ''), 'Zum Servicekonto.NRW'],
  ['provider="bundid"', (element) => element.setAttribute('provider', 'bundid'), 'BundID'],
]) {
  test(`the element re-rendered right after the takeover (${change}): no Lit error, one button, nothing painted left`, async () => {
    const { context, page, release, problems } = await openWithLoginFile(`${ctx.world.origin}/pages/login.html`);
    await signInButton(page).waitFor();
    await signInButton(page).focus();
    const changed = page.evaluate(async (source) => {
      await customElements.whenDefined('servicekonto-login');
      const element = document.querySelector('servicekonto-login');
      new Function('element', `(${source})(element)`)(element);
      await element.updateComplete;
    }, apply.toString());
    await release();
    await changed;
    await login(page).getByRole('button', { name: expect, exact: false }).waitFor();
    await page.waitForTimeout(300);
    assert.equal(await login(page).getByRole('button').count(), 1, JSON.stringify(await lastChildren(page)));
    assert.deepEqual(withoutNetworkNoise(problems), []);
    await context.close();
  });
}

test('from the lost state to the element, then lang="en" at once: no Lit error, one button', async () => {
  const { context, page, setMode, problems } = await openWithLoginFile(`${ctx.world.origin}/pages/login.html`, { mode: 'lose' });
  setMode('pass');
  await page.evaluate(() => {
    void customElements
      .whenDefined('servicekonto-login')
      .then(() => document.querySelector('servicekonto-login').setAttribute('lang', 'en'));
  });
  await retryIn(login(page)).click();
  await login(page).getByRole('button', { name: 'Servicekonto.NRW', exact: false }).waitFor();
  await page.waitForTimeout(500);
  assert.equal(await login(page).getByRole('button').count(), 1, JSON.stringify(await lastChildren(page)));
  assert.deepEqual(withoutNetworkNoise(problems), []);
  await context.close();
});

test('the painted login removed and added again elsewhere before the takeover, then signed in: one view, focus kept', async () => {
  const { context, page, release, problems } = await openWithLoginFile(`${ctx.world.origin}/pages/portal.html`);
  await signInButton(page).waitFor();
  await page.evaluate(() => {
    const element = document.querySelector('servicekonto-login');
    element.remove();
    document.body.prepend(element);
  });
  await signInButton(page).focus();
  await release();
  await page.waitForFunction(() => customElements.get('servicekonto-login') !== undefined);
  await login(page).evaluate((element) => element.updateComplete);
  await page.waitForTimeout(300);
  assert.equal(await login(page).getByRole('button').count(), 1, JSON.stringify(await lastChildren(page)));
  assert.equal((await describeFocus(page)).name, 'Zum Servicekonto.NRW');
  await signInButton(page).click();
  await page.waitForURL(/\/oidc\//);
  assert.deepEqual(withoutNetworkNoise(problems), []);
  await context.close();
});

test('two logins painted, the second focused: the takeover keeps focus in the second', async () => {
  const { context, page, release } = await openWithLoginFile(`${ctx.world.origin}/pages/review-two-logins.html`);
  const second = page.locator('servicekonto-login').nth(1);
  await second.getByRole('button', { name: 'Zum Servicekonto.NRW' }).focus();
  await release();
  await page.waitForFunction(() => customElements.get('servicekonto-login') !== undefined);
  await second.evaluate((element) => element.updateComplete);
  await page.waitForTimeout(300);
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.equal(focused, 'other');
  for (const index of [0, 1]) assert.equal(await page.locator('servicekonto-login').nth(index).getByRole('button').count(), 1);
  assert.equal(await defined(page), true);
  await context.close();
});

// ---------------------------------------------------------------- layout shift with keep-space.css

const collectShifts = () => {
  window.shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (!entry.hadRecentInput)
        window.shifts.push({
          value: entry.value,
          defined: customElements.get('servicekonto-login') !== undefined,
          painted: !!document.querySelector('servicekonto-login')?.shadowRoot,
          sources: entry.sources.map(
            (source) => `${source.node?.nodeName ?? '?'} ${JSON.stringify(source.previousRect)}→${JSON.stringify(source.currentRect)}`,
          ),
        });
  }).observe({ type: 'layout-shift', buffered: true });
};

for (const width of [320, 1280]) {
  for (const [variant, rewrite] of [
    ['default', undefined],
    ['compact', (html) => html.replace('<servicekonto-login id="login"', '<servicekonto-login id="login" compact')],
  ]) {
    test(`${width === 320 ? '(medium: CLS) ' : ''}layout shift on city.html (${variant}, ${width} px) from load to the element’s view: none (the painted view is no taller than keep-space.css keeps)`, async () => {
      const { context, page } = await openWithLoginFile(`${ctx.world.origin}/pages/city.html`, {
        mode: 'pass',
        width,
        rewrite,
        init: collectShifts,
        delayFirstFile: 300,
      });
      await signInButton(page).waitFor();
      await page.locator('kassenzeichen-manager').getByRole('button').first().waitFor();
      await page.waitForTimeout(800);
      const shifts = await page.evaluate(() => window.shifts);
      const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
      assert.ok(total < 0.01, `CLS ${total.toFixed(4)}: ${JSON.stringify(shifts)}`);
      await context.close();
    });
  }
  // Open (older than the first view): keep-space.css keeps the signed-out view's height, and a signed-in
  // login is shorter. Kept as a todo so that it shows in every run; see the closing note.
  test(
    `(medium: CLS, not new) layout shift on city.html signed in, reloaded (nothing painted), ${width} px: none`,
    { todo: 'open: keep-space.css reserves the signed-out height' },
    async () => {
      const context = await ctx.browser.newContext({ viewport: { width, height: 800 } });
      const first = await context.newPage();
      await signInToOverview(first, `${ctx.world.origin}/pages/city.html`);
      const { page } = await openWithLoginFile(`${ctx.world.origin}/pages/city.html`, {
        page: first,
        mode: 'pass',
        init: collectShifts,
        delayFirstFile: 300,
      });
      await login(page).getByText('Angemeldet als Erika Mustermann').waitFor();
      await page.locator('kassenzeichen-manager').getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
      await page.waitForTimeout(800);
      const shifts = await page.evaluate(() => window.shifts);
      const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
      assert.ok(total < 0.01, `CLS ${total.toFixed(4)}: ${JSON.stringify(shifts)}`);
      await context.close();
    },
  );
}
