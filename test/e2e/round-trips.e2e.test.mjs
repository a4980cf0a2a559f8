import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInAtProvider, useWorld } from './browser.mjs';
import { chainsOf } from './request-chain.mjs';

/*
 * How many requests the citizen waits for one after another – counted from
 * the browser's own timings, CORS preflights apart – and that the sign-in
 * button does not wait for the oidc file or the provider.
 */

const ctx = useWorld({ scenario: 'returning' });

async function overviewAfterCallback(pageName) {
  return chainsOf(ctx.browser, ctx.world.origin, `/pages/${pageName}`, signInAtProvider);
}

test('one file: from the callback to the overview in 4 requests in sequence (page, script, token, data); a reload in 3', async () => {
  const { chain, reloadChain } = await overviewAfterCallback('single-file.html');
  assert.ok(chain.length <= 4, chain.join(' → '));
  assert.ok(reloadChain.length <= 3, reloadChain.join(' → '));
});

test('two files: the way back needs no oidc file either (4); a reload while signed in needs neither it nor the provider (3)', async () => {
  const { chain, reloadChain } = await overviewAfterCallback('portal.html');
  assert.ok(chain.length <= 4, chain.join(' → '));
  assert.ok(!chain.some((label) => label.includes('oidc.js')), `no oidc file after the redirect: ${chain.join(' → ')}`);
  assert.ok(!chain.some((label) => label.includes('openid-configuration')), `no discovery after the redirect: ${chain.join(' → ')}`);
  assert.ok(reloadChain.length <= 3, reloadChain.join(' → '));
  assert.ok(!reloadChain.some((label) => label.includes('oidc')), reloadChain.join(' → '));
});

test('the sign-in button appears while the oidc file and the discovery document are held back', async () => {
  const page = await ctx.browser.newPage();
  const held = [];
  await page.route(/buergerportal-widgets\.oidc\.js|openid-configuration/, (route) => void held.push(route));
  await page.goto(`${ctx.world.origin}/pages/portal.html`);
  await page.locator('servicekonto-login').getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  await page.locator('kassenzeichen-manager').getByRole('button', { name: 'Zum Servicekonto.NRW' }).waitFor();
  assert.equal(held.length, 0, 'not even asked for');
  await page.close();
});
