import { installFakeClock } from '../support/fake-clock.js';
import { expect, oneEvent } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { BACKEND_URL, worker } from '../support/mock-backend.js';
import type { KassenzeichenManager } from '../../src/kassenzeichen-manager/kassenzeichen-manager.js';
import { RETURNING_PENDING_CODE } from '../../mock/backend.js';
import { resetAuthState } from '../support/fake-provider.js';
import { focused, inputLabelled, nextStep, signedInManager, typeInto } from '../support/manager.js';
import { buttonNamed, linkNamed, radioInvalidStates, textOf, unavailable } from '../support/queries.js';

async function openCode(element: KassenzeichenManager): Promise<void> {
  buttonNamed(element, 'Kassenzeichen hinzufügen')!.click();
  await nextStep(element, 'Kassenzeichen hinzufügen');
  buttonNamed(element, 'Bestätigungscode eingeben')!.click();
  await nextStep(element, 'Bestätigungscode eingeben');
}

function submitCode(element: KassenzeichenManager, code: string): void {
  typeInto(element, 'Bestätigungscode', code);
  buttonNamed(element, 'OK')!.click();
}

describe('<kassenzeichen-manager> confirming with the code', () => {
  afterEach(() => resetAuthState());

  it('preselects the only pending Kassenzeichen; a wrong code says how many tries are left and stays', async () => {
    const { element } = await signedInManager('returning');
    await openCode(element);
    expect(textOf(element)).to.contain('1500.0000.0002');
    expect(inputLabelled(element, 'Bestätigungscode').getAttribute('autocomplete')).to.equal('one-time-code');
    await expect(element).to.be.accessible();
    submitCode(element, 'WRONG-CODE');
    await element.whenSettled();
    expect(textOf(element).includes('Sie haben noch 4 Versuche')).to.be.ok;
    expect(inputLabelled(element, 'Bestätigungscode').value).to.equal('WRONG-CODE');
    expect(inputLabelled(element, 'Bestätigungscode').getAttribute('aria-invalid')).to.equal('true');
    expect(focused(element)?.classList.contains('error-summary')).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('links with the code typed in lower case with spaces, lists the auto-linked ones, „Beenden“ returns', async () => {
    const { element } = await signedInManager('returning');
    await openCode(element);
    const confirmed = oneEvent(element, 'kassenzeichen-confirmed');
    const changed = oneEvent(element, 'kassenzeichen-changed');
    submitCode(element, ` ${RETURNING_PENDING_CODE.toLowerCase().replace('-', ' ')} `);
    expect((await confirmed).detail).to.deep.equal({ autoLinked: 1 });
    await nextStep(element, 'Ihr Kassenzeichen ist nun hinzugefügt.');
    expect(textOf(element)).to.contain('1500.0000.0003');
    expect(linkNamed(element, '02161 49 10 10')!.getAttribute('href')).to.equal('tel:+492161491010');
    expect(focused(element)?.tagName).to.equal('H2');
    await expect(element).to.be.accessible();
    expect((await changed).detail).to.deep.equal({ confirmed: 3, pending: 0 });
    buttonNamed(element, 'Beenden')!.click();
    await nextStep(element, 'Ihre Kassenzeichen');
    expect(element.items.every((item) => item.status === 'confirmed')).to.equal(true);
  });

  it('a confirmation whose answer was lost: „Erneut versuchen“ sends the same Idempotency-Key and shows success, not „keine offene Anfrage“', async () => {
    const { element, backend } = await signedInManager('returning');
    await openCode(element);
    // The backend confirms, but the answer is lost on the way back (a proxy that dropped it).
    let lose = true;
    worker.use(
      http.post(`${BACKEND_URL}/kassenzeichen/:id/confirmation`, async ({ request, params }) => {
        if (!lose) return undefined;
        lose = false;
        const path = `/kassenzeichen/${String(params.id)}/confirmation`;
        backend.handle({ method: 'POST', path, header: (name) => request.headers.get(name), body: await request.json() });
        return HttpResponse.error();
      }),
    );
    submitCode(element, RETURNING_PENDING_CODE);
    await element.whenSettled();
    expect(textOf(element).includes('Der Dienst ist gerade nicht erreichbar.')).to.be.ok;
    buttonNamed(element, 'Erneut versuchen')!.click();
    await nextStep(element, 'Ihr Kassenzeichen ist nun hinzugefügt.');
    const confirmations = backend.exchanges.filter((exchange) => exchange.path.endsWith('/confirmation'));
    expect(confirmations.map((exchange) => exchange.response.status)).to.deep.equal([200, 200]);
    expect(new Set(confirmations.map((exchange) => exchange.idempotencyKey)).size).to.equal(1);
    expect(confirmations[0].idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
  });

  it('uses the configured support-phone', async () => {
    const { element } = await signedInManager('returning');
    element.setAttribute('support-phone', '0800 123 45 67');
    await element.updateComplete;
    await openCode(element);
    submitCode(element, RETURNING_PENDING_CODE);
    await nextStep(element, 'Ihr Kassenzeichen ist nun hinzugefügt.');
    expect(linkNamed(element, '0800 123 45 67')!.getAttribute('href')).to.equal('tel:+498001234567');
  });

  it('explains an expired code (410) and offers a new letter, with a confirmation first', async () => {
    const { element, backend } = await signedInManager('code-expired');
    await openCode(element);
    submitCode(element, RETURNING_PENDING_CODE);
    await element.whenSettled();
    expect(textOf(element).includes('Bestätigungscode ist abgelaufen')).to.be.ok;
    buttonNamed(element, 'Neuen Code anfordern')!.click();
    await nextStep(element, 'Neuen Bestätigungscode anfordern?');
    await expect(element).to.be.accessible();
    buttonNamed(element, 'Neuen Code anfordern')!.click();
    await nextStep(element, 'Ihr Bestätigungscode kommt per Post');
    expect(backend.letters).to.have.length(2);
  });

  it('locks the code input until the time the backend names (429), offering a new code', async () => {
    const { element } = await signedInManager('returning');
    await openCode(element);
    for (let remaining = 4; remaining >= 1; remaining--) {
      submitCode(element, 'WRONG');
      await element.whenSettled();
      expect(textOf(element).includes(`noch ${remaining} ${remaining === 1 ? 'Versuch' : 'Versuche'}`)).to.be.ok;
    }
    submitCode(element, 'WRONG');
    await element.whenSettled();
    expect(textOf(element).includes('Zu viele Fehlversuche')).to.be.ok;
    expect(textOf(element)).to.match(/ab \d\d:\d\d Uhr/);
    expect(inputLabelled(element, 'Bestätigungscode').disabled).to.equal(true);
    expect(unavailable(buttonNamed(element, 'OK')!)).to.equal(true);
    expect(buttonNamed(element, 'Neuen Code anfordern')).to.exist;
  });

  it('opens code entry again by itself when the lock ends', async () => {
    const { element } = await signedInManager('returning');
    await openCode(element);
    worker.use(
      http.post(`${BACKEND_URL}/kassenzeichen/:id/confirmation`, () =>
        HttpResponse.json({ type: 'x', title: 'Zu viele Versuche', status: 429 }, { status: 429, headers: { 'Retry-After': '1' } }),
      ),
    );
    // The clock moves only when the test says so: no real second passes.
    const clock = installFakeClock();
    try {
      submitCode(element, 'WRONG');
      await element.whenSettled();
      expect(inputLabelled(element, 'Bestätigungscode').disabled, 'locked').to.equal(true);
      clock.tick(999);
      await element.whenSettled();
      expect(inputLabelled(element, 'Bestätigungscode').disabled, 'still locked a moment before').to.equal(true);
      clock.tick(1);
      await element.whenSettled();
      expect(inputLabelled(element, 'Bestätigungscode').disabled, 'open again').to.equal(false);
      expect(unavailable(buttonNamed(element, 'OK')!)).to.equal(false);
    } finally {
      clock.uninstall();
    }
  });

  it('asks which Kassenzeichen when several are pending', async () => {
    const { element, backend } = await signedInManager('returning');
    backend.handle({
      method: 'POST',
      path: '/kassenzeichen',
      header: (n) => (n === 'Authorization' ? 'Bearer x' : null),
      body: { kassenzeichen: '1500.0000.0003', street: 'Hindenburgstraße', houseNumber: '100', postalCode: '41061', role: 'owner' },
    });
    element.reload();
    await element.whenSettled();
    expect(textOf(element).includes('1500.0000.0003')).to.be.ok;
    await openCode(element);
    expect(radioInvalidStates(element), 'not „ungültig“ before any choice').to.deep.equal(['false', 'false']);
    submitCode(element, 'X');
    await element.updateComplete;
    expect(textOf(element)).to.contain('Bitte wählen Sie das Kassenzeichen aus');
    expect(radioInvalidStates(element)).to.deep.equal(['true', 'true']);
    inputLabelled(element, '1500.0000.0003 (Hindenburgstraße 100, 41061 Mönchengladbach)').click();
    submitCode(element, backend.letters[0].code);
    await nextStep(element, 'Ihr Kassenzeichen ist nun hinzugefügt.');
  });
});

describe('<kassenzeichen-manager> new code and removal from the overview', () => {
  afterEach(() => resetAuthState());

  it('asks before sending a new letter', async () => {
    const { element, backend } = await signedInManager('returning');
    buttonNamed(element, 'Neuen Code anfordern 1500.0000.0002')!.click();
    await nextStep(element, 'Neuen Bestätigungscode anfordern?');
    buttonNamed(element, 'Abbrechen')!.click();
    await nextStep(element, 'Ihre Kassenzeichen');
    expect(backend.letters).to.have.length(1);
  });

  it('removes a confirmed Kassenzeichen after a confirmation', async () => {
    const { element } = await signedInManager('returning');
    buttonNamed(element, 'Entfernen 1500.0000.0001')!.click();
    await nextStep(element, 'Kassenzeichen entfernen?');
    await expect(element).to.be.accessible();
    buttonNamed(element, 'Entfernen')!.click();
    await nextStep(element, 'Ihre Kassenzeichen');
    await element.whenSettled();
    expect(!textOf(element).includes('1500.0000.0001')).to.be.ok;
    expect(element.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Erledigt');
    expect(element.items.map((item) => item.kassenzeichen)).to.deep.equal(['1500.0000.0002']);
  });

  it('withdraws a pending request', async () => {
    const { element } = await signedInManager('returning');
    buttonNamed(element, 'Zurückziehen 1500.0000.0002')!.click();
    await nextStep(element, 'Anfrage zurückziehen?');
    buttonNamed(element, 'Zurückziehen')!.click();
    await nextStep(element, 'Ihre Kassenzeichen');
    await element.whenSettled();
    expect(element.items.length === 1).to.be.ok;
  });

  it('waits while offline, saying why, and goes on when the connection is back', async () => {
    const { element } = await signedInManager('returning');
    buttonNamed(element, 'Neuen Code anfordern 1500.0000.0002')!.click();
    await nextStep(element, 'Neuen Bestätigungscode anfordern?');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      window.dispatchEvent(new Event('offline'));
      await element.updateComplete;
      expect(textOf(element)).to.contain('Sie sind offline');
      const status = element.shadowRoot!.querySelector('[role="status"]')!;
      expect(status.textContent!.trim(), 'announced once by the live region').to.equal(
        'Sie sind offline. Sobald die Verbindung wieder da ist, können Sie weitermachen.',
      );
      const button = buttonNamed(element, 'Neuen Code anfordern')!;
      expect(unavailable(button)).to.equal(true);
      expect(button.getAttribute('aria-describedby')).to.equal('offline');
      await expect(element).to.be.accessible();
    } finally {
      delete (navigator as unknown as Record<string, unknown>).onLine;
    }
    window.dispatchEvent(new Event('online'));
    await element.updateComplete;
    expect(textOf(element)).not.to.contain('Sie sind offline');
    expect(unavailable(buttonNamed(element, 'Neuen Code anfordern')!)).to.equal(false);
  });

  it('shows a busy line with a cancel while the backend is slow; cancel keeps the step usable', async () => {
    const { element, backend } = await signedInManager('returning');
    backend.responseDelayMs = 2000;
    buttonNamed(element, 'Neuen Code anfordern 1500.0000.0002')!.click();
    await nextStep(element, 'Neuen Bestätigungscode anfordern?');
    buttonNamed(element, 'Neuen Code anfordern')!.click();
    await element.updateComplete;
    expect(textOf(element)).to.contain('Bitte warten');
    expect(unavailable(buttonNamed(element, 'Neuen Code anfordern')!)).to.equal(true);
    buttonNamed(element, 'Anfrage abbrechen')!.click();
    await element.whenSettled();
    expect(!unavailable(buttonNamed(element, 'Neuen Code anfordern')!)).to.be.ok;
    expect(textOf(element)).not.to.contain('Bitte warten');
  });
});
