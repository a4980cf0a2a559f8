import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/servicekonto-login/define.js';
import type { ServicekontoLogin } from '../../src/servicekonto-login/servicekonto-login.js';
import type { LoginState } from '../../src/events.js';
import { AUTHORITY, CLIENT_ID, resetAuthState, seedSignedInUser, useFakeProvider } from '../support/fake-provider.js';
import { useFakeBff } from '../support/fake-bff.js';
import { buttonNamed, settled } from '../support/queries.js';

/*
 * A page script that subscribes after the sign-in was announced (it ran
 * `await import(…)` first, or came with a CMS block added later) learns where
 * the sign-in stands from `state` and the custom state, and hears every change
 * from then on – with a code only, never who is signed in.
 */

const browserMode = html`<servicekonto-login authority=${AUTHORITY} client-id=${CLIENT_ID}></servicekonto-login>`;
const bffMode = html`<servicekonto-login bff-url="/bff"></servicekonto-login>`;

/** Everything the page hears from now on: state changes and sign-ins. */
function listenFromNow(element: ServicekontoLogin): string[] {
  const heard: string[] = [];
  element.addEventListener('servicekonto-state-changed', (event) => heard.push(`state-changed ${JSON.stringify(event.detail)}`));
  element.addEventListener('servicekonto-signed-in', () => heard.push('signed-in'));
  return heard;
}

function customStates(element: ServicekontoLogin): LoginState[] {
  return (['starting', 'signed-in', 'signed-out', 'failed'] as const).filter((state) => element.matches(`:state(${state})`));
}

describe('<servicekonto-login> for a page script that subscribes late', () => {
  beforeEach(() => resetAuthState());
  afterEach(() => resetAuthState());

  it('browser mode: after the sign-in was announced, `state` and :state(signed-in) say so; later changes are heard', async () => {
    await useFakeProvider({ endSession: false });
    seedSignedInUser();
    const element = await fixture<ServicekontoLogin>(browserMode);
    await settled(element);

    const heard = listenFromNow(element);
    expect(element.state).to.equal('signed-in');
    expect(customStates(element)).to.deep.equal(['signed-in']);
    expect(heard, 'nothing is fired again for a late listener').to.deep.equal([]);

    const changed = oneEvent(element, 'servicekonto-state-changed');
    buttonNamed(element, 'Abmelden')!.click();
    expect((await changed).detail).to.deep.equal({ state: 'signed-out' });
    expect(element.state).to.equal('signed-out');
    expect(customStates(element)).to.deep.equal(['signed-out']);
  });

  it('browser mode: a listener added while the sign-in is checked hears the change first, then signed-in; no personal data', async () => {
    await useFakeProvider();
    seedSignedInUser({ name: 'Erika Mustermann', subject: 'sub-4711' });
    const element = document.createElement('servicekonto-login');
    element.setAttribute('authority', AUTHORITY);
    element.setAttribute('client-id', CLIENT_ID);
    const seen: Array<{ type: string; state: LoginState }> = [];
    for (const type of ['servicekonto-state-changed', 'servicekonto-signed-in'] as const)
      element.addEventListener(type, () => seen.push({ type, state: element.state }));
    expect(element.state).to.equal('starting');
    const changed = oneEvent(element, 'servicekonto-state-changed');
    (await fixture(html`<div></div>`)).append(element);

    const event = await changed;
    await settled(element);
    expect(event.detail).to.deep.equal({ state: 'signed-in' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(JSON.stringify(event.detail)).not.to.match(/Erika|sub-4711|access/);
    expect(seen, 'the state is already signed-in when signed-in is heard').to.deep.equal([
      { type: 'servicekonto-state-changed', state: 'signed-in' },
      { type: 'servicekonto-signed-in', state: 'signed-in' },
    ]);
  });

  it('BFF mode: after the sign-in was announced, `state` and :state(signed-in) say so', async () => {
    await useFakeBff();
    const element = await fixture<ServicekontoLogin>(bffMode);
    await settled(element);

    const heard = listenFromNow(element);
    expect(element.state).to.equal('signed-in');
    expect(customStates(element)).to.deep.equal(['signed-in']);
    expect(heard).to.deep.equal([]);
  });

  it('BFF mode: a first check that ends signed out is a state change too (no other event reports it)', async () => {
    await useFakeBff({ signedIn: false });
    const element = document.createElement('servicekonto-login');
    element.setAttribute('bff-url', '/bff');
    const heard = listenFromNow(element);
    (await fixture(html`<div></div>`)).append(element);
    await settled(element);
    expect(element.state).to.equal('signed-out');
    expect(customStates(element)).to.deep.equal(['signed-out']);
    expect(heard).to.deep.equal(['state-changed {"state":"signed-out"}']);
  });

  it('an element set up wrong is `failed`', async () => {
    const element = await fixture<ServicekontoLogin>(html`<servicekonto-login client-id=${CLIENT_ID}></servicekonto-login>`);
    await element.updateComplete;
    expect(element.state).to.equal('failed');
    expect(customStates(element)).to.deep.equal(['failed']);
  });
});
