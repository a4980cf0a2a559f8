import { describe, it } from 'node:test';
import { expect } from '@esm-bundle/chai';
import { checkIdToken, type IdTokenExpectations } from '../../src/auth/id-token.js';

/*
 * Review of issue 21 (auth_time, clock): what a provider that ignores
 * `prompt=login` / `max_age` – the case the policy exists for – and a
 * citizen's wrong clock do to the checks of id-token.ts.
 *
 * Since c849f15 the policy measures in the provider's time (the ID token's
 * `iat`): the sign-in's start and `auth_time` are then on one clock, and an
 * honest provider's `auth_time` is never before the start (it asked after the
 * click). The 300 s that were there for the citizen's clock now only widen the
 * window in which a re-used provider session passes as a fresh password.
 */

const NOW = 1_800_000_000;
const ISSUER = 'https://id.stadt.example';

function token(claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'RS256' })}.${encode({ iss: ISSUER, aud: 'bp', sub: 'erika', iat: NOW, exp: NOW + 300, ...claims })}.signature`;
}

function check(claims: Record<string, unknown>, expected: Partial<IdTokenExpectations> = {}) {
  return checkIdToken(token(claims), { issuer: ISSUER, clientId: 'bp', now: NOW, ...expected });
}

describe('review: a re-used provider session after „Abmelden“ (prompt=login ignored)', () => {
  it('shared computer: Erika gave her password 4 minutes ago and signed out, Max clicks sign-in now; a provider that ignores prompt=login answers with Erika’s session – refused', () => {
    const clicked = NOW - 5; // Max's click, 5 s before the ID token (provider and citizen clocks agree)
    const erikasPassword = NOW - 240;
    // Today: taken, because 240 s < 300 s of "clock skew" – although iat puts both on the provider's clock.
    expect(check({ auth_time: erikasPassword }, { passwordAskedSince: clicked })).to.deep.equal({ problem: 'auth-time' });
  });

  it('the same with the citizen’s clock 10 minutes ahead (the skew the policy is measured against): still refused', () => {
    const ahead = 600;
    const clicked = NOW + ahead - 5; // the citizen's clock at the click
    const now = NOW + ahead; // the citizen's clock at the check; iat = NOW is the provider's
    expect(check({ auth_time: NOW - 240 }, { now, passwordAskedSince: clicked })).to.deep.equal({ problem: 'auth-time' });
  });

  it('an honest provider that did ask is never refused, even with zero tolerance: auth_time lies after the click in the provider’s time', () => {
    const clicked = NOW - 40;
    expect(check({ auth_time: NOW - 30 }, { passwordAskedSince: clicked })).to.have.property('profile');
    // the citizen's clock 10 minutes behind
    expect(check({ auth_time: NOW - 30 }, { now: NOW - 600, passwordAskedSince: NOW - 640 })).to.have.property('profile');
  });
});

describe('review: max-age (kiosk pages)', () => {
  it('max-age="0" („0 always asks“, README): a provider that ignored max_age and re-used a session 4 minutes old is refused', () => {
    // Today taken: iat − auth_time = 240 ≤ 0 + 300.
    expect(check({ auth_time: NOW - 240 }, { maxAge: 0 })).to.deep.equal({ problem: 'auth-time' });
  });

  it('max-age="60": a session 5 minutes old is refused (iat and auth_time are both the provider’s clock; no skew to allow for)', () => {
    expect(check({ auth_time: NOW - 299 }, { maxAge: 60 })).to.deep.equal({ problem: 'auth-time' });
  });
});

describe('review: a citizen whose clock is wrong', () => {
  it('a clock two hours ahead (the time zone set wrong, the wall clock "corrected" by hand) still signs in: expiry measured like auth_time, in the provider’s time', () => {
    const ahead = 2 * 3600;
    // Keycloak's default: the ID token lives as long as the access token, 5 minutes.
    expect(check({ iat: NOW, exp: NOW + 300 }, { now: NOW + ahead })).to.have.property('profile');
  });

  it('even 11 minutes ahead locks the citizen out with Keycloak’s default lifetimes today: every sign-in fails', () => {
    expect(check({ iat: NOW, exp: NOW + 300 }, { now: NOW + 660 })).to.have.property('profile');
  });
});
