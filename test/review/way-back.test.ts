import { expect, fixture, html } from '@open-wc/testing';
import '../../src/servicekonto-login/define.js';
import type { ServicekontoLogin } from '../../src/servicekonto-login/servicekonto-login.js';
import {
  AUTHORITY,
  CLIENT_ID,
  resetAuthState,
  returnFromProvider,
  seedSignInState,
  useFakeProvider,
  validClaims,
} from '../support/fake-provider.js';
import { settled, textOf } from '../support/queries.js';

/*
 * Review of issue 21: the way back (callback.ts) is the widget's own code now
 * reading its own record. Two logins on one page with different providers
 * (e.g. „Zum Servicekonto.NRW“ beside „Mit BundID anmelden“, each its broker).
 */

describe('review: two logins of different providers on one page', () => {
  beforeEach(() => resetAuthState());
  afterEach(() => resetAuthState());

  it('the answer to the second one’s sign-in is not eaten by the first', async () => {
    const provider = await useFakeProvider({ idTokenClaims: validClaims('nonce-1') });
    // The other provider's document is kept in the tab (the citizen tried it earlier), so both reach the way back equally fast.
    const other = `${location.origin}/idp-bund`;
    sessionStorage.setItem(
      `buergerportal-widgets.metadata:${other}`,
      JSON.stringify({ issuer: other, authorization_endpoint: `${other}/auth`, token_endpoint: `${other}/token` }),
    );
    seedSignInState('s1', 'nonce-1');
    returnFromProvider(`code=c1&state=s1&iss=${encodeURIComponent(AUTHORITY)}`);
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <servicekonto-login provider="bundid" authority=${other} client-id=${CLIENT_ID}></servicekonto-login>
        <servicekonto-login authority=${AUTHORITY} client-id=${CLIENT_ID}></servicekonto-login>
      </div>`,
    );
    const [bund, nrw] = [...wrapper.querySelectorAll<ServicekontoLogin>('servicekonto-login')];
    await settled(bund);
    await settled(nrw);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      provider.tokenRequests.length,
      `the code was exchanged; BundID's login says: ${textOf(bund)} | Servicekonto's says: ${textOf(nrw)}`,
    ).to.equal(1);
    expect(textOf(nrw)).to.contain('Angemeldet als Erika Mustermann');
  });
});

describe('review: a kept discovery document without an issuer (planted by a page that ran in this tab before)', () => {
  beforeEach(() => resetAuthState());
  afterEach(() => resetAuthState());

  it('is not taken: the way back asks the provider and the sign-in succeeds', async () => {
    const provider = await useFakeProvider({ idTokenClaims: validClaims('nonce-1') });
    // Every endpoint the provider's own, only `issuer` left out: issuerMatches(undefined, …) is true.
    sessionStorage.setItem(
      `buergerportal-widgets.metadata:${AUTHORITY}`,
      JSON.stringify({ authorization_endpoint: `${AUTHORITY}/auth`, token_endpoint: `${AUTHORITY}/token` }),
    );
    seedSignInState('s1', 'nonce-1');
    returnFromProvider(`code=c1&state=s1&iss=${encodeURIComponent(AUTHORITY)}`);
    const element = await fixture<ServicekontoLogin>(
      html`<servicekonto-login authority=${AUTHORITY} client-id=${CLIENT_ID}></servicekonto-login>`,
    );
    await settled(element);
    expect(textOf(element), `token requests: ${provider.tokenRequests.length}`).to.contain('Angemeldet als Erika Mustermann');
  });
});
