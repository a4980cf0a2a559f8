import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createDevIdentityProvider } from '../../scripts/dev-identity-provider.mjs';
import { createBalancer, startBffProcess, startRedis } from './bff-world.mjs';
import { loadMockBackend } from './contract-backend.mjs';

/*
 * The end-to-end world on 127.0.0.1: a real OpenID provider (oidc-provider),
 * a backend that implements the contract and accepts only access tokens the
 * provider issued, the built single file, and host pages.
 */

const PAGES_DIR = 'test/e2e/pages';
/** Pages that are another page with something added to the head: same content, different surroundings. */
const PAGE_VARIANTS = {
  'csp.html': { base: 'portal.html', head: '<script src="/pages/csp-watch.js"></script>' },
  'hostile.html': { base: 'portal.html', head: '<link rel="stylesheet" href="/pages/hostile.css" />' },
  'cross-origin.html': { base: 'portal.html', head: '<script src="/pages/csp-watch.js"></script>' },
  'cross-origin-blocked.html': { base: 'portal.html', head: '' },
  // The editor included the manager's file as a script of its own as well.
  'manager-file-included.html': {
    base: 'portal.html',
    head: '<script type="module" src="/dist/buergerportal-widgets.manager.js"></script>',
  },
  // The first file copied alone, with a manager on the page: the login's file (and every other) is missing.
  'first-file-only.html': {
    base: 'alone.html',
    head: '',
    replace: [
      ['/alone/', '/first-only/'],
      ['</body>', '<kassenzeichen-manager backend-url="{{ORIGIN}}/api"></kassenzeichen-manager></body>'],
    ],
  },
  // The script copied with its session's file but without the protocol file.
  'without-oidc.html': { base: 'alone.html', head: '', replace: [['/alone/', '/without-oidc/']] },
  // The script with a version in its address, as TYPO3 and WordPress add it.
  'versioned.html': { base: 'portal.html', head: '', replace: [['buergerportal-widgets.js"', 'buergerportal-widgets.js?ver=9.9"']] },
  // The script copied with its session's file only, with a manager on the page: the manager's file is missing.
  'alone-manager.html': {
    base: 'alone.html',
    head: '',
    replace: [
      ['/alone/', '/without-oidc/'],
      ['</body>', '<kassenzeichen-manager backend-url="{{ORIGIN}}/api"></kassenzeichen-manager></body>'],
    ],
  },
  'city-sticky.html': {
    base: 'city.html',
    head: '<link rel="stylesheet" href="/pages/sticky.css" />',
    replace: [['<footer', '<p class="cookie-banner">Diese Website verwendet Cookies.</p><footer']],
  },
  // Only a 200 px cookie banner fixed at the bottom (no sticky header).
  'city-banner.html': {
    base: 'city.html',
    head: '<link rel="stylesheet" href="/pages/banner.css" />',
    replace: [['<footer', '<p class="cookie-banner">Diese Website verwendet Cookies.</p><footer']],
  },
  // The logo and the full login in one flex row that does not wrap.
  'city-flex-header.html': { base: 'city.html', head: '<link rel="stylesheet" href="/pages/flex-header.css" />' },
  'city-compact.html': {
    base: 'city.html',
    head: '',
    replace: [['<servicekonto-login id="login"', '<servicekonto-login id="login" compact']],
  },
  // The same city page in English and in Leichte Sprache: only `lang` differs, no extra script.
  'city-en.html': { base: 'city.html', head: '', replace: [['<html lang="de">', '<html lang="en">']] },
  'city-ls.html': { base: 'city.html', head: '', replace: [['<html lang="de">', '<html lang="de-x-ls">']] },
  // A login in the header of every page, with one registered redirect page for all of them.
  'city-fixed-redirect.html': {
    base: 'city.html',
    head: '',
    replace: [['<servicekonto-login id="login"', '<servicekonto-login id="login" redirect-uri="{{ORIGIN}}/pages/anmeldung.html"']],
  },
  // BFF mode with the BFF on another origin than the page (CORS with credentials).
  'bff-cross.html': { base: 'bff.html', head: '', replace: [['bff-url="/bff"', 'bff-url="{{ORIGIN}}/bff"']] },
  // The login that keeps the tokens in the page's memory only.
  'login-memory.html': {
    base: 'login.html',
    head: '',
    replace: [['client-id="buergerportal-e2e"', 'client-id="buergerportal-e2e" token-storage="memory"']],
  },
  // The city page with the shortest idle limit (5 minutes).
  'city-idle.html': {
    base: 'city.html',
    head: '',
    replace: [['<servicekonto-login id="login"', '<servicekonto-login id="login" idle-timeout="300"']],
  },
  // A kiosk in a citizens' office: the password at every sign-in.
  'login-kiosk.html': {
    base: 'login.html',
    head: '',
    replace: [['client-id="buergerportal-e2e"', 'client-id="buergerportal-e2e" max-age="0"']],
  },
  // The city page with the dark header in BFF mode.
  'city-bff.html': {
    base: 'city.html',
    head: '',
    replace: [
      ['authority="{{ORIGIN}}/oidc" client-id="buergerportal-e2e"', 'bff-url="/bff"'],
      [' backend-url="{{ORIGIN}}/api"', ''],
    ],
  },
  // The identity provider cannot be reached: nothing listens on port 9.
  'city-idp-down.html': { base: 'city.html', head: '', replace: [['{{ORIGIN}}/oidc', 'http://127.0.0.1:9/oidc']] },
};

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

