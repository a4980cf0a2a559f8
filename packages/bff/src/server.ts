import { createServer } from 'node:http';
import { createBffApp } from './app.js';
import { readBffConfig } from './config.js';
import { IdentityProvider } from './identity-provider.js';
import { jsonLogger } from './log.js';
import { MemoryStore } from './memory-store.js';
import { RateLimits } from './rate-limits.js';
import { RedisStore, StoreStartError } from './redis-store.js';
import { warnAboutRedisSettings } from './redis-settings.js';
import { SealedStore } from './sealed-store.js';
import type { SessionStore } from './store.js';

/*
 * `node packages/bff/dist/server.js` (bin `buergerportal-bff`): the backend-for-frontend,
 * configured by environment variables only (README, „Betrieb mit BFF“).
 */

/*
 * Exit codes (README, „Exit-Codes“): 2 the configuration, 3 the session store
 * not reachable within BFF_STORE_WAIT_SECONDS, 4 the store refuses the
 * connection (database index, password), 5 the address cannot be listened on.
 */
const EXIT = { config: 2, storeUnreachable: 3, storeRefused: 4, listen: 5 } as const;

function fail(code: number, sentence: string): never {
  process.stderr.write(`buergerportal-bff: ${sentence}\n`);
  process.exit(code);
}

const log = jsonLogger();
const result = readBffConfig(process.env);
if (!result.ok) {
  fail(EXIT.config, `falsch eingerichtet\n${result.problems.map((p) => `  – ${p}`).join('\n')}`);
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
  const where = config.sessionStore === 'memory' ? 'memory' : `${config.sessionStore.host}${config.sessionStore.pathname}`;
  if (error instanceof StoreStartError && error.kind === 'refused') {
    fail(
      EXIT.storeRefused,
      `Der Sitzungsspeicher BFF_SESSION_STORE (${where}) lehnt die Verbindung ab (${error.detail}); prüfen Sie Datenbank-Nummer und Passwort.`,
    );
  }
  const detail = error instanceof StoreStartError ? error.detail : (error as Error).name;
  fail(
    EXIT.storeUnreachable,
    `Der Sitzungsspeicher BFF_SESSION_STORE (${where}) ist nach ${config.storeWaitSeconds} Sekunden nicht erreichbar (${detail}); der BFF startet nicht.`,
  );
}

// Before listening: the warning stands above „listening“ in the log, where an operator starting it looks.
if (redis) await warnAboutRedisSettings(redis, log).catch((error: unknown) => log.error('redis settings check failed', error));

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
server.once('error', (error: NodeJS.ErrnoException) => {
  const reason =
    error.code === 'EADDRINUSE'
      ? 'ist schon belegt'
      : error.code === 'EACCES'
        ? 'darf dieser Prozess nicht belegen'
        : error.code === 'EADDRNOTAVAIL'
          ? 'gibt es auf diesem Rechner nicht'
          : `ist nicht nutzbar (${error.code ?? error.name})`;
  void store.close().catch(() => undefined);
  fail(EXIT.listen, `Die Adresse ${config.host}:${config.port} (HOST, PORT) ${reason}; der BFF startet nicht.`);
});
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
  // BFF_CLIENT_AUTH against the provider's discovery: a method it does not offer stops the BFF; an unreachable provider is only logged (the sign-ins retry discovery).
  new IdentityProvider(config).clientAuthProblem().then(
    (problem) => problem && fail(EXIT.config, problem),
    // The cause's code (ECONNREFUSED …), not the error's name: a fetch failure is a TypeError, which reads as a bug in the log.
    (error: unknown) =>
      log.warn('provider discovery at start failed; BFF_CLIENT_AUTH not checked', {
        reason: String((error as { cause?: { code?: unknown } }).cause?.code ?? (error as { code?: unknown }).code ?? 'unreachable'),
      }),
  );
});

function stop(): void {
  clearInterval(upkeep);
  server.close(() => void store.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
