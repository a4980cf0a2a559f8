import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { createDevIdentityProvider } from '../../scripts/dev-identity-provider.mjs';

/*
 * The end-to-end world on 127.0.0.1: a real OpenID provider (oidc-provider),
 * a backend that implements the contract and accepts only access tokens the
 * provider issued, the built single file, and host pages.
 */

const PAGES_DIR = 'test/e2e/pages';
/** Pages that are portal.html with something added to the head: same content, different surroundings. */
const PAGE_VARIANTS = {
  'csp.html': '<script src="/pages/csp-watch.js"></script>',
  'hostile.html': '<link rel="stylesheet" href="/pages/hostile.css" />',
};

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

async function loadMockBackend() {
  const outfile = '.tmp/e2e/mock-backend.mjs';
  await build({ entryPoints: ['mock/backend.ts'], bundle: true, platform: 'neutral', format: 'esm', outfile, logLevel: 'error' });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, headers);
  res.end(body);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * @param {{ scenario?: string, accessTokenTtl?: number, pageHeaders?: Record<string, Record<string, string>> }} [options]
 */
export async function startE2eServer(options = {}) {
  const { MockBackend } = await loadMockBackend();
  const backend = new MockBackend(options.scenario ?? 'first-visit');
  const pages = [...(await readdir(PAGES_DIR)).filter((name) => name.endsWith('.html')), ...Object.keys(PAGE_VARIANTS)];
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const idp = createDevIdentityProvider({
    issuer: `${origin}/oidc`,
    clientId: 'buergerportal-e2e',
    redirectUris: pages.map((name) => `${origin}/pages/${name}`),
    accessTokenTtl: options.accessTokenTtl,
  });
  /** Access tokens that reached the backend and that the provider had issued. */
  const acceptedTokens = [];

  async function api(req, res, path) {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const issued = token ? await idp.provider.AccessToken.find(token) : undefined;
    if (!issued || issued.isExpired) {
      const problem = { type: 'about:blank', title: 'Unauthorized', status: 401 };
      return send(res, 401, JSON.stringify(problem), { 'Content-Type': 'application/problem+json' });
    }
    acceptedTokens.push(token);
    const answer = backend.handle({
      method: req.method,
      path,
      header: (name) => req.headers[name.toLowerCase()] ?? null,
      body: await readBody(req),
    });
    const headers = { ...(answer.headers ?? {}) };
    if (answer.body === undefined) return send(res, answer.status, undefined, headers);
    if (typeof answer.body === 'string') return send(res, answer.status, answer.body, headers);
    headers['Content-Type'] ??= 'application/json';
    return send(res, answer.status, JSON.stringify(answer.body), headers);
  }

  async function file(res, path, transform = (text) => text, extraHeaders = {}) {
    const safe = normalize(path).replace(/^(\.\.[/\\])+/, '');
    try {
      const text = await readFile(safe, 'utf8');
      send(res, 200, transform(text), { 'Content-Type': TYPES[extname(safe)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', ...extraHeaders });
    } catch {
      send(res, 404, 'not found', { 'Content-Type': 'text/plain' });
    }
  }

  server.on('request', (req, res) => {
    const url = new URL(req.url, origin);
    if (url.pathname.startsWith('/oidc')) return idp.handle(req, res);
    if (url.pathname.startsWith('/api/')) return void api(req, res, url.pathname.slice(4));
    if (url.pathname.startsWith('/dist/')) return void file(res, url.pathname.slice(1));
    // The script copied alone, without the chunk that belongs beside it.
    if (url.pathname === '/alone/buergerportal-widgets.js') return void file(res, 'dist/buergerportal-widgets.js');
    if (url.pathname.startsWith('/pages/')) {
      const name = url.pathname.slice('/pages/'.length);
      const headers = options.pageHeaders?.[name] ?? {};
      const head = PAGE_VARIANTS[name];
      const source = head ? 'portal.html' : name;
      const render = (text) => text.replaceAll('{{ORIGIN}}', origin).replace('</head>', `${head ?? ''}</head>`);
      return void file(res, join(PAGES_DIR, source), render, headers);
    }
    if (url.pathname === '/favicon.ico') return send(res, 204, undefined);
    send(res, 404, 'not found', { 'Content-Type': 'text/plain' });
  });

  return {
    origin,
    idp,
    backend,
    acceptedTokens,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
