import assert from 'node:assert/strict';
import { test } from 'node:test';
import { audit, describeFocus } from './audit.mjs';
import { signInAtProvider, useWorld, watchPage } from './browser.mjs';
import { loadCatalogs, strings } from './catalogs.mjs';

/*
 * The whole flow on a city page with a dark blue header, driven by the
 * keyboard: after every action, in success and in failure, focus is inside the
 * element (never <body>), and two accessibility engines (axe, IBM) find
 * nothing, with the default look and with a light-on-dark theme – in German,
 * English and Leichte Sprache, each from a page that has only the one script tag.
 */

const ctx = useWorld({ scenario: 'first-visit' });

/** The default look, a light-on-dark theme, and odd marker colours (test/e2e/pages/city.css). */
const THEMES = ['', 'theme-dark', 'theme-odd'];

/** Findings of every state, collected so that one run shows them all. */
function auditor(page) {
  const findings = [];
  return {
    findings,
    async check(state) {
      for (const theme of THEMES) {
        await page.evaluate((name) => (document.documentElement.className = name), theme);
        for (const finding of await audit(page)) findings.push(`${state}${theme ? ` (${theme})` : ''}: ${finding}`);
      }
      await page.evaluate(() => (document.documentElement.className = ''));
    },
  };
}

/** After an action: focus is on something inside one of the two elements. */
async function assertFocusInside(page, after) {
  const focus = await describeFocus(page);
  assert.ok(
    focus.host === 'kassenzeichen-manager' || focus.host === 'servicekonto-login',
    `after ${after}, focus is on ${focus.tag} "${focus.name}" outside the elements`,
  );
  return focus;
}

const { de, en, deLs } = await loadCatalogs();
const LANGUAGES = [
  { tag: 'de', page: 'city.html', T: de },
  { tag: 'en', page: 'city-en.html', T: en },
  { tag: 'de-x-ls', page: 'city-ls.html', T: deLs },
];

/** Texts on screen that belong to another catalog and not to the one shown: left over from another language. */
async function foreignTexts(page, own) {
  const ownTexts = strings(own);
  const others = new Set([...LANGUAGES.flatMap(({ T }) => [...strings(T)])].filter((text) => !ownTexts.has(text) && text.length > 3));
  const onScreen = await page.evaluate(() => {
    const texts = [];
    for (const host of document.querySelectorAll('servicekonto-login, kassenzeichen-manager')) {
      const walker = document.createTreeWalker(host.shadowRoot, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent.trim()) texts.push(node.textContent.trim());
    }
    return texts;
  });
  return onScreen.filter((text) => others.has(text));
}

