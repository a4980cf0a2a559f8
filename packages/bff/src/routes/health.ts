import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { BffContext, RouteRequest } from '../context.js';
import { rateLimitedClient } from '../client-address.js';
import { sendJson } from '../http.js';

/** A balancer checks every few seconds; beyond this many a minute from one client a check is 429. */
const HEALTH_CHECKS_PER_MINUTE = 600;

/** The running store probe of this context (one per process): checks that come meanwhile share it. */
const probes = new WeakMap<BffContext, Promise<string | undefined>>();
/** Each process counts checks on its own: the count must never wait on the store it is checking. */
const budgets = new WeakMap<BffContext, RateLimiterMemory>();

/**
 * `GET`/`HEAD /health`: 200 only while the store takes a write within
 * BFF_STORE_TIMEOUT_MS; 503 otherwise, never a wait – `store-full` for a
 * Redis out of memory (noeviction), `store-unavailable` for anything else –
 * and at once when the process is stopping, so that the balancer takes it
 * out first. Outside the shared rate limits, which wait on the store.
 */
export async function health(context: BffContext, request: RouteRequest): Promise<void> {
  request.route = '/health';
  if (await overBudget(context, request.client)) {
    request.log.warn('request refused', { reason: 'rate-limited', group: 'health' });
    return sendJson(request.res, 429, { status: 'too-many-checks' }, { 'Retry-After': '60', 'Cache-Control': 'no-store' });
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

async function overBudget(context: BffContext, client: string): Promise<boolean> {
  let budget = budgets.get(context);
  if (!budget) budgets.set(context, (budget = new RateLimiterMemory({ points: HEALTH_CHECKS_PER_MINUTE, duration: 60 })));
  try {
    await budget.consume(rateLimitedClient(client));
    return false;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return true;
    throw rejection;
  }
}
