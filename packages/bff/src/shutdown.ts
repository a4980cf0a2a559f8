import type { Server } from 'node:http';
import type { BffApp } from './app.js';
import type { Logger } from './log.js';

export interface DrainOptions {
  /** BFF_SHUTDOWN_SECONDS: how long running requests may take. */
  seconds: number;
  /** BFF_SHUTDOWN_NOTICE_SECONDS: the first part of it, still listening, with `/health` at 503. */
  noticeSeconds: number;
  log: Logger;
  /** Aborted (a second SIGTERM or SIGINT): the requests still running are cut now. */
  hurry?: AbortSignal;
}

/**
 * The first part of stopping: `/health` says 503 at once while the process
 * still serves for `noticeSeconds`, so that the balancer takes it out; then no
 * new connection is taken and idle kept-alive ones are closed, and the
 * requests still running get the rest of `seconds` to finish (their
 * connections close after the answer). Those still running then are cut: one
 * `warn` line `request cut` each, with its route and id, and its connection
 * closed. Resolves with how many were cut.
 */
export async function drain(server: Server, app: BffApp, options: DrainOptions): Promise<number> {
  app.stopping();
  if (options.noticeSeconds > 0) {
    options.log.info('stopping soon', { noticeSeconds: options.noticeSeconds });
    await pause(options.noticeSeconds * 1000, options.hurry);
  }
  stopListening(server);
  options.log.info('stopping', { running: app.running.size, drainSeconds: options.seconds - options.noticeSeconds });
  if (!(await settledWithin(app, { ...options, seconds: options.seconds - options.noticeSeconds }))) {
    const now = Date.now();
    for (const [request, startedAt] of app.running.list()) {
      request.log.warn('request cut', { reason: 'shutdown', method: request.req.method, ms: now - startedAt });
    }
  }
  const cut = app.running.size;
  server.closeAllConnections();
  options.log.info('stopped', { cut });
  return cut;
}

/** No new connection from now on; idle kept-alive ones are closed. */
function stopListening(server: Server): void {
  if (server.listening) server.close();
  server.closeIdleConnections();
}

/** Whether every running request finished within the time (and before a hurry). */
function settledWithin(app: BffApp, { seconds, hurry }: DrainOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), seconds * 1000);
    const giveUp = () => {
      clearTimeout(timer);
      resolve(false);
    };
    if (hurry?.aborted) return giveUp();
    hurry?.addEventListener('abort', giveUp, { once: true });
    void app.running.settled().then(() => {
      clearTimeout(timer);
      hurry?.removeEventListener('abort', giveUp);
      resolve(true);
    });
  });
}

/** Waits `ms`, or less when hurried. */
function pause(ms: number, hurry?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || hurry?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    hurry?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      hurry?.removeEventListener('abort', done);
      resolve();
    }
  });
}
