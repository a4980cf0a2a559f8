import type { IncomingMessage, ServerResponse } from 'node:http';
import { MockBackend } from '../mock/backend.js';
import { createHttpBackend } from '../mock/http-backend.js';
import { isScenarioName } from '../mock/scenarios.js';
import { createBffApp } from '../packages/bff/src/app.js';
import { readBffConfig } from '../packages/bff/src/config.js';
import { MemoryStore } from '../packages/bff/src/memory-store.js';
import type { createDevIdentityProvider } from './dev-identity-provider.mjs';

/*
 * The demo's BFF mode on the dev server's own origin, as a city runs it behind
 * its reverse proxy: the real BFF (packages/bff) at /bff, the mock backend's state
 * machine over HTTP at /backend (it accepts only tokens the dev provider
 * issued), and /demo-backend for the demo panel (letterbox, scenario).
 */

export const DEMO_BFF_CLIENT = { clientId: 'buergerportal-demo-bff', clientSecret: 'demo-only-not-a-secret-0123456789' };

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export function createDemoBff(origin: string, idp: ReturnType<typeof createDevIdentityProvider>): Handler {
  const backend = new MockBackend('first-visit');
  const api = createHttpBackend(backend, {
    verifyToken: idp.isIssuedAccessToken,
  });
  const result = readBffConfig({
    BFF_PUBLIC_URL: `${origin}/bff`,
    BFF_ISSUER: `${origin}/oidc`,
    BFF_CLIENT_ID: DEMO_BFF_CLIENT.clientId,
    BFF_CLIENT_SECRET: DEMO_BFF_CLIENT.clientSecret,
    BFF_BACKEND_URL: `${origin}/backend`,
    BFF_ALLOWED_ORIGINS: origin,
  });
  if (!result.ok) throw new Error(result.problems.join(' '));
  const quiet = { info: () => undefined, warn: () => undefined, error: (message: string) => console.error(`BFF: ${message}`) };
  const bff = createBffApp({ config: result.config, store: new MemoryStore(), log: quiet });
  return (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/bff/')) return bff(req, res);
    if (url.pathname.startsWith('/backend/')) return void api(req, res, url.pathname.slice('/backend'.length));
    if (url.pathname === '/demo-backend/state') return demoState(req, res, backend, url);
    res.writeHead(404).end();
  };
}

/** GET: the scenario and the letters „posted“; POST `?scenario=…`: start that scenario afresh. */
function demoState(req: IncomingMessage, res: ServerResponse, backend: MockBackend, url: URL): void {
  const scenario = url.searchParams.get('scenario');
  if (req.method === 'POST' && isScenarioName(scenario)) backend.reset(scenario);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ scenario: backend.scenario, letters: backend.letters }));
}
