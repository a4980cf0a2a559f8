import { describe, it } from 'node:test';
import { expect } from '@esm-bundle/chai';
import { checkIdToken, type IdTokenExpectations } from '../../src/auth/id-token.js';

/* The ID token's checks, and the auth_time policy for `max_age` and `prompt=login` (issue 21, item 6). */

const NOW = 1_800_000_000;
const ISSUER = 'https://id.stadt.example';

function token(claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'RS256' })}.${encode({ iss: ISSUER, aud: 'bp', sub: 'erika', exp: NOW + 60, ...claims })}.signature`;
}

function check(claims: Record<string, unknown>, expected: Partial<IdTokenExpectations> = {}) {
  return checkIdToken(token(claims), { issuer: ISSUER, clientId: 'bp', now: NOW, ...expected });
}

describe('ID token: auth_time', () => {
  it('without max_age or prompt=login, auth_time is not looked at', () => {
    expect(check({})).to.have.property('profile');
    expect(check({ auth_time: 0 })).to.have.property('profile');
  });

  it('with max_age: auth_time is required, not 0, and no older than max_age (5 minutes of clock skew)', () => {
    expect(check({}, { maxAge: 600 })).to.deep.equal({ problem: 'auth-time' });
    expect(check({ auth_time: 0 }, { maxAge: 600 })).to.deep.equal({ problem: 'auth-time' });
    expect(check({ auth_time: NOW - 600 - 301 }, { maxAge: 600 })).to.deep.equal({ problem: 'auth-time' });
    expect(check({ auth_time: NOW - 600 - 299 }, { maxAge: 600 })).to.have.property('profile');
    expect(check({ auth_time: NOW - 10 }, { maxAge: 0 })).to.have.property('profile');
  });

  it('with prompt=login: a usable auth_time must not lie before the sign-in started; none or 0 is taken', () => {
    const started = NOW - 120;
    expect(check({ auth_time: started - 301 }, { passwordAskedSince: started })).to.deep.equal({ problem: 'auth-time' });
    expect(check({ auth_time: started + 30 }, { passwordAskedSince: started })).to.have.property('profile');
    expect(check({ auth_time: 0 }, { passwordAskedSince: started })).to.have.property('profile');
    expect(check({}, { passwordAskedSince: started })).to.have.property('profile');
  });

  it('measures in the provider’s time: a citizen’s clock 10 minutes ahead neither refuses a fresh password nor hides an old one', () => {
    const ahead = 600;
    const iat = NOW - ahead; // the provider's now, as the ID token says
    const started = NOW - 60; // the citizen's clock when the sign-in started
    expect(check({ iat, auth_time: iat - 30 }, { passwordAskedSince: started })).to.have.property('profile');
    expect(check({ iat, auth_time: iat - 3600 }, { passwordAskedSince: started })).to.deep.equal({ problem: 'auth-time' });
    expect(check({ iat, auth_time: iat - 30 }, { maxAge: 60 })).to.have.property('profile');
  });

  it('auth_time is a protocol claim: never in the profile the page keeps', () => {
    const result = check({ auth_time: NOW - 5, name: 'Erika Mustermann' });
    expect(result).to.deep.equal({ profile: { sub: 'erika', name: 'Erika Mustermann' } });
  });
});
