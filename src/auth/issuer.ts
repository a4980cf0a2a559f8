/*
 * The provider's `issuer` and the configured `authority`, compared as the
 * citizen's browser must: the same issuer, a trailing slash aside. Pure.
 */

/** The provider's `issuer` and the configured `authority` name the same issuer (a trailing slash aside). */
export function issuerMatches(issuer: string | undefined, authority: string): boolean {
  if (!issuer) return true;
  return issuer.replace(/\/+$/, '') === authority.replace(/\/+$/, '');
}
