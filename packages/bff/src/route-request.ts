import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { forwardedClient, isTrusted, plain } from './client-address.js';
import type { BffContext, RouteRequest } from './context.js';
import { withFields } from './log.js';

/** A proxy's request id is taken only in this harmless shape: it goes into every log line. */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A request as the routes see it, before its target is read: who sent it, its id, its logger. */
export function routeRequest(context: BffContext, req: IncomingMessage, res: ServerResponse): RouteRequest {
  const { trustedProxies } = context.config;
  const peer = plain(req.socket.remoteAddress ?? '');
  const fromProxy = isTrusted(trustedProxies, peer);
  const offered = header(req, 'x-request-id');
  const request: RouteRequest = {
    req,
    res,
    path: '',
    query: new URLSearchParams(),
    route: '/{unknown}',
    client: fromProxy ? forwardedClient(peer, header(req, 'x-forwarded-for'), trustedProxies) : peer,
    id: fromProxy && offered && REQUEST_ID.test(offered) ? offered : randomUUID(),
    log: context.log,
  };
  request.log = withFields(context.log, () => ({
    request: request.id,
    client: request.client,
    session: request.session,
    route: request.route,
  }));
  res.setHeader('X-Request-Id', request.id);
  return request;
}

/** A header sent once; a repeated one (an array) counts as absent. */
function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}
