import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BffConfig } from './config.js';
import { allowedReturn, SESSION_COOKIE, type BffContext, type RouteRequest } from './context.js';
import { BodyTooLargeError, cookieValue, declaresTooLargeBody, send, sendProblem } from './http.js';
import { ANTI_FORGERY_HEADER, ANTI_FORGERY_VALUE } from '../../../src/shared/bff-protocol.js';
import { IdentityProvider } from './identity-provider.js';
import { messagePage } from './pages.js';
import type { Logger } from './log.js';
import { finishSignIn, pendingSignIns, startSignIn } from './routes/sign-in.js';
import { extendSession, readSession } from './routes/session.js';
import { backchannelLogout, continueSignOut, finishSignOut, signOut } from './routes/sign-out.js';
import { proxy } from './routes/proxy.js';
import { Sessions } from './sessions.js';
import { parseTarget } from './target.js';
import { routeRequest } from './route-request.js';
import { strippedPrefix } from './stripped-prefix.js';
import { health } from './routes/health.js';
import { rateGroup, RateLimits, type CountAlong } from './rate-limits.js';
import { nameFailures, StoreUnavailableError, type SessionStore } from './store.js';
import { InFlight } from './in-flight.js';
import { nodeRefusals } from './node-refusals.js';
import { NO_METRICS, type Metrics } from './metrics.js';

export { ANTI_FORGERY_HEADER } from '../../../src/shared/bff-protocol.js';

type Handler = (context: BffContext, request: RouteRequest) => Promise<void>;

/** Routes the browser reaches by navigation (no header possible) and the provider's back channel. */
const NAVIGATIONS: Record<string, Handler> = {
  'GET /login': startSignIn,
  'GET /callback': finishSignIn,
  'GET /logout/continue': continueSignOut,
  'GET /signed-out': finishSignOut,
  'POST /backchannel-logout': backchannelLogout,
};

/** Routes the widgets call with fetch: they need the anti-forgery header and, across origins, an allowed Origin. */
const CALLS: Record<string, Handler> = {
  'GET /session': readSession,
  'POST /session/extend': extendSession,
  'POST /logout': signOut,
};

export interface BffAppOptions {
  config: BffConfig;
  store: SessionStore;
  log: Logger;
  fetch?: typeof fetch;
  now?: () => number;
  /** Counted in this process unless given (the server passes Redis-backed ones). */
  rateLimits?: RateLimits;
  /** What `/metrics` reads (BFF_METRICS); nothing is counted unless given. */
  metrics?: Metrics;
}

/** The BFF as a request handler for `node:http`, and the upkeep every process runs now and then. */
export interface BffApp {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Ends sessions whose time ran out while nobody asked (their refresh tokens revoked); resolves with how many. */
  endLapsedSessions(): Promise<number>;
  /** The server's 'clientError' listener: Node's own refusals (400, 408, 431), answered and logged ({@link createBffServer}). */
  clientError: ReturnType<typeof nodeRefusals>;
  /** The requests being answered now. */
  running: InFlight;
  /** The process is stopping ({@link drain}): `/health` says 503, and every answer from now on closes its connection. */
  stopping(): void;
}

/** The BFF for `node:http` (or any server that hands over Node's request and response). */
export function createBffApp(options: BffAppOptions): BffApp {
  const context = createContext(options);
  const running = new InFlight();
  const app = (req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    const request = routeRequest(context, req, res);
    running.add(request, started);
    if (context.stopping) res.setHeader('Connection', 'close');
    res.on('finish', () => {
      const ms = Date.now() - started;
      request.log.info('request', { method: req.method, status: res.statusCode, ms });
      context.metrics.request(request.route, req.method ?? '', res.statusCode, ms / 1000);
    });
    // Everything a request can make throw happens inside this promise: no request ends the process.
    handle(context, request).catch((error: unknown) => failed(context, request, error));
  };
  return Object.assign(app, {
    endLapsedSessions: () => context.sessions.endLapsed(),
    clientError: nodeRefusals(context, running),
    running,
    stopping() {
      context.stopping = true;
      for (const [{ res }] of running.list()) if (!res.headersSent) res.setHeader('Connection', 'close');
    },
  });
}

