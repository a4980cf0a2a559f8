/*
 * The signed-in user as kept in storage – in the shape earlier versions (on
 * oidc-client-ts) wrote, so that their sign-ins stay readable – read and
 * written without the protocol module, so that a page with a stored sign-in
 * shows it and calls the backend at once.
 */

/** The citizen's claims from the ID token (protocol claims left out; see id-token.ts). */
export interface UserProfile {
  sub: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  preferred_username?: string;
  [claim: string]: unknown;
}

export interface StoredUser {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  session_state?: string | null;
  token_type?: string;
  scope?: string;
  /** Seconds since the epoch. */
  expires_at?: number;
  profile: UserProfile;
  /** Random id of this copy of the sign-in: the page holding its Web Lock is the one that renews (see sign-in-holder.ts). */
  holder?: string;
  /** Seconds the provider's clock is ahead of the citizen's, learnt from the ID token at sign-in (renewals are checked on it). */
  clock_offset?: number;
  /** A copy taken over from another tab (duplicated tab): it never renews, and ends when its access token does. */
  copy?: boolean;
  /** When the citizen signed in (milliseconds since the epoch): a sign-out noted later ends this sign-in in every tab (signed-out-probe.ts). */
  signed_in_at?: number;
}

export function parseStoredUser(raw: string | null): StoredUser | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredUser>;
    if (typeof value.access_token !== 'string' || !value.profile || typeof value.profile.sub !== 'string') return null;
    return value as StoredUser;
  } catch {
    return null;
  }
}

/** What is kept of a user, in this order: nothing else a caller's object carries is written. */
const KEPT_FIELDS = [
  'id_token',
  'session_state',
  'access_token',
  'refresh_token',
  'token_type',
  'scope',
  'profile',
  'expires_at',
  'holder',
  'copy',
  'clock_offset',
  'signed_in_at',
] as const satisfies readonly (keyof StoredUser)[];

export function serialiseUser(user: StoredUser): string {
  const kept = Object.fromEntries(KEPT_FIELDS.map((field) => [field, user[field]]));
  return JSON.stringify({ ...kept, session_state: user.session_state ?? null });
}

/** Milliseconds until the access token expires (negative when it has); `Infinity` without an expiry. */
export function msLeft(user: StoredUser, now: number): number {
  return user.expires_at === undefined ? Infinity : user.expires_at * 1000 - now;
}
