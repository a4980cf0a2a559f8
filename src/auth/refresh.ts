import type { OidcClient, RefreshState, SigninResponse } from 'oidc-client-ts';
import { checkIdToken, type IdTokenExpectations } from './id-token.js';
import type { StoredUser } from './stored-user.js';

/*
 * A renewal with the refresh token (through oidc-client-ts), and what is taken
 * from its answer: a new ID token is checked like the first one (OpenID
 * Connect Core 12.2 – issuer, audience, azp, expiry, and the same citizen);
 * otherwise the renewal failed and nothing of its answer is used.
 */

/** The renewed user; rejects when the provider refuses or its ID token fails the checks. */
export async function renewWithRefreshToken(
  client: OidcClient,
  stored: StoredUser,
  expectations: () => Promise<IdTokenExpectations | undefined>,
  resource?: string,
): Promise<StoredUser> {
  const { refresh_token, id_token, session_state, scope, profile, holder } = stored;
  // RefreshState is a plain record that oidc-client-ts does not export at run time.
  const state = { refresh_token: refresh_token!, id_token, session_state: session_state ?? null, scope, profile } as RefreshState;
  const response = await client.useRefreshToken({ state, resource });
  // Without a new ID token oidc-client-ts hands back the one it was given.
  const newIdToken = response.id_token && response.id_token !== id_token ? response.id_token : undefined;
  const renewedProfile = newIdToken ? checkRenewedIdToken(newIdToken, profile.sub, await expectations()) : {};
  return {
    ...userFrom(response),
    session_state: response.session_state ?? session_state,
    id_token: response.id_token ?? id_token,
    refresh_token: response.refresh_token ?? refresh_token,
    // A new ID token may carry fewer claims (the name came from userinfo): keep what we had.
    profile: { ...profile, ...renewedProfile, sub: profile.sub },
    holder,
  };
}

function checkRenewedIdToken(idToken: string, subject: string, expected: IdTokenExpectations | undefined): Partial<StoredUser['profile']> {
  const checked = expected ? checkIdToken(idToken, expected) : undefined;
  if (!checked || 'problem' in checked || checked.profile.sub !== subject) {
    console.error(
      `buergerportal-widgets: the provider's renewed ID token was refused (${checked && 'problem' in checked ? checked.problem : 'subject'}).`,
    );
    throw new Error('renewed ID token refused');
  }
  return checked.profile;
}

/** The fields of a token answer that the session keeps. */
function userFrom(response: SigninResponse): StoredUser {
  const { access_token, refresh_token, id_token, session_state, token_type, scope, expires_at, profile } = response;
  return {
    access_token,
    refresh_token,
    id_token,
    session_state: session_state ?? null,
    token_type,
    scope,
    expires_at,
    profile: { ...profile },
  };
}