function createContext(options: BffAppOptions): BffContext {
  const metrics = options.metrics ?? NO_METRICS;
  const store = nameFailures(options.store, (error) => metrics.storeError(error.operation ?? 'unknown', error.reason));
  const provider = new IdentityProvider(options.config, options.now, metrics);
  const context: BffContext = {
    config: options.config,
    store,
    provider,
    sessions: new Sessions(store, provider, options.config, options.now),
    log: options.log,
    fetch: options.fetch ?? globalThis.fetch,
    now: options.now ?? Date.now,
    notices: new Set(),
    rateLimits: options.rateLimits ?? new RateLimits(options.config),
    metrics,
    stopping: false,
  };
  metrics.countLive({ sessions: () => context.sessions.liveCount(), pendingSignIns: () => pendingSignIns(context) });
  return context;
}

/** A request that threw: 413 for a body too large, else 503 (a page for a navigation), and a log line that says what failed. */
function failed(context: BffContext, request: RouteRequest, error: unknown): void {
  const { res } = request;
  const navigation = isNavigation(request);
  if (error instanceof BodyTooLargeError) {
    if (navigation) return messagePage(request, 413, (t) => t.tooLarge, home(context), { Connection: 'close' });
    return sendProblem(res, 413, 'too-large', 'Die Anfrage ist zu groß', { Connection: 'close' });
  }
  // The connection went while the request was read (the client left, or Node refused it with 408): nothing to answer.
  if (request.req.socket.destroyed && (error as { code?: unknown }).code === 'ECONNRESET') {
    return request.log.info('request broken off', { reason: 'connection-closed' });
  }
  if (error instanceof StoreUnavailableError) request.log.error('session store unavailable', error);
  else request.log.error('request failed', error);
  if (res.headersSent) return void res.destroy();
  if (navigation) return navigationFailed(context, request);
  sendProblem(res, 503, 'unavailable', 'Der Dienst ist gerade nicht verfügbar', { 'Retry-After': '5' });
}

/** The route's path below `BFF_PUBLIC_URL`, or `undefined` when the target lies outside it. */
function below(basePath: string, path: string): string | undefined {
  // Where a load balancer looks: at the root of the process as well as under BFF_PUBLIC_URL's path.
  if (path === '/health') return path;
  if (!basePath) return path;
  return path.startsWith(`${basePath}/`) ? path.slice(basePath.length) : undefined;
}

async function handle(context: BffContext, request: RouteRequest): Promise<void> {
  const { req, res } = request;
  const target = parseTarget(req.url);
  if (!target) {
    request.route = 'unparseable-target';
    request.log.warn('request refused', { reason: 'unparseable-target' });
    return sendProblem(res, 400, 'bad-request', 'Die Anfrage ist nicht lesbar');
  }
  if (declaresTooLargeBody(req)) throw new BodyTooLargeError();
  const path = below(context.config.basePath, target.path);
  request.path = path ?? target.path;
  request.query = target.query;
  if (path === undefined) {
    if (isOwnPath(target.path)) return strippedPrefix(context, request);
    return sendProblem(res, 404, 'not-found', 'Nicht gefunden');
  }
  // The balancer's check: before the rate limits (their count waits on the same store), bounded by its own memo.
  if (path === '/health' && (req.method === 'GET' || req.method === 'HEAD')) return health(context, request);
  const group = rateGroup(path);
  const wait = group && (await context.rateLimits.wait(group, request.client, sessionReadAlong(context, request)));
  if (wait) {
    request.log.warn('request refused', { reason: 'rate-limited', group });
    return tooManyRequests(context, request, wait);
  }
  const navigation = NAVIGATIONS[`${req.method} ${path}`];
  if (navigation) return navigation(context, request);

  const cors = corsHeaders(context.config, req.headers.origin);
  if (!cors) {
    request.route = 'foreign-origin';
    request.log.warn('request refused', { reason: 'foreign-origin', origin: req.headers.origin?.slice(0, 200) });
    return sendProblem(res, 403, 'forbidden', 'Diese Seite darf den Dienst nicht verwenden');
  }
  for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);
  if (req.method === 'OPTIONS') return preflight(request);
  if (req.headers[ANTI_FORGERY_HEADER.toLowerCase()] !== ANTI_FORGERY_VALUE) {
    request.route = 'no-anti-forgery-header';
    request.log.warn('request refused', { reason: 'no-anti-forgery-header' });
    return sendProblem(res, 403, 'forbidden', 'Anfrage ohne Schutz-Kopfzeile abgelehnt');
  }
  const call = CALLS[`${req.method} ${path}`];
  if (call) return call(context, request);
  if (path.startsWith('/api/')) return proxy(context, request, path.slice('/api'.length));
  sendProblem(res, 404, 'not-found', 'Nicht gefunden');
}

