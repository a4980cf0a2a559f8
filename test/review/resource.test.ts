import { expect } from '@open-wc/testing';
import { readLoginConfig } from '../../src/auth/login-config.js';

/*
 * Review of issue 21, item 4: `resource` on the login. RFC 8707 §2: an
 * absolute URI, no fragment. The BFF refuses any „#“ (text.includes('#')); the
 * login looks at URL.hash only, which is '' for an empty fragment.
 */

const page = { protocol: 'https:', hostname: 'www.stadt.example', origin: 'https://www.stadt.example', pathname: '/buergerportal' };
const attributes = (values: Record<string, string>) => (name: string) => values[name] ?? null;
const withResource = (resource: string) =>
  readLoginConfig(attributes({ authority: 'https://login.stadt.example/realms/bp', 'client-id': 'bp', resource }), page);

describe('review: resource', () => {
  it('an empty fragment („…/api#“) is refused like the BFF refuses it, not sent to the provider', () => {
    expect(withResource('https://api.stadt.example/api#').ok).to.equal(false);
  });

  it('refuses what cannot be an audience for an https page: javascript:, a relative path', () => {
    expect(withResource('javascript:alert(1)').ok).to.equal(false);
    expect(withResource('/api').ok).to.equal(false);
  });
});
