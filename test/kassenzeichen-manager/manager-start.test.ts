import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { KassenzeichenManager } from '../../src/kassenzeichen-manager/kassenzeichen-manager.js';
import '../../src/servicekonto-login/define.js';
import {
  AUTHORITY,
  CLIENT_ID,
  markStateUsed,
  resetAuthState,
  returnFromProvider,
  seedSignInState,
  useFakeProvider,
} from '../support/fake-provider.js';
import { focused, nextStep, signedInManager, stepHeading } from '../support/manager.js';
import { BACKEND_URL } from '../support/mock-backend.js';
import { buttonNamed, textOf } from '../support/queries.js';

describe('<kassenzeichen-manager> before the overview', () => {
  afterEach(() => resetAuthState());

  it('a contributor’s <form name="querySelector"> (DOM clobbering) does not stop the manager from drawing', async () => {
    const clobber = Object.assign(document.createElement('form'), { name: 'querySelector' });
    document.body.append(clobber);
    try {
      const { element } = await signedInManager('first-visit', { signedIn: false });
      expect(buttonNamed(element, 'Zum Servicekonto.NRW')).to.exist;
    } finally {
      clobber.remove();
    }
  });

  it('explains why sign-in is needed and offers „Zum Servicekonto.NRW“', async () => {
    const { element, backend } = await signedInManager('first-visit', { signedIn: false });
    expect(textOf(element)).to.contain('melden Sie sich bitte an');
    expect(buttonNamed(element, 'Zum Servicekonto.NRW')).to.exist;
    expect(backend.exchanges).to.have.length(0);
    await expect(element).to.be.accessible();
  });

  it('asks for consent once (the list is refused until then), then shows the empty overview', async () => {
    const { element, backend } = await signedInManager('first-visit');
    expect(stepHeading(element)).to.equal('Einmalige Zustimmung zur Datenübertragung');
    // Account and list at once (one round trip); without consent the backend refuses the list and processes nothing.
    expect(backend.exchanges.map((e) => `${e.method} ${e.path} ${e.response.status}`).sort()).to.deep.equal([
      'GET /account 200',
      'GET /kassenzeichen 403',
    ]);
    await expect(element).to.be.accessible();
    buttonNamed(element, 'Zustimmen')!.click();
    await nextStep(element, 'Ihre Kassenzeichen');
    // The loading view has the same heading: wait for the overview itself.
    await element.whenSettled();
    expect(textOf(element).includes('Beispiel: 1500.0000.0000')).to.be.ok;
    expect(textOf(element)).to.contain('Fügen Sie bitte vorerst nur ein Kassenzeichen hinzu');
    expect(focused(element)?.tagName).to.equal('H2');
    expect(backend.exchanges.map((e) => `${e.method} ${e.path}`)).to.include('PUT /account/consent');
  });

  it('explains a decline and lets the citizen reconsider', async () => {
    const { element } = await signedInManager('first-visit');
    buttonNamed(element, 'Ablehnen')!.click();
    await nextStep(element, 'Ohne Zustimmung nicht nutzbar');
    expect(buttonNamed(element, 'Abmelden')).to.exist;
    await expect(element).to.be.accessible();
    buttonNamed(element, 'Doch zustimmen')!.click();
    await nextStep(element, 'Einmalige Zustimmung zur Datenübertragung');
  });

  it("shows the city's own consent text from the slot", async () => {
    const { element } = await signedInManager('first-visit');
    const text = document.createElement('p');
    text.slot = 'consent-text';
    text.textContent = 'Rechtstext der Stadt Mönchengladbach';
    element.append(text);
    const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="consent-text"]')!;
    expect(slot.assignedElements()).to.deep.equal([text]);
  });

  it('leads a 403 (consent missing) to the consent step', async () => {
    const { element, backend } = await signedInManager('returning');
    backend.reset('first-visit');
    element.reload();
    await nextStep(element, 'Einmalige Zustimmung zur Datenübertragung');
  });

  it('explains a broken backend in a plain sentence, never its HTML, and retries', async () => {
    const { element, backend } = await signedInManager('server-down');
    expect(textOf(element)).to.contain('Beim Bürgerportal ist ein Fehler aufgetreten');
    expect(textOf(element)).not.to.contain('Internal Server Error');
    expect(element.shadowRoot!.querySelector('script')).to.equal(null);
    await expect(element).to.be.accessible();
    backend.reset('returning');
    buttonNamed(element, 'Erneut versuchen')!.click();
    await nextStep(element, 'Ihre Kassenzeichen');
    await element.whenSettled();
    expect(textOf(element).includes('1500.0000.0001')).to.be.ok;
  });

  describe('set up wrong', () => {
    it('names a missing backend-url for the editor', async () => {
      const event = oneEvent(document.body, 'kassenzeichen-error');
      const element = await fixture<KassenzeichenManager>(
        html`<kassenzeichen-manager authority="https://idp.example" client-id="x"></kassenzeichen-manager>`,
      );
      expect((await event).detail).to.deep.equal({ code: 'config-invalid' });
      expect(element.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('„backend-url“ fehlt');
      await expect(element).to.be.accessible();
    });

    it('refuses a backend-url without https outside localhost', async () => {
      const element = await fixture<KassenzeichenManager>(
        html`<kassenzeichen-manager
          backend-url="http://api.example.org"
          authority="https://idp.example"
          client-id="x"
        ></kassenzeichen-manager>`,
      );
      expect(textOf(element)).to.contain('„backend-url“ muss mit https:// beginnen');
    });

    it('says when login names no <servicekonto-login>', async () => {
      const element = await fixture<KassenzeichenManager>(
        html`<kassenzeichen-manager backend-url=${BACKEND_URL} login="nope"></kassenzeichen-manager>`,
      );
      expect(textOf(element)).to.contain('kein <servicekonto-login> mit dieser id');
    });

    it('says when there is no session to use at all', async () => {
      const element = await fixture<KassenzeichenManager>(html`<kassenzeichen-manager backend-url=${BACKEND_URL}></kassenzeichen-manager>`);
      expect(textOf(element)).to.contain('„authority“ fehlt');
      expect(textOf(element)).to.contain('„client-id“ fehlt');
    });

    it('finds a <servicekonto-login> that the page adds after the manager', async () => {
      await useFakeProvider();
      const element = await fixture<KassenzeichenManager>(html`<kassenzeichen-manager backend-url=${BACKEND_URL}></kassenzeichen-manager>`);
      expect(textOf(element)).to.contain('„authority“ fehlt');
      const login = document.createElement('servicekonto-login');
      login.setAttribute('authority', AUTHORITY);
      login.setAttribute('client-id', CLIENT_ID);
      element.before(login);
      await (login as HTMLElement & { whenSettled(): Promise<void> }).whenSettled();
      await element.whenSettled();
      expect(buttonNamed(element, 'Zum Servicekonto.NRW'), 'manager did not pick up the late login').to.be.ok;
      login.remove();
    });

    it('rejects an unusable kassenzeichen-format', async () => {
      const element = await fixture<KassenzeichenManager>(
        html`<kassenzeichen-manager
          backend-url=${BACKEND_URL}
          authority="https://idp.example"
          client-id="x"
          kassenzeichen-format="abc"
        ></kassenzeichen-manager>`,
      );
      expect(textOf(element)).to.contain('„kassenzeichen-format“');
    });
  });

  describe('alone on the page, it says what the login would say', () => {
    const alone = () =>
      fixture<KassenzeichenManager>(
        html`<kassenzeichen-manager backend-url=${BACKEND_URL} authority=${AUTHORITY} client-id=${CLIENT_ID}></kassenzeichen-manager>`,
      );

    it('after a sign-in cancelled at the provider: „Anmeldung abgebrochen“', async () => {
      await useFakeProvider();
      seedSignInState('m1');
      returnFromProvider(`error=access_denied&state=m1&iss=${encodeURIComponent(AUTHORITY)}`);
      const element = await alone();
      await element.whenSettled();
      expect(textOf(element)).to.contain('Anmeldung abgebrochen');
      expect(buttonNamed(element, 'Zum Servicekonto.NRW')).to.exist;
      await expect(element).to.be.accessible();
    });

    it('after a reloaded, finished sign-in: „nicht abgeschlossen“', async () => {
      await useFakeProvider();
      markStateUsed('m2');
      returnFromProvider('code=old&state=m2');
      const element = await alone();
      await element.whenSettled();
      expect(textOf(element)).to.contain('Die Anmeldung konnte nicht abgeschlossen werden');
    });

    it('after a refused ID token: „fehlgeschlagen“', async () => {
      await useFakeProvider({ idTokenClaims: { iss: AUTHORITY, aud: 'someone-else', sub: 'x', exp: 4102444800, nonce: 'nonce-1' } });
      seedSignInState('m3');
      returnFromProvider(`code=c&state=m3&iss=${encodeURIComponent(AUTHORITY)}`);
      const element = await alone();
      await element.whenSettled();
      expect(textOf(element)).to.contain('Die Anmeldung ist fehlgeschlagen');
    });

    it('speaks for the session to the page too: servicekonto-signed-out and servicekonto-error, as the login would', async () => {
      const heard: string[] = [];
      const listen = (event: Event) => heard.push(`${event.type} ${JSON.stringify((event as CustomEvent).detail)}`);
      const types = ['servicekonto-signed-in', 'servicekonto-signed-out', 'servicekonto-error'];
      for (const type of types) document.addEventListener(type, listen);
      try {
        await useFakeProvider({ idTokenClaims: { iss: AUTHORITY, aud: 'someone-else', sub: 'x', exp: 4102444800, nonce: 'nonce-1' } });
        seedSignInState('m5');
        returnFromProvider(`code=c&state=m5&iss=${encodeURIComponent(AUTHORITY)}`);
        const element = await alone();
        await element.whenSettled();
      } finally {
        for (const type of types) document.removeEventListener(type, listen);
      }
      expect(heard).to.deep.equal(['servicekonto-signed-out {"reason":"sign-in-failed"}', 'servicekonto-error {"code":"sign-in-failed"}']);
    });

    it('says nothing twice when a login is on the page', async () => {
      await useFakeProvider();
      seedSignInState('m4');
      returnFromProvider(`error=access_denied&state=m4&iss=${encodeURIComponent(AUTHORITY)}`);
      const box = await fixture<HTMLDivElement>(
        html`<div>
          <servicekonto-login authority=${AUTHORITY} client-id=${CLIENT_ID}></servicekonto-login>
          <kassenzeichen-manager backend-url=${BACKEND_URL}></kassenzeichen-manager>
        </div>`,
      );
      const manager = box.querySelector('kassenzeichen-manager')!;
      const fromManager: string[] = [];
      manager.addEventListener('servicekonto-signed-out', () => fromManager.push('signed-out'));
      await manager.whenSettled();
      expect(fromManager, 'the login tells the page, the manager does not repeat it').to.deep.equal([]);
      expect(textOf(box.querySelector('servicekonto-login')!)).to.contain('Anmeldung abgebrochen');
      expect(textOf(manager)).not.to.contain('Anmeldung abgebrochen');
    });
  });

  it('works configured through properties alone, as React 19 and Vue set them', async () => {
    const { backend } = await signedInManager('returning');
    const element = document.createElement('kassenzeichen-manager');
    element.backendUrl = BACKEND_URL;
    element.authority = AUTHORITY;
    element.clientId = CLIENT_ID;
    element.headingLevel = 3;
    document.body.append(element);
    try {
      await element.whenSettled();
      expect(textOf(element).includes('1500.0000.0001'), 'no list').to.be.ok;
      expect(element.shadowRoot!.querySelector("[part~='heading']")!.localName).to.equal('h3');
      expect(backend.exchanges.length).to.be.greaterThan(0);
    } finally {
      element.remove();
    }
  });
});
