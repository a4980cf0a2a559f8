import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/servicekonto-login/define.js';
import '../../src/i18n/register-en.js';
import type { ServicekontoLogin } from '../../src/servicekonto-login/servicekonto-login.js';
import {
  AUTHORITY,
  CLIENT_ID,
  ownSearch,
  resetAuthState,
  markStateUsed,
  returnFromProvider,
  seedSignedInUser,
  seedSignOutElsewhere,
  seedIdleDeadline,
  passwordRequiredNext,
  seedSignInState,
  validClaims,
  storedUser,
  LEGACY_USER_KEY,
  useFakeProvider,
} from '../support/fake-provider.js';
import { installFakeClock, type FakeClock } from '../support/fake-clock.js';
import { whileStorageRefuses } from '../support/storage.js';
import { buttonNamed, linkNamed, settled, textOf } from '../support/queries.js';

async function login(attributes = html`<servicekonto-login authority=${AUTHORITY} client-id=${CLIENT_ID}></servicekonto-login>`) {
  const element = await fixture<ServicekontoLogin>(attributes);
  await settled(element);
  return element;
}

describe('<servicekonto-login>', () => {
  beforeEach(() => resetAuthState());
  afterEach(() => resetAuthState());

  it('creates no session before an element is on the page', () => {
    const sessions = (globalThis as unknown as Record<symbol, Map<string, unknown> | undefined>)[
      Symbol.for('buergerportal-widgets.sessions')
    ];
    expect(sessions?.size ?? 0).to.equal(0);
  });

  describe('signed out', () => {
    it('shows the sign-in button from what the page has: neither the oidc file nor the discovery document is asked for', async () => {
      const provider = await useFakeProvider();
      const modules = () => performance.getEntriesByType('resource').filter((entry) => /\/auth\/oidc\.(js|ts)/.test(entry.name)).length;
      const before = modules();
      const element = await login();
      expect(buttonNamed(element, 'Zum Servicekonto.NRW')).to.exist;
      expect(provider.discoveryRequests()).to.equal(0);
      expect(modules()).to.equal(before);
    });

    it('offers „Zum Servicekonto.NRW“, explains it and links the registration', async () => {
      await useFakeProvider();
      const element = await login();
      expect(buttonNamed(element, 'Zum Servicekonto.NRW')).to.exist;
      expect(textOf(element)).to.contain('weitergeleitet');
      expect(linkNamed(element, 'Jetzt registrieren')?.getAttribute('href')).to.equal('https://servicekonto.nrw/');
      await expect(element).to.be.accessible();
    });

    it('names BundID with provider="bundid" and takes a registration-url', async () => {
      await useFakeProvider();
      const element = await login(
        html`<servicekonto-login
          authority=${AUTHORITY}
          client-id=${CLIENT_ID}
          provider="bundid"
          registration-url="https://example.org/register"
        ></servicekonto-login>`,
      );
      expect(buttonNamed(element, 'Mit BundID anmelden')).to.exist;
      expect(linkNamed(element, 'Jetzt registrieren')?.getAttribute('href')).to.equal('https://example.org/register');
    });

    it('speaks English with lang="en"', async () => {
      await useFakeProvider();
      const element = await login(html`<servicekonto-login lang="en" authority=${AUTHORITY} client-id=${CLIENT_ID}></servicekonto-login>`);
      expect(buttonNamed(element, 'Go to Servicekonto.NRW')).to.exist;
    });
  });

  describe('signed in', () => {
    it('shows the name from the ID token and „Abmelden“, and fires signed-in without personal data', async () => {
      await useFakeProvider();
      seedSignedInUser();
      const element = document.createElement('servicekonto-login');
      element.setAttribute('authority', AUTHORITY);
      element.setAttribute('client-id', CLIENT_ID);
      const signedIn = oneEvent(document.body, 'servicekonto-signed-in');
      document.body.append(element);
      const event = await signedIn;
      await settled(element);
      expect(event.detail).to.deep.equal({ provider: 'servicekonto-nrw' });
      expect(event.bubbles && event.composed).to.equal(true);
      expect(textOf(element)).to.contain('Angemeldet als Erika Mustermann');
      expect(buttonNamed(element, 'Abmelden')).to.exist;
      expect(textOf(element), 'a shared computer').to.contain('Das Fenster zu schließen meldet Sie nicht ab.');
      await expect(element).to.be.accessible();
      element.remove();
    });

    it('signs out locally even when the provider has no end-session endpoint', async () => {
      await useFakeProvider({ endSession: false });
      seedSignedInUser();
      const element = await login();
      const signedOut = oneEvent(element, 'servicekonto-signed-out');
      buttonNamed(element, 'Abmelden')!.click();
      expect((await signedOut).detail).to.deep.equal({ reason: 'user' });
      await settled(element);
      expect(storedUser()).to.equal(null);
      expect(buttonNamed(element, 'Zum Servicekonto.NRW')).to.exist;
    });

    it('signs out when another tab signs out', async () => {
      await useFakeProvider();
      seedSignedInUser();
      const element = await login();
      const statusLine = element.shadowRoot!.querySelector('[role="status"]');
      const otherTab = new BroadcastChannel('buergerportal-widgets-auth');
      const signedOut = oneEvent(element, 'servicekonto-signed-out');
      otherTab.postMessage({ type: 'signed-out', key: `${AUTHORITY} ${CLIENT_ID}` });
      expect((await signedOut).detail.reason).to.equal('other-tab');
      otherTab.close();
      await settled(element);
      expect(textOf(element)).to.contain('in einem anderen Fenster abgemeldet');
      // The same live region as before the change, so screen readers announce it.
      expect(element.shadowRoot!.querySelector('[role="status"]')).to.equal(statusLine);
      expect(statusLine!.textContent).to.contain('in einem anderen Fenster abgemeldet');
      expect(storedUser()).to.equal(null);
    });

    it('starts signed out when a sign-out in another tab came after this sign-in (a tab that was not listening): nothing sent, nothing kept', async () => {
      const provider = await useFakeProvider();
      seedSignOutElsewhere(Date.now() - 1000);
      seedSignedInUser({ signedInAt: Date.now() - 60_000, refreshToken: 'refresh-1' });
      const element = await login();
      expect(buttonNamed(element, 'Zum Servicekonto.NRW')).to.exist;
      expect(textOf(element)).to.contain('in einem anderen Fenster abgemeldet');
      expect(storedUser()).to.equal(null);
      expect(provider.revocations, 'the tab that signed out revoked').to.have.length(0);
    });

    it('keeps a sign-in that came after the last sign-out elsewhere, and notes each sign-out for the tabs that are not listening', async () => {
      await useFakeProvider();
      seedSignOutElsewhere(Date.now() - 60_000);
      seedSignedInUser({ signedInAt: Date.now() - 1000 });
      const element = await login();
      expect(textOf(element)).to.contain('Angemeldet als Erika Mustermann');
      const before = Date.now();
      const signedOut = oneEvent(element, 'servicekonto-signed-out');
      buttonNamed(element, 'Abmelden')!.click();
      await signedOut;
      const noted = Number(localStorage.getItem(`buergerportal-widgets.signed-out:${AUTHORITY}:${CLIENT_ID}`));
      expect(noted).to.be.within(before, Date.now());
      expect(
        Object.keys(localStorage).filter((key) => key.includes('signed-out')),
        'nothing but the time',
      ).to.have.length(1);
    });

    it('a renewal in flight when another tab signs out is not kept: still signed out, its new refresh token revoked', async () => {
      let answer!: () => void;
      const provider = await useFakeProvider({ refresh: true, refreshAnswered: new Promise((resolve) => (answer = resolve)) });
      seedSignedInUser({ expiresInSeconds: 30, refreshToken: 'refresh-1', signedInAt: Date.now() - 1000 });
      const element = await login();
      const renewal = element.session!.renew();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const otherTab = new BroadcastChannel('buergerportal-widgets-auth');
      otherTab.postMessage({ type: 'signed-out', key: `${AUTHORITY} ${CLIENT_ID}` });
      otherTab.close();
      await oneEvent(element, 'servicekonto-signed-out');
      answer();
      expect(await renewal).to.equal(null);
      await settled(element);
      expect(storedUser()).to.equal(null);
      expect(buttonNamed(element, 'Zum Servicekonto.NRW')).to.exist;
      expect(provider.revocations.map((body) => body.get('token'))).to.include('refresh-2');
    });

    it('ends an expired session that cannot be renewed with a plain sentence', async () => {
      await useFakeProvider({ refresh: false });
      seedSignedInUser({ expiresInSeconds: -10, refreshToken: 'refresh-1' });
      const element = await login();
      await element.whenSettled();
      expect(textOf(element).includes('abgelaufen')).to.be.ok;
      expect(buttonNamed(element, 'Zum Servicekonto.NRW')).to.exist;
    });

    it('renews an expired session with its refresh token on load', async () => {
      const provider = await useFakeProvider({ refresh: true });
      seedSignedInUser({ expiresInSeconds: -10, refreshToken: 'refresh-1' });
      const element = await login();
      await element.whenSettled();
      expect(textOf(element).includes('Angemeldet als')).to.be.ok;
      expect(provider.tokenRequests.map((body) => body.get('grant_type'))).to.deep.equal(['refresh_token']);
    });
  });

  describe('renewal and storage', () => {
    it('keeps the user under its own prefix, and takes over a sign-in stored under oidc-client-ts’s shared `oidc.` prefix', async () => {
      await useFakeProvider();
      seedSignedInUser({ legacyKey: true });
      const element = await login();
      expect(textOf(element)).to.contain('Erika Mustermann');
      expect(sessionStorage.getItem(LEGACY_USER_KEY)).to.equal(null);
      expect(storedUser()).to.contain('access-1');
      expect(Object.keys(sessionStorage).filter((key) => key.startsWith('oidc.'))).to.deep.equal([]);
    });

    it('renews once for several callers at the same time (single flight)', async () => {
      const provider = await useFakeProvider({ refresh: true });
      seedSignedInUser({ expiresInSeconds: 3600, refreshToken: 'refresh-1' });
      const element = await login();
      const session = element.session!;
      const tokens = await Promise.all([session.renew(), session.renew(), session.getAccessToken()]);
      expect(provider.tokenRequests).to.have.length(1);
      expect(tokens.slice(0, 2)).to.deep.equal(['renewed-token', 'renewed-token']);
    });

    it('explains blocked site data instead of failing silently', async () => {
      await useFakeProvider();
      await whileStorageRefuses('SecurityError', async () => {
        const errorEvent = oneEvent(document.body, 'servicekonto-error');
        const element = await login();
        expect((await errorEvent).detail).to.deep.equal({ code: 'storage-blocked' });
        expect(textOf(element)).to.contain('blockiert das Speichern von Websitedaten');
        expect(buttonNamed(element, 'Zum Servicekonto.NRW')).to.exist;
      });
    });

    it('both storages full: says so (not „fehlgeschlagen“ for ever), and how to free them', async () => {
      await useFakeProvider();
      await whileStorageRefuses('QuotaExceededError', async () => {
        const errorEvent = oneEvent(document.body, 'servicekonto-error');
        const element = await login();
        expect((await errorEvent).detail).to.deep.equal({ code: 'storage-blocked' });
        expect(textOf(element)).to.contain('Der Speicher Ihres Browsers für diese Website ist voll');
        expect(textOf(element)).not.to.contain('blockiert');
      });
    });

    it('a browser without Web Crypto: the reason before any click, and a servicekonto-error for the page', async () => {
      await useFakeProvider();
      Object.defineProperty(crypto, 'subtle', { value: undefined, configurable: true });
      try {
        const errorEvent = oneEvent(document.body, 'servicekonto-error');
        const element = await login();
        expect((await errorEvent).detail).to.deep.equal({ code: 'browser-unsupported' });
        expect(textOf(element)).to.contain('Dieser Browser unterstützt die sichere Anmeldung nicht');
        await expect(element).to.be.accessible();
      } finally {
        delete (crypto as unknown as Record<string, unknown>).subtle;
      }
      expect(crypto.subtle).to.exist;
    });
  });

  describe('session ending: the idle limit follows the citizen, not the token', () => {
    const MINUTE = 60_000;
    const poke = (element: ServicekontoLogin) =>
      element
        .shadowRoot!.querySelector('button')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true }));
    /** A login with a 10-minute limit, its timers on a clock the test moves (set anew by a first activity). */
    async function idleLogin(): Promise<{ element: ServicekontoLogin; clock: FakeClock }> {
      const element = await login(
        html`<servicekonto-login authority=${AUTHORITY} client-id=${CLIENT_ID} idle-timeout="600"></servicekonto-login>`,
      );
      const clock = installFakeClock();
      try {
        clock.tick(6000);
        poke(element);
        await element.whenSettled();
      } catch (error) {
        clock.uninstall();
        throw error;
      }
      return { element, clock };
    }

    it('no warning while a 90-second token can be renewed; after 8 idle minutes a dialog with „Sitzung verlängern“, which gives focus back', async () => {
      await useFakeProvider({ refresh: true });
      seedSignedInUser({ expiresInSeconds: 90, refreshToken: 'refresh-1' });
      const before = document.createElement('button');
      before.textContent = 'Seite';
      document.body.append(before);
      before.focus();
      const { element, clock } = await idleLogin();
      try {
        const dialog = element.shadowRoot!.querySelector('dialog')!;
        clock.tick(7 * MINUTE);
        await element.whenSettled();
        expect(dialog.open, 'no warning at 7 minutes, though the token ran out long ago').to.equal(false);
        const expiring = oneEvent(document.body, 'servicekonto-session-expiring');
        clock.tick(MINUTE + 1000);
        expect((await expiring).detail.secondsLeft).to.be.within(1, 120);
        await element.updateComplete;
        expect(dialog.open).to.equal(true);
        expect(dialog.getAttribute('aria-labelledby')).to.equal('expiring-title');
        clock.uninstall(); // axe and the renewal run on real time
        await expect(element).to.be.accessible();
        buttonNamed(element, 'Sitzung verlängern')!.click();
        await element.whenSettled();
        expect(dialog.open).to.equal(false);
        expect(element.session?.snapshot.expiring).to.equal(false);
        expect(element.session!.snapshot.expiresAt! - Date.now()).to.be.closeTo(10 * MINUTE, 1000);
        expect(document.activeElement).to.equal(before);
      } finally {
        clock.uninstall();
        before.remove();
      }
    });

    it('typing or clicking in the element starts the limit anew: no warning while the citizen is active', async () => {
      await useFakeProvider({ refresh: true });
      seedSignedInUser({ expiresInSeconds: 300, refreshToken: 'refresh-1' });
      const { element, clock } = await idleLogin();
      try {
        for (let minute = 0; minute < 20; minute += 5) {
          clock.tick(5 * MINUTE);
          poke(element);
          await element.whenSettled();
          expect(element.shadowRoot!.querySelector('dialog')!.open, `after ${minute + 5} minutes`).to.equal(false);
        }
        expect(textOf(element)).to.contain('Angemeldet als');
      } finally {
        clock.uninstall();
      }
    });

    it('at the idle end: „abgelaufen“, the refresh token revoked, the password asked for at the next sign-in', async () => {
      const provider = await useFakeProvider({ refresh: true });
      seedSignedInUser({ expiresInSeconds: 3600, refreshToken: 'refresh-1' });
      const { element, clock } = await idleLogin();
      try {
        const signedOut = oneEvent(document.body, 'servicekonto-signed-out');
        clock.tick(10 * MINUTE);
        expect((await signedOut).detail.reason).to.equal('expired');
        await element.whenSettled();
        expect(textOf(element)).to.contain('abgelaufen');
        expect(storedUser()).to.equal(null);
        expect(provider.revocations.map((body) => [body.get('token'), body.get('token_type_hint')])).to.deep.equal([
          ['refresh-1', 'refresh_token'],
        ]);
        expect(provider.tokenRequests, 'nothing renewed').to.have.length(0);
        expect(passwordRequiredNext()).to.equal(true);
      } finally {
        clock.uninstall();
      }
    });

    it('a reload past the idle end renews nothing, however fresh the refresh token', async () => {
      const provider = await useFakeProvider({ refresh: true });
      seedSignedInUser({ expiresInSeconds: -10, refreshToken: 'refresh-1' });
      seedIdleDeadline(Date.now() - 1000);
      const element = await login();
      await element.whenSettled();
      expect(textOf(element)).to.contain('abgelaufen');
      expect(provider.tokenRequests).to.have.length(0);
      expect(provider.revocations).to.have.length(1);
    });

    it('a sign-out revokes the refresh token too, and the next sign-in in this browser asks for the password (a shared computer)', async () => {
      const provider = await useFakeProvider({ refresh: true });
      seedSignedInUser({ refreshToken: 'refresh-1' });
      const element = await login();
      await element.session!.signOut();
      expect(provider.revocations.map((body) => body.get('token'))).to.deep.equal(['refresh-1']);
      expect(passwordRequiredNext(), 'the provider may still know the citizen: prompt=login next').to.equal(true);
    });
  });

  describe('the way back from the provider', () => {
    it('says „Anmeldung abgebrochen“ after access_denied and cleans the URL', async () => {
      await useFakeProvider();
      seedSignInState('abc');
      returnFromProvider(`keep=1&error=access_denied&state=abc&iss=${encodeURIComponent(AUTHORITY)}`);
      const signedOut = oneEvent(document.body, 'servicekonto-signed-out');
      const element = await login();
      expect((await signedOut).detail.reason).to.equal('cancelled');
      await settled(element);
      expect(textOf(element)).to.contain('Anmeldung abgebrochen');
      expect(ownSearch()).to.equal('?keep=1');
    });

    it('explains a stale callback (reload, back button) and cleans the URL', async () => {
      await useFakeProvider();
      markStateUsed('used-state');
      returnFromProvider('code=old&state=used-state');
      const element = await login();
      await element.whenSettled();
      expect(textOf(element).includes('nicht abgeschlossen')).to.be.ok;
      expect(ownSearch()).to.equal('');
      expect(buttonNamed(element, 'Zum Servicekonto.NRW')).to.exist;
    });

    it('stays signed in on a repeated callback when a session exists', async () => {
      await useFakeProvider();
      seedSignedInUser();
      markStateUsed('used-state');
      returnFromProvider('code=old&state=used-state');
      const element = await login();
      await element.whenSettled();
      expect(textOf(element).includes('Angemeldet als')).to.be.ok;
      expect(ownSearch()).to.equal('');
    });
  });

  describe('the way back: only its own, and checked', () => {
    it('signs in with a code: the ID token names the citizen; token exchange without the oidc file', async () => {
      const provider = await useFakeProvider({ idTokenClaims: validClaims('nonce-1') });
      seedSignInState('s1', 'nonce-1');
      returnFromProvider(`code=c1&state=s1&iss=${encodeURIComponent(AUTHORITY)}`);
      const element = await login();
      expect(textOf(element)).to.contain('Angemeldet als Erika Mustermann');
      expect(provider.tokenRequests[0].get('code_verifier')).to.equal('verifier');
      expect(ownSearch()).to.equal('');
      expect(sessionStorage.getItem('buergerportal-widgets.state.s1'), 'a state is used once').to.equal(null);
    });

    it('a sign-in after a sign-out elsewhere is kept with its time, so that the earlier sign-out does not end it', async () => {
      await useFakeProvider({ idTokenClaims: validClaims('nonce-1') });
      seedSignOutElsewhere(Date.now() - 1);
      seedSignInState('s1', 'nonce-1');
      returnFromProvider(`code=c1&state=s1&iss=${encodeURIComponent(AUTHORITY)}`);
      const before = Date.now();
      const element = await login();
      expect(textOf(element)).to.contain('Angemeldet als Erika Mustermann');
      expect((JSON.parse(storedUser()!) as { signed_in_at: number }).signed_in_at).to.be.within(before, Date.now());
    });

    it("leaves another app's callback parameters alone", async () => {
      const provider = await useFakeProvider({ idTokenClaims: validClaims('nonce-1') });
      returnFromProvider('code=theirs&state=their-state');
      const element = await login();
      expect(buttonNamed(element, 'Zum Servicekonto.NRW')).to.exist;
      expect(textOf(element)).not.to.contain('nicht abgeschlossen');
      expect(ownSearch()).to.equal('?code=theirs&state=their-state');
      expect(provider.tokenRequests).to.have.length(0);
    });

    it('refuses a rewritten iss (mix-up, RFC 9207) without exchanging the code', async () => {
      const provider = await useFakeProvider({ idTokenClaims: validClaims('nonce-1') });
      seedSignInState('s2');
      returnFromProvider('code=c2&state=s2&iss=https%3A%2F%2Fattacker.example');
      const element = await login();
      expect(textOf(element)).to.contain('Die Anmeldung ist fehlgeschlagen');
      expect(provider.tokenRequests).to.have.length(0);
      expect(storedUser()).to.equal(null);
    });

    for (const [what, claims] of [
      ['a foreign audience', validClaims('nonce-1', { aud: 'someone-else' })],
      ['an expiry in 2001', validClaims('nonce-1', { exp: 978307200 })],
      ['another issuer', validClaims('nonce-1', { iss: 'https://attacker.example' })],
      ['another nonce', validClaims('other-nonce')],
    ] as const) {
      it(`refuses an ID token with ${what}: no name shown, nobody signed in`, async () => {
        await useFakeProvider({ idTokenClaims: claims });
        seedSignInState('s3', 'nonce-1');
        returnFromProvider(`code=c3&state=s3&iss=${encodeURIComponent(AUTHORITY)}`);
        const element = await login();
        expect(textOf(element)).not.to.contain('Erika');
        expect(textOf(element)).to.contain('Die Anmeldung ist fehlgeschlagen');
        expect(storedUser()).to.equal(null);
      });
    }
  });

  describe('set up wrong', () => {
    it('names a missing authority and client-id for the editor, once in the console', async () => {
      const errors: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const element = await fixture<ServicekontoLogin>(html`<servicekonto-login></servicekonto-login>`);
        await element.updateComplete;
        const box = element.shadowRoot!.querySelector('[role="alert"]')!;
        expect(box.textContent).to.contain('„authority“ fehlt');
        expect(box.textContent).to.contain('„client-id“ fehlt');
        await expect(element).to.be.accessible();
      } finally {
        console.error = original;
      }
      expect(errors).to.have.length(1);
    });

    it('refuses an authority without https outside localhost', async () => {
      const errorEvent = oneEvent(document.body, 'servicekonto-error');
      const element = await fixture<ServicekontoLogin>(
        html`<servicekonto-login authority="http://idp.example.org/realms/mg" client-id="x"></servicekonto-login>`,
      );
      expect((await errorEvent).detail).to.deep.equal({ code: 'config-invalid' });
      expect(textOf(element)).to.contain('muss mit https:// beginnen');
    });

    it('rejects unknown values of provider, token-storage and sign-out-method', async () => {
      const element = await fixture<ServicekontoLogin>(
        html`<servicekonto-login
          authority=${AUTHORITY}
          client-id="x"
          provider="google"
          token-storage="cookie"
          sign-out-method="delete"
        ></servicekonto-login>`,
      );
      expect(textOf(element)).to.contain('„provider“ erlaubt nur: servicekonto-nrw, bundid');
      expect(textOf(element)).to.contain('„token-storage“ erlaubt nur: session, memory');
      expect(textOf(element)).to.contain('„sign-out-method“ erlaubt nur: post, get');
    });

    it('tells the editor, naming the attribute, when authority names no provider (404)', async () => {
      await useFakeProvider({ discovery: 'missing' });
      const element = await login();
      // Nothing is asked of the provider before it is needed: the editor sees it at the first click.
      const errorEvent = oneEvent(document.body, 'servicekonto-error');
      buttonNamed(element, 'Zum Servicekonto.NRW')!.click();
      expect((await errorEvent).detail.code).to.equal('discovery-failed');
      await settled(element);
      expect(textOf(element)).to.contain('Hinweis für die Redaktion');
      expect(textOf(element)).to.contain('<servicekonto-login>');
      expect(textOf(element)).to.contain('Das Attribut „authority“ nennt keinen Anmeldedienst');
      await expect(element).to.be.accessible();
    });

    it('tells the editor when the provider names another issuer than authority', async () => {
      await useFakeProvider({ discovery: 'foreign-issuer' });
      const element = await login();
      const errorEvent = oneEvent(document.body, 'servicekonto-error');
      buttonNamed(element, 'Zum Servicekonto.NRW')!.click();
      expect((await errorEvent).detail.code).to.equal('issuer-mismatch');
      await settled(element);
      expect(textOf(element)).to.contain('Er nennt sich „https://login.other.example/realms/x“');
      expect(buttonNamed(element, 'Zum Servicekonto.NRW')).to.equal(undefined);
    });
  });

  describe('provider unreachable', () => {
    it('shows the citizen a plain sentence with „Erneut versuchen“, no editor box, and logs the detail once', async () => {
      await useFakeProvider({ discovery: 'down' });
      const warnings: unknown[][] = [];
      const originalWarn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args);
      try {
        const element = await login();
        const errorEvent = oneEvent(document.body, 'servicekonto-error');
        buttonNamed(element, 'Zum Servicekonto.NRW')!.click();
        expect((await errorEvent).detail.code).to.equal('provider-unreachable');
        await settled(element);
        expect(textOf(element)).to.contain('Die Anmeldung ist gerade nicht erreichbar');
        expect(textOf(element)).not.to.contain('Redaktion');
        expect(element.shadowRoot!.querySelector('[part="config-error"]')).to.equal(null);
        expect(warnings).to.have.length(1);
        expect(String(warnings[0][0])).to.contain('/.well-known/openid-configuration');
        await expect(element).to.be.accessible();
      } finally {
        console.warn = originalWarn;
      }
    });

    it('keeps focus on „Erneut versuchen“ while it runs, and moves it to the sign-in button when the provider answers', async () => {
      await useFakeProvider({ discovery: 'down' });
      const element = await login();
      buttonNamed(element, 'Zum Servicekonto.NRW')!.click();
      await element.whenSettled();
      const retry = buttonNamed(element, 'Erneut versuchen')!;
      retry.focus();
      await useFakeProvider();
      retry.click();
      await element.updateComplete;
      await element.whenSettled();
      expect(buttonNamed(element, 'Zum Servicekonto.NRW'), 'no sign-in button after the retry').to.be.ok;
      await element.updateComplete;
      expect(element.shadowRoot!.activeElement).to.equal(buttonNamed(element, 'Zum Servicekonto.NRW'));
    });
  });

  describe('compact, for narrow headers', () => {
    it('shows only the button and the registration link when signed out', async () => {
      await useFakeProvider();
      const element = await login(html`<servicekonto-login compact authority=${AUTHORITY} client-id=${CLIENT_ID}></servicekonto-login>`);
      expect(buttonNamed(element, 'Zum Servicekonto.NRW')).to.exist;
      expect(linkNamed(element, 'Jetzt registrieren')).to.exist;
      expect(textOf(element)).not.to.contain('weitergeleitet');
      expect(textOf(element)).not.to.contain('Noch kein Konto');
      await expect(element).to.be.accessible();
    });

    it('shows only the name and „Abmelden“ when signed in; screen readers hear the whole sentence', async () => {
      await useFakeProvider();
      seedSignedInUser();
      const element = await login(html`<servicekonto-login compact authority=${AUTHORITY} client-id=${CLIENT_ID}></servicekonto-login>`);
      const visible = [...element.shadowRoot!.querySelectorAll('[part="signed-in"] [aria-hidden="true"]')].map((node) => node.textContent);
      expect(visible).to.deep.equal(['Erika Mustermann']);
      expect(element.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.equal('Angemeldet als Erika Mustermann');
      expect(buttonNamed(element, 'Abmelden')).to.exist;
      expect(textOf(element), 'no room for the hint in a header').not.to.contain('Fenster');
      await expect(element).to.be.accessible();
    });
    it('recovers when the attributes are set after the element was added', async () => {
      await useFakeProvider();
      const element = await fixture<ServicekontoLogin>(html`<servicekonto-login></servicekonto-login>`);
      element.setAttribute('authority', AUTHORITY);
      element.setAttribute('client-id', CLIENT_ID);
      await element.whenSettled();
      expect(buttonNamed(element, 'Zum Servicekonto.NRW')).to.be.ok;
    });
  });
});
