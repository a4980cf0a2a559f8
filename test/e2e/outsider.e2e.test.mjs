/* global BroadcastChannel, setInterval -- used inside the pages */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFocus } from './audit.mjs';
import { signInAtProvider, signInToOverview, signedInWithCopy, useWorld, watchPage } from './browser.mjs';

/*
 * An outsider's probes, by accessible names only: the sign-in button pressed
 * every way (also while the session's file is held back), what the
 * accessibility tree and the live regions say after each action, where focus
 * goes; and a second page of the same origin that listens on the tabs'
 * channel, watches web storage and posts junk.
 */

const ctx = useWorld({ scenario: 'returning' });
const CHANNEL = 'buergerportal-widgets-auth';
const SESSION_FILE = /buergerportal-widgets\.session\.js/;

/**
 * Records every text change of a live region (aria-live, role status/alert/log)
 * inside the widgets' shadow roots, and every time focus is on <body> right
 * after a focusout inside a widget (focus dropped, not moved on).
 */
function recordAnnouncements() {
  window.__live = [];
  window.__dropped = [];
  const last = new WeakMap();
  const regions = (root, out) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.matches('[aria-live]:not([aria-live="off"]),[role="status"],[role="alert"],[role="log"]') && root !== document)
        out.push(element);
      if (element.shadowRoot) regions(element.shadowRoot, out);
    }
    return out;
  };
  const look = () => {
    for (const region of regions(document, [])) {
      const text = region.textContent.replace(/\s+/g, ' ').trim();
      if (last.get(region) === text) continue;
      last.set(region, text);
      if (text) window.__live.push(text);
    }
  };
  setInterval(look, 25);
  document.addEventListener(
    'focusout',
    (event) => {
      const host = event
        .composedPath()
        .find((node) => node.localName === 'servicekonto-login' || node.localName === 'kassenzeichen-manager');
      if (!host) return;
      setTimeout(() => {
        if (document.visibilityState === 'visible' && (document.activeElement === document.body || document.activeElement === null))
          window.__dropped.push(`${host.localName}: ${(event.composedPath()[0].textContent ?? '').trim().slice(0, 40)}`);
      }, 50);
    },
    true,
  );
}

const announcements = (page) => page.evaluate(() => window.__live ?? []);
const dropped = (page) => page.evaluate(() => window.__dropped ?? []);

/** How often `text` (a part of) was announced. */
const timesAnnounced = (list, text) => list.filter((entry) => entry.includes(text)).length;

async function assertFocusNotOnBody(page, when) {
  const focus = await describeFocus(page);
  assert.ok(!['body', 'none', 'html'].includes(focus.tag), `focus on <${focus.tag}> ${when}`);
  return focus;
}

const login = (page) => page.locator('servicekonto-login');
const signInButton = (page) => login(page).getByRole('button', { name: 'Zum Servicekonto.NRW' });

async function press(page, locator, way, { force = false } = {}) {
  if (way === 'click') return locator.click({ force });
  if (way === 'tap') return locator.tap({ force });
  await locator.focus();
  await page.keyboard.press(way);
}

// ------------------------------------------------------------------ 1. the sign-in button, every way

