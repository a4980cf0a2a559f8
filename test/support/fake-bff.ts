import { http, HttpResponse } from 'msw';
import { MockBackend } from '../../mock/backend.js';
import { toHttpResponse } from '../../mock/handlers.js';
import type { ScenarioName } from '../../mock/scenarios.js';
import { startWorker, worker } from './mock-backend.js';

/** Where the tests' BFF lives: on the test page's own origin, as behind a city's reverse proxy. */
export const BFF_URL = `${location.origin}/bff`;

export interface FakeBff {
  backend: MockBackend;
  /** What the BFF saw: path, whether the anti-forgery header came, whether a bearer token came. */
  requests: Array<{ path: string; antiForgery: boolean; bearer: boolean }>;
  signedIn: boolean;
}

/**
 * The BFF as the widgets meet it (`packages/bff/openapi.yaml`), in msw: the session
 * routes, and the backend contract under /api, answered by the mock backend
 * only with the anti-forgery header. The real BFF is tested end to end.
 */
export async function useFakeBff(
  options: { signedIn?: boolean; scenario?: ScenarioName; displayName?: string; expiresIn?: number } = {},
): Promise<FakeBff> {
  const bff: FakeBff = { backend: new MockBackend(options.scenario ?? 'returning'), requests: [], signedIn: options.signedIn ?? true };
  const info = () =>
    bff.signedIn
      ? {
          signedIn: true,
          displayName: options.displayName ?? 'Erika Mustermann',
          subject: 'pseudonym-1',
          expiresIn: options.expiresIn ?? 1800,
        }
      : { signedIn: false };
  const noted = (request: Request) => {
    const antiForgery = request.headers.get('X-CSRF') === '1';
    bff.requests.push({
      path: new URL(request.url).pathname.slice('/bff'.length),
      antiForgery,
      bearer: request.headers.has('Authorization'),
    });
    return antiForgery;
  };
  const refused = () => HttpResponse.json({ title: 'Anfrage ohne Schutz-Kopfzeile abgelehnt', status: 403 }, { status: 403 });
  worker.resetHandlers(
    http.get(`${BFF_URL}/session`, ({ request }) => (noted(request) ? HttpResponse.json(info()) : refused())),
    http.post(`${BFF_URL}/session/extend`, ({ request }) => (noted(request) ? HttpResponse.json(info()) : refused())),
    http.post(`${BFF_URL}/logout`, ({ request }) => {
      if (!noted(request)) return refused();
      bff.signedIn = false;
      return HttpResponse.json({ redirectTo: null });
    }),
    http.all(`${BFF_URL}/api/*`, async ({ request }) => {
      if (!noted(request)) return refused();
      if (!bff.signedIn) return HttpResponse.json({ title: 'Nicht angemeldet', status: 401 }, { status: 401 });
      const text = await request.text();
      const answer = bff.backend.handle({
        method: request.method,
        path: new URL(request.url).pathname.slice('/bff/api'.length),
        // The BFF adds the access token on the server; the mock backend wants one.
        header: (name) => (name.toLowerCase() === 'authorization' ? 'Bearer from-the-bff' : request.headers.get(name)),
        body: text ? (JSON.parse(text) as unknown) : undefined,
      });
      return toHttpResponse(answer);
    }),
  );
  await startWorker();
  return bff;
}

/** msw handlers for a BFF that cannot be read: `refused` answers opaque requests only (CORS), `down` nothing. */
export async function useBrokenBff(kind: 'refused' | 'down' | 'not-a-bff'): Promise<void> {
  worker.resetHandlers(
    http.get(`${BFF_URL}/session`, () =>
      kind === 'not-a-bff'
        ? new HttpResponse('<!doctype html><title>Seite nicht gefunden</title>', { status: 404, headers: { 'Content-Type': 'text/html' } })
        : HttpResponse.error(),
    ),
    http.get(`${BFF_URL}/health`, () => (kind === 'refused' ? HttpResponse.json({ status: 'ok' }) : HttpResponse.error())),
  );
  await startWorker();
}
