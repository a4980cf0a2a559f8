import { CONTRACT_ROUTES } from './contract-routes.js';

/**
 * A path parameter as the proxy accepts it: RFC 3986 unreserved characters
 * only, and never a dot segment. No percent sign (so nothing is decoded twice
 * on the way: `%252e`, `%2F`, `%00`), no `;` (matrix parameters: `..;/`), no `@`.
 */
const PARAMETER = /^[A-Za-z0-9._~-]{1,128}$/;

const routes = CONTRACT_ROUTES.map(({ method, template }) => ({ method, template, segments: template.split('/') }));

/** The contract's route template for a request (`/kassenzeichen/{id}`), or `undefined`: then nothing is forwarded. */
export function matchContract(method: string, path: string): string | undefined {
  const segments = path.split('/');
  return routes.find(
    (route) =>
      route.method === method &&
      route.segments.length === segments.length &&
      route.segments.every((expected, index) => segmentMatches(expected, segments[index] ?? '')),
  )?.template;
}

function segmentMatches(expected: string, actual: string): boolean {
  if (!expected.startsWith('{')) return expected === actual;
  return PARAMETER.test(actual) && actual !== '.' && actual !== '..';
}
