import type { RouteRequest } from './context.js';

/** The requests being answered now, each with the time (ms) it came. */
export class InFlight {
  private readonly requests = new Map<RouteRequest, number>();
  private readonly bySocket = new WeakMap<object, RouteRequest>();
  private whenSettled: Array<() => void> = [];

  add(request: RouteRequest, startedAt: number): void {
    this.requests.set(request, startedAt);
    this.bySocket.set(request.req.socket, request);
    // 'close' comes once the answer is out, or when the connection broke before.
    request.res.once('close', () => this.remove(request));
  }

  /** The request running on a connection, if one is. */
  on(socket: object): RouteRequest | undefined {
    const request = this.bySocket.get(socket);
    return request && this.requests.has(request) ? request : undefined;
  }

  get size(): number {
    return this.requests.size;
  }

  /** The running requests with the time each came. */
  list(): Array<[RouteRequest, number]> {
    return [...this.requests];
  }

  /** Resolves once no request is running (at once when none is). */
  settled(): Promise<void> {
    if (this.requests.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.whenSettled.push(resolve));
  }

  private remove(request: RouteRequest): void {
    this.requests.delete(request);
    if (this.requests.size > 0) return;
    for (const resolve of this.whenSettled.splice(0)) resolve();
  }
}
