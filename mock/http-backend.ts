import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockBackend } from './backend.js';

export interface HttpBackendOptions {
  /** Whether the provider issued this access token and it is still valid. */
  verifyToken: (token: string) => Promise<boolean>;
  /** CORS headers for a page on another origin (browser mode across origins); none when the BFF calls. */
  cors?: Record<string, string>;
  /** Called with every access token the backend accepted (the tests check where tokens went). */
  onAccepted?: (token: string) => void;
}

/**
 * The {@link MockBackend} as an HTTP server's handler, for callers outside
 * the browser (the BFF) and for the end-to-end pages: it accepts only access
 * tokens the identity provider issued, and answers as `openapi.yaml` says.
 */
export function createHttpBackend(backend: MockBackend, options: HttpBackendOptions) {
  const cors = options.cors ?? {};
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (req.method === 'OPTIONS') {
      return send(res, 204, undefined, {
        ...cors,
        'Access-Control-Allow-Methods': 'GET, PUT, POST, DELETE',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
        'Access-Control-Max-Age': '600',
      });
    }
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !(await options.verifyToken(token))) {
      const problem = { type: 'about:blank', title: 'Unauthorized', status: 401 };
      return send(res, 401, JSON.stringify(problem), { ...cors, 'Content-Type': 'application/problem+json' });
    }
    options.onAccepted?.(token);
    const answer = backend.handle({
      method: req.method ?? 'GET',
      path,
      header: (name) => {
        const value = req.headers[name.toLowerCase()];
        return typeof value === 'string' ? value : null;
      },
      body: await readBody(req),
    });
    const headers: Record<string, string> = { ...cors, 'Cache-Control': 'no-store', ...(answer.headers ?? {}) };
    if (answer.body === undefined) return send(res, answer.status, undefined, headers);
    if (typeof answer.body === 'string') return send(res, answer.status, answer.body, headers);
    headers['Content-Type'] ??= 'application/json';
    return send(res, answer.status, JSON.stringify(answer.body), headers);
  };
}

function send(res: ServerResponse, status: number, body: string | undefined, headers: Record<string, string>): void {
  res.writeHead(status, headers);
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
