const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost');
}

/** An absolute http(s) URL, or `undefined` when `value` is not one. */
export function parseHttpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * https, or http only on this machine for a page on this machine
 * (development): a live https page never talks to an http service, not even
 * a loopback one.
 */
export function isSecureUrl(url: URL, pageHostname: string): boolean {
  return url.protocol === 'https:' || (isLoopback(url.hostname) && isLoopback(pageHostname));
}
