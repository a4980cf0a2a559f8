import { expect, fixture, html } from '@open-wc/testing';
import '../../src/servicekonto-login/define.js';
import type { ServicekontoLogin } from '../../src/servicekonto-login/servicekonto-login.js';
import {
  AUTHORITY,
  CLIENT_ID,
  fakeJwt,
  resetAuthState,
  returnFromProvider,
  seedSignedInUser,
  seedSignInState,
  storedUser,
  useFakeProvider,
  validClaims,
} from '../support/fake-provider.js';
import { settled, textOf } from '../support/queries.js';
import { OidcRuntime } from '../../src/auth/oidc-runtime.js';

/*
 * What browser mode takes from the provider and from storage, as an attacker
 * who controls one answer would try it: a renewal's ID token is checked like
 * the first one, and sign-ins that never came back leave nothing usable behind.
 */

async function login() {
  const element = await fixture<ServicekontoLogin>(
    html`<servicekonto-login authority=${AUTHORITY} client-id=${CLIENT_ID}></servicekonto-login>`,
  );
  await settled(element);
  return element;
}

/** Runs `work` with console.error recorded. */
async function recordingErrors(work: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args.join(' '));
  try {
    await work();
  } finally {
    console.error = original;
  }
  return errors;
}

const signedInWithIdToken = () =>
  seedSignedInUser({ expiresInSeconds: 30, refreshToken: 'refresh-1', idToken: fakeJwt(validClaims('nonce-1', { azp: CLIENT_ID })) });

describe('a renewed ID token is checked like the first one', () => {
  beforeEach(() => resetAuthState());
  afterEach(() => resetAuthState());

  // oidc-client-ts itself refuses another azp or sub against the first ID token; the rest only this check does, and says so.
  for (const [what, claims, toldInConsole] of [
    ['another issuer', { iss: 'https://attacker.example' }, true],
    ['a foreign audience', { aud: 'someone-else' }, true],
    ['an expiry in 2001', { exp: 978307200 }, true],
    ['another authorised party (azp)', { azp: 'someone-else' }, false],
    ['another citizen (sub)', { sub: 'citizen-2' }, false],
  ] as const) {
    it(`refuses a renewal whose ID token has ${what}: nothing of it is shown or kept`, async () => {
      await useFakeProvider({
        refresh: true,
        refreshIdTokenClaims: validClaims('', { name: 'Mallory Angreifer', nonce: undefined, azp: CLIENT_ID, ...claims }),
      });
      signedInWithIdToken();
      const element = await login();
      expect(textOf(element)).to.contain('Angemeldet als Erika Mustermann');
      let renewed: string | null = 'not called';
      const errors = await recordingErrors(async () => {
        renewed = await element.session!.renew();
        await settled(element);
      });
      expect(renewed).to.equal(null);
      expect(textOf(element)).not.to.contain('Mallory');
      expect(storedUser() ?? '').not.to.contain('renewed-token');
      if (toldInConsole) expect(errors.join('\n')).to.contain('renewed ID token was refused');
    });
  }

  it('takes a valid renewed ID token of the same citizen, and its name', async () => {
    await useFakeProvider({
      refresh: true,
      refreshIdTokenClaims: validClaims('', { nonce: undefined, azp: CLIENT_ID, name: 'Erika Musterfrau' }),
    });
    signedInWithIdToken();
    const element = await login();
    expect(await element.session!.renew()).to.equal('renewed-token');
    await settled(element);
    expect(textOf(element)).to.contain('Angemeldet als Erika Musterfrau');
  });

  it('keeps the citizen when the renewal brings no new ID token', async () => {
    await useFakeProvider({ refresh: true });
    signedInWithIdToken();
    const element = await login();
    expect(await element.session!.renew()).to.equal('renewed-token');
    await settled(element);
    expect(textOf(element)).to.contain('Angemeldet als Erika Mustermann');
  });
});

describe('sign-ins that never came back', () => {
  beforeEach(() => resetAuthState());
  afterEach(() => resetAuthState());

  it('are kept in the tab’s own storage, where no page in another tab can read or rewrite them (the attack: tab-attacks.e2e)', () => {
    expect(OidcRuntime.stateStorage()).to.equal(sessionStorage);
  });

  it('are removed after ten minutes, at the next start of the widget – also those an earlier version left in localStorage; a recent one stays', async () => {
    await useFakeProvider();
    seedSignInState('abandoned', 'nonce-a', 11 * 60);
    seedSignInState('recent', 'nonce-r', 60);
    seedSignInState('legacy', 'nonce-l', 11 * 60, localStorage);
    sessionStorage.setItem('buergerportal-widgets.state.unreadable', '{');
    await login();
    expect(sessionStorage.getItem('buergerportal-widgets.state.abandoned')).to.equal(null);
    expect(sessionStorage.getItem('buergerportal-widgets.state.unreadable')).to.equal(null);
    expect(localStorage.getItem('buergerportal-widgets.state.legacy')).to.equal(null);
    expect(sessionStorage.getItem('buergerportal-widgets.state.recent')).to.contain('nonce-r');
  });

  it('an answer to a sign-in older than ten minutes is refused with a sentence, its code never exchanged', async () => {
    const provider = await useFakeProvider({ idTokenClaims: validClaims('nonce-1') });
    seedSignInState('late', 'nonce-1', 11 * 60);
    returnFromProvider(`code=c1&state=late&iss=${encodeURIComponent(AUTHORITY)}`);
    const element = await login();
    expect(textOf(element)).to.contain('Die Anmeldung ist fehlgeschlagen');
    expect(provider.tokenRequests).to.have.length(0);
    expect(storedUser()).to.equal(null);
    expect(sessionStorage.getItem('buergerportal-widgets.state.late')).to.equal(null);
  });
});

describe('a refused revocation', () => {
  beforeEach(() => resetAuthState());
  afterEach(() => resetAuthState());

  it('is told to the editor in German with the provider’s answer: the refresh token stays valid at the provider until it expires', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      await useFakeProvider({ revocationRefused: true });
      seedSignedInUser({ refreshToken: 'refresh-1' });
      const element = await login();
      await element.session!.signOut();
    } finally {
      console.warn = original;
    }
    const told = warnings.join('\n');
    expect(told).to.contain('Widerruf des Refresh-Tokens abgelehnt (HTTP 401, invalid_client)');
    expect(told).to.contain('bis zu seinem Ablauf');
    expect(told).not.to.contain('refresh-1');
  });
});
