import assert from 'node:assert/strict';
import { test } from 'node:test';
import { audit } from './audit.mjs';
import { useWorld, signInAtProvider, watchPage } from './browser.mjs';

const ctx = useWorld({ scenario: 'returning' });

test('the script loaded twice and a manager added later: no error, one session for all', async () => {
  const page = await ctx.browser.newPage();
  const problems = watchPage(page);
  await page.goto(`${ctx.world.origin}/pages/twice.html`);
  const managers = page.locator('kassenzeichen-manager');
  await managers.nth(1).getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).count(), 3);
  await managers.nth(0).getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await page.getByText('Angemeldet als Erika Mustermann').waitFor();
  for (const index of [0, 1]) await managers.nth(index).getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
  assert.deepEqual(problems, []);
});

test('the script copied without its oidc file tells the editor which file is missing', async () => {
  const page = await ctx.browser.newPage();
  await page.goto(`${ctx.world.origin}/pages/without-oidc.html`);
  // The oidc file is loaded when it is needed: the first click on sign-in.
  await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).first().click();
  await page.getByText('buergerportal-widgets.oidc.js konnte nicht geladen werden').waitFor();
  assert.equal(await page.getByRole('alert').count(), 1);
});

test('the script copied without its session’s file tells the editor which file is missing', async () => {
  const page = await ctx.browser.newPage();
  const errors = [];
  await page.exposeFunction('noteError', (code) => errors.push(code));
  await page.addInitScript(() => window.addEventListener('servicekonto-error', (event) => window.noteError(event.detail.code)));
  await page.goto(`${ctx.world.origin}/pages/alone.html`);
  await page.getByText('buergerportal-widgets.session.js konnte nicht geladen werden').waitFor();
  assert.equal(await page.getByRole('alert').count(), 1);
  assert.equal(await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).count(), 0, 'no button that cannot work');
  assert.deepEqual(errors, ['module-missing']);
});

test('the first file copied without the login’s file: each element shows the editor’s box naming it, no button that cannot work', async () => {
  const page = await ctx.browser.newPage();
  const warnings = [];
  page.on('console', (message) => warnings.push(message.text()));
  await page.goto(`${ctx.world.origin}/pages/first-file-only.html`);
  await page.locator('servicekonto-login').getByText('buergerportal-widgets.login.js konnte nicht geladen werden').waitFor();
  await page.locator('kassenzeichen-manager').getByText('buergerportal-widgets.login.js konnte nicht geladen werden').waitFor();
  assert.equal(await page.getByRole('alert').count(), 2);
  assert.equal(await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).count(), 0, 'no button that cannot work');
  assert.ok(
    warnings.some((warning) => warning.includes('buergerportal-widgets.login.js')),
    'the developer tools name the file',
  );
  // The test page has no main landmark of its own: only what the elements draw is judged.
  assert.deepEqual(
    (await audit(page)).filter((problem) => !problem.includes('skip_main_exists')),
    [],
  );
});

