import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { JSON_TYPES, PASSED_BACK, type BackendAnswer } from './proxy-answer.js';

/*
 * The backend asked over node:http(s) with keep-alive connections: the same
 * answers as fetch and {@link readAnswer} give, at a fraction of the CPU
 * (undici's fetch, its web streams and an AbortSignal per request were a
 * third of what a proxied request cost). What is not passed on is not read:
 * its connection is closed.
 */

/** BFF_BACKEND_TIMEOUT_SECONDS passed before the answer was read; logged as `TimeoutError`, as fetch's was. */
export class BackendTimeoutError extends Error {
  constructor() {
    super('backend timed out');
    this.name = 'TimeoutError';
  }
}

const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

export interface BackendRequest {
  method: string;
  headers: Record<string, string>;
  body: Buffer;
  timeoutMs: number;
  /** BFF_MAX_BACKEND_ANSWER_BYTES */
  limit: number;
}

/** The backend's answer to one request; rejects when it cannot be asked or does not answer within `timeoutMs` ({@link BackendTimeoutError}). */
export function askBackendOverHttp(url: string, ask: BackendRequest): Promise<BackendAnswer> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (answer: BackendAnswer | Error, res?: IncomingMessage) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (answer instanceof Error) {
        req.destroy();
        reject(answer);
      } else {
        // Not passed on: not read any further, the connection goes.
        if (answer.kind !== 'passed') res?.destroy();
        resolve(answer);
      }
    };
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const agent = target.protocol === 'https:' ? agents.https : agents.http;
    const req = send(target, { method: ask.method, headers: ask.headers, agent }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 500) return settle({ kind: 'server-error', status, retryAfter: header(res, 'retry-after') }, res);
      if (status >= 300 && status < 400) return settle({ kind: 'refused', status, reason: 'redirect' }, res);
      // No Accept-Encoding is sent: a compressed answer anyway cannot be passed on as it is.
      const encoding = header(res, 'content-encoding');
      if (encoding && encoding !== 'identity') return settle({ kind: 'refused', status, reason: 'unreadable' }, res);
      // Any other type only without a body (204).
      const json = JSON_TYPES.test(header(res, 'content-type') ?? '');
      const limit = json ? ask.limit : 0;
      const refused: BackendAnswer = json ? { kind: 'too-large', status } : { kind: 'refused', status, reason: 'not-json' };
      if (Number(header(res, 'content-length') ?? 0) > limit) return settle(refused, res);
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) settle(refused, res);
        else chunks.push(chunk);
      });
      res.on('end', () => settle({ kind: 'passed', status, body: Buffer.concat(chunks), headers: passedHeaders(res) }));
      res.on('error', (error) => settle(error));
      res.on('close', () => {
        // After 'end' every answer closes: no Error made for nothing (its stack trace costs more than the rest of the close).
        if (!settled) settle(Object.assign(new Error('backend answer cut off'), { code: 'ECONNRESET' }));
      });
    });
    const timer = setTimeout(() => settle(new BackendTimeoutError()), ask.timeoutMs);
    // As fetch's was: `TypeError` with the cause's code in the log (`TypeError ECONNREFUSED`).
    req.on('error', (error) => settle(new TypeError('backend unreachable', { cause: error })));
    req.end(ask.body.length > 0 ? ask.body : undefined);
  });
}

function header(res: IncomingMessage, name: string): string | undefined {
  const value = res.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function passedHeaders(res: IncomingMessage): Record<string, string> {
  const passed: Record<string, string> = {};
  for (const name of PASSED_BACK) {
    const value = header(res, name);
    if (value) passed[name] = value;
  }
  return passed;
}
