import { realHead } from './page-dom.js';
import { parseHttpUrl } from './urls.js';

/*
 * Where the widgets may send the citizen's token and entries, declared once
 * by the site in the page's head – a place a contributor's markup in a post
 * never reaches (CMS editors write into the body). The page's own origin needs
 * no declaration.
 *
 *   <meta name="buergerportal-widgets-backends" content="https://buergerportal.stadt.example/api">
 */

export const BACKENDS_META_NAME = 'buergerportal-widgets-backends';

/** The backend addresses the page's head declares (space-separated in one or more such meta elements); never a `<form name="head">` of the body. */
export function declaredBackends(doc: Document): URL[] {
  const head = realHead(doc);
  const metas = head ? [...head.querySelectorAll(`:scope > meta[name="${BACKENDS_META_NAME}"]`)] : [];
  return metas
    .flatMap((meta) => (meta.getAttribute('content') ?? '').split(/\s+/))
    .map((entry) => parseHttpUrl(entry))
    .filter((url): url is URL => !!url);
}

/** Whether `url` may receive the citizen's token and data: the page's own origin, or a declared backend's. Pure. */
export function isAllowedBackend(url: URL, pageOrigin: string, declared: readonly URL[]): boolean {
  return url.origin === pageOrigin || declared.some((backend) => backend.origin === url.origin);
}
