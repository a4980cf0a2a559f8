import type { BffContext, RouteRequest } from '../context.js';
import { MAX_REQUEST_BODY_BYTES, readBody, send, sendProblem } from '../http.js';
import type { LoadedSession } from '../sessions.js';
import { forgetSession, loadOrForget } from './session.js';
import { matchContract } from '../contract.js';
import { readAnswer, type BackendAnswer } from './proxy-answer.js';

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
  passBack(context, request, await askBackend(context, request, apiPath, body, session.data.accessToken));
}

/** The request's session with a fresh access token, counted as activity; `undefined` when nobody is signed in. */
async function signedInSession(context: BffContext, request: RouteRequest): Promise<LoadedSession | undefined> {
  const loaded = await loadOrForget(context, request);
  if (typeof loaded !== 'object') return undefined;
  const session = await context.sessions.withFreshToken(loaded);
  if (session === 'ended') {
    forgetSession(request.res);
    return undefined;
  }
  await context.sessions.touch(session);
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
  try {
    const answer = await context.fetch(`${context.config.backendUrl}${apiPath}`, {
      method: req.method,
      headers,
      body: body.length > 0 ? new Uint8Array(body) : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(context.config.backendTimeoutSeconds * 1000),
    });
    return await readAnswer(answer, context.config.maxBackendAnswerBytes);
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    request.log.error(timedOut ? 'backend timed out' : 'backend unreachable', error);
    return { kind: timedOut ? 'timeout' : 'unreachable' };
  }
}

const NO_ANSWER = 'Das Bürgerportal antwortet nicht';
const UNEXPECTED = 'Das Bürgerportal hat unerwartet geantwortet';

function passBack(context: BffContext, request: RouteRequest, outcome: Outcome): void {
  const { res, log } = request;
  switch (outcome.kind) {
    case 'passed':
      return send(res, outcome.status, outcome.body, outcome.headers);
    case 'server-error':
      log.warn('backend failed', { backendStatus: outcome.status });
      return sendProblem(
        res,
        outcome.status,
        'backend-error',
        'Das Bürgerportal hat einen Fehler gemeldet',
        retryAfter(outcome.retryAfter),
      );
    case 'too-large':
      log.warn('backend answer refused', {
        reason: 'too-large',
        backendStatus: outcome.status,
        limit: context.config.maxBackendAnswerBytes,
      });
      return sendProblem(res, 502, 'bad-gateway', UNEXPECTED);
    case 'refused':
      log.warn('backend answer refused', { reason: outcome.reason, backendStatus: outcome.status });
      return sendProblem(res, 502, 'bad-gateway', UNEXPECTED);
    case 'timeout':
      return sendProblem(res, 504, 'gateway-timeout', NO_ANSWER);
    case 'unreachable':
      return sendProblem(res, 502, 'bad-gateway', NO_ANSWER);
  }
}

function retryAfter(value: string | undefined): Record<string, string> {
  return value ? { 'Retry-After': value } : {};
}
