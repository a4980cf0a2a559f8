import type { BffContext, RouteRequest } from '../context.js';
import { MAX_REQUEST_BODY_BYTES, readBody, send, sendProblem } from '../http.js';
import type { LoadedSession } from '../sessions.js';
import { forgetSession, loadOrForget } from './session.js';
import { matchContract } from '../contract.js';

/** The contract's largest answer is a list of a property manager's Kassenzeichen: far below this. */
const MAX_ANSWER_BYTES = 1_048_576;
const BACKEND_TIMEOUT_MS = 15_000;
const PASSED_BACK = ['content-type', 'retry-after', 'content-language'] as const;
const JSON_TYPES = /^application\/(problem\+)?json\s*(;|$)/i;

/** `/api/…`: one of the contract's requests, with the session's access token added, to the backend and back. */
export async function proxy(context: BffContext, request: RouteRequest, apiPath: string): Promise<void> {
  const { req, res } = request;
  const route = matchContract(req.method ?? '', apiPath);
  request.route = `/api${route ?? '/{unknown}'}`;
  if (!route) return sendProblem(res, 404, 'not-found', 'Nicht gefunden');
  const body = await readBody(req, MAX_REQUEST_BODY_BYTES);
  const session = await signedInSession(context, request);
  if (!session) return sendProblem(res, 401, 'unauthorized', 'Nicht angemeldet');
  let answer: Response;
  try {
    answer = await forward(context, request, apiPath, body, session.data.accessToken);
  } catch (error) {
    request.log.error('backend unreachable', error);
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return sendProblem(res, timedOut ? 504 : 502, timedOut ? 'gateway-timeout' : 'bad-gateway', 'Das Bürgerportal antwortet nicht');
  }
  await passBack(request, answer);
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

function forward(context: BffContext, request: RouteRequest, apiPath: string, body: Buffer, accessToken: string): Promise<Response> {
  const { req } = request;
  const headers: Record<string, string> = { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' };
  for (const name of ['content-type', 'idempotency-key', 'accept-language'] as const) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return context.fetch(`${context.config.backendUrl}${apiPath}`, {
    method: req.method,
    headers,
    body: body.length > 0 ? new Uint8Array(body) : undefined,
    redirect: 'manual',
    signal: AbortSignal.timeout(BACKEND_TIMEOUT_MS),
  });
}

async function passBack(request: RouteRequest, answer: Response): Promise<void> {
  const body = await answerBody(answer);
  if (body === undefined) {
    request.log.warn('backend answer refused', { status: answer.status });
    return sendProblem(request.res, 502, 'bad-gateway', 'Das Bürgerportal hat unerwartet geantwortet');
  }
  const passed: Record<string, string> = {};
  for (const name of PASSED_BACK) {
    const value = answer.headers.get(name);
    if (value) passed[name] = value;
  }
  send(request.res, answer.status, body, passed);
}

/**
 * The backend's answer as the page may see it: JSON or problem+json (or
 * nothing), up to {@link MAX_ANSWER_BYTES}. Anything else – an HTML error
 * page, a stack trace, a redirect to somewhere – is `undefined`.
 */
async function answerBody(answer: Response): Promise<Buffer | undefined> {
  const body = await readLimited(answer, MAX_ANSWER_BYTES);
  if (body === undefined || (answer.status >= 300 && answer.status < 400)) return undefined;
  if (body.length === 0) return body;
  return JSON_TYPES.test(answer.headers.get('content-type') ?? '') ? body : undefined;
}

async function readLimited(answer: Response, limit: number): Promise<Buffer | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of answer.body ?? []) {
    size += chunk.length;
    if (size > limit) {
      await answer.body?.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
