import { createBffApp } from './app.js';
import { createBffServer } from './http-server.js';
import { drain } from './shutdown.js';
import { NO_METRICS, prometheusMetrics } from './metrics.js';
import { serveMetrics } from './metrics-server.js';
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
 * connection (database index, password), 5 the address cannot be listened on,
 * 6 stopped with requests cut after BFF_SHUTDOWN_SECONDS.
 */
const EXIT = { config: 2, storeUnreachable: 3, storeRefused: 4, listen: 5, cut: 6 } as const;

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

const metrics = config.metrics ? prometheusMetrics() : NO_METRICS;
const rateLimits = new RateLimits(config, redis?.connection, tellRefusedCounts(log, metrics));
const app = createBffApp({ config, store, log, rateLimits, metrics });
const server = createBffServer(app);
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
/** Why an address cannot be listened on, as the end of a German sentence. */
function listenReason(error: NodeJS.ErrnoException): string {
  if (error.code === 'EADDRINUSE') return 'ist schon belegt';
  if (error.code === 'EACCES') return 'darf dieser Prozess nicht belegen';
  if (error.code === 'EADDRNOTAVAIL') return 'gibt es auf diesem Rechner nicht';
  return `ist nicht nutzbar (${error.code ?? error.name})`;
}
server.once('error', (error: NodeJS.ErrnoException) => {
  void store.close().catch(() => undefined);
  fail(EXIT.listen, `Die Adresse ${config.host}:${config.port} (HOST, PORT) ${listenReason(error)}; der BFF startet nicht.`);
});
// BFF_METRICS: /metrics on a listener of its own (README, „Metrics“) – first, so that a taken
// address stops the start before the BFF says „listening“ and takes a request.
if (config.metrics) {
  const { host, port } = config.metrics;
  try {
    await serveMetrics(metrics, config.metrics, log);
    log.info('metrics listening', { host, port });
  } catch (error) {
    void store.close().catch(() => undefined);
    fail(EXIT.listen, `Die Adresse ${host}:${port} (BFF_METRICS) ${listenReason(error as NodeJS.ErrnoException)}; der BFF startet nicht.`);
  }
}
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

/*
 * SIGTERM or SIGINT: /health says 503, no new connections, the running
 * requests get BFF_SHUTDOWN_SECONDS (README, „Shutdown“); exit code 0 when
 * all were answered, 6 when some had to be cut. A second signal cuts at once.
 */
const hurry = new AbortController();
let stopping = false;
function stop(): void {
  if (stopping) return hurry.abort();
  stopping = true;
  clearInterval(upkeep);
  drain(server, app, { seconds: config.shutdownSeconds, noticeSeconds: config.shutdownNoticeSeconds, log, hurry: hurry.signal })
    .then(async (cut) => {
      await closeStore();
      process.exit(cut > 0 ? EXIT.cut : 0);
    })
    .catch((error: unknown) => {
      log.error('stopping failed', error);
      process.exit(1);
    });
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

/** The store's connection closed, within two seconds (a frozen Redis does not hold the exit). */
async function closeStore(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, 2000)));
  await Promise.race([store.close().catch((error: unknown) => log.error('closing the session store failed', error)), late]);
  clearTimeout(timer);
}

/**
 * Redis refused a shared rate count (full, no permission, read-only after a
 * failover) and the process counted alone: every refusal in the metrics, a log
 * line at most once a minute – a refusing Redis would otherwise write one per request.
 */
function tellRefusedCounts(logTo: typeof log, metricsTo: typeof metrics): (refusal: Error) => void {
  let toldAt = 0;
  return (refusal) => {
    const reason = (refusal as { reason?: string }).reason ?? 'unknown';
    metricsTo.storeError('rate-count', reason);
    if (Date.now() - toldAt < 60_000) return;
    toldAt = Date.now();
    logTo.warn('shared rate count refused: this process counts alone', { reason, reply: (refusal as { reply?: string }).reply });
  };
}
