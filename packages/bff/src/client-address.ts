import { BlockList, isIP } from 'node:net';

/**
 * The address a request came from. `X-Forwarded-For` counts only when the
 * connection comes from a trusted proxy (BFF_TRUSTED_PROXIES), and then only
 * up to the first address that is not one of them, read from the right: what
 * a client writes into the header itself stands further left and is ignored.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: BlockList): string {
  const address = plain(peer ?? '');
  return isTrusted(trusted, address) ? forwardedClient(address, forwardedFor, trusted) : address;
}

/** {@link clientAddress} for a connection from `proxy`, a trusted proxy (a plain address). */
export function forwardedClient(proxy: string, forwardedFor: string | undefined, trusted: BlockList): string {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((hop) => plain(hop.trim()))
    .filter((hop) => isIP(hop) !== 0);
  let address = hops.pop() ?? proxy;
  while (hops.length > 0 && isTrusted(trusted, address)) address = hops.pop() ?? address;
  return address;
}

/** BFF_TRUSTED_PROXIES: comma-separated addresses or CIDR ranges (`10.0.0.0/8`, `::1`). */
export function readTrustedProxies(text: string | undefined, problems: string[]): BlockList {
  const list = new BlockList();
  for (const entry of (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    if (family === 0 || (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= (family === 4 ? 32 : 128)))) {
      problems.push(`BFF_TRUSTED_PROXIES nennt Adressen oder Bereiche wie 10.0.0.1 oder 10.0.0.0/8, nicht „${entry}“.`);
      continue;
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return list;
}

export function isTrusted(trusted: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** `::ffff:127.0.0.1` (IPv4 on a dual-stack socket) is `127.0.0.1`. */
export function plain(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * Whom a rate limit counts: an IPv4 address, or an IPv6 address's /64. One
 * host (SLAAC privacy addresses) or one subscriber gets a whole /64 and can
 * take a fresh address for every request; counted per address, one actor
 * would have an unbounded budget.
 */
export function rateLimitedClient(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.replace(/%.*$/, '').split('::');
  const groups = (text: string | undefined) =>
    text ? text.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : [];
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const all = [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${all
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