for (const { tag, page: pageName, T } of LANGUAGES) {
  test(`every state of the flow in ${tag}: no findings by axe or IBM, no text of another language, focus kept inside after every action`, async () => {
    const t = T.manager;
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = watchPage(page);
    const { backend } = ctx.world;
    backend.reset('first-visit');
    const manager = page.locator('kassenzeichen-manager');
    const step = (name) => manager.getByRole('heading', { level: 3, name, exact: true }).waitFor();
    const press = async (name, exact = true) => {
      await manager.getByRole('button', { name, exact }).press('Enter');
    };
    const auditing = auditor(page);
    const leftovers = [];
    const check = async (state) => {
      await auditing.check(state);
      for (const text of await foreignTexts(page, T)) leftovers.push(`${state}: ${text}`);
    };

    await page.goto(`${ctx.world.origin}/pages/${pageName}`);
    await manager.getByRole('button', { name: T.login.signInButton['servicekonto-nrw'] }).waitFor();
    await check('signed out');
    await press(T.login.signInButton['servicekonto-nrw']);
    await signInAtProvider(page);
    await step(t.consentTitle);
    await check('consent');

    await press(t.decline);
    await step(t.declinedTitle);
    await assertFocusInside(page, t.decline);
    await check('declined');
    await press(t.reconsider);
    await step(t.consentTitle);

    backend.scenario = 'server-down';
    await press(t.agree);
    await manager.getByText(t.problems.server).waitFor();
    assert.equal((await assertFocusInside(page, `a failed ${t.agree}`)).tag, 'div', 'focus on the message');
    await check('consent failed');
    backend.scenario = 'first-visit';
    await press(t.retry);
    await manager.getByText(t.overviewEmpty).waitFor();
    await assertFocusInside(page, t.retry);
    await check('empty overview');

    await press(t.addButton);
    await step(t.choiceTitle);
    await assertFocusInside(page, t.addButton);
    await check('choice');
    await press(t.addButton);
    await step(t.formTitle);
    await check('form');
    await press(t.next);
    await manager.getByText(t.errorSummaryTitle(4)).waitFor();
    assert.equal((await assertFocusInside(page, 'an empty form')).tag, 'div', 'focus on the error summary');
    await check('form with errors');

    await manager.getByLabel(t.labels.kassenzeichen, { exact: true }).fill('1500 0000 0001');
    await manager.getByLabel(t.labels.street).fill('Musterstraße');
    await manager.getByLabel(t.labels.houseNumber).fill('12a');
    await manager.getByLabel(t.labels.postalCode).fill('41061');
    await press(t.next);
    await step(t.checkTitle);
    await check('check');
    await press(t.confirm);
    await step(t.roleTitle);
    await check('role');
    await press(t.ok);
    await manager.getByText(t.errorSummaryTitle(1)).waitFor();
    await assertFocusInside(page, `${t.ok} without a role`);
    await check('role missing');

    await manager.getByRole('radio', { name: t.role.owner }).check();
    backend.scenario = 'server-down';
    await press(t.ok);
    await manager.getByText(t.problems.server).waitFor();
    await assertFocusInside(page, `a failed ${t.ok}`);
    await check('letter request failed');
    backend.scenario = 'first-visit';
    await press(t.retry);
    await step(t.letterTitle);
    await assertFocusInside(page, 'a successful retry');
    await check('letter sent');
    assert.equal(backend.letters.length, 1, 'one letter for one request, retry included');

    await press(t.toOverview);
    await step(t.title);
    await manager.getByRole('button', { name: t.itemAction(t.withdrawButton, '1500.0000.0001') }).waitFor();
    await check('overview with a pending request');
    await press(t.itemAction(t.newCodeButton, '1500.0000.0001'));
    await step(t.confirmLetterTitle);
    await check('confirm a new letter');
    await press(t.cancel);
    await step(t.title);
    await press(t.itemAction(t.withdrawButton, '1500.0000.0001'));
    await step(t.confirmWithdrawTitle);
    await check('confirm withdrawal');
    await press(t.cancel);
    await step(t.title);

    await press(t.itemAction(t.enterCodeButton, '1500.0000.0001'));
    await step(t.codeTitle);
    await check('code');
    await manager.getByLabel(t.labels.code, { exact: true }).fill('WRONG-CODE');
    await press(t.ok);
    await manager.getByText(t.errors.wrongCode(4)).first().waitFor();
    await assertFocusInside(page, 'a wrong code');
    await check('wrong code');
    await manager.getByLabel(t.labels.code, { exact: true }).fill(backend.letters[0].code);
    await press(t.ok);
    await step(t.doneTitle);
    await assertFocusInside(page, 'the right code');
    await check('done');
    await press(t.finish);
    await manager.getByRole('button', { name: t.itemAction(t.removeButton, '1500.0000.0001') }).waitFor();
    await assertFocusInside(page, t.finish);
    await check('overview with confirmed Kassenzeichen');

    backend.scenario = 'server-down';
    await page.reload();
    await manager.getByText(t.loadFailed).waitFor();
    await check('list not loaded');
    backend.scenario = 'first-visit';

    assert.deepEqual(auditing.findings, []);
    assert.deepEqual(leftovers, []);
    assert.deepEqual(
      problems.filter((p) => !p.includes('Failed to load resource')),
      [],
    );
  });
}

test('the audit sees into shadow roots: a broken element is found by both engines', async () => {
  const page = await ctx.browser.newPage();
  await page.goto(`${ctx.world.origin}/pages/city.html`);
  await page.evaluate(() => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<button></button><p style="color:#777;background:#888">schlecht lesbar</p>';
    document.querySelector('main').append(host);
  });
  const findings = await audit(page);
  assert.ok(
    findings.some((f) => f.startsWith('axe button-name')),
    findings.join('\n'),
  );
  assert.ok(
    findings.some((f) => f.startsWith('axe color-contrast')),
    findings.join('\n'),
  );
  assert.ok(
    findings.some((f) => f.startsWith('ace ')),
    findings.join('\n'),
  );
});
