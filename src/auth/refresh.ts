import type { IdTokenRefusal, TokenAnswer } from './oidc.js';
import { checkIdToken, type IdTokenExpectations } from './id-token.js';
import type { StoredUser } from './stored-user.js';

/*
 * A renewal with the refresh token (through the protocol module), and what is
 * taken from its answer: a new ID token is checked like the first one
 * (OpenID Connect Core 12.2 – issuer, audience, azp, expiry, and the same
 * citizen); otherwise the renewal failed and nothing of its answer is used.
 */

/** The renewed user; rejects when the provider refuses or its ID token fails the checks. */
export async function renewWithRefreshToken(
  refresh: (refreshToken: string) => Promise<TokenAnswer>,
  stored: StoredUser,
  expectations: () => Promise<IdTokenExpectations | undefined>,
): Promise<StoredUser> {
  const { refresh_token, id_token, session_state, scope, profile, holder, clock_offset, signed_in_at } = stored;
  const answer = await refresh(refresh_token!).catch((error: unknown) => {
    if (error && typeof (error as Partial<IdTokenRefusal>).idTokenRefused === 'string') refused((error as IdTokenRefusal).idTokenRefused);
    throw error;
  });
  const newIdToken = typeof answer.id_token === 'string' && answer.id_token !== id_token ? answer.id_token : undefined;
  const renewedProfile = newIdToken ? checkRenewedIdToken(newIdToken, profile.sub, await expectations()) : {};
  return {
    access_token: answer.access_token,
    token_type: answer.token_type,
    scope: answer.scope ?? scope,
    expires_at: typeof answer.expires_in === 'number' ? Math.floor(Date.now() / 1000) + answer.expires_in : undefined,
    session_state: session_state ?? null,
    id_token: newIdToken ?? id_token,
    refresh_token: answer.refresh_token ?? refresh_token,
    // A new ID token may carry fewer claims (the name came from userinfo): keep what we had.
    profile: { ...profile, ...renewedProfile, sub: profile.sub },
    holder,
    clock_offset,
    signed_in_at,
  };
}

function checkRenewedIdToken(idToken: string, subject: string, expected: IdTokenExpectations | undefined): Partial<StoredUser['profile']> {
  const checked = expected ? checkIdToken(idToken, expected) : undefined;
  if (!checked || 'problem' in checked || checked.profile.sub !== subject)
    refused(checked && 'problem' in checked ? checked.problem : 'subject');
  return checked.profile;
}

function refused(why: string): never {
  console.error(`buergerportal-widgets: the provider's renewed ID token was refused (${why}).`);
  throw new Error('renewed ID token refused');
}
