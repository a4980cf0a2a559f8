import { createServer } from 'node:http';
import { createBffApp } from './app.js';
import { readBffConfig } from './config.js';
import { jsonLogger } from './log.js';
import { MemoryStore } from './memory-store.js';
import { RateLimits } from './rate-limits.js';
import { RedisStore } from './redis-store.js';
import { SealedStore } from './sealed-store.js';
import type { SessionStore } from './store.js';

/*
 * `node dist/bff/server.js` (bin `buergerportal-bff`): the backend-for-frontend,
 * configured by environment variables only (README, „Betrieb mit BFF“).
 */

const log = jsonLogger();
const result = readBffConfig(process.env);
if (!result.ok) {
  process.stderr.write(`buergerportal-bff: falsch eingerichtet\n${result.problems.map((p) => `  – ${p}`).join('\n')}\n`);
  process.exit(2);
}
const { config } = result;

let store: SessionStore;
let redis: RedisStore | undefined;
try {
  const kept =
    config.sessionStore === 'memory'
      ? new MemoryStore()
      : (redis = await RedisStore.connect(config.sessionStore, {
          commandTimeoutMs: config.storeTimeoutMs,
          waitMs: config.storeWaitSeconds * 1000,
          onError: (error) => log.error('session store', error),
        }));
  store = config.storeKey ? new SealedStore(kept, config.storeKey) : kept;
} catch (error) {
  process.stderr.write(`buergerportal-bff: der Sitzungsspeicher BFF_SESSION_STORE ist nicht erreichbar (${(error as Error).name}).\n`);
  process.exit(3);
}

const app = createBffApp({ config, store, log, rateLimits: new RateLimits(config, redis?.connection) });
const server = createServer(app);
/** Sessions live five minutes past their end in the store: a sweep every minute finds each one to revoke its grant. */
let sweeping = false;
const upkeep = setInterval(() => {
  if (sweeping) return;
  sweeping = true;
  app
    .endLapsedSessions()
    .then(
      (ended) => ended > 0 && log.info('lapsed sessions ended', { sessions: ended }),
      (error: unknown) => log.error('ending lapsed sessions failed', error),
    )
    .finally(() => (sweeping = false));
}, 60_000);
upkeep.unref();
server.requestTimeout = 30_000;
server.headersTimeout = 10_000;
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info('listening', {
    host: config.host,
    port,
    store: config.sessionStore === 'memory' ? 'memory' : 'redis',
    sealed: !!config.storeKey,
  });
  if (config.sessionStore !== 'memory' && !config.storeKey)
    log.warn('tokens are kept unencrypted in Redis; set BFF_STORE_KEY to seal them');
});

function stop(): void {
  clearInterval(upkeep);
  server.close(() => void store.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