test('the session’s file lost on the way: the citizen’s sentence, and „Erneut versuchen“ brings the sign-in', async () => {
  const page = await ctx.browser.newPage();
  // Lost on the way each time its first address is asked for (by the first file and the login's); the retry's fresh address comes.
  await page.route(/buergerportal-widgets\.session\.js/, (route) =>
    route.request().url().includes('attempt=') ? route.continue() : route.abort('internetdisconnected'),
  );
  await page.goto(`${ctx.world.origin}/pages/login.html`);
  await page.getByText('Die Anmeldung ist gerade nicht erreichbar.', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Erneut versuchen' }).click();
  await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await page.getByLabel('Benutzername').waitFor();
});

test('a version in the script’s address (?ver=): every file is loaded once, one session, one Lit', async () => {
  const page = await ctx.browser.newPage();
  const problems = watchPage(page);
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await page.goto(`${ctx.world.origin}/pages/versioned.html`);
  const manager = page.locator('kassenzeichen-manager');
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await manager.getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
  asked.length = 0;
  await page.reload();
  await manager.getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
  const scripts = asked.filter((path) => path.startsWith('/dist/'));
  for (const file of new Set(scripts)) assert.equal(scripts.filter((path) => path === file).length, 1, `${file} once per page view`);
  assert.ok(scripts.includes('/dist/buergerportal-widgets.session.js'));
  assert.equal(await page.evaluate(() => (window.litElementVersions ?? []).length), 1, 'one copy of Lit');
  assert.deepEqual(problems, []);
});

test('the script copied without the manager’s file: the editor is told which file is missing, the login still works', async () => {
  const page = await ctx.browser.newPage();
  await page.addInitScript(() => {
    window.managerErrors = [];
    window.addEventListener('kassenzeichen-error', (event) => window.managerErrors.push(event.detail.code));
  });
  await page.goto(`${ctx.world.origin}/pages/alone-manager.html`);
  const manager = page.locator('kassenzeichen-manager');
  await manager.getByText('buergerportal-widgets.manager.js konnte nicht geladen werden').waitFor();
  assert.equal(await manager.getByRole('alert').count(), 1);
  assert.deepEqual(await page.evaluate(() => window.managerErrors), ['module-missing']);
  await page.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
});

test('the manager’s file lost on the way: the citizen’s sentence, and „Erneut versuchen“ brings the manager', async () => {
  const page = await ctx.browser.newPage();
  const problems = watchPage(page);
  // Lost on the way until the citizen asks again (the first file and the login's each asked for it).
  let lost = true;
  await page.route(/buergerportal-widgets\.manager\.js/, (route) => (lost ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(`${ctx.world.origin}/pages/portal.html`);
  const manager = page.locator('kassenzeichen-manager');
  await manager.getByText('Ihre Kassenzeichen können gerade nicht angezeigt werden.', { exact: false }).waitFor();
  lost = false;
  await manager.getByRole('button', { name: 'Erneut versuchen' }).click();
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  // Only the lost request itself may show in the console.
  assert.deepEqual(
    problems.filter((problem) => !problem.includes('Failed to load resource')),
    [],
  );
});

test('the manager’s file included by hand as well: the editor reads why in the console, the manager works', async () => {
  const page = await ctx.browser.newPage();
  const problems = watchPage(page);
  await page.goto(`${ctx.world.origin}/pages/manager-file-included.html`);
  await page.locator('kassenzeichen-manager').getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0], /bitte nur buergerportal-widgets\.js einbinden/);
});

test('both stand-ins for the manager’s file pass axe and IBM: the editor’s box and the citizen’s sentence', async () => {
  for (const [answer, text] of [
    [(route) => route.fulfill({ status: 404, body: 'not found' }), 'buergerportal-widgets.manager.js konnte nicht geladen werden'],
    [(route) => route.abort('internetdisconnected'), 'Ihre Kassenzeichen können gerade nicht angezeigt werden.'],
  ]) {
    const page = await ctx.browser.newPage();
    await page.route(/buergerportal-widgets\.manager\.js/, answer);
    await page.goto(`${ctx.world.origin}/pages/portal.html`);
    await page.locator('kassenzeichen-manager').getByText(text).waitFor();
    assert.deepEqual(await audit(page), [], text);
    await page.close();
  }
});

/** Opens `page`, signs in through the manager's own button and waits for the list; no errors on the way. */
async function signInThroughManager(pageName) {
  const page = await ctx.browser.newPage();
  const problems = watchPage(page);
  const manager = page.locator('kassenzeichen-manager');
  await page.goto(`${ctx.world.origin}/pages/${pageName}`);
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await manager.getByRole('button', { name: 'Entfernen' }).waitFor();
  assert.deepEqual(problems, []);
}

test('the manager alone, with its own authority and client-id, signs in and lists', async () => {
  await signInThroughManager('manager-alone.html');
});

test('Windows high contrast and reduced motion are honoured', async () => {
  const page = await ctx.browser.newPage();
  await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
  await page.goto(`${ctx.world.origin}/pages/portal.html`);
  const button = page.locator('kassenzeichen-manager').getByRole('button', { name: 'Zum Servicekonto.NRW' });
  await button.waitFor();
  const style = await button.evaluate((node) => {
    const computed = getComputedStyle(node);
    return { border: computed.borderTopStyle, width: parseFloat(computed.borderTopWidth), adjust: computed.forcedColorAdjust };
  });
  assert.deepEqual(style, { border: 'solid', width: 2, adjust: 'auto' });
  const animation = await page.evaluate(() => {
    const probe = document.querySelector('kassenzeichen-manager').shadowRoot;
    const spinner = document.createElement('span');
    spinner.className = 'spinner';
    probe.append(spinner);
    const name = getComputedStyle(spinner).animationName;
    spinner.remove();
    return name;
  });
  assert.equal(animation, 'none');
});

test('the one-file variant, placed alone, signs in and lists', async () => {
  await signInThroughManager('single-file.html');
});
