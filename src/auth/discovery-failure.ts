import type { SessionFailure } from './session.js';

/*
 * Why the provider's discovery document could not be used, decided from the
 * error oidc-client-ts throws. Pure. A provider that is down or slow is a
 * passing failure for the citizen; an answer that is not a discovery document
 * (404, HTML) means the `authority` attribute is wrong, for the editor.
 */

/** `true` when a new attempt later may work: no answer, a timeout, or a server error (5xx, 429). */
export function isPassingDiscoveryError(error: unknown): boolean {
  if (error instanceof TypeError) return true; // no answer at all (offline, DNS, refused, CORS)
  if (error instanceof Error && error.name === 'ErrorTimeout') return true;
  const status = error instanceof Error ? /\((\d{3})\)/.exec(error.message)?.[1] : undefined;
  return status !== undefined && (Number(status) >= 500 || status === '429');
}

export function discoveryFailure(error: unknown): Extract<SessionFailure, 'provider-unreachable' | 'discovery-failed'> {
  return isPassingDiscoveryError(error) ? 'provider-unreachable' : 'discovery-failed';
}

/** The provider's `issuer` and the configured `authority` name the same issuer (a trailing slash aside). */
export function issuerMatches(issuer: string | undefined, authority: string): boolean {
  if (!issuer) return true;
  return issuer.replace(/\/+$/, '') === authority.replace(/\/+$/, '');
}
