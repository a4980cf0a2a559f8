import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { freePort } from '../bff-world.mjs';

/*
 * A second, independent OpenID provider for the e2e tests: Debian's glewlwyd 2.7.5
 * (C, sqlite) on 127.0.0.1, started from nothing in a temporary directory and
 * configured through its admin API. Adapted from the shared reference set-up
 * (../shared/idp2/: start-idp2.sh, glewlwyd/configure.mjs, the *.in templates),
 * which records the package's quirks worked around here:
 * - the login web app's config.json is a symlink glewlwyd will not serve: copied with links resolved;
 * - key and certificate paths must be set even without TLS; no trailing slash in external_url;
 * - the client store needs a list field for post_logout_redirect_uris;
 * - the citizen's consent is given ahead (else glewlwyd shows its consent screen).
 * Needs: apt-get install glewlwyd sqlite3 openssl.
 */

const HERE = new URL('.', import.meta.url);

export const GLEWLWYD_USER = { username: 'erika', password: 'Erika-Passwort-1', name: 'Erika Mustermann' };
/** The BFF's confidential clients: without a hyphen, and with one (as in the README's example). */
export const GLEWLWYD_BFF_CLIENTS = {
  plain: { id: 'bpbff', secret: 'bffSecretIdp2x7' },
  hyphen: { id: 'bp-bff', secret: 'bff-secret-idp2' },
};

