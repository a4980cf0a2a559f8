/*
 * The session's state as the elements, the texts and the editor's messages
 * know it, and the citizen accounts a login leads to: a leaf that imports
 * nothing, so that i18n/ and shared/ need not reach into auth/ for a type.
 */

/** The citizen accounts a login can lead to; the one place this list is kept. */
export const PROVIDERS = ['servicekonto-nrw', 'bundid'] as const;
export type ProviderId = (typeof PROVIDERS)[number];

/**
 * Why a session cannot work. For the editor: its code file is missing next to
 * the script, `authority` names no provider, or one that calls itself
 * otherwise; in BFF mode the BFF refuses this page's origin or `bff-url` leads
 * to no BFF. For the citizen: the provider (or the BFF) cannot be reached just now.
 */
export type SessionFailure =
  'module-missing' | 'discovery-failed' | 'issuer-mismatch' | 'bff-refused' | 'bff-invalid' | 'provider-unreachable';

/** Failures that a new attempt may cure: shown to the citizen with „Erneut versuchen“, not as an editor's box. */
export function isPassingFailure(failure: SessionFailure | undefined): boolean {
  return failure === 'provider-unreachable';
}

/** The expiry warning opens this long before the session ends. */
export const WARNING_BEFORE_END_MS = 120_000;

export type SessionStatus = 'starting' | 'signed-out' | 'signed-in' | 'failed';

/** Why the citizen sees the signed-out view: each has its own sentence. */
/** `copied`: a duplicated tab's copy of the sign-in ended with its access token; the sign-in goes on in the tab it was copied from. */
export type SignedOutReason =
  | 'cancelled'
  | 'stale-callback'
  | 'expired'
  | 'other-tab'
  | 'copied'
  | 'user'
  | 'sign-in-failed'
  /** The provider ended the session (BFF mode: back-channel logout), e.g. a sign-out in another service. */
  | 'ended-elsewhere';

export interface SessionSnapshot {
  status: SessionStatus;
  /** The citizen's name from the ID token, for display only. */
  displayName?: string;
  /** A stable identifier of the citizen (the `sub` claim), to keep drafts apart. */
  subject?: string;
  reason?: SignedOutReason;
  /** When the session ends unless the citizen acts (ms since epoch): the idle limit, or the token's end without a refresh token. */
  expiresAt?: number;
  /** True from 2 minutes before `expiresAt`. */
  expiring?: boolean;
  /** BFF mode: signed in by the page-readable hint cookie, not yet confirmed by the BFF (the data requests go out meanwhile). */
  provisional?: boolean;
  /** The sign-in redirect is being prepared: the citizen clicked, the provider's page comes next. */
  redirecting?: boolean;
  /** With `failed`: why. */
  failure?: SessionFailure;
  /** With `module-missing`: the file beside the script that could not be loaded (default: the protocol's, `buergerportal-widgets.oidc.js`). */
  missingFile?: string;
  /** With `issuer-mismatch`: the issuer the provider names. */
  reportedIssuer?: string;
  /** With `failed`: a new attempt ({@link AuthSession.retry}) is under way. */
  retrying?: boolean;
  /** Web storage is blocked: sign-in state cannot survive the redirect. */
  storageBlocked?: boolean;
  /** With `storageBlocked`: the storage is full, not blocked (the citizen can delete this site's data). */
  storageFull?: boolean;
  /** The browser has no Web Crypto (`crypto.subtle`): no PKCE, so no sign-in here. Known before any click. */
  browserUnsupported?: boolean;
}
