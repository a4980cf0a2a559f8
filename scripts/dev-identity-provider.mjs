import Provider from 'oidc-provider';

/*
 * A real OpenID provider (oidc-provider) standing in for the city's identity
 * broker in front of Servicekonto.NRW: the demo mounts it in the dev server,
 * the end-to-end tests in their own server. Its login page says plainly that
 * it is a demo. Nothing here ships in the widgets.
 */

const escapeHtml = (value) =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="icon" href="data:,">
<style>
body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
.demo{background:#fff3cd;border:2px solid #8a6d00;padding:.5rem .75rem}
label{display:block;margin-top:1rem;font-weight:600}
input{font:inherit;width:100%;padding:.5rem;border:1px solid #555}
button{font:inherit;margin-top:1rem;padding:.6rem 1rem;background:#005ca9;color:#fff;border:0;border-radius:4px}
a{color:#0b4fb3}
</style></head><body>${body}</body></html>`;
}

/** The BFF as a confidential client (client_secret_basic), with back-channel logout by provider session. */
function bffClient({ clientId, clientSecret, publicUrls }) {
  return {
    client_id: clientId,
    client_secret: clientSecret,
    token_endpoint_auth_method: 'client_secret_basic',
    redirect_uris: publicUrls.map((url) => `${url}/callback`),
    post_logout_redirect_uris: publicUrls.map((url) => `${url}/signed-out`),
    backchannel_logout_uri: `${publicUrls[0]}/backchannel-logout`,
    backchannel_logout_session_required: true,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
  };
}

function loginPage(uid, base, clientId) {
  return page(
    'Servicekonto.NRW (Demo) – Anmelden',
    `<p class="demo"><strong>Demo-Anmeldeseite</strong> – nachgebildet, nicht das echte Servicekonto.NRW. Beliebiger Name und ein beliebiges Passwort genügen.</p>
<h1>Servicekonto.NRW</h1>
<p>Anmeldung für <strong>${escapeHtml(clientId)}</strong></p>
<form method="post" action="${base}/interaction/${uid}/login" autocomplete="off">
<label for="username">Benutzername</label><input id="username" name="username" required value="Erika Mustermann">
<label for="password">Passwort</label><input id="password" name="password" type="password" required>
<button type="submit">Anmelden mit Benutzername und Passwort</button>
</form>
<p><a href="${base}/interaction/${uid}/abort">Anmeldung abbrechen</a></p>`,
  );
}

/**
 * The end-session page. With the ID token as hint (the login and the BFF
 * always send it) the sign-out is certainly the citizen's own, and the page
 * submits itself – as Keycloak returns at once – so the citizen is back on the
 * city's page without a question. Without the hint (someone opened the
 * address) it asks, as oidc-provider does by default.
 */
function logoutSource(ctx, form) {
  if (ctx.oidc.params.id_token_hint) {
    ctx.body = page(
      'Servicekonto.NRW (Demo) – Abmelden',
      `<h1>Sie werden abgemeldet …</h1>${form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>')}
<noscript><button type="submit" form="op.logoutForm">Weiter</button></noscript>
<script>document.getElementById('op.logoutForm').submit();</script>`,
    );
    return;
  }
  ctx.body = page(
    'Servicekonto.NRW (Demo) – Abmelden',
    `<p class="demo"><strong>Demo-Abmeldeseite</strong></p><h1>Abmelden</h1>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Ja, abmelden</button>
<button type="submit" form="op.logoutForm">Nein, angemeldet bleiben</button>`,
  );
}

/**
 * oidc-provider accepts POST at its end-session endpoint only when its session
 * cookie is `SameSite=None`, which needs https. On 127.0.0.1 the BFF and the
 * provider are the same site, so `Lax` carries the cookie on that POST too:
 * the stand-in sends `Lax` (as before) and still takes the POST.
 */
function keepCookiesSameSiteLax(res) {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) =>
    setHeader(
      name,
      name.toLowerCase() === 'set-cookie'
        ? [value].flat().map((cookie) => String(cookie).replace(/samesite=none/i, 'samesite=lax'))
        : value,
    );
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * @param {object} options
 * @param {string} options.issuer  e.g. http://127.0.0.1:5173/oidc
 * @param {string} options.clientId
 * @param {string[]} options.redirectUris
 * @param {number} [options.accessTokenTtl] seconds
 * @param {{ clientId: string, clientSecret: string, publicUrls: string[] }} [options.bff]
 *   A confidential client for the backend-for-frontend: redirect `/callback`, post-logout
 *   `/signed-out` and back-channel logout `/backchannel-logout` under the first public URL.
 * @returns {{ provider: Provider, handle: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void, isIssuedAccessToken: (token: string) => Promise<boolean> }}
 *   `handle` takes requests whose URL starts with the issuer's path.
 */
export function createDevIdentityProvider({ issuer, clientId, redirectUris, accessTokenTtl = 600, bff }) {
  const base = new URL(issuer).pathname.replace(/\/$/, '');
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: redirectUris,
        post_logout_redirect_uris: redirectUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
      ...(bff ? [bffClient(bff)] : []),
    ],
    // Like Keycloak with "Revoke Refresh Token": every refresh token is used once.
    rotateRefreshToken: true,
    claims: { openid: ['sub'], profile: ['name'] },
    async findAccount(_ctx, accountId) {
      return { accountId, claims: async () => ({ sub: accountId, name: accountId }) };
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: accessTokenTtl,
      IdToken: accessTokenTtl,
      RefreshToken: 8 * 3600,
      Interaction: 3600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    interactions: { url: (_ctx, interaction) => `${base}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource },
      backchannelLogout: { enabled: true },
    },
    cookies: { keys: ['buergerportal-widgets-demo-only'], long: { sameSite: 'none' } },
    // RP-initiated logout as a form POST (the BFF sends the ID token in the body, never in a URL).
    enableHttpPostMethods: true,
    // Its SSRF guard refuses loopback addresses; here the BFF's back-channel logout URI is one by design.
    fetch: (url, { dispatcher: _loopbackRefused, ...options }) => globalThis.fetch(url, options),
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page('Fehler', `<h1>Fehler</h1><p>${escapeHtml(out.error)}: ${escapeHtml(out.error_description ?? '')}</p>`);
    },
  });
  const callback = provider.callback();

  async function interaction(req, res, uid, action) {
    const details = await provider.interactionDetails(req, res);
    if (action === 'abort') {
      return provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'Anmeldung abgebrochen' },
        { mergeWithLastSubmission: false },
      );
    }
    if (details.prompt.name === 'login' && action !== 'login') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      return res.end(loginPage(uid, base, details.params.client_id));
    }
    const accountId = action === 'login' ? (await readForm(req)).get('username')?.trim() || 'Erika Mustermann' : details.session.accountId;
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  function handle(req, res) {
    const path = new URL(req.url, 'http://x').pathname;
    const match = path.match(new RegExp(`^${base}/interaction/([^/]+)(?:/(login|abort))?$`));
    if (match) {
      interaction(req, res, match[1], match[2]).catch((error) => {
        res.statusCode = 400;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(`Interaktion fehlgeschlagen: ${error.message}`);
      });
      return;
    }
    keepCookiesSameSiteLax(res);
    // oidc-provider routes relative to its mount point, like express's app.use(base, ...).
    req.originalUrl = req.url;
    req.url = req.url.slice(base.length) || '/';
    callback(req, res);
  }

  /** Whether this provider issued `token` and it has not expired: how the stand-in backends check a bearer token. */
  async function isIssuedAccessToken(token) {
    const issued = await provider.AccessToken.find(token);
    return !!issued && !issued.isExpired;
  }

  return { provider, handle, isIssuedAccessToken };
}
