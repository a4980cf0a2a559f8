/** Parameters that an OpenID provider appends on its way back; removed from the address bar afterwards. */
const CALLBACK_PARAMS = ['code', 'state', 'iss', 'session_state', 'error', 'error_description', 'error_uri'];

/** Whether `url` is a provider's answer to a sign-in: `code` or `error`, together with `state`. */
export function isSigninCallback(url: URL): boolean {
  const params = url.searchParams;
  return params.has('state') && (params.has('code') || params.has('error'));
}

/** `url` without the callback parameters: what the address bar shows after the exchange. */
export function withoutCallbackParams(url: URL): URL {
  const clean = new URL(url.href);
  for (const name of CALLBACK_PARAMS) clean.searchParams.delete(name);
  return clean;
}

/** The page to return to after sign-in: same origin only, never an open redirect. */
export function safeReturnUrl(candidate: unknown, current: URL): URL {
  if (typeof candidate !== 'string') return withoutCallbackParams(current);
  try {
    const url = new URL(candidate, current);
    return url.origin === current.origin ? withoutCallbackParams(url) : withoutCallbackParams(current);
  } catch {
    return withoutCallbackParams(current);
  }
}
