import type { RouteRequest } from './context.js';

/** The requests being answered now, each with the time (ms) it came. */
export class InFlight {
  private readonly requests = new Map<RouteRequest, number>();
  private readonly bySocket = new WeakMap<object, RouteRequest>();

  add(request: RouteRequest, startedAt: number): void {
    this.requests.set(request, startedAt);
    this.bySocket.set(request.req.socket, request);
    // 'close' comes once the answer is out, or when the connection broke before.
    request.res.once('close', () => this.requests.delete(request));
  }

  /** The request running on a connection, if one is. */
  on(socket: object): RouteRequest | undefined {
    const request = this.bySocket.get(socket);
    return request && this.requests.has(request) ? request : undefined;
  }
}
