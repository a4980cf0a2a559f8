import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/servicekonto-login/define.js';
import type { ServicekontoLogin } from '../../src/servicekonto-login/servicekonto-login.js';
import { useFakeBff } from '../support/fake-bff.js';
import { worker } from '../support/mock-backend.js';
import { settled } from '../support/queries.js';
import { resetAuthState } from '../support/fake-provider.js';

/*
 * Review of issue 24, item 2: is `state` true? In BFF mode a readable hint
 * cookie makes the session publish `signed-in` (no name, nothing confirmed)
 * before the BFF answers; and a check that meets a network blip while signed
 * in publishes `failed` though the BFF session goes on.
 */
function record(element: HTMLElement): string[] {
  const heard: string[] = [];
  element.addEventListener('servicekonto-state-changed', (event) => heard.push(`state:${event.detail.state}`));
  for (const type of ['servicekonto-signed-in', 'servicekonto-signed-out', 'servicekonto-error'] as const)
    element.addEventListener(type, (event) => heard.push(`${type}:${JSON.stringify((event as CustomEvent).detail)}`));
  return heard;
}

describe('review 24: servicekonto-login state is true', () => {
  beforeEach(() => resetAuthState());
  afterEach(() => {
    resetAuthState();
    document.cookie = '__Host-bp-signed-in=; Secure; Path=/; Max-Age=0';
  });

  it('BFF mode: a stale hint cookie does not announce a sign-in the BFF denies', async () => {
    await useFakeBff({ signedIn: false });
    document.cookie = '__Host-bp-signed-in=pseudonym-1; Secure; Path=/';
    expect(document.cookie).to.contain('bp-signed-in');
    const element = document.createElement('servicekonto-login');
    element.setAttribute('bff-url', '/bff');
    const heard = record(element);
    (await fixture(html`<div></div>`)).append(element);
    await settled(element);
    expect(heard).to.deep.equal(['state:signed-out']);
  });

  it('BFF mode: a check that meets a network blip while signed in does not say failed', async () => {
    await useFakeBff({ expiresIn: 121 });
    const element = await fixture<ServicekontoLogin>(html`<servicekonto-login bff-url="/bff"></servicekonto-login>`);
    await settled(element);
    expect(element.state).to.equal('signed-in');
    const heard = record(element);
    worker.use(
      http.get('/bff/session', () => HttpResponse.error()),
      http.get('/bff/health', () => HttpResponse.error()),
    );
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(heard, 'what a late listener hears').to.deep.equal([]);
    expect(element.state).to.equal('signed-in');
  });
});
