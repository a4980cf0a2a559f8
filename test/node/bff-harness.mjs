import { createServer, request as httpRequest } from 'node:http';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createBffApp, jsonLogger, MemoryStore, readBffConfig } from '../../packages/bff/dist/app.js';

/*
 * The built BFF (packages/bff/dist/app.js) in this process, with a clock the test
 * moves, between a small stand-in identity provider (discovery, keys, token,
 * revocation; it signs what it issues) and a stand-in backend that records
 * every request that reaches it. Everything on 127.0.0.1.
 */

const CLIENT_ID = 'bff-test';

async function listen(handler) {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function json(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * The stand-in provider: every code it hands out is for the citizen the test
 * names. Settable: `expiresIn` (the access token's seconds), `rotation` (a
 * refresh token counts once: presented again, `invalid_grant`, as Keycloak
 * with „Revoke Refresh Token“ and no reuse), `beforeRefresh` (awaited before
 * a renewal is answered; resolving to `'drop'` drops the connection unanswered
 * and the token unused), `refreshFails`.
 */
export async function startProvider() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const codes = new Map();
  const provider = {
    revoked: [],
    issued: [],
    refreshed: 0,
    refreshFails: false,
    expiresIn: 300,
    rotation: false,
    beforeRefresh: undefined,
  };
  const used = new Set();
  /** Presented before with `rotation` on (or never issued): refused. */
  const refused = (token) => provider.rotation && (used.has(token) || !provider.issued.includes(token));
  const sign = (claims, header = {}) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1', ...header }).sign(privateKey);
  const tokens = async (citizen) => {
    const now = Math.floor(Date.now() / 1000);
    const idToken = await sign({
      iss: provider.issuer,
      aud: CLIENT_ID,
      sub: citizen.sub,
      sid: citizen.sid,
      nonce: citizen.nonce,
      name: citizen.name,
      auth_time: citizen.authTime ?? now,
      iat: now,
      exp: now + 300,
    });
    const refreshToken = `rt-${randomBytes(8).toString('hex')}`;
    provider.issued.push(refreshToken);
    return {
      access_token: `at-${randomBytes(8).toString('hex')}`,
      refresh_token: refreshToken,
      id_token: idToken,
      token_type: 'Bearer',
      expires_in: provider.expiresIn,
    };
  };
  const { server, origin } = await listen(async (req, res) => {
    const path = new URL(req.url, origin).pathname;
    if (path === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer: origin,
        authorization_endpoint: `${origin}/authorize`,
        token_endpoint: `${origin}/token`,
        jwks_uri: `${origin}/jwks`,
        revocation_endpoint: `${origin}/revoke`,
        end_session_endpoint: `${origin}/end`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (path === '/jwks') return json(res, 200, { keys: [jwk] });
    const form = await readForm(req);
    if (path === '/revoke') {
      provider.revoked.push(form.get('token'));
      return json(res, 200, {});
    }
    if (path === '/token' && form.get('grant_type') === 'authorization_code') {
      const citizen = codes.get(form.get('code'));
      codes.delete(form.get('code'));
      return citizen ? json(res, 200, await tokens(citizen)) : json(res, 400, { error: 'invalid_grant' });
    }
    if (path === '/token' && form.get('grant_type') === 'refresh_token') {
      provider.refreshed += 1;
      if ((await provider.beforeRefresh?.()) === 'drop') return void res.destroy();
      // `refreshFails`: the provider is down for renewals (an HTML error page, as a proxy in front would send).
      if (provider.refreshFails) return void res.writeHead(503, { 'Content-Type': 'text/html' }).end('<h1>503</h1>');
      const presented = form.get('refresh_token');
      if (refused(presented)) return json(res, 400, { error: 'invalid_grant' });
      used.add(presented);
      return json(res, 200, await tokens({ sub: 'renewed' }));
    }
    json(res, 404, { error: 'not_found' });
  });
  return Object.assign(provider, {
    issuer: origin,
    server,
    /** A code for `citizen`, as if the provider had signed them in for the authorize URL `authorizeUrl`. */
    codeFor(authorizeUrl, citizen) {
      const code = randomBytes(12).toString('hex');
      codes.set(code, { ...citizen, nonce: new URL(authorizeUrl).searchParams.get('nonce') });
      return code;
    },
    /** A back-channel logout token, signed with the provider's key; `claims` and `header` change or add what the test needs. */
    logoutToken(claims = {}, header = {}) {
      const now = Math.floor(Date.now() / 1000);
      const base = {
        iss: origin,
        aud: CLIENT_ID,
        iat: now,
        exp: now + 120,
        jti: randomBytes(8).toString('hex'),
        events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
      };
      return sign({ ...base, ...claims }, { typ: 'logout+jwt', ...header });
    },
  });
}

/**
 * The stand-in backend: records what reaches it and answers what the test set
 * (JSON by default); an `answer` that is a function answers by itself (`(req, res) => …`).
 */
export async function startBackend() {
  const backend = { requests: [], answer: { status: 200, type: 'application/json', body: '{"items":[]}' } };
  const { server, origin } = await listen(async (req, res) => {
    await readForm(req);
    backend.requests.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
    if (typeof backend.answer === 'function') return backend.answer(req, res);
    const { status, type, body } = backend.answer;
    res.writeHead(status, type ? { 'Content-Type': type } : {});
    res.end(body);
  });
  return Object.assign(backend, { origin, server });
}

/** Real time plus what the test added with `advance(ms)`. */
export function testClock() {
  const clock = { offset: 0, now: () => Date.now() + clock.offset, advance: (ms) => (clock.offset += ms) };
  return clock;
}

/**
 * The world: provider, backend, and the BFF at `<bff>/bff` with the memory
 * store unless `store` is given, counting into `metrics` when given. `clock.now` is the BFF's time; move it with
 * `clock.advance(ms)`.
 */
export async function startWorld({ env = {}, store, log = [], clock = testClock(), metrics } = {}) {
  const provider = await startProvider();
  const backend = await startBackend();
  let app;
  const { server, origin } = await listen((req, res) => app(req, res));
  const result = readBffConfig({
    BFF_PUBLIC_URL: `${origin}/bff`,
    BFF_ISSUER: provider.issuer,
    BFF_CLIENT_ID: CLIENT_ID,
    BFF_CLIENT_SECRET: 'test-secret',
    BFF_BACKEND_URL: `${backend.origin}/api`,
    BFF_ALLOWED_ORIGINS: 'http://127.0.0.1:9',
    ...env,
  });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const sessionStore = store ?? new MemoryStore(clock.now);
  // The BFF's own log format, each line parsed: what an operator's log would hold.
  const logger = jsonLogger((line) => log.push(JSON.parse(line)));
  app = createBffApp({ config: result.config, store: sessionStore, log: logger, now: clock.now, metrics });
  const bff = `${origin}/bff`;
  return {
    provider,
    backend,
    clock,
    store: sessionStore,
    log,
    app,
    bff,
    port: server.address().port,
    request: (method, path, options) => send(origin, method, `/bff${path}`, options),
    signIn: (citizen, cookies) => signIn({ provider, origin }, citizen, cookies),
    async stop() {
      for (const s of [server, provider.server, backend.server]) {
        s.closeAllConnections();
        await new Promise((resolve) => s.close(resolve));
      }
    },
  };
}

export const PAGE = 'http://127.0.0.1:9/seite';

/**
 * One HTTP request with the path exactly as given (no URL parser in between);
 * `cookies` is a Map of name → value the answer's Set-Cookie headers update.
 */
export function send(origin, method, path, { headers = {}, body, cookies } = {}) {
  const cookieHeader = cookies && [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  // Node sends a DELETE's body without a length unless told: the server would read it as the next request.
  if (body !== undefined && !headers['Transfer-Encoding']) headers = { 'Content-Length': String(Buffer.byteLength(body)), ...headers };
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${origin}`,
      { method, path, headers: { ...headers, ...(cookieHeader ? { Cookie: cookieHeader } : {}) } },
      async (res) => {
        const chunks = [];
        for await (const chunk of res) chunks.push(chunk);
        for (const line of res.headers['set-cookie'] ?? []) {
          const [pair, ...attributes] = line.split(';');
          const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
          if (!cookies) continue;
          if (attributes.some((a) => a.trim() === 'Max-Age=0')) cookies.delete(name);
          else cookies.set(name, value);
        }
        resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A citizen's browser signs in at the BFF under `<origin>/bff`: `/login`, the provider, `/callback`. Resolves with the browser's cookies. */
export async function signIn(
  { provider, origin },
  citizen = { sub: 'erika', sid: 'sid-1', name: 'Erika Mustermann' },
  cookies = new Map(),
) {
  const login = await send(origin, 'GET', `/bff/login?returnTo=${encodeURIComponent(PAGE)}`, { cookies });
  if (login.status !== 303) throw new Error(`login answered ${login.status}`);
  const authorize = new URL(login.headers.location);
  const code = provider.codeFor(authorize, citizen);
  const callback = await send(origin, 'GET', `/bff/callback?code=${code}&state=${authorize.searchParams.get('state')}`, { cookies });
  if (callback.status !== 303 || callback.headers.location !== PAGE)
    throw new Error(`callback answered ${callback.status} ${callback.headers.location}`);
  return cookies;
}

export const CALL = { 'X-CSRF': '1' };