for (const way of ['Enter', 'Space', 'click', 'tap']) {
  test(`sign-in by ${way} while the session's file is held back: busy in the tree, focus kept, one request, one announcement; back signed in, greeted once`, async () => {
    const context = await ctx.browser.newContext({ hasTouch: way === 'tap' });
    await context.addInitScript(recordAnnouncements);
    const page = await context.newPage();
    const problems = watchPage(page);
    const held = [];
    let holding = true;
    await page.route(SESSION_FILE, (route) => (holding ? void held.push(route) : route.continue()));
    const authorizations = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/oidc/auth') authorizations.push(request.url());
    });
    await page.goto(`${ctx.world.origin}/pages/portal.html`);
    const button = signInButton(page);
    await button.waitFor();
    const before = await login(page).ariaSnapshot();
    assert.match(before, /button "Zum Servicekonto\.NRW"/, before);

    await press(page, button, way);
    await press(page, button, way, { force: true }); // the impatient second press, on the busy button
    await page.waitForTimeout(300);
    const whileHeld = await login(page).ariaSnapshot();
    assert.match(
      whileHeld,
      /button "Zum Servicekonto\.NRW".*\[disabled\]|button "Zum Servicekonto\.NRW"/,
      `the button is still in the tree while waiting: ${whileHeld}`,
    );
    console.log(`# ${way}, while held: ${whileHeld.replace(/\n/g, ' | ')}`);
    const busy = await button.evaluate((element) => element.getAttribute('aria-busy') ?? element.getAttribute('aria-disabled'));
    assert.ok(busy === 'true', `the button says it is busy (aria-busy/aria-disabled): ${busy}`);
    if (way !== 'tap' && way !== 'click') await assertFocusNotOnBody(page, `after ${way} while the session's file is held`);

    holding = false;
    for (const route of held.splice(0)) await route.continue();
    await page.getByLabel('Benutzername').waitFor();
    const heardBeforeProvider = await announcements(page).catch(() => []);
    assert.equal(authorizations.length, 1, `one authorization request: ${authorizations.length}`);
    assert.ok(
      timesAnnounced(heardBeforeProvider, 'weitergeleitet') <= 1,
      `„weitergeleitet“ announced once at most: ${JSON.stringify(heardBeforeProvider)}`,
    );

    await signInAtProvider(page);
    const manager = page.locator('kassenzeichen-manager');
    await login(page).getByText('Angemeldet als Erika Mustermann').waitFor();
    await manager.getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
    await page.waitForTimeout(800);
    const heard = await announcements(page);
    const afterTree = await login(page).ariaSnapshot();
    assert.match(afterTree, /Angemeldet als Erika Mustermann/, afterTree);
    assert.match(afterTree, /button "Abmelden"/, afterTree);
    console.log(`# ${way}, heard after the way back: ${JSON.stringify(heard)}`);
    for (const text of new Set(heard))
      assert.ok(timesAnnounced(heard, text) <= 1, `announced more than once: „${text}“ in ${JSON.stringify(heard)}`);
    assert.deepEqual(await dropped(page), [], 'focus dropped to <body> from a widget');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('sign-in button pressed before the session file arrives, file then arrives: no focus drop on the busy→ready re-render (Tab, Enter)', async () => {
  const context = await ctx.browser.newContext();
  await context.addInitScript(recordAnnouncements);
  const page = await context.newPage();
  const held = [];
  await page.route(SESSION_FILE, (route) => void held.push(route));
  // The provider's page must not come: a 204 leaves the page where it is, to look at it after the redirect began.
  await page.route(/\/oidc\/auth/, (route) => route.fulfill({ status: 204 }));
  await page.goto(`${ctx.world.origin}/pages/login.html`);
  await signInButton(page).waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
  for (const route of held.splice(0)) await route.continue();
  await page.waitForTimeout(800);
  const focus = await assertFocusNotOnBody(page, 'after the held file arrived and the redirect began');
  assert.equal(focus.host, 'servicekonto-login', JSON.stringify(focus));
  assert.deepEqual(await dropped(page), []);
  const heard = await announcements(page);
  for (const text of new Set(heard))
    assert.ok(timesAnnounced(heard, text) <= 1, `announced more than once: „${text}“ in ${JSON.stringify(heard)}`);
  await context.close();
});

// ------------------------------------------------------------------ the warning before the session ends

async function openWarning(context) {
  const page = await context.newPage();
  const problems = watchPage(page);
  await page.clock.install();
  await signInToOverview(page, `${ctx.world.origin}/pages/city-idle.html`);
  await page.locator('kassenzeichen-manager').getByRole('button', { name: 'Kassenzeichen hinzufügen' }).focus();
  await page.evaluate(recordAnnouncements);
  await page.clock.fastForward('03:01');
  const dialog = page.getByRole('dialog', { name: 'Ihre Sitzung läuft bald ab' });
  await dialog.waitFor();
  return { page, dialog, problems };
}

test('the warning: a dialog with both buttons in the tree, focus inside, no countdown read out every second', async () => {
  const context = await ctx.browser.newContext();
  const { page, dialog, problems } = await openWarning(context);
  const tree = await dialog.ariaSnapshot();
  assert.match(tree, /button "Sitzung verlängern"/, tree);
  assert.match(tree, /button "Abmelden"/, tree);
  const focus = await assertFocusNotOnBody(page, 'when the warning opened');
  assert.equal(focus.host, 'servicekonto-login', `focus moved into the warning: ${JSON.stringify(focus)}`);
  await page.clock.runFor(60_000);
  const heard = await announcements(page);
  assert.ok(heard.length <= 3, `a minute of the warning announced ${heard.length} texts: ${JSON.stringify(heard.slice(0, 8))}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the warning left alone until the session ends: focus is not dropped on <body>, the end is announced once, the tree offers the sign-in', async () => {
  const context = await ctx.browser.newContext();
  const { page, problems } = await openWarning(context);
  await page.clock.runFor(125_000);
  await signInButton(page).waitFor();
  await page.waitForTimeout(300);
  const heard = await announcements(page);
  for (const text of new Set(heard))
    assert.ok(timesAnnounced(heard, text) <= 1, `announced more than once: „${text}“ in ${JSON.stringify(heard)}`);
  await assertFocusNotOnBody(page, 'after the session ended with focus in the warning');
  assert.deepEqual(await dropped(page), []);
  const tree = await login(page).ariaSnapshot();
  assert.match(tree, /button "Zum Servicekonto\.NRW"/, tree);
  assert.deepEqual(
    problems.filter((problem) => !problem.includes('Failed to load resource')),
    [],
  );
  await context.close();
});

test('„Sitzung verlängern“ by Enter: the warning closes, nothing repeated, focus back to where it was', async () => {
  const context = await ctx.browser.newContext();
  const { page, dialog, problems } = await openWarning(context);
  await dialog.getByRole('button', { name: 'Sitzung verlängern' }).focus();
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await page.clock.runFor(2000);
  const heard = await announcements(page);
  for (const text of new Set(heard))
    assert.ok(timesAnnounced(heard, text) <= 1, `announced more than once: „${text}“ in ${JSON.stringify(heard)}`);
  const focus = await assertFocusNotOnBody(page, 'after „Sitzung verlängern“');
  assert.equal(focus.name, 'Kassenzeichen hinzufügen');
  assert.deepEqual(await dropped(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

// ------------------------------------------------------------------ 2. a second page of the same origin

/** The secrets of a sign-in: tokens from the token endpoint, the subject, the name. */
function collectSecrets(context) {
  const secrets = [];
  context.on('response', async (response) => {
    if (new URL(response.url()).pathname !== '/oidc/token' || response.request().method() !== 'POST') return;
    const answer = await response.json().catch(() => ({}));
    for (const name of ['access_token', 'refresh_token', 'id_token']) if (answer[name]) secrets.push({ name, value: answer[name] });
    if (answer.id_token) {
      const claims = JSON.parse(Buffer.from(answer.id_token.split('.')[1], 'base64url').toString());
      secrets.push({ name: 'sub', value: claims.sub });
      if (claims.sid) secrets.push({ name: 'sid', value: claims.sid });
    }
  });
  context.on('request', (request) => {
    if (new URL(request.url()).pathname !== '/oidc/token') return;
    const body = new URLSearchParams(request.postData() ?? '');
    for (const name of ['code', 'code_verifier']) if (body.get(name)) secrets.push({ name, value: body.get(name) });
  });
  return secrets;
}

/** A page of the same origin without the widget: hears the channel, watches both storages every 10 ms. */
async function openSpy(context) {
  const spy = await context.newPage();
  await spy.goto(`${ctx.world.origin}/pages/no-widget-here`);
  await spy.evaluate((name) => {
    window.__heard = [];
    window.__storage = new Set();
    new BroadcastChannel(name).addEventListener('message', (event) => window.__heard.push(JSON.stringify(event.data)));
    const look = () => {
      window.__storage.add(JSON.stringify({ ...localStorage }));
      window.__storage.add(JSON.stringify({ ...sessionStorage }));
    };
    window.addEventListener('storage', (event) => window.__storage.add(`${event.key}=${event.newValue}`));
    setInterval(look, 10);
  }, CHANNEL);
  return spy;
}

const spyReads = (spy) => spy.evaluate(() => ({ heard: window.__heard, storage: [...window.__storage] }));

function assertNoSecret(secrets, where, text) {
  for (const secret of secrets)
    if (secret.value && secret.value.length >= 4) assert.ok(!text.includes(secret.value), `${where} holds the ${secret.name}`);
}

test('a spy tab hears and sees nothing of the session through sign-in, a signed-in reload (early overview GETs) and sign-out', async () => {
  const context = await ctx.browser.newContext();
  const secrets = collectSecrets(context);
  const spy = await openSpy(context);
  const page = await context.newPage();
  const problems = watchPage(page);
  const bearers = [];
  page.on('request', (request) => {
    const authorization = request.headers().authorization;
    if (authorization) bearers.push(new URL(request.url()).origin + new URL(request.url()).pathname);
  });

  await signInToOverview(page, `${ctx.world.origin}/pages/portal.html`);
  const afterSignIn = await spyReads(spy);
  await page.reload();
  await page.locator('kassenzeichen-manager').getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
  await login(page).getByText('Angemeldet als Erika Mustermann').waitFor();
  const afterReload = await spyReads(spy);
  const pageLocal = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  await login(page).getByRole('button', { name: 'Abmelden' }).click();
  await signInButton(page).waitFor();
  const afterSignOut = await spyReads(spy);

  assert.ok(
    secrets.some((secret) => secret.name === 'sub'),
    'the subject was collected',
  );
  secrets.push(
    { name: 'name', value: 'Erika Mustermann' },
    { name: 'first name', value: 'Erika' },
    { name: 'family name', value: 'Mustermann' },
  );
  for (const [where, reads] of [
    ['after sign-in', afterSignIn],
    ['after the reload', afterReload],
    ['after sign-out', afterSignOut],
  ]) {
    assertNoSecret(secrets, `the channel ${where}`, JSON.stringify(reads.heard));
    assertNoSecret(secrets, `web storage the spy sees ${where}`, JSON.stringify(reads.storage));
  }
  assertNoSecret(secrets, "the page's localStorage", pageLocal);
  for (const message of afterSignOut.heard) {
    const data = JSON.parse(message);
    assert.ok(!data || typeof data !== 'object' || !('user' in data), `a message with a user: ${message}`);
  }
  for (const url of bearers)
    assert.ok(url.startsWith(`${ctx.world.origin}/api/`) || url.startsWith(`${ctx.world.origin}/oidc/`), `a token went to ${url}`);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Messages a spy posts: everything but a plain sign-out must leave the first tab as it is. */
function junk(key) {
  const big = 'x'.repeat(200_000);
  return [
    null,
    undefined,
    0,
    'signed-out',
    'renewed',
    [],
    [{ type: 'signed-out', key }],
    {},
    { type: null, key },
    { type: 'signed-out' },
    { type: 'signed-out', key: 'https://evil.example/oidc buergerportal-e2e' },
    { type: 'signed-out', key: key + ' ' },
    { type: 'SIGNED-OUT', key },
    { type: ['signed-out'], key },
    { type: { toString: null }, key },
    { type: 'renewed', key },
    { type: 'renewed', key, from: 'x', user: '{' },
    { type: 'renewed', key, from: 'x', user: { access_token: 'forged', expires_at: 9e12 } },
    { type: 'renewed', key, from: null, user: null },
    { type: 'renewed', key, user: big },
    { type: 'signed-in', key, user: '{"access_token":"forged"}' },
    { type: 'changed', key },
    { type: 'ended-elsewhere', key },
    { type: 'expiring', key, secondsLeft: 1 },
    { type: 'activity', key, at: 0 },
    { type: 'activity', key, at: 9e15 },
    { type: 'idle', key },
    { type: 'extend', key },
    { type: '__proto__', key },
    JSON.parse('{"__proto__":{"polluted":"yes"},"type":"renewed"}'),
    { type: 'renewed', key, from: { length: 64 }, user: [] },
  ];
}

/** `messages` posted on the tabs' channel from `page`. */
const postOnChannel = (page, messages) =>
  page.evaluate(
    ({ name, list }) => {
      const channel = new BroadcastChannel(name);
      for (const message of list) channel.postMessage(message);
    },
    { name: CHANNEL, list: messages },
  );

test('junk on the channel from a spy tab changes nothing in a signed-in tab: greeting, token, data, focus, no announcement; a plain sign-out signal may end it', async () => {
  const context = await ctx.browser.newContext();
  const page = await context.newPage();
  const problems = watchPage(page);
  await signInToOverview(page, `${ctx.world.origin}/pages/portal.html`);
  await page.evaluate(recordAnnouncements);
  const add = page.locator('kassenzeichen-manager').getByRole('button', { name: 'Kassenzeichen hinzufügen' });
  await add.focus();
  const tokenBefore = await page.evaluate(() => document.querySelector('servicekonto-login').session.getAccessToken());
  const statesHeard = [];
  await page.exposeFunction('noteState', (state) => statesHeard.push(state));
  await page.evaluate(() => {
    for (const type of [
      'servicekonto-state-changed',
      'servicekonto-signed-out',
      'servicekonto-signed-in',
      'servicekonto-session-expiring',
      'servicekonto-error',
    ])
      document.addEventListener(type, (event) => window.noteState(`${type} ${JSON.stringify(event.detail)}`));
  });

  const spy = await context.newPage();
  const spyProblems = watchPage(spy);
  await spy.goto(`${ctx.world.origin}/pages/no-widget-here`);
  const key = `${ctx.world.origin}/oidc buergerportal-e2e`;
  await postOnChannel(spy, junk(key));
  await page.bringToFront();
  await page.waitForTimeout(1500);

  assert.deepEqual(statesHeard, [], 'the first tab heard of no change');
  await login(page).getByText('Angemeldet als Erika Mustermann').waitFor({ timeout: 1000 });
  assert.equal(await page.evaluate(() => ({}).polluted), undefined, 'Object.prototype polluted');
  const tokenAfter = await page.evaluate(() => document.querySelector('servicekonto-login').session.getAccessToken());
  assert.equal(tokenAfter, tokenBefore, 'the token is the same');
  assert.notEqual(tokenAfter, 'forged');
  const account = await page.evaluate(async (token) => {
    const response = await fetch('/api/account', { headers: { Authorization: `Bearer ${token}` } });
    return (await response.json()).displayName;
  }, tokenAfter);
  assert.equal(account, 'Erika Mustermann');
  assert.deepEqual(await announcements(page), [], 'nothing announced');
  assert.equal((await describeFocus(page)).name, 'Kassenzeichen hinzufügen');
  // The manager still works after the junk.
  await add.click();
  await page.locator('kassenzeichen-manager').getByRole('button', { name: 'Kassenzeichen hinzufügen' }).waitFor();
  assert.deepEqual(problems, []);
  assert.deepEqual(
    spyProblems.filter((problem) => !problem.includes('404')),
    [],
    'the spy page itself is a 404 on purpose',
  );

  // The content-free signal is the one message that may end the sign-in.
  await spy.evaluate(({ name, key }) => new BroadcastChannel(name).postMessage({ type: 'signed-out', key }), { name: CHANNEL, key });
  await page.bringToFront();
  await signInButton(page).waitFor();
  await page.waitForTimeout(300);
  await assertFocusNotOnBody(page, 'after the sign-out signal from the other tab');
  assert.deepEqual(await dropped(page), []);
  await context.close();
});

test('junk on the channel while the warning is open does not close it, renew, or move focus', async () => {
  const context = await ctx.browser.newContext();
  const { page, dialog, problems } = await openWarning(context);
  const focusBefore = await describeFocus(page);
  const spy = await context.newPage();
  await spy.goto(`${ctx.world.origin}/pages/no-widget-here`);
  const key = `${ctx.world.origin}/oidc buergerportal-e2e`;
  await postOnChannel(
    spy,
    junk(key).filter((message) => !(message && message.type === 'signed-out' && message.key === key)),
  );
  await page.bringToFront();
  await page.clock.runFor(1000);
  await page.waitForTimeout(300);
  assert.ok(await dialog.isVisible(), 'the warning is still open');
  assert.deepEqual(await describeFocus(page), focusBefore);
  assert.deepEqual(problems, []);
  await context.close();
});

// ------------------------------------------------------------------ races between the early requests and the channel

test('a sign-out signal posted while the way back waits for the session’s file: the tab ends consistent (greeting with data, or the button without data)', async () => {
  const context = await ctx.browser.newContext();
  const page = await context.newPage();
  const problems = watchPage(page);
  await page.goto(`${ctx.world.origin}/pages/portal.html`);
  await signInButton(page).click();
  await page.getByLabel('Benutzername').waitFor();
  const held = [];
  let holding = true;
  await page.route(SESSION_FILE, (route) => (holding ? void held.push(route) : route.continue()));
  const early = [];
  page.on('request', (request) => {
    if (request.headers().authorization) early.push(new URL(request.url()).pathname);
  });
  await signInAtProvider(page);
  await page.waitForURL((url) => url.pathname === '/pages/portal.html');
  await page.waitForTimeout(500);
  const spy = await context.newPage();
  await spy.goto(`${ctx.world.origin}/pages/no-widget-here`);
  const key = `${ctx.world.origin}/oidc buergerportal-e2e`;
  await spy.evaluate(({ name, key }) => new BroadcastChannel(name).postMessage({ type: 'signed-out', key }), { name: CHANNEL, key });
  await page.bringToFront();
  holding = false;
  for (const route of held.splice(0)) await route.continue();
  await page.waitForTimeout(2500);
  const greeted = await login(page).getByText('Angemeldet als Erika Mustermann').isVisible();
  const button = await signInButton(page).isVisible();
  const overview = await page.locator('kassenzeichen-manager').getByRole('list', { name: 'Hinterlegte Kassenzeichen' }).isVisible();
  const tree = `${await login(page).ariaSnapshot()}\n${await page.locator('kassenzeichen-manager').ariaSnapshot()}`;
  console.log(`# greeted=${greeted} button=${button} overview=${overview}\n# ${tree.replace(/\n/g, '\n# ')}`);
  assert.ok(greeted !== button, `exactly one of greeting and sign-in button: ${tree}`);
  assert.equal(overview, greeted, `the citizen's data shows exactly when the login greets: ${tree}`);
  assert.deepEqual(
    problems.filter((problem) => !problem.includes('Failed to load resource')),
    [],
  );
  await context.close();
});

test('a copied tab that reloads while the other signs out (its session’s file held back meanwhile): it ends signed out, no data of an ended session on screen', async () => {
  const { context, first, copy } = await signedInWithCopy(ctx);
  const held = [];
  let holding = true;
  await copy.route(SESSION_FILE, (route) => (holding ? void held.push(route) : route.continue()));
  const earlyGets = [];
  copy.on('response', (response) => {
    const request = response.request();
    if (request.headers().authorization && request.url().includes('/api/'))
      earlyGets.push(`${request.method()} ${new URL(request.url()).pathname} ${response.status()}`);
  });
  await copy.reload({ waitUntil: 'domcontentloaded' });
  await first.bringToFront();
  await first.locator('servicekonto-login').getByRole('button', { name: 'Abmelden' }).click();
  await signInButton(first).waitFor();
  holding = false;
  for (const route of held.splice(0)) await route.continue();
  await copy.bringToFront();
  await copy.waitForTimeout(2500);
  const greeted = await login(copy).getByText('Angemeldet als Erika Mustermann').isVisible();
  const overview = await copy.locator('kassenzeichen-manager').getByRole('list', { name: 'Hinterlegte Kassenzeichen' }).isVisible();
  console.log(
    `# copy after the other signed out: greeted=${greeted} overview=${overview} early GETs with a token: ${JSON.stringify(earlyGets)}`,
  );
  assert.equal(greeted, false, 'the copy still greets the citizen after the sign-out in the other tab');
  assert.equal(overview, false, 'the copy still shows the citizen’s Kassenzeichen after the sign-out in the other tab');
  await context.close();
});

test('control: a copied tab that is open and idle when the other signs out ends signed out', async () => {
  const { context, first, copy } = await signedInWithCopy(ctx);
  await first.bringToFront();
  await first.locator('servicekonto-login').getByRole('button', { name: 'Abmelden' }).click();
  await signInButton(first).waitFor();
  await copy.bringToFront();
  await signInButton(copy).waitFor();
  await copy.waitForTimeout(3000);
  const tree = await copy.locator('kassenzeichen-manager').ariaSnapshot();
  console.log(`# copy's manager 3 s after the sign-out elsewhere:\n# ${tree.replace(/\n/g, '\n# ')}`);
  assert.doesNotMatch(tree, /1500\.0000\.0001|Hinterlegte Kassenzeichen/, `the copy's manager still shows the citizen's data: ${tree}`);
  await context.close();
});

test('a copied tab that was on another page of the site during the sign-out elsewhere comes back signed out: no request carries the ended token, the sentence says why', async () => {
  const { context, first, copy } = await signedInWithCopy(ctx);
  // Away from the widgets (its sessionStorage goes along), so nothing in it hears the channel.
  await copy.goto(`${ctx.world.origin}/pages/banner.css`);
  await first.bringToFront();
  await first.locator('servicekonto-login').getByRole('button', { name: 'Abmelden' }).click();
  await signInButton(first).waitFor();
  const withToken = [];
  copy.on('request', (request) => {
    if (request.headers().authorization) withToken.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  await copy.bringToFront();
  await copy.goBack();
  await signInButton(copy).waitFor();
  await login(copy).getByText('Sie wurden in einem anderen Fenster abgemeldet.').waitFor();
  await copy.waitForTimeout(500);
  assert.deepEqual(withToken, [], 'requests with the ended sign-in’s token');
  const tree = await copy.locator('kassenzeichen-manager').ariaSnapshot();
  assert.doesNotMatch(tree, /1500\.0000\.0001|Hinterlegte Kassenzeichen/);
  const stored = await copy.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('buergerportal-widgets.user')));
  assert.deepEqual(stored, [], 'the ended sign-in is still kept in the copy');
  await context.close();
});
