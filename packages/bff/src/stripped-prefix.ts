import type { BffContext, RouteRequest } from './context.js';
import { send } from './http.js';

/*
 * A reverse proxy that strips BFF_PUBLIC_URL's path (nginx `proxy_pass
 * http://127.0.0.1:8787/;` with a path, Apache `ProxyPass /buergerportal-bff/
 * http://127.0.0.1:8787/`) sends `/login` where `/buergerportal-bff/login` was
 * meant: every sign-in and every call is 404, while `/health` – served at the
 * root as well – says all is well. The BFF says why instead of a bare 404.
 */

const NOTICE = 'prefix-stripped';

/** Answers a request for one of the BFF's own routes that came without BFF_PUBLIC_URL's path: 404 with the reason; the log says it once per process. */
export function strippedPrefix(context: BffContext, request: RouteRequest): void {
  const { basePath } = context.config;
  request.route = NOTICE;
  if (!context.notices.has(NOTICE)) {
    context.notices.add(NOTICE);
    request.log.warn('request without the path of BFF_PUBLIC_URL: the reverse proxy strips it (README, Reverse proxy)', { basePath });
  }
  const problem = {
    type: 'https://buergerportal.example/problems/not-found',
    title: 'Nicht gefunden',
    status: 404,
    detail: `Der BFF erwartet seine Adressen unter ${basePath}/ (dem Pfad von BFF_PUBLIC_URL), diese Anfrage kam ohne ihn: Der Reverse Proxy entfernt den Pfad. Er muss ihn unverändert weitergeben (README des BFF, „Reverse proxy“).`,
  };
  send(request.res, 404, JSON.stringify(problem), { 'Content-Type': 'application/problem+json' });
}
