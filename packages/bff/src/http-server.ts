import { createServer, type Server } from 'node:http';
import type { BffApp } from './app.js';

/** How long Node waits for a client's request before it answers 408 itself. */
export interface RequestTimeouts {
  /** The request's headers must be in within this. */
  headersMs: number;
  /** The whole request, body included. The answer is not limited by it. */
  requestMs: number;
  /** How often Node looks for requests past these limits. */
  checkEveryMs: number;
}

export const REQUEST_TIMEOUTS: RequestTimeouts = { headersMs: 10_000, requestMs: 30_000, checkEveryMs: 2_000 };

/** The BFF's HTTP server: the app, Node's time limits for reading requests, and Node's refusals logged by the app. */
export function createBffServer(app: BffApp, timeouts: RequestTimeouts = REQUEST_TIMEOUTS): Server {
  const server = createServer(
    { headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: timeouts.checkEveryMs },
    app,
  );
  server.on('clientError', app.clientError);
  return server;
}
