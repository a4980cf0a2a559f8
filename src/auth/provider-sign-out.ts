/**
 * RP-Initiated Logout as a form POST (section 2 of the spec: providers accept
 * GET and POST): `id_token_hint` travels in the body, so the ID token (with
 * the citizen's name) never goes into an address that logs and histories
 * keep, and Keycloak need not ask the citizen to confirm. The form lives in
 * the document only for the moment of submitting.
 */
export function signOutAtProvider(endpoint: string, fields: Record<string, string>): void {
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
