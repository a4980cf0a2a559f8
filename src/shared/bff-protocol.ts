/*
 * What the widgets and the backend-for-frontend (packages/bff) agree on, in one
 * place for both sides: no DOM, no Node. The routes themselves are in
 * packages/bff/openapi.yaml.
 */

/** Every fetch to the BFF carries this header with the value `1`; a cross-site form or image cannot. */
export const ANTI_FORGERY_HEADER = 'X-CSRF';
export const ANTI_FORGERY_VALUE = '1';

/** The query parameter with which the BFF tells the page how a sign-in or sign-out went. */
export const OUTCOME_PARAMETER = 'bff-signin';
export const SIGN_IN_OUTCOMES = ['cancelled', 'failed', 'unavailable', 'signed-out'] as const;
export type SignInOutcome = (typeof SIGN_IN_OUTCOMES)[number];

/**
 * The page-readable hint cookie (not HttpOnly, no credential): the pseudonym
 * of who is signed in. Sent as `__Host-bp-signed-in`.
 */
export const SIGNED_IN_HINT_COOKIE = 'bp-signed-in';
/** Every BFF cookie: Secure, path `/`, no Domain. */
export const COOKIE_PREFIX = '__Host-';

/**
 * `GET /session` and `POST /session/extend`: what the page may know of the
 * session – no token, no subject in clear. `reason` of an ended session:
 * `expired` (a limit, or gone), `ended-elsewhere` (the provider ended it:
 * back-channel logout).
 */
export type SessionInfo =
  { signedIn: true; displayName: string; subject: string; expiresIn: number } | { signedIn: false; reason?: 'expired' | 'ended-elsewhere' };
