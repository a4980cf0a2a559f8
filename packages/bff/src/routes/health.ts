import type { BffContext, RouteRequest } from '../context.js';
import { sendJson } from '../http.js';

/** The running store probe of this context (one per process): checks that come meanwhile share it. */
const probes = new WeakMap<BffContext, Promise<string | undefined>>();

/**
 * `GET`/`HEAD /health`: 200 only while the store takes a write within
 * BFF_STORE_TIMEOUT_MS; 503 otherwise, never a wait – `store-full` for a
 * Redis out of memory (noeviction), `store-unavailable` for anything else –
 * and at once when the process is stopping, so that the balancer takes it
 * out first. Counted apart from the shared rate limits, which wait on the store.
 */
export async function health(context: BffContext, request: RouteRequest): Promise<void> {
  request.route = '/health';
  const wait = await context.rateLimits.wait('health', request.client);
  if (wait) {
    request.log.warn('request refused', { reason: 'rate-limited', group: 'health' });
    return sendJson(request.res, 429, { status: 'too-many-checks' }, { 'Retry-After': String(wait), 'Cache-Control': 'no-store' });
  }
  if (context.stopping) return sendJson(request.res, 503, { status: 'stopping' }, { 'Cache-Control': 'no-store' });
  const failure = await storeProbe(context);
  const status = failure === undefined ? 'ok' : failure === 'full' ? 'store-full' : 'store-unavailable';
  if (failure !== undefined) request.log.warn('unhealthy', { reason: status, cause: failure });
  sendJson(request.res, failure === undefined ? 200 : 503, { status }, { 'Cache-Control': 'no-store' });
}

function storeProbe(context: BffContext): Promise<string | undefined> {
  const running = probes.get(context);
  if (running) return running;
  const probe = context.store.writeFailure().finally(() => probes.delete(context));
  probes.set(context, probe);
  return probe;
}
