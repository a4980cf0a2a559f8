import { createServer } from 'node:http';
import { once } from 'node:events';
import { startRedis } from '../e2e/bff-world.mjs';
import { loadMockBackend } from '../e2e/contract-backend.mjs';
import { bffEnv, startBalancedBffs } from './bff-raw.mjs';
import { send, signIn, startProvider } from './bff-harness.mjs';

/*
 * A city's set-up for the fault suite, every part a real process or server
 * on 127.0.0.1: a redis-server, BFF processes of the built dist/server.js
 * behind the retrying balancer, the stand-in provider (bff-harness) and the
 * contract's mock backend (mock/backend.ts) over HTTP. The test kills what it
 * likes; `stop()` ends all that is left.
 */

/** The contract's backend as an HTTP server at `<origin>/api`; it records the access tokens it was given. */
async function startContractBackend(scenario) {
  const { MockBackend, createHttpBackend } = await loadMockBackend();
  const backend = new MockBackend(scenario);
  const accepted = [];
  const api = createHttpBackend(backend, {
    verifyToken: async (token) => token.startsWith('at-'),
    onAccepted: (token) => accepted.push(token),
  });
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    if (!path.startsWith('/api/')) return void res.writeHead(404).end();
    void api(req, res, path.slice('/api'.length));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { backend, accepted, server, origin: `http://127.0.0.1:${server.address().port}` };
}

/**
 * @param {{ processes?: number, scenario?: string, redis?: { appendonly?: boolean, settings?: string[] }, env?: Record<string, string> }} [options]
 */
export async function startCity({ processes = 2, scenario = 'returning', redis: redisOptions = {}, env = {} } = {}) {
  const redis = await startRedis(redisOptions);
  const provider = await startProvider();
  const api = await startContractBackend(scenario);
  const bffs = await startBalancedBffs(
    processes,
    bffEnv({
      BFF_ISSUER: provider.issuer,
      BFF_BACKEND_URL: `${api.origin}/api`,
      BFF_SESSION_STORE: redis.url,
      BFF_STORE_TIMEOUT_MS: '500',
      ...env,
    }),
  );
  const origin = `http://127.0.0.1:${bffs.port}`;
  return {
    redis,
    provider,
    backend: api.backend,
    /** Access tokens the backend accepted, in order. */
    accepted: api.accepted,
    bffs,
    origin,
    signIn: (citizen) => signIn({ provider, origin }, citizen),
    /** A request through the balancer to `<origin>/bff<path>`. */
    request: (method, path, options) => send(origin, method, `/bff${path}`, options),
    async stop() {
      await bffs.stop();
      for (const server of [provider.server, api.server]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
      await redis.stop();
    },
  };
}

/** Waits until `/health` of every live process says 200 (the store reconnected), at most `ms`. */
export async function healthy(city, ms = 5000) {
  const until = Date.now() + ms;
  for (const process of city.bffs.processes.filter((p) => p.alive())) {
    while ((await send(`http://127.0.0.1:${process.port}`, 'GET', '/health')).status !== 200) {
      if (Date.now() > until) throw new Error(`process on ${process.port} not healthy after ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
