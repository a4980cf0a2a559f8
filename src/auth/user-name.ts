import type { UserProfile } from './stored-user.js';

/** The citizen's name for display: `name`, else given and family name, else the user name. */
export function nameOf(profile: UserProfile): string | undefined {
  return profile.name || [profile.given_name, profile.family_name].filter(Boolean).join(' ') || profile.preferred_username || undefined;
}

/**
 * The name claims from the userinfo endpoint, for providers that keep them out
 * of the ID token (oidc-provider's defaults among them) – part of the way back,
 * so in the main file. `undefined` when the endpoint fails or answers about
 * someone else (OpenID Connect Core 5.3.2).
 */
export async function nameClaimsFromUserInfo(
  endpoint: string,
  accessToken: string,
  subject: string,
): Promise<Partial<UserProfile> | undefined> {
  const response = await fetch(endpoint, {
    headers: { Authorization: `Bearer ${accessToken}` },
    credentials: 'omit',
    redirect: 'error',
    signal: AbortSignal.timeout(10_000),
  });
  const claims = (await response.json()) as Record<string, unknown>;
  if (!response.ok || claims.sub !== subject) return undefined;
  return nameClaims(claims);
}

function nameClaims(claims: Record<string, unknown>): Partial<UserProfile> {
  const pick = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string) : undefined);
  return {
    name: pick('name'),
    given_name: pick('given_name'),
    family_name: pick('family_name'),
    preferred_username: pick('preferred_username'),
  };
}