/** The paths of the BFF's own routes (below BFF_PUBLIC_URL's path). */
const OWN_PATHS = new Set([...Object.keys(NAVIGATIONS), ...Object.keys(CALLS)].map((route) => route.slice(route.indexOf(' ') + 1)));

/** One of the BFF's own routes, had it come with BFF_PUBLIC_URL's path in front. */
function isOwnPath(path: string): boolean {
  return OWN_PATHS.has(path) || path.startsWith('/api/');
}

/**
 * A top-level navigation of the citizen's browser (not a call of the widget,
 * not the provider's back channel): it gets an HTML page, never a problem+json.
 */
function isNavigation(request: RouteRequest): boolean {
  return request.req.method === 'GET' && `GET ${request.path}` in NAVIGATIONS;
}

function home(context: BffContext): string | undefined {
  const [first] = context.config.allowedOrigins;
  return first;
}

/** A navigation that failed inside (the store down, the provider unreachable): a page in the citizen's language, and a way back. */
function navigationFailed(context: BffContext, request: RouteRequest): void {
  const signingIn = request.path === '/login' || request.path === '/callback';
  const back = (request.path === '/login' && allowedReturn(context.config, request.query.get('returnTo'))) || home(context);
  messagePage(request, 503, (t) => (signingIn ? t.signInUnavailable : t.signOutUnavailable), back, { 'Retry-After': '5' });
}

function tooManyRequests(context: BffContext, request: RouteRequest, seconds: number): void {
  request.route = 'rate-limited';
  if (isNavigation(request)) {
    return messagePage(request, 429, (t) => t.tooManyRequests, home(context), { 'Retry-After': String(seconds) });
  }
  sendProblem(request.res, 429, 'too-many-requests', 'Zu viele Anfragen, bitte warten Sie einen Moment', {
    'Retry-After': String(seconds),
  });
}

/**
 * CORS with credentials for the allowed origins only. No Origin (same-origin
 * GET, tools) needs no CORS headers; an Origin that is neither ours nor allowed
 * is refused before anything happens (`undefined`).
 */
function corsHeaders(config: BffConfig, origin: string | undefined): Record<string, string> | undefined {
  if (!origin || origin === new URL(config.publicUrl).origin) return {};
  if (!config.allowedOrigins.has(origin)) return undefined;
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': 'Retry-After',
    Vary: 'Origin',
  };
}

function preflight(request: RouteRequest): void {
  request.route = 'preflight';
  send(request.res, 204, undefined, {
    'Access-Control-Allow-Methods': 'GET, PUT, POST, DELETE',
    'Access-Control-Allow-Headers': `Content-Type, Idempotency-Key, ${ANTI_FORGERY_HEADER}`,
    'Access-Control-Max-Age': '600',
  });
}

/**
 * A proxied GET's session read, sent with the rate limit's count as one
 * command; the fields wait in `request.sessionFields` for the proxy, which
 * decides (a failure is the proxy's to answer: here only marked as handled).
 * Only a GET without a body: behind a body that trickles in, the read could
 * grow stale (a session ended meanwhile must not lend its token).
 */
/** Whether the request says a body follows (any `Transfer-Encoding`, or a `Content-Length` other than 0). */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length.trim() !== '0');
}

function sessionReadAlong(context: BffContext, request: RouteRequest): CountAlong | undefined {
  const id = cookieValue(request.req, SESSION_COOKIE);
  if (request.req.method !== 'GET' || !request.path.startsWith('/api/') || !id || hasBody(request.req)) return undefined;
  return (count) => {
    const read = context.sessions.readTokenTimesCounting(id, count);
    request.sessionFields = read.then(({ fields }) => fields);
    request.sessionFields.catch(() => undefined);
    return read.then(({ counted }) => counted);
  };
}
