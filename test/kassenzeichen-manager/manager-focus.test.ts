import { installFakeClock } from '../support/fake-clock.js';
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { KassenzeichenManager } from '../../src/kassenzeichen-manager/kassenzeichen-manager.js';
import { AUTHORITY, CLIENT_ID, resetAuthState, seedSignedInUser, useFakeProvider } from '../support/fake-provider.js';
import { focused, signedInManager, stepHeading } from '../support/manager.js';
import { BACKEND_URL, worker } from '../support/mock-backend.js';
import '../../src/servicekonto-login/define.js';
import { buttonNamed, liveRegionsAt, statusLine, textOf, unavailable } from '../support/queries.js';

/* Focus is never lost to <body>: busy buttons keep it, failures take it to their message, a session that ends to the heading. */

describe('<kassenzeichen-manager> focus', () => {
  afterEach(() => resetAuthState());

  it('keeps focus on „Zustimmen“ while it runs (aria-disabled, clicks ignored) and moves it to the message when it fails', async () => {
    const { element, backend } = await signedInManager('first-visit');
    backend.responseDelayMs = 300;
    backend.scenario = 'server-down';
    const agree = buttonNamed(element, 'Zustimmen')!;
    agree.focus();
    agree.click();
    await element.updateComplete;
    expect(unavailable(agree)).to.equal(true);
    expect(agree.disabled).to.equal(false);
    expect(focused(element)).to.equal(agree);
    agree.click(); // ignored while busy
    await element.whenSettled();
    expect(textOf(element).includes('Beim Bürgerportal ist ein Fehler aufgetreten')).to.be.ok;
    await element.updateComplete;
    expect(backend.exchanges.filter((e) => e.path === '/account/consent')).to.have.length(1);
    expect(focused(element)).to.equal(element.shadowRoot!.querySelector('[part="error"]'));
    await expect(element).to.be.accessible();
  });

  it('a failure is read once: the focused message, named by its sentence, is no live region; a retry puts „Bitte warten …“ in the status line only', async () => {
    const { element, backend } = await signedInManager('first-visit');
    backend.scenario = 'server-down';
    const agree = buttonNamed(element, 'Zustimmen')!;
    agree.focus();
    agree.click();
    await element.whenSettled();
    const message = element.shadowRoot!.querySelector('[part="error"]')!;
    expect(focused(element) === message, 'focus on the message').to.equal(true);
    expect(liveRegionsAt(message)).to.deep.equal([]);
    const name = element.shadowRoot!.getElementById(message.getAttribute('aria-labelledby')!);
    expect(name?.textContent).to.contain('Beim Bürgerportal ist ein Fehler aufgetreten');
    expect(statusLine(element), 'the focus reads it; the status line does not too').to.equal('');
    backend.responseDelayMs = 300;
    const retry = buttonNamed(element, 'Erneut versuchen')!;
    retry.focus();
    retry.click();
    await element.updateComplete;
    expect(message.querySelector('[part="busy"]'), 'the busy line in the message').to.exist;
    expect(liveRegionsAt(message)).to.deep.equal([]);
    expect(statusLine(element)).to.equal('Bitte warten …');
    await element.whenSettled();
  });

  it("keeps focus on „Erneut versuchen“ while the retry runs, then on the new step's heading", async () => {
    const { element, backend } = await signedInManager('first-visit');
    backend.scenario = 'server-down';
    buttonNamed(element, 'Zustimmen')!.click();
    await element.whenSettled();
    expect(buttonNamed(element, 'Erneut versuchen')).to.be.ok;
    backend.scenario = 'first-visit';
    backend.responseDelayMs = 300;
    const retry = buttonNamed(element, 'Erneut versuchen')!;
    retry.focus();
    retry.click();
    await element.updateComplete;
    expect(focused(element)).to.equal(retry);
    expect(unavailable(retry)).to.equal(true);
    await element.whenSettled();
    expect(textOf(element).includes('Beispiel: 1500.0000.0000'), 'no overview').to.be.ok;
    await element.updateComplete;
    expect(focused(element)).to.equal(element.shadowRoot!.querySelector("[part~='heading']"));
  });

  it('moves focus to the heading when the session ends while the citizen is in the element', async () => {
    await useFakeProvider({ refresh: false });
    seedSignedInUser({ expiresInSeconds: 2 });
    // The session's end is a timer: the test moves the clock instead of waiting.
    const clock = installFakeClock();
    try {
      const { element } = await signedInManager('returning', { keepStorage: true, signedIn: false });
      buttonNamed(element, 'Kassenzeichen hinzufügen')!.focus();
      clock.tick(2000);
      await element.whenSettled();
      expect(textOf(element)).to.contain('Ihre Anmeldung ist abgelaufen');
      expect(stepHeading(element)).to.equal('Ihre Kassenzeichen');
      expect(focused(element)).to.equal(element.shadowRoot!.querySelector("[part~='heading']"));
    } finally {
      clock.uninstall();
    }
  });

  it('„abgelaufen“ is announced once: by the login on the page, not by the manager as well', async () => {
    await useFakeProvider({ refresh: false });
    seedSignedInUser({ expiresInSeconds: 2 });
    const clock = installFakeClock();
    try {
      const page = await fixture<HTMLElement>(
        html`<div>
          <servicekonto-login authority=${AUTHORITY} client-id=${CLIENT_ID}></servicekonto-login>
          <kassenzeichen-manager backend-url=${BACKEND_URL} authority=${AUTHORITY} client-id=${CLIENT_ID}></kassenzeichen-manager>
        </div>`,
      );
      const login = page.querySelector('servicekonto-login')!;
      const element = page.querySelector('kassenzeichen-manager')!;
      await element.whenSettled();
      clock.tick(2000);
      clock.uninstall(); // the revocation that follows runs on real time
      await login.whenSettled();
      await element.whenSettled();
      expect(textOf(element), 'the manager still shows it').to.contain('Ihre Anmeldung ist abgelaufen');
      expect(statusLine(login)).to.contain('abgelaufen');
      expect(statusLine(element)).not.to.contain('abgelaufen');
    } finally {
      clock.uninstall();
    }
  });

  it('does not take focus from the page when a background load fails', async () => {
    await useFakeProvider({ refresh: false });
    seedSignedInUser();
    worker.use(http.get(`${BACKEND_URL}/account`, () => HttpResponse.error()));
    const outside = document.createElement('button');
    outside.textContent = 'Seite';
    document.body.append(outside);
    outside.focus();
    const element = await fixture<KassenzeichenManager>(
      html`<kassenzeichen-manager backend-url=${BACKEND_URL} authority=${AUTHORITY} client-id=${CLIENT_ID}></kassenzeichen-manager>`,
    );
    await element.whenSettled();
    expect(textOf(element).includes('konnten nicht geladen werden'), 'no load failure').to.be.ok;
    expect(textOf(element), 'nothing typed, so nothing is said to be kept').not.to.contain('Eingaben');
    expect(document.activeElement).to.equal(outside);
    const sentence = element.shadowRoot!.getElementById('banner-text')!.textContent!.trim();
    expect(statusLine(element), 'told by the status line instead').to.equal(sentence);
    outside.remove();
  });

  it('heading-level sets the step heading and the error summary one below', async () => {
    const { element } = await signedInManager('returning');
    element.setAttribute('heading-level', '4');
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector("[part~='heading']")!.localName).to.equal('h4');
    element.setAttribute('heading-level', '7');
    await element.updateComplete;
    expect(textOf(element)).to.contain('„heading-level“ erlaubt nur: 2, 3, 4, 5, 6');
  });
});
