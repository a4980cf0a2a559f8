import type { BffContext, RouteRequest } from '../context.js';
import { MAX_REQUEST_BODY_BYTES, readBody, send, sendProblem } from '../http.js';
import type { ProxySession } from '../sessions.js';
import { forgetSession, loadTokenTimesOrForget } from './session.js';
import { matchContract } from '../contract.js';
import { readAnswer, type BackendAnswer } from './proxy-answer.js';
import { askBackendOverHttp, BackendTimeoutError } from './backend-client.js';

/** What became of a forwarded request: the backend's answer, or why there is none. */
type Outcome = BackendAnswer | { kind: 'timeout' | 'unreachable' };

/** `/api/…`: one of the contract's requests, with the session's access token added, to the backend and back. */
export async function proxy(context: BffContext, request: RouteRequest, apiPath: string): Promise<void> {
  const { req, res } = request;
  const route = matchContract(req.method ?? '', apiPath);
  request.route = `/api${route ?? '/{unknown}'}`;
  if (!route) return sendProblem(res, 404, 'not-found', 'Nicht gefunden');
  const body = await readBody(req, MAX_REQUEST_BODY_BYTES);
  const session = await signedInSession(context, request);
  if (!session) return sendProblem(res, 401, 'unauthorized', 'Nicht angemeldet');
  const asked = performance.now();
  const outcome = await askBackend(context, request, apiPath, body, session.data.accessToken);
  const backendSeconds = (performance.now() - asked) / 1000;
  const status = passBack(context, request, outcome);
  context.metrics.proxied(request.route, req.method ?? '', status, outcome.kind, backendSeconds);
}

/** The request's session with a fresh access token, counted as activity; `undefined` when nobody is signed in. */
async function signedInSession(context: BffContext, request: RouteRequest): Promise<ProxySession | undefined> {
  const loaded = await loadTokenTimesOrForget(context, request);
  if (typeof loaded !== 'object') return undefined;
  const session = await context.sessions.withFreshToken(loaded);
  if (session === 'ended') {
    forgetSession(request.res);
    return undefined;
  }
  await context.sessions.touch(session, 'proxy');
  return session;
}

/** Forwards the request and reads the answer, both within BFF_BACKEND_TIMEOUT_SECONDS. */
async function askBackend(
  context: BffContext,
  request: RouteRequest,
  apiPath: string,
  body: Buffer,
  accessToken: string,
): Promise<Outcome> {
  const { req } = request;
  const headers: Record<string, string> = { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' };
  for (const name of ['content-type', 'idempotency-key', 'accept-language'] as const) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  let answer: Response;
  try {
    // node:http(s) unless the app was given a fetch of its own (createBffApp's `fetch`).
    if (context.fetch === globalThis.fetch) {
      return await askBackendOverHttp(`${context.config.backendUrl}${apiPath}`, {
        method: req.method ?? 'GET',
        headers,
        body,
        timeoutMs: context.config.backendTimeoutSeconds * 1000,
        limit: context.config.maxBackendAnswerBytes,
      });
    }
    answer = await context.fetch(`${context.config.backendUrl}${apiPath}`, {
      method: req.method,
      headers,
      body: body.length > 0 ? new Uint8Array(body) : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(context.config.backendTimeoutSeconds * 1000),
    });
  } catch (error) {
    return noAnswer(request, error);
  }
  try {
    return await readAnswer(answer, context.config.maxBackendAnswerBytes);
  } catch (error) {
    if (isTimeout(error)) return noAnswer(request, error);
    // It answered, but its body cannot be read (a broken gzip, a cut chunk): its answer, not its absence.
    return { kind: 'refused', status: answer.status, reason: 'unreadable' };
  }
}

function isTimeout(error: unknown): boolean {
  return (error instanceof DOMException && error.name === 'TimeoutError') || error instanceof BackendTimeoutError;
}

function noAnswer(request: RouteRequest, error: unknown): Outcome {
  const timedOut = isTimeout(error);
  request.log.error(timedOut ? 'backend timed out' : 'backend unreachable', error);
  return { kind: timedOut ? 'timeout' : 'unreachable' };
}

const NO_ANSWER = 'Das Bürgerportal antwortet nicht';
const UNEXPECTED = 'Das Bürgerportal hat unerwartet geantwortet';

type NotPassed = Exclude<Outcome, { kind: 'passed' }>;

/** Answers the browser; returns the status it got. */
function passBack(context: BffContext, request: RouteRequest, outcome: Outcome): number {
  if (outcome.kind === 'passed') {
    send(request.res, outcome.status, outcome.body, outcome.headers);
    return outcome.status;
  }
  logOutcome(context, request, outcome);
  const { status, type, title, headers } = ownAnswer(outcome);
  sendProblem(request.res, status, type, title, headers);
  return status;
}

/** The BFF's own problem for what it does not pass on: a 5xx keeps its status and `Retry-After`, never its body. */
function ownAnswer(outcome: NotPassed): { status: number; type: string; title: string; headers?: Record<string, string> } {
  switch (outcome.kind) {
    case 'server-error': {
      const headers = outcome.retryAfter ? { 'Retry-After': outcome.retryAfter } : undefined;
      return { status: outcome.status, type: 'backend-error', title: 'Das Bürgerportal hat einen Fehler gemeldet', headers };
    }
    case 'timeout':
      return { status: 504, type: 'gateway-timeout', title: NO_ANSWER };
    case 'unreachable':
      return { status: 502, type: 'bad-gateway', title: NO_ANSWER };
    default:
      return { status: 502, type: 'bad-gateway', title: UNEXPECTED };
  }
}

/** What the operator reads of it (a backend that could not be asked is logged where that happened). */
function logOutcome(context: BffContext, request: RouteRequest, outcome: NotPassed): void {
  if (outcome.kind === 'server-error') request.log.warn('backend failed', { backendStatus: outcome.status });
  if (outcome.kind === 'refused') request.log.warn('backend answer refused', { reason: outcome.reason, backendStatus: outcome.status });
  if (outcome.kind === 'too-large') {
    const limit = context.config.maxBackendAnswerBytes;
    request.log.warn('backend answer refused', { reason: 'too-large', backendStatus: outcome.status, limit });
  }
}
