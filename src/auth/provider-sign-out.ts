import type { SignOutMethod } from './login-config.js';
import { usableStorage } from './safe-storage.js';

/** The `state` of a sign-out by GET, kept until the provider sends the citizen back with it. */
const SIGN_OUT_STATE_KEY = 'buergerportal-widgets.sign-out-state';

/**
 * RP-Initiated Logout. By default as a form POST (section 2 of the spec:
 * providers accept GET and POST): `id_token_hint` travels in the body, so the
 * ID token (with the citizen's name) never goes into an address that logs and
 * histories keep, and Keycloak need not ask the citizen to confirm. The form
 * lives in the document only for the moment of submitting.
 *
 * `sign-out-method="get"` is for providers that answer a POST with an error
 * (glewlwyd; oidc-provider without `enableHttpPostMethods`): the fields go
 * into the address, the ID token with them, and a `state`: glewlwyd returns
 * to `post_logout_redirect_uri` only when one is sent (else it stays on its
 * own „Session closed“ page). The page takes it off the address on return.
 */
export function signOutAtProvider(endpoint: string, fields: Record<string, string>, method: SignOutMethod = 'post'): void {
  if (method === 'get') {
    const url = new URL(endpoint);
    const state = crypto.randomUUID();
    usableStorage('session')?.setItem(SIGN_OUT_STATE_KEY, state);
    for (const [name, value] of Object.entries({ ...fields, state })) url.searchParams.set(name, value);
    location.assign(url.href);
    return;
  }
  const form = document.createElement('form');
  form.method = 'post';
  form.action = endpoint;
  form.hidden = true;
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
  form.remove();
}

/** Back from a sign-out by GET: `url` without the `state` this page sent, or `undefined` when it carries none of ours. */
export function withoutSignOutState(url: URL): URL | undefined {
  const state = url.searchParams.get('state');
  const storage = usableStorage('session');
  if (!state || url.searchParams.has('code') || url.searchParams.has('error') || storage?.getItem(SIGN_OUT_STATE_KEY) !== state)
    return undefined;
  storage.removeItem(SIGN_OUT_STATE_KEY);
  const clean = new URL(url.href);
  clean.searchParams.delete('state');
  return clean;
}
