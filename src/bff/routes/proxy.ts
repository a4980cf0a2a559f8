import type { BffContext, RouteRequest } from '../context.js';
import { BodyTooLargeError, readBody, send, sendProblem } from '../http.js';
import { forgetSession, loadOrForget } from './session.js';

/** The contract's seven requests (`src/api/openapi.yaml`); nothing else is forwarded. */
const CONTRACT: ReadonlyArray<{ method: string; pattern: RegExp; route: string }> = [
  { method: 'GET', pattern: /^\/account$/, route: '/account' },
  { method: 'PUT', pattern: /^\/account\/consent$/, route: '/account/consent' },
  { method: 'GET', pattern: /^\/kassenzeichen$/, route: '/kassenzeichen' },
  { method: 'POST', pattern: /^\/kassenzeichen$/, route: '/kassenzeichen' },
  { method: 'POST', pattern: /^\/kassenzeichen\/[^/]{1,200}\/confirmation$/, route: '/kassenzeichen/{id}/confirmation' },
  { method: 'POST', pattern: /^\/kassenzeichen\/[^/]{1,200}\/letter$/, route: '/kassenzeichen/{id}/letter' },
  { method: 'DELETE', pattern: /^\/kassenzeichen\/[^/]{1,200}$/, route: '/kassenzeichen/{id}' },
];

const MAX_BODY_BYTES = 16_384;
const BACKEND_TIMEOUT_MS = 15_000;
const PASSED_BACK = ['content-type', 'retry-after', 'content-language'] as const;

/** The contract's route template for a request, or `undefined`: then nothing is forwarded. */
export function matchContract(method: string, path: string): string | undefined {
  if (!path.split('/').every(isPlainSegment)) return undefined;
  return CONTRACT.find((entry) => entry.method === method && entry.pattern.test(path))?.route;
}

/** URLs resolve `.` and `..` (also as `%2e`) before sending: such a segment would leave the contract's paths. */
function isPlainSegment(segment: string): boolean {
  try {
    return !/^\.{1,2}$/.test(decodeURIComponent(segment)) && !/[?#\\]/.test(decodeURIComponent(segment));
  } catch {
    return false;
  }
}

/** `/api/…`: one of the contract's requests, with the session's access token added, to the backend and back. */
export async function proxy(context: BffContext, request: RouteRequest, apiPath: string): Promise<void> {
  const { req, res } = request;
  const route = matchContract(req.method ?? '', apiPath);
  request.route = `/api${route ?? '/{unknown}'}`;
  if (!route) return sendProblem(res, 404, 'not-found', 'Nicht gefunden');
  let body: Buffer;
  try {
    body = await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendProblem(res, 413, 'too-large', 'Die Anfrage ist zu groß');
    throw error;
  }
  const loaded = await loadOrForget(context, request);
  if (typeof loaded !== 'object') return sendProblem(res, 401, 'unauthorized', 'Nicht angemeldet');
  const session = await context.sessions.withFreshToken(loaded);
  if (session === 'ended') {
    forgetSession(res);
    return sendProblem(res, 401, 'unauthorized', 'Nicht angemeldet');
  }
  await context.sessions.touch(session);
  const headers: Record<string, string> = { Authorization: `Bearer ${session.data.accessToken}`, Accept: 'application/json' };
  for (const name of ['content-type', 'idempotency-key', 'accept-language'] as const) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  let answer: Response;
  try {
    answer = await context.fetch(`${context.config.backendUrl}${apiPath}`, {
      method: req.method,
      headers,
      body: body.length > 0 ? new Uint8Array(body) : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(BACKEND_TIMEOUT_MS),
    });
  } catch (error) {
    context.log.error('backend unreachable', error, { route: request.route });
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return sendProblem(res, timedOut ? 504 : 502, timedOut ? 'gateway-timeout' : 'bad-gateway', 'Das Bürgerportal antwortet nicht');
  }
  const passed: Record<string, string> = {};
  for (const name of PASSED_BACK) {
    const value = answer.headers.get(name);
    if (value) passed[name] = value;
  }
  send(res, answer.status, Buffer.from(await answer.arrayBuffer()), passed);
}
