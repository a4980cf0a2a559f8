/** A request target in origin form, split without resolving anything: what the client sent is what the routes see. */
export interface RequestTarget {
  /** Still percent-encoded; `.` and `..` segments are kept, so that no route is reached by them. */
  path: string;
  query: URLSearchParams;
}

/**
 * `/path?query` only. Absolute form (`http://…`), asterisk form (`*`) and
 * targets beginning with `//` (which URL parsers read as a host, e.g. `//[`)
 * are `undefined`: the request is answered 400 and never reaches a route.
 */
export function parseTarget(raw: string | undefined): RequestTarget | undefined {
  if (!raw?.startsWith('/') || raw.startsWith('//')) return undefined;
  const mark = raw.indexOf('?');
  const path = mark < 0 ? raw : raw.slice(0, mark);
  if (path.includes('#')) return undefined;
  return { path, query: new URLSearchParams(mark < 0 ? '' : raw.slice(mark + 1)) };
}
