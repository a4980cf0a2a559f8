import { expect } from '@open-wc/testing';
import { readLoginConfig, type BrowserLoginConfig } from '../../src/auth/login-config.js';
import { askOverviewEarlyWithToken } from '../../src/auth/overview-head.js';
import { markSignedOut, userKeys } from '../../src/auth/signed-out-probe.js';
import { AUTHORITY, CLIENT_ID, resetAuthState } from '../support/fake-provider.js';
import { fetchesDuring } from '../support/record-fetch.js';

/*
 * The first file sends the overview's GETs with the stored token on a reload
 * while signed in (overview-head.ts) – only where the manager itself would
 * send it, and only a token the session would use as it is.
 */

function config(extra: Record<string, string> = {}): BrowserLoginConfig {
  const attributes: Record<string, string> = { authority: AUTHORITY, 'client-id': CLIENT_ID, ...extra };
  const result = readLoginConfig((name) => attributes[name] ?? null, location);
  if (!result.ok || result.config.mode !== 'browser') throw new Error('config');
  return result.config;
}

function storeUser(expiresInSeconds: number, token = 'stored-token', signedInAt?: number): void {
  const expiresAt = Math.floor(Date.now() / 1000) + expiresInSeconds;
  const user = { access_token: token, expires_at: expiresAt, profile: { sub: 'erika' }, signed_in_at: signedInAt };
  sessionStorage.setItem(userKeys(config()).key, JSON.stringify(user));
}

/** The page's markup for this case; the GETs the function sends, as `METHOD url Authorization`. */
function sentFor(markup: string, login = config()): string[] {
  const box = document.createElement('div');
  box.innerHTML = markup;
  document.body.append(box);
  try {
    return fetchesDuring(() => askOverviewEarlyWithToken(login));
  } finally {
    box.remove();
  }
}

const LOGIN = '<servicekonto-login id="login"></servicekonto-login>';

describe('the overview’s GETs from the first file (browser mode, a reload while signed in)', () => {
  beforeEach(resetAuthState);

  it('sends both with the stored token to the manager’s own-origin backend', () => {
    storeUser(300);
    expect(sentFor(`${LOGIN}<kassenzeichen-manager backend-url="/api"></kassenzeichen-manager>`)).to.deep.equal([
      `${location.origin}/api/account Bearer stored-token`,
      `${location.origin}/api/kassenzeichen Bearer stored-token`,
    ]);
  });

  it('sends nothing to a backend the page does not declare, nor over http to another host', () => {
    storeUser(300);
    expect(sentFor(`${LOGIN}<kassenzeichen-manager backend-url="https://elsewhere.example/api"></kassenzeichen-manager>`)).to.deep.equal(
      [],
    );
    expect(sentFor(`${LOGIN}<kassenzeichen-manager backend-url="http://elsewhere.example/api"></kassenzeichen-manager>`)).to.deep.equal([]);
  });

  it('sends nothing for a token the session would renew first, an idle limit passed, or memory storage', () => {
    storeUser(30);
    expect(sentFor(`${LOGIN}<kassenzeichen-manager backend-url="/api"></kassenzeichen-manager>`)).to.deep.equal([]);
    storeUser(300);
    sessionStorage.setItem(`buergerportal-widgets.idle:${AUTHORITY}:${CLIENT_ID}`, String(Date.now() - 1000));
    expect(sentFor(`${LOGIN}<kassenzeichen-manager backend-url="/api"></kassenzeichen-manager>`)).to.deep.equal([]);
    sessionStorage.removeItem(`buergerportal-widgets.idle:${AUTHORITY}:${CLIENT_ID}`);
    const memory = config({ 'token-storage': 'memory' });
    expect(sentFor(`${LOGIN}<kassenzeichen-manager backend-url="/api"></kassenzeichen-manager>`, memory)).to.deep.equal([]);
  });

  it('sends nothing when the manager is not this login’s, or the page has two logins', () => {
    storeUser(300);
    expect(sentFor(`${LOGIN}<kassenzeichen-manager login="other" backend-url="/api"></kassenzeichen-manager>`)).to.deep.equal([]);
    expect(
      sentFor(`${LOGIN}<kassenzeichen-manager authority="https://idp.example" backend-url="/api"></kassenzeichen-manager>`),
    ).to.deep.equal([]);
    expect(sentFor(`${LOGIN}${LOGIN}<kassenzeichen-manager backend-url="/api"></kassenzeichen-manager>`)).to.deep.equal([]);
  });

  it('sends nothing for a sign-in that a sign-out in another tab has ended since; a later sign-in, or a marker not of the past, sends', () => {
    const manager = `${LOGIN}<kassenzeichen-manager backend-url="/api"></kassenzeichen-manager>`;
    markSignedOut(config(), Date.now() - 1000);
    storeUser(300, 'stored-token', Date.now() - 5000);
    expect(sentFor(manager)).to.deep.equal([]);
    storeUser(300, 'earlier-version');
    expect(sentFor(manager), 'a sign-in stored without its time').to.deep.equal([]);
    storeUser(300, 'later', Date.now() - 500);
    expect(sentFor(manager)).to.have.length(2);
    for (const junk of ['in the future', String(Date.now() + 60_000), 'Infinity']) {
      localStorage.setItem(userKeys(config()).signedOutKey, junk);
      storeUser(300, 'stored-token', Date.now() - 5000);
      expect(sentFor(manager), junk).to.have.length(2);
    }
  });

  it('sends nothing without a stored sign-in', () => {
    expect(sentFor(`${LOGIN}<kassenzeichen-manager backend-url="/api"></kassenzeichen-manager>`)).to.deep.equal([]);
  });
});