/** Whether Debian's glewlwyd (with sqlite3 and openssl) is installed. */
export function hasGlewlwyd() {
  try {
    execFileSync('sh', ['-c', 'command -v glewlwyd && command -v sqlite3 && command -v openssl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The `skip` option for tests that need glewlwyd: a note when it is missing,
 * unless BUERGERPORTAL_REQUIRE_CMS=1 (CI), where the tests must run (and fail without it).
 */
export function glewlwydSkip() {
  if (hasGlewlwyd() || process.env.BUERGERPORTAL_REQUIRE_CMS === '1') return false;
  return "needs Debian's glewlwyd (apt-get install glewlwyd sqlite3 openssl)";
}

/**
 * Starts glewlwyd on a free port, configured from nothing.
 * @param {{ pageOrigin: string, browserPages?: string[], bffUrl?: string, accessTokenSeconds?: number, tokenEndpointAuthMethod?: string }} options
 *   `browserPages`: paths of the pages registered for `bp-browser` (redirect and post-logout), default `['/browser.html']`;
 *   `bffUrl`: where the BFF lives (redirect `<bffUrl>/callback` …, back-channel logout `<bffUrl>/backchannel-logout`), default `<pageOrigin>/bff`.
 * @returns {Promise<{ issuer: string, base: string, dir: string, pid: number, log: () => string, stop: () => Promise<void>,
 *   setAccessTokenSeconds: (seconds: number) => Promise<void>, refreshTokens: (clientId: string) => { enabled: boolean }[] }>}
 *   `setAccessTokenSeconds`: the lifetime of the next access (and ID) tokens, changed in the running provider;
 *   `refreshTokens`: the refresh tokens glewlwyd issued to a client, oldest first, read from its database.
 */
export async function startGlewlwyd(options) {
  const { accessTokenSeconds = 90 } = options;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const issuer = `${base}/api/oidc`;
  const dir = mkdtempSync(join(tmpdir(), 'glewlwyd-'));
  cpSync('/usr/share/glewlwyd/webapp/', join(dir, 'webapp'), { recursive: true, dereference: true });
  rmSync(join(dir, 'webapp/config.json'), { recursive: true, force: true });
  cpSync('/etc/glewlwyd/config-2.7.json/config.json', join(dir, 'webapp/config.json'));
  const initSql = gunzipSync(readFileSync('/usr/share/doc/glewlwyd/database/init.sqlite3.sql.gz'));
  execFileSync('sqlite3', [join(dir, 'glewlwyd.db')], { input: initSql });
  execFileSync('openssl', ['genrsa', '-out', join(dir, 'sign.key'), '2048'], { stdio: 'ignore' });
  execFileSync('openssl', ['rsa', '-in', join(dir, 'sign.key'), '-pubout', '-out', join(dir, 'sign.pub')], { stdio: 'ignore' });
  const conf = readFileSync(new URL('glewlwyd.conf.in', HERE), 'utf8')
    .replaceAll('@PORT@', String(port))
    .replaceAll('@EXTERNAL@', base)
    .replaceAll('@RUN@', dir);
  writeFileSync(join(dir, 'glewlwyd.conf'), conf);

  const child = spawn('glewlwyd', ['-c', join(dir, 'glewlwyd.conf')], { stdio: 'ignore', detached: true });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const log = () => {
    try {
      return readFileSync(join(dir, 'glewlwyd.log'), 'utf8');
    } catch {
      return '';
    }
  };
  try {
    await waitUntilUp(base, child);
    await configure({ ...options, base, issuer, dir, accessTokenSeconds });
  } catch (error) {
    await stop();
    throw error;
  }
  const setAccessTokenSeconds = async (seconds) => {
    const admin = await adminSession(base);
    const plugin = await admin('GET', '/api/mod/plugin/oidc');
    plugin.parameters['access-token-duration'] = Number(seconds);
    delete plugin.enabled;
    await admin('PUT', '/api/mod/plugin/oidc', plugin);
    await admin('PUT', '/api/mod/plugin/oidc/reset');
  };
  const refreshTokens = (clientId) => {
    if (!/^[\w-]+$/.test(clientId)) throw new Error(`unexpected client id ${clientId}`);
    const rows = execFileSync(
      'sqlite3',
      [
        '-cmd',
        '.timeout 5000',
        join(dir, 'glewlwyd.db'),
        `SELECT gpor_enabled FROM gpo_refresh_token WHERE gpor_client_id = '${clientId}' ORDER BY gpor_id`,
      ],
      { encoding: 'utf8' },
    );
    return rows
      .split('\n')
      .filter(Boolean)
      .map((enabled) => ({ enabled: enabled === '1' }));
  };
  return { issuer, base, dir, pid: child.pid, log, stop, setAccessTokenSeconds, refreshTokens };
}

async function waitUntilUp(base, child) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`glewlwyd exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/config`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('glewlwyd did not start within 10 s');
}

/** A caller of glewlwyd's API as `admin` (password from Debian's init SQL); the answer's JSON, if any. */
async function adminSession(base) {
  const call = apiCaller(base);
  await call('POST', '/api/auth/', { username: 'admin', password: 'password' });
  return call;
}

/** A caller of glewlwyd's API that keeps its session cookie. */
function apiCaller(base) {
  let cookie = '';
  const call = async (method, path, body, expect = [200]) => {
    const res = await fetch(base + path, {
      method,
      headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0];
    if (!expect.includes(res.status)) throw new Error(`glewlwyd admin: ${method} ${path} -> ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  call.forget = () => (cookie = '');
  return call;
}

/** Scopes, the citizen, the OIDC plugin instance, the clients and the consent, through the admin API. */
async function configure({
  base,
  issuer,
  dir,
  pageOrigin,
  browserPages = ['/browser.html'],
  bffUrl,
  accessTokenSeconds,
  tokenEndpointAuthMethod,
}) {
  const bff = bffUrl ?? `${pageOrigin}/bff`;
  const call = await adminSession(base);
  const mod = await call('GET', '/api/mod/client/database');
  mod.parameters['data-format'].post_logout_redirect_uris = { multiple: true, read: true, write: true };
  delete mod.enabled;
  await call('PUT', '/api/mod/client/database', mod);
  await call('PUT', '/api/mod/client/database/reset');

  const scope = (name, description) => ({
    name,
    display_name: name,
    description,
    password_required: true,
    password_max_age: 0,
    scheme: {},
  });
  await call('PUT', '/api/scope/openid', scope('openid', 'OpenID Connect'));
  for (const name of ['profile', 'email']) await call('POST', '/api/scope/', scope(name, name));

  await call('POST', '/api/user/', {
    username: GLEWLWYD_USER.username,
    name: GLEWLWYD_USER.name,
    email: `${GLEWLWYD_USER.username}@example.org`,
    password: GLEWLWYD_USER.password,
    scope: ['openid', 'profile', 'email'],
    enabled: true,
  });

  const plugin = JSON.parse(
    readFileSync(new URL('oidc-plugin.json.in', HERE), 'utf8')
      .replace('@ISSUER@', issuer)
      .replace('@AS_ISS_ID@', 'true')
      .replace('@AT_SECONDS@', String(Number(accessTokenSeconds)))
      .replace('@NAME_CLAIM@', 'on-demand')
      .replace('@KEY@', JSON.stringify(readFileSync(join(dir, 'sign.key'), 'utf8')))
      .replace('@CERT@', JSON.stringify(readFileSync(join(dir, 'sign.pub'), 'utf8'))),
  );
  // RFC 8707: the backend (`<pageOrigin>/api`) may be asked for as the access token's audience.
  Object.assign(plugin.parameters, {
    'resource-allowed': true,
    'resource-scope': { openid: [`${pageOrigin}/api`] },
    'resource-change-allowed': false,
  });
  await call('POST', '/api/mod/plugin/', plugin);

  await call('POST', '/api/client/', {
    client_id: 'bp-browser',
    name: 'Buergerportal browser mode (public, PKCE)',
    confidential: false,
    enabled: true,
    redirect_uri: browserPages.map((path) => `${pageOrigin}${path}`),
    post_logout_redirect_uris: browserPages.map((path) => `${pageOrigin}${path}`),
    authorization_type: ['code', 'refresh_token'],
    scope: [],
  });
  for (const { id, secret } of Object.values(GLEWLWYD_BFF_CLIENTS))
    await call('POST', '/api/client/', {
      client_id: id,
      name: `Buergerportal BFF (confidential) ${id}`,
      confidential: true,
      password: secret,
      enabled: true,
      redirect_uri: [`${bff}/callback`],
      post_logout_redirect_uris: [`${bff}/signed-out`],
      token_endpoint_auth_method: [tokenEndpointAuthMethod ?? 'client_secret_basic', 'client_secret_post'],
      backchannel_logout_uri: `${bff}/backchannel-logout`,
      backchannel_logout_session_required: '1',
      authorization_type: ['code', 'refresh_token'],
      scope: [],
    });

  // the citizen's consent, given ahead for every client
  call.forget();
  await call('POST', '/api/auth/', { username: GLEWLWYD_USER.username, password: GLEWLWYD_USER.password });
  for (const client of ['bp-browser', ...Object.values(GLEWLWYD_BFF_CLIENTS).map((c) => c.id)])
    await call('PUT', `/api/auth/grant/${client}`, { scope: 'openid profile email' });
}
