import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInAtProvider, useWorld } from './browser.mjs';

/*
 * How many requests the citizen waits for one after another – counted from
 * the browser's own timings, CORS preflights apart – and that the sign-in
 * button does not wait for the oidc file or the provider.
 */

const ctx = useWorld({ scenario: 'returning' });

/**
 * Every answer takes 60 ms, as over a real network: on loopback answers are so
 * fast that two requests made at the same time could look as if one waited for the other.
 */
async function addLatency(page) {
  await page.route('**/*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 60));
    await route.continue();
  });
}

/** Records the page's requests with their start and end times (ms since the epoch). */
function recordRequests(page) {
  const requests = [];
  page.on('requestfinished', (request) => {
    const timing = request.timing();
    const url = new URL(request.url());
    if (url.pathname === '/favicon.ico') return;
    requests.push({
      label: `${request.method()} ${url.pathname}${url.search.includes('code=') ? ' (callback)' : ''}`,
      preflight: request.method() === 'OPTIONS',
      start: timing.startTime,
      end: timing.startTime + timing.responseEnd,
    });
  });
  return requests;
}

/** The longest chain of requests where each starts only after the one before has ended. */
function longestChain(requests) {
  const sorted = requests.filter((r) => !r.preflight).sort((a, b) => a.start - b.start);
  const chains = [];
  for (const request of sorted) {
    const before = chains.filter((chain) => chain.at(-1).end <= request.start + 1).sort((a, b) => b.length - a.length)[0] ?? [];
    chains.push([...before, request]);
  }
  return chains.sort((a, b) => b.length - a.length)[0]?.map((r) => r.label) ?? [];
}

async function overviewAfterCallback(pageName) {
  const page = await ctx.browser.newPage();
  const manager = page.locator('kassenzeichen-manager');
  await page.goto(`${ctx.world.origin}/pages/${pageName}`);
  await manager.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await page.getByLabel('Benutzername').waitFor();
  await addLatency(page);
  const requests = recordRequests(page);
  await signInAtProvider(page);
  await manager.getByRole('button', { name: 'Entfernen 1500.0000.0001' }).waitFor();
  // From the callback page on: the provider's own pages before it do not count.
  const callback = requests.find((r) => r.label.endsWith('(callback)'));
  const afterCallback = requests.filter((r) => r.start >= callback.start);
  const chain = longestChain(afterCallback);
  await page.waitForTimeout(200); // let the answers still on their way finish before the next count starts

  const reload = recordRequests(page);
  await page.reload();
  await manager.getByRole('button', { name: 'Entfernen 1500.0000.0001' }).waitFor();
  return { chain, reloadChain: longestChain(reload), preflights: afterCallback.filter((r) => r.preflight).length };
}

test('one file: from the callback to the overview in 4 requests in sequence (page, script, token, data); a reload in 3', async () => {
  const { chain, reloadChain } = await overviewAfterCallback('single-file.html');
  assert.ok(chain.length <= 4, chain.join(' → '));
  assert.ok(reloadChain.length <= 3, reloadChain.join(' → '));
});

test('two files: the oidc file adds one step after the callback (5); a reload while signed in needs neither it nor the provider (3)', async () => {
  const { chain, reloadChain } = await overviewAfterCallback('portal.html');
  assert.ok(chain.length <= 5, chain.join(' → '));
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
