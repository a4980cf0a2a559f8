import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { MockBackend, MockResponse } from './backend.js';

/**
 * msw handlers that put the {@link MockBackend} behind `baseUrl`
 * (absolute, or a path such as `/api` on the page's origin).
 */
export function createHandlers(backend: MockBackend, baseUrl: string): HttpHandler[] {
  const base = new URL(baseUrl, globalThis.location?.href ?? 'http://localhost/');
  const basePath = base.pathname.replace(/\/+$/, '');
  return [
    http.all(`${base.origin}${basePath}/*`, async ({ request }) => {
      if (backend.responseDelayMs > 0) await delay(backend.responseDelayMs);
      const path = new URL(request.url).pathname.slice(basePath.length);
      const response = backend.handle({
        method: request.method,
        path,
        header: (name) => request.headers.get(name),
        body: await readJsonBody(request),
      });
      return toHttpResponse(response);
    }),
  ];
}

async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function toHttpResponse(response: MockResponse): Response {
  const headers = new Headers(response.headers);
  // As the contract requires: personal data, never cached.
  headers.set('Cache-Control', 'no-store');
  if (response.body === undefined) return new HttpResponse(null, { status: response.status, headers });
  if (typeof response.body === 'string') return new HttpResponse(response.body, { status: response.status, headers });
  if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  return new HttpResponse(JSON.stringify(response.body), { status: response.status, headers });
}