function send(res, status, body, headers = {}) {
  res.writeHead(status, headers);
  res.end(body);
}

async function listen(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${server.address().port}`;
}

/**
 * @param {{ scenario?: string, accessTokenTtl?: number, pageHeaders?: Record<string, Record<string, string> | ((servicesOrigin: string) => Record<string, string>)>, crossOrigin?: boolean, bff?: { processes?: number, store?: 'redis' | 'memory', env?: Record<string, string> } }} [options]
 *   With `crossOrigin`, pages and scripts come from a second origin (`pageOrigin`), like a
 *   city's website whose identity broker and backend live elsewhere; the backend answers CORS.
 *   With `bff`, BFF processes (packages/bff/dist/server.js) run behind a load balancer at `<origin>/bff`,
 *   on the site's own origin as in production; `store: 'redis'` starts a real redis-server for them.
 */
export async function startE2eServer(options = {}) {
  const { MockBackend, createHttpBackend } = await loadMockBackend();
  const backend = new MockBackend(options.scenario ?? 'first-visit');
  const pages = [...(await readdir(PAGES_DIR)).filter((name) => name.endsWith('.html')), ...Object.keys(PAGE_VARIANTS)];
  const server = createServer();
  const origin = await listen(server);
  const pageServer = options.crossOrigin ? createServer() : undefined;
  const pageOrigin = pageServer ? await listen(pageServer) : origin;
  const idp = createDevIdentityProvider({
    issuer: `${origin}/oidc`,
    clientId: 'buergerportal-e2e',
    redirectUris: [
      ...pages.map((name) => `${pageOrigin}/pages/${name}`),
      ...['two', 'before', 'one', 'floor', 'floor-lazy'].map((name) => `${pageOrigin}/bench/${name}.html`),
    ],
    accessTokenTtl: options.accessTokenTtl,
    bff: options.bff ? { clientId: BFF_CLIENT.id, clientSecret: BFF_CLIENT.secret, publicUrls: [`${origin}/bff`] } : undefined,
  });
  const bff = options.bff ? await startBff(options.bff, origin, pageOrigin) : undefined;
  const cors =
    pageOrigin === origin
      ? {}
      : {
          'Access-Control-Allow-Origin': pageOrigin,
          'Access-Control-Expose-Headers': 'Retry-After',
          Vary: 'Origin',
        };
  /** Access tokens that reached the backend and that the provider had issued. */
  const acceptedTokens = [];

  const api = createHttpBackend(backend, {
    cors,
    verifyToken: idp.isIssuedAccessToken,
    onAccepted: (token) => acceptedTokens.push(token),
  });

  async function file(res, path, transform = (text) => text, extraHeaders = {}) {
    const safe = normalize(path).replace(/^(\.\.[/\\])+/, '');
    try {
      const text = transform(await readFile(safe, 'utf8'));
      const type = TYPES[extname(safe)];
      // Compressed as a city's web server sends text (the bench's network is slow: size counts as on the wire).
      const compress = type && /\bgzip\b/.test(res.req.headers['accept-encoding'] ?? '');
      send(res, 200, compress ? gzipSync(text) : text, {
        'Content-Type': type ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        ...(compress ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
        ...extraHeaders,
      });
    } catch {
      send(res, 404, 'not found', { 'Content-Type': 'text/plain' });
    }
  }

  function sitePage(req, res) {
    const url = new URL(req.url, pageOrigin);
    if (url.pathname.startsWith('/dist/')) return void file(res, url.pathname.slice(1));
    // The bench's generated pages and its floor (npm run bench).
    if (url.pathname.startsWith('/bench/'))
      return void file(res, `.tmp/bench/${url.pathname.slice('/bench/'.length)}`, (text) => text.replaceAll('{{ORIGIN}}', origin));
    // The script copied alone, without the chunk that belongs beside it.
    if (/^\/alone\/buergerportal-widgets(\.bundle|\.login)?\.js$/.test(url.pathname))
      return void file(res, `dist${url.pathname.slice('/alone'.length)}`);
    if (url.pathname === '/first-only/buergerportal-widgets.js') return void file(res, 'dist/buergerportal-widgets.js');
    if (/^\/without-oidc\/buergerportal-widgets(\.session|\.login)?\.js$/.test(url.pathname))
      return void file(res, `dist${url.pathname.slice('/without-oidc'.length)}`);
    // The guide's stylesheet that keeps the elements' space (cms/keep-space.css), as a city adds it.
    if (url.pathname === '/pages/keep-space.css') return void file(res, 'cms/keep-space.css');
    if (url.pathname.startsWith('/pages/')) {
      const name = url.pathname.slice('/pages/'.length);
      const configured = options.pageHeaders?.[name] ?? {};
      const headers = typeof configured === 'function' ? configured(origin) : configured;
      const variant = PAGE_VARIANTS[name];
      const source = variant?.base ?? name;
      const replaced = (text) => (variant?.replace ?? []).reduce((result, [from, to]) => result.replaceAll(from, to), text);
      // A city whose services live on another origin than its pages declares them in the head.
      const declared = pageOrigin === origin ? '' : `<meta name="buergerportal-widgets-backends" content="${origin}/api" />`;
      const render = (text) =>
        replaced(text)
          .replaceAll('{{ORIGIN}}', origin)
          .replace('</head>', `${declared}${variant?.head ?? ''}</head>`);
      return void file(res, join(PAGES_DIR, source), render, headers);
    }
    if (url.pathname === '/favicon.ico') return send(res, 204, undefined);
    send(res, 404, 'not found', { 'Content-Type': 'text/plain' });
  }

  server.on('request', (req, res) => {
    const url = new URL(req.url, origin);
    if (url.pathname.startsWith('/oidc')) return idp.handle(req, res);
    if (url.pathname.startsWith('/api/')) return void api(req, res, url.pathname.slice(4));
    if (bff && url.pathname.startsWith('/bff/')) return void bff.balancer.handle(req, res);
    if (url.pathname === '/favicon.ico') return send(res, 204, undefined);
    if (pageServer) return send(res, 404, 'not found', { 'Content-Type': 'text/plain' });
    sitePage(req, res);
  });
  pageServer?.on('request', sitePage);

  return {
    origin,
    idp,
    backend,
    acceptedTokens,
    pageOrigin,
    bff,
    close: async () => {
      await bff?.stop();
      server.closeAllConnections();
      pageServer?.closeAllConnections();
      await Promise.all([server, pageServer].filter(Boolean).map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}

const BFF_CLIENT = { id: 'buergerportal-bff-e2e', secret: 'e2e-only-secret-0123456789abcdef' };

/** BFF processes configured as the README says, behind one balancer, sharing Redis (or each its memory). */
async function startBff({ processes: count = 1, store = 'memory', env = {} }, origin, pageOrigin) {
  const redis = store === 'redis' ? await startRedis() : undefined;
  const settings = {
    BFF_PUBLIC_URL: `${origin}/bff`,
    BFF_ISSUER: `${origin}/oidc`,
    BFF_CLIENT_ID: BFF_CLIENT.id,
    BFF_CLIENT_SECRET: BFF_CLIENT.secret,
    BFF_BACKEND_URL: `${origin}/api`,
    BFF_ALLOWED_ORIGINS: [...new Set([origin, pageOrigin])].join(','),
    BFF_SESSION_STORE: redis?.url ?? 'memory',
    ...env,
  };
  const processes = [];
  const retired = [];
  for (let i = 0; i < count; i++) processes.push(await startBffProcess(settings));
  return {
    processes,
    balancer: createBalancer(processes),
    redis,
    logs: () => [...retired, ...processes].flatMap((p) => p.logs),
    /** Starts process `index` anew (after a test killed it); the balancer sends to it again. */
    restart: async (index) => {
      if (processes[index].alive()) return;
      retired.push(processes[index]);
      processes[index] = await startBffProcess(settings);
    },
    stop: async () => {
      await Promise.all(processes.map((p) => p.stop()));
      await redis?.stop();
    },
  };
}
