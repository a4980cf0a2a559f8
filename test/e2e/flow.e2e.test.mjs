import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestLetter, signInAtProvider, useWorld, watchPage } from './browser.mjs';

/*
 * The citizen's whole way, as in the city's guide, on a page that loads the
 * built single file: sign in, consent, add, check, role, letter, code, done.
 * Driven only by accessible names and labels.
 */

const ctx = useWorld({ scenario: 'first-visit' });

test('from „Zum Servicekonto.NRW“ to „Beenden“, with auto-linked Kassenzeichen', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 320, height: 800 } });
  const problems = watchPage(page);
  const codeExchanges = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/oidc/token') && request.postData()?.includes('grant_type=authorization_code')) codeExchanges.push(request);
  });
  const manager = page.locator('kassenzeichen-manager');
  await page.goto(`${ctx.world.origin}/pages/portal.html`);

  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page);
  await manager.getByRole('heading', { name: 'Einmalige Zustimmung zur Datenübertragung' }).waitFor();
  assert.equal(codeExchanges.length, 1, 'two elements on the page, one token exchange');
  assert.equal(new URL(page.url()).search, '');
  await manager.getByRole('button', { name: 'Zustimmen' }).click();

  await manager.getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
  await requestLetter(manager, { clicks: 2 });
  assert.equal(ctx.world.backend.letters.length, 1, 'a double click posts one letter');

  // Days later: the letter has come. A reload stands in for the return.
  await page.reload();
  await manager.getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
  await manager.getByRole('button', { name: 'Kassenzeichen hinzufügen' }).click();
  await manager.getByRole('button', { name: 'Bestätigungscode eingeben' }).click();
  await manager.getByLabel('Bestätigungscode').fill(ctx.world.backend.letters[0].code.toLowerCase());
  await manager.getByRole('button', { name: 'OK' }).click();

  await manager.getByRole('heading', { name: 'Ihr Kassenzeichen ist nun hinzugefügt.' }).waitFor();
  await manager.getByText('Diese weiteren Kassenzeichen wurden Ihrem Konto automatisch zugeordnet').waitFor();
  for (const further of ['1500.0000.0002', '1500.0000.0003']) {
    assert.equal(await manager.getByRole('listitem').filter({ hasText: further }).count(), 1, `${further} shown as auto-linked`);
  }
  assert.equal(await manager.getByRole('link', { name: '02161 49 10 10' }).getAttribute('href'), 'tel:+492161491010');
  await manager.getByRole('button', { name: 'Beenden' }).click();
  await manager.getByRole('heading', { name: 'Ihre Kassenzeichen' }).waitFor();
  assert.equal(await manager.getByRole('button', { name: 'Entfernen' }).count(), 3);

  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 320, `no horizontal scrolling at 320 px (scrollWidth ${scrollWidth})`);
  assert.deepEqual(
    problems.filter((p) => !p.includes('Failed to load resource')),
    [],
  );
});
