import type { SignOutMethod } from './login-config.js';

/**
 * RP-Initiated Logout. By default as a form POST (section 2 of the spec:
 * providers accept GET and POST): `id_token_hint` travels in the body, so the
 * ID token (with the citizen's name) never goes into an address that logs and
 * histories keep, and Keycloak need not ask the citizen to confirm. The form
 * lives in the document only for the moment of submitting.
 *
 * `sign-out-method="get"` is for providers that answer a POST with an error
 * (glewlwyd; oidc-provider without `enableHttpPostMethods`): the fields go
 * into the address, the ID token with them.
 */
export function signOutAtProvider(endpoint: string, fields: Record<string, string>, method: SignOutMethod = 'post'): void {
  if (method === 'get') {
    const url = new URL(endpoint);
    for (const [name, value] of Object.entries(fields)) url.searchParams.set(name, value);
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
