import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** How a sign-in ended (at `/login` when it never reached the provider); the log's reasons. */
export type SignInOutcome =
  | 'signed-in'
  | 'cancelled'
  | 'provider-error'
  | 'failed'
  | 'state-unknown'
  | 'sign-in-cookie-mismatch'
  | 'sessions-full'
  | 'return-to-not-allowed'
  | 'start-failed';

/** A refresh at the provider: `rejected` ended the session (`invalid_grant`), `failed` could not be asked. */
export type RenewalOutcome = 'renewed' | 'rejected' | 'failed';

/** Counts the live ledgers in the store, at each scrape. */
export interface LiveCounts {
  sessions(): Promise<number>;
  pendingSignIns(): Promise<number>;
}

/**
 * What the BFF counts for a city's monitoring (BFF_METRICS). Labels hold
 * route templates, methods, statuses and fixed outcome words only: never an
 * id, an address, a subject or anything a citizen typed.
 */
export interface Metrics {
  request(route: string, method: string, status: number, seconds: number): void;
  /** An `/api` request: the status the browser got, what became of it at the backend, and the backend's time when it was asked. */
  proxied(route: string, method: string, status: number, outcome: string, backendSeconds?: number): void;
  signInStarted(): void;
  signIn(outcome: SignInOutcome): void;
  renewal(outcome: RenewalOutcome): void;
  storeError(operation: string, reason: string): void;
  refusedByNode(reason: string): void;
  countLive(counts: LiveCounts): void;
  /** The Prometheus text exposition. */
  exposition(): Promise<{ contentType: string; text: string }>;
}

/** BFF_METRICS unset: nothing is counted. */
export const NO_METRICS: Metrics = {
  request: () => undefined,
  proxied: () => undefined,
  signInStarted: () => undefined,
  signIn: () => undefined,
  renewal: () => undefined,
  storeError: () => undefined,
  refusedByNode: () => undefined,
  countLive: () => undefined,
  exposition: () => Promise.reject(new Error('metrics are off (BFF_METRICS)')),
};

/** Up to the backend's and provider's time limits (15 s, 10 s), and beyond. */
const SECONDS_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30];

/** Metrics in a registry of their own (prom-client's global one is never used), with Node's process metrics. */
export function prometheusMetrics(): Metrics {
  const registers = [new Registry()];
  const [registry] = registers as [Registry];
  collectDefaultMetrics({ register: registry });
  const counter = (name: string, help: string, labelNames: string[] = []) => new Counter({ name, help, labelNames, registers });
  const seconds = (name: string, help: string, labelNames: string[]) =>
    new Histogram({ name, help, labelNames, buckets: SECONDS_BUCKETS, registers });
  const requests = seconds('bff_http_request_duration_seconds', 'Requests answered by the BFF, by route template and status.', [
    'route',
    'method',
    'status',
  ]);
  const proxied = counter(
    'bff_proxied_requests_total',
    'Requests under /api, by route template, the status the browser got and what the backend did.',
    ['route', 'method', 'status', 'outcome'],
  );
  const backend = seconds('bff_backend_duration_seconds', 'Time the backend took for a forwarded request (until its answer was read).', [
    'route',
    'method',
  ]);
  const started = counter('bff_sign_ins_started_total', 'Sign-ins sent to the provider.');
  const signIns = counter('bff_sign_ins_total', 'Sign-ins by how they ended.', ['outcome']);
  const renewals = counter('bff_renewals_total', 'Token renewals at the provider by outcome.', ['outcome']);
  const storeErrors = counter('bff_store_errors_total', 'Session store operations that failed, by operation and reason.', [
    'operation',
    'reason',
  ]);
  const refused = counter('bff_refused_by_node_total', 'Requests Node refused before any route (400, 408, 431), by reason.', ['reason']);
  let counts: LiveCounts | undefined;
  // Read from the store at each scrape (a ZCOUNT each). While the store cannot say, NaN – never a stale or made-up 0;
  // the failure itself is counted in bff_store_errors_total (the store names and reports its failures).
  const live = (name: string, help: string, read: (from: LiveCounts) => Promise<number>) =>
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        if (counts) this.set(await read(counts).catch(() => Number.NaN));
      },
    });
  live('bff_sessions', 'Live sessions in the store (all processes).', (from) => from.sessions());
  live('bff_pending_sign_ins', 'Sign-ins on their way at the provider (all processes).', (from) => from.pendingSignIns());
  return {
    request: (route, method, status, time) => requests.observe({ route, method: methodLabel(method), status }, time),
    proxied(route, method, status, outcome, backendSeconds) {
      proxied.inc({ route, method: methodLabel(method), status, outcome });
      if (backendSeconds !== undefined) backend.observe({ route, method: methodLabel(method) }, backendSeconds);
    },
    signInStarted: () => started.inc(),
    signIn: (outcome) => signIns.inc({ outcome }),
    renewal: (outcome) => renewals.inc({ outcome }),
    storeError: (operation, reason) => storeErrors.inc({ operation, reason }),
    refusedByNode: (reason) => refused.inc({ reason }),
    countLive: (from) => (counts = from),
    exposition: async () => ({ contentType: registry.contentType, text: await registry.metrics() }),
  };
}

/** The methods the BFF serves; any other of the ~35 Node accepts is `other`, so that a flood of odd methods adds no series. */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

function methodLabel(method: string): string {
  return KNOWN_METHODS.has(method) ? method : 'other';
}
