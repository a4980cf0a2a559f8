import assert from 'node:assert/strict';
import { test } from 'node:test';
import { audit, describeFocus } from './audit.mjs';
import { signInAtProvider, useWorld, watchPage } from './browser.mjs';

/*
 * The whole flow on a city page with a dark blue header, driven by the
 * keyboard: after every action, in success and in failure, focus is inside the
 * element (never <body>), and two accessibility engines (axe, IBM) find
 * nothing, with the default look and with a light-on-dark theme.
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

test('every state of the flow: no findings by axe or IBM, focus kept inside after every action', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = watchPage(page);
  const { backend } = ctx.world;
  const manager = page.locator('kassenzeichen-manager');
  const step = (name) => manager.getByRole('heading', { level: 3, name, exact: true }).waitFor();
  const press = async (name, exact = true) => {
    await manager.getByRole('button', { name, exact }).press('Enter');
  };
  const { check, findings } = auditor(page);

  await page.goto(`${ctx.world.origin}/pages/city.html`);
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  await check('signed out');
  await press('Zum Servicekonto.NRW');
  await signInAtProvider(page);
  await step('Einmalige Zustimmung zur Datenübertragung');
  await check('consent');

  await press('Ablehnen');
  await step('Ohne Zustimmung nicht nutzbar');
  await assertFocusInside(page, '„Ablehnen“');
  await check('declined');
  await press('Doch zustimmen');
  await step('Einmalige Zustimmung zur Datenübertragung');

  backend.scenario = 'server-down';
  await press('Zustimmen');
  await manager.getByText('Beim Bürgerportal ist ein Fehler aufgetreten').waitFor();
  assert.equal((await assertFocusInside(page, 'a failed „Zustimmen“')).tag, 'div', 'focus on the message');
  await check('consent failed');
  backend.scenario = 'first-visit';
  await press('Erneut versuchen');
  await manager.getByText('Beispiel: 1500.0000.0000').waitFor();
  await assertFocusInside(page, '„Erneut versuchen“');
  await check('empty overview');

  await press('Kassenzeichen hinzufügen');
  await step('Kassenzeichen hinzufügen');
  await assertFocusInside(page, '„Kassenzeichen hinzufügen“');
  await check('choice');
  await press('Kassenzeichen hinzufügen');
  await step('Kassenzeichen und Anschrift');
  await check('form');
  await press('Weiter');
  await manager.getByText('4 Angaben fehlen oder sind nicht richtig').waitFor();
  assert.equal((await assertFocusInside(page, 'an empty form')).tag, 'div', 'focus on the error summary');
  await check('form with errors');

  await manager.getByLabel('Kassenzeichen').fill('1500 0000 0001');
  await manager.getByLabel('Straße').fill('Musterstraße');
  await manager.getByLabel('Hausnummer').fill('12a');
  await manager.getByLabel('Postleitzahl').fill('41061');
  await press('Weiter');
  await step('Bitte prüfen Sie Ihre Angaben');
  await check('check');
  await press('Bestätigen');
  await step('Eigentümer oder Zustellvertreter?');
  await check('role');
  await press('OK');
  await manager.getByText('Eine Angabe fehlt oder ist nicht richtig').waitFor();
  await assertFocusInside(page, '„OK“ without a role');
  await check('role missing');

  await manager.getByRole('radio', { name: 'Eigentümer' }).check();
  backend.scenario = 'server-down';
  await press('OK');
  await manager.getByText('Beim Bürgerportal ist ein Fehler aufgetreten').waitFor();
  await assertFocusInside(page, 'a failed „OK“');
  await check('letter request failed');
  backend.scenario = 'first-visit';
  await press('Erneut versuchen');
  await step('Ihr Bestätigungscode kommt per Post');
  await assertFocusInside(page, 'a successful retry');
  await check('letter sent');
  assert.equal(backend.letters.length, 1, 'one letter for one request, retry included');

  await press('Zur Übersicht');
  await step('Ihre Kassenzeichen');
  await manager.getByRole('button', { name: 'Zurückziehen 1500.0000.0001' }).waitFor();
  await check('overview with a pending request');
  await press('Neuen Code anfordern 1500.0000.0001');
  await step('Neuen Bestätigungscode anfordern?');
  await check('confirm a new letter');
  await press('Abbrechen');
  await step('Ihre Kassenzeichen');
  await press('Zurückziehen 1500.0000.0001');
  await step('Anfrage zurückziehen?');
  await check('confirm withdrawal');
  await press('Abbrechen');
  await step('Ihre Kassenzeichen');

  await press('Bestätigungscode eingeben 1500.0000.0001');
  await step('Bestätigungscode eingeben');
  await check('code');
  await manager.getByLabel('Bestätigungscode').fill('WRONG-CODE');
  await press('OK');
  await manager.getByText('Der Code stimmt nicht').first().waitFor();
  await assertFocusInside(page, 'a wrong code');
  await check('wrong code');
  await manager.getByLabel('Bestätigungscode').fill(backend.letters[0].code);
  await press('OK');
  await step('Ihr Kassenzeichen ist nun hinzugefügt.');
  await assertFocusInside(page, 'the right code');
  await check('done');
  await press('Beenden');
  await manager.getByRole('button', { name: 'Entfernen 1500.0000.0001' }).waitFor();
  await assertFocusInside(page, '„Beenden“');
  await check('overview with confirmed Kassenzeichen');

  backend.scenario = 'server-down';
  await page.reload();
  await manager.getByText('Ihre Kassenzeichen konnten nicht geladen werden').waitFor();
  await check('list not loaded');
  backend.scenario = 'first-visit';

  assert.deepEqual(findings, []);
  assert.deepEqual(
    problems.filter((p) => !p.includes('Failed to load resource')),
    [],
  );
});

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
