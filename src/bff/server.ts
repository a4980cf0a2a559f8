import { createServer } from 'node:http';
import { createBffApp } from './app.js';
import { readBffConfig } from './config.js';
import { jsonLogger } from './log.js';
import { MemoryStore } from './memory-store.js';
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
try {
  const kept =
    config.sessionStore === 'memory'
      ? new MemoryStore()
      : await RedisStore.connect(config.sessionStore, (error) => log.error('session store', error));
  store = config.storeKey ? new SealedStore(kept, config.storeKey) : kept;
} catch (error) {
  process.stderr.write(`buergerportal-bff: der Sitzungsspeicher BFF_SESSION_STORE ist nicht erreichbar (${(error as Error).name}).\n`);
  process.exit(3);
}

const server = createServer(createBffApp({ config, store, log }));
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
  server.close(() => void store.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
