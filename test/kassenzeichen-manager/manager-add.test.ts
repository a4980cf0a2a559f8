import { expect, oneEvent } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { KassenzeichenManager } from '../../src/kassenzeichen-manager/kassenzeichen-manager.js';
import { forgetAllSessions } from '../../src/auth/session-registry.js';
import { resetAuthState, returnFromProvider } from '../support/fake-provider.js';
import { focused, inputLabelled, nextStep, signedInManager, stepHeading, typeInto } from '../support/manager.js';
import { BACKEND_URL, worker } from '../support/mock-backend.js';
import { buttonNamed, liveRegionsAt, radioInvalidStates, textOf } from '../support/queries.js';

async function openForm(element: KassenzeichenManager): Promise<void> {
  buttonNamed(element, 'Kassenzeichen hinzufügen')!.click();
  await nextStep(element, 'Kassenzeichen hinzufügen');
  buttonNamed(element, 'Kassenzeichen hinzufügen')!.click();
  await nextStep(element, 'Kassenzeichen und Anschrift');
}

function fillForm(
  element: KassenzeichenManager,
  kassenzeichen = '1500 0000 0003',
  street = 'Hindenburgstraße',
  houseNumber = '100',
  postalCode = '41061',
): void {
  typeInto(element, 'Kassenzeichen', kassenzeichen);
  typeInto(element, 'Straße', street);
  typeInto(element, 'Hausnummer', houseNumber);
  typeInto(element, 'Postleitzahl', postalCode);
}

async function toRole(element: KassenzeichenManager): Promise<void> {
  buttonNamed(element, 'Weiter')!.click();
  await nextStep(element, 'Bitte prüfen Sie Ihre Angaben');
  buttonNamed(element, 'Bestätigen')!.click();
  await nextStep(element, 'Eigentümer oder Zustellvertreter?');
}

/** The page is loaded again (or the citizen comes back): a new element, a new session, the same storage. */
async function reopen(element: KassenzeichenManager, options: Parameters<typeof signedInManager>[1] = {}): Promise<KassenzeichenManager> {
  element.remove();
  forgetAllSessions();
  return (await signedInManager('returning', { keepStorage: true, ...options })).element;
}

/** The whole way to the letter request as the owner, with the form filled as {@link fillForm} does; „OK“ clicked. */
async function requestLetterFor(
  element: KassenzeichenManager,
  ...entries: [kassenzeichen?: string, street?: string, houseNumber?: string, postalCode?: string]
): Promise<void> {
  await openForm(element);
  fillForm(element, ...entries);
  await toRole(element);
  chooseRole(element, 'Eigentümer');
  buttonNamed(element, 'OK')!.click();
}

function chooseRole(element: KassenzeichenManager, label: 'Eigentümer' | 'Zustellvertreter'): void {
  inputLabelled(element, label).click();
}

describe('<kassenzeichen-manager> adding a Kassenzeichen', () => {
  afterEach(() => resetAuthState());

  it('offers the choice between a letter and entering a code', async () => {
    const { element } = await signedInManager('returning');
    buttonNamed(element, 'Kassenzeichen hinzufügen')!.click();
    await nextStep(element, 'Kassenzeichen hinzufügen');
    expect(focused(element)?.tagName).to.equal('H2');
    expect(buttonNamed(element, 'Bestätigungscode eingeben')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('shows every error at its field and in a focused summary whose links focus the fields; sends nothing', async () => {
    const { element, backend } = await signedInManager('returning');
    await openForm(element);
    const before = backend.exchanges.length;
    typeInto(element, 'Kassenzeichen', '15OO.0000.0001');
    buttonNamed(element, 'Weiter')!.click();
    await element.updateComplete;
    const summary = element.shadowRoot!.querySelector('.error-summary')!;
    expect(focused(element)).to.equal(summary);
    expect(summary.textContent).to.contain('Buchstaben „O“ statt der Ziffer 0');
    // The summary says that something is wrong and how much; the review step's heading has words of its own.
    expect(summary.querySelector('#error-summary-title')!.textContent).to.equal('4 Angaben fehlen oder sind nicht richtig');
    expect(summary.querySelector('#error-summary-title')!.localName).to.equal('h3');
    expect(summary.textContent).to.contain('Bitte geben Sie die Straße ein.');
    const street = inputLabelled(element, 'Straße');
    expect(street.getAttribute('aria-invalid')).to.equal('true');
    expect(element.shadowRoot!.getElementById(street.getAttribute('aria-describedby')!)!.textContent).to.contain('Straße');
    await expect(element).to.be.accessible();
    summary.querySelector<HTMLAnchorElement>('a[href="#street"]')!.click();
    expect(focused(element)).to.equal(street);
    expect(backend.exchanges.length).to.equal(before);
  });

  it('shows a pasted Kassenzeichen in the configured format when leaving the field', async () => {
    const { element } = await signedInManager('returning');
    await openForm(element);
    const field = inputLabelled(element, 'Kassenzeichen');
    typeInto(element, 'Kassenzeichen', ' 1500-0000 0003 ');
    field.dispatchEvent(new Event('change', { bubbles: true }));
    expect(field.value).to.equal('1500.0000.0003');
    typeInto(element, 'Kassenzeichen', '1500');
    field.dispatchEvent(new Event('change', { bubbles: true }));
    expect(field.value).to.equal('1500');
  });

  it('shows HTML in any field literally, never as markup', async () => {
    const { element } = await signedInManager('returning');
    await openForm(element);
    fillForm(element, '1500.0000.0003', '<img src=x onerror="window.__xss=1">', '<script>1</script>');
    buttonNamed(element, 'Weiter')!.click();
    await nextStep(element, 'Bitte prüfen Sie Ihre Angaben');
    expect(textOf(element)).to.contain('<img src=x onerror="window.__xss=1">');
    expect(element.shadowRoot!.querySelector('img, dl script')).to.equal(null);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('says how many digits a Kassenzeichen has', async () => {
    const { element } = await signedInManager('returning');
    await openForm(element);
    fillForm(element, '1500.0000.001');
    buttonNamed(element, 'Weiter')!.click();
    await element.updateComplete;
    expect(textOf(element)).to.contain('Das Kassenzeichen hat 12 Ziffern. Sie haben 11 eingegeben.');
  });

  it('shows the entries to check; „Ändern“ keeps every value', async () => {
    const { element } = await signedInManager('returning');
    await openForm(element);
    fillForm(element, '150000000003');
    buttonNamed(element, 'Weiter')!.click();
    await nextStep(element, 'Bitte prüfen Sie Ihre Angaben');
    expect(textOf(element)).to.contain('1500.0000.0003');
    await expect(element).to.be.accessible();
    buttonNamed(element, 'Ändern')!.click();
    await nextStep(element, 'Kassenzeichen und Anschrift');
    expect(inputLabelled(element, 'Kassenzeichen').value).to.equal('1500.0000.0003');
    expect(inputLabelled(element, 'Straße').value).to.equal('Hindenburgstraße');
    expect(inputLabelled(element, 'Postleitzahl').value).to.equal('41061');
  });

  it('asks for the role without a default, then posts exactly one letter', async () => {
    const { element, backend } = await signedInManager('returning');
    await openForm(element);
    fillForm(element);
    await toRole(element);
    expect(inputLabelled(element, 'Eigentümer').checked).to.equal(false);
    expect(inputLabelled(element, 'Zustellvertreter').checked).to.equal(false);
    buttonNamed(element, 'OK')!.click();
    await element.updateComplete;
    expect(textOf(element)).to.contain('Bitte wählen Sie aus, ob Sie Eigentümer oder Zustellvertreter sind.');
    expect(focused(element)?.classList.contains('error-summary')).to.equal(true);
    await expect(element).to.be.accessible();

    chooseRole(element, 'Zustellvertreter');
    const requested = oneEvent(element, 'kassenzeichen-requested');
    const ok = buttonNamed(element, 'OK')!;
    ok.click();
    ok.click();
    ok.click();
    expect((await requested).detail).to.deep.equal({ newCode: false });
    await nextStep(element, 'Ihr Bestätigungscode kommt per Post');
    const posts = backend.exchanges.filter((e) => e.method === 'POST');
    expect(posts).to.have.length(1);
    expect(posts[0].idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
    expect(backend.letters.map((l) => l.kassenzeichen)).to.deep.equal(['1500.0000.0003', '1500.0000.0002']);
    expect(focused(element)?.tagName).to.equal('H2');
    await expect(element).to.be.accessible();
    buttonNamed(element, 'Zur Übersicht')!.click();
    await nextStep(element, 'Ihre Kassenzeichen');
    expect(element.items.map((item) => item.kassenzeichen)).to.include('1500.0000.0003');
  });

  it('does not call the role radios invalid before a choice: aria-invalid is false until „OK“ without one, then true', async () => {
    const { element } = await signedInManager('returning');
    await openForm(element);
    fillForm(element);
    await toRole(element);
    expect(radioInvalidStates(element)).to.deep.equal(['false', 'false']);
    buttonNamed(element, 'OK')!.click();
    await element.updateComplete;
    expect(radioInvalidStates(element)).to.deep.equal(['true', 'true']);
    chooseRole(element, 'Eigentümer');
    await element.updateComplete;
    expect(inputLabelled(element, 'Eigentümer').checked).to.equal(true);
  });

  it("puts the server's field errors (422) at their fields, unknown ones in the summary, values kept", async () => {
    const { element } = await signedInManager('validation-errors');
    await requestLetterFor(element);
    await nextStep(element, 'Kassenzeichen und Anschrift');
    await element.updateComplete;
    expect(inputLabelled(element, 'Postleitzahl').getAttribute('aria-invalid')).to.equal('true');
    expect(inputLabelled(element, 'Hausnummer').getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(element)).to.contain('Angabe zum Objekt unklar.');
    expect(inputLabelled(element, 'Straße').value).to.equal('Hindenburgstraße');
    expect(focused(element)?.classList.contains('error-summary')).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it("a 422 with only title and detail: the widget's own sentence in the summary, the backend's words after it, focus on the summary", async () => {
    const { element } = await signedInManager('returning');
    worker.use(
      http.post(`${BACKEND_URL}/kassenzeichen`, () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Unprocessable', status: 422, detail: 'Objekt gesperrt' },
          { status: 422, headers: { 'Content-Type': 'application/problem+json', 'Content-Language': 'de' } },
        ),
      ),
    );
    await requestLetterFor(element);
    await nextStep(element, 'Kassenzeichen und Anschrift');
    await element.updateComplete;
    const summary = element.shadowRoot!.querySelector('.error-summary')!;
    expect(summary.textContent).to.contain('Eine Angabe wurde nicht angenommen. Bitte prüfen Sie Ihre Angaben.');
    expect(summary.querySelector('.addition')?.textContent).to.equal('Objekt gesperrt');
    expect(summary.querySelector('.addition')?.getAttribute('lang'), 'the backend’s words marked with the language it names').to.equal(
      'de',
    );
    expect(focused(element)).to.equal(summary);
    expect(inputLabelled(element, 'Straße').value).to.equal('Hindenburgstraße');
  });

  it('on an English page the backend’s own words at a field keep their language: tagged as the backend names it, not `en` (issue 19.8)', async () => {
    const { element } = await signedInManager('returning');
    worker.use(
      http.post(`${BACKEND_URL}/kassenzeichen`, () =>
        HttpResponse.json(
          {
            type: 'https://buergerportal.example/problems/validation',
            title: 'Die Angaben sind nicht gültig',
            status: 422,
            errors: [{ pointer: '/houseNumber', code: 'format', detail: 'Hausnummer im Grundbuch nicht gefunden' }],
          },
          { status: 422, headers: { 'Content-Type': 'application/problem+json', 'Content-Language': 'de' } },
        ),
      ),
    );
    await requestLetterFor(element);
    await nextStep(element, 'Kassenzeichen und Anschrift');
    element.lang = 'en';
    await element.whenSettled();
    const root = element.shadowRoot!;
    const atField = root.querySelector('#houseNumber-error')!;
    const inSummary = root.querySelector('.error-summary a[href="#houseNumber"]')!;
    for (const [where, node] of [
      ['at the field', atField],
      ['in the summary', inSummary],
    ] as const) {
      expect(node.closest('[lang]')!.getAttribute('lang'), `${where}: the widget's sentence`).to.equal('en');
      expect(node.textContent, where).to.contain('was not accepted');
      const words = [...node.querySelectorAll('[lang]')].find((tagged) => tagged.textContent!.includes('Hausnummer im Grundbuch'));
      expect(words?.getAttribute('lang'), `${where}: the backend's words`).to.equal('de');
    }
    expect(inputLabelled(element, 'House number').getAttribute('aria-invalid')).to.equal('true');
    await expect(element).to.be.accessible();
  });

  it('says "Kassenzeichen und Anschrift passen nicht zusammen" at the Kassenzeichen', async () => {
    const { element } = await signedInManager('returning');
    await requestLetterFor(element, '1500.0000.0003', 'Falsche Straße');
    await nextStep(element, 'Kassenzeichen und Anschrift');
    await element.updateComplete;
    expect(inputLabelled(element, 'Kassenzeichen').getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(element)).to.contain('Kassenzeichen und Anschrift passen nicht zusammen');
  });

  it('tells apart "already linked" and "already pending" (409)', async () => {
    const { element } = await signedInManager('returning');
    await requestLetterFor(element, '1500.0000.0001', 'Musterstraße', '12a');
    await element.whenSettled();
    expect(textOf(element).includes('bereits mit Ihrem Konto verbunden')).to.be.ok;
    expect(buttonNamed(element, 'Zur Übersicht')).to.exist;
    expect(buttonNamed(element, 'Erneut versuchen')).to.equal(undefined);
  });

  it('the error summary takes focus and is no live region (read once, by focus)', async () => {
    const { element } = await signedInManager('returning');
    await openForm(element);
    buttonNamed(element, 'Weiter')!.click();
    await element.updateComplete;
    const summary = element.shadowRoot!.querySelector('.error-summary')!;
    expect(focused(element)).to.equal(summary);
    expect(liveRegionsAt(summary)).to.deep.equal([]);
    expect(summary.getAttribute('aria-labelledby')).to.equal('error-summary-title');
  });

  it('a retry that ends in too many requests (429) puts focus on the message, not the heading', async () => {
    const { element, backend } = await signedInManager('returning');
    backend.scenario = 'server-down';
    await requestLetterFor(element);
    await element.whenSettled();
    const retry = buttonNamed(element, 'Erneut versuchen')!;
    expect(focused(element)).to.equal(element.shadowRoot!.querySelector('[part="error"]'));
    backend.scenario = 'rate-limited';
    retry.focus();
    retry.click();
    await element.whenSettled();
    expect(textOf(element)).to.contain('Zu viele Anfragen');
    const message = element.shadowRoot!.querySelector('[part="error"]');
    expect(focused(element) === message, `focus on the message, not on ${focused(element)?.localName}`).to.equal(true);
    expect(liveRegionsAt(message!)).to.deep.equal([]);
  });

  it('shows until when after too many requests (429)', async () => {
    const { element } = await signedInManager('rate-limited');
    await requestLetterFor(element);
    await element.whenSettled();
    expect(textOf(element).includes('Zu viele Anfragen')).to.be.ok;
    expect(textOf(element)).to.match(/ab \d\d:\d\d Uhr/);
  });

  it('keeps the entries after a network error and retries with the same Idempotency-Key: one letter', async () => {
    const { element, backend } = await signedInManager('returning');
    await openForm(element);
    fillForm(element);
    await toRole(element);
    chooseRole(element, 'Eigentümer');
    let failures = 1;
    worker.use(
      http.post(`${BACKEND_URL}/kassenzeichen`, ({ request }) => {
        backend.exchanges.push({
          method: 'POST',
          path: '/kassenzeichen',
          idempotencyKey: request.headers.get('Idempotency-Key'),
          response: { status: 0 },
        });
        if (failures-- > 0) return HttpResponse.error();
        return undefined;
      }),
    );
    const errorEvent = oneEvent(element, 'kassenzeichen-error');
    buttonNamed(element, 'OK')!.click();
    expect((await errorEvent).detail).to.deep.equal({ code: 'network' });
    await element.whenSettled();
    expect(textOf(element).includes('Der Dienst ist gerade nicht erreichbar. Ihre Eingaben bleiben erhalten.')).to.be.ok;
    expect(stepHeading(element)).to.equal('Eigentümer oder Zustellvertreter?');
    expect(inputLabelled(element, 'Eigentümer').checked).to.equal(true);
    buttonNamed(element, 'Erneut versuchen')!.click();
    await nextStep(element, 'Ihr Bestätigungscode kommt per Post');
    const keys = backend.exchanges.filter((e) => e.method === 'POST').map((e) => e.idempotencyKey);
    expect(new Set(keys).size).to.equal(1);
    expect(backend.letters.filter((l) => l.kassenzeichen === '1500.0000.0003')).to.have.length(1);
  });

  it('after a timeout whose letter did reach the backend, retry shows the letter on its way instead of sending another', async () => {
    const { element, backend } = await signedInManager('returning');
    await openForm(element);
    fillForm(element);
    await toRole(element);
    chooseRole(element, 'Eigentümer');
    // The backend takes the request, but the answer is lost on the way back.
    worker.use(
      http.post(`${BACKEND_URL}/kassenzeichen`, async ({ request }) => {
        backend.handle({ method: 'POST', path: '/kassenzeichen', header: (name) => request.headers.get(name), body: await request.json() });
        return HttpResponse.error();
      }),
    );
    buttonNamed(element, 'OK')!.click();
    await element.whenSettled();
    expect(textOf(element).includes('Der Dienst ist gerade nicht erreichbar')).to.be.ok;
    expect(backend.letters.filter((l) => l.kassenzeichen === '1500.0000.0003')).to.have.length(1);
    buttonNamed(element, 'Erneut versuchen')!.click();
    await nextStep(element, 'Ihr Bestätigungscode kommt per Post');
    expect(backend.letters.filter((l) => l.kassenzeichen === '1500.0000.0003')).to.have.length(1);
    expect(backend.exchanges.filter((e) => e.method === 'POST')).to.have.length(1);
  });

  it('keeps the draft across a reload of the page', async () => {
    const { element } = await signedInManager('returning');
    await openForm(element);
    typeInto(element, 'Kassenzeichen', '1500 0000 0003');
    typeInto(element, 'Straße', 'Hindenburgstraße');
    await element.updateComplete;
    const again = await reopen(element);
    await nextStep(again, 'Kassenzeichen und Anschrift');
    expect(inputLabelled(again, 'Kassenzeichen').value).to.equal('1500 0000 0003');
    expect(inputLabelled(again, 'Straße').value).to.equal('Hindenburgstraße');
  });

  it('says so when the browser cannot keep the entries (storage full), and again nothing once it can', async () => {
    const { element } = await signedInManager('returning');
    await openForm(element);
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('buergerportal-widgets.draft:')) throw new DOMException('full', 'QuotaExceededError');
      original.call(this, key, value);
    };
    try {
      typeInto(element, 'Straße', 'Hindenburgstraße');
      await element.updateComplete;
      expect(textOf(element)).to.contain('Ihr Browser kann Ihre Eingaben gerade nicht zwischenspeichern');
    } finally {
      Storage.prototype.setItem = original;
    }
    typeInto(element, 'Hausnummer', '100');
    await element.updateComplete;
    expect(textOf(element)).not.to.contain('nicht zwischenspeichern');
    await expect(element).to.be.accessible();
  });

  it('keeps the draft when a new sign-in is cancelled at the provider', async () => {
    const { element } = await signedInManager('returning');
    await openForm(element);
    typeInto(element, 'Straße', 'Hindenburgstraße');
    await element.updateComplete;
    sessionStorage.removeItem(Object.keys(sessionStorage).find((key) => key.startsWith('buergerportal-widgets.user:'))!);
    returnFromProvider('error=access_denied&state=gone');
    const cancelled = await reopen(element, { signedIn: false });
    await cancelled.whenSettled();
    expect(buttonNamed(cancelled, 'Zum Servicekonto.NRW')).to.be.ok;
    const back = await reopen(cancelled);
    await nextStep(back, 'Kassenzeichen und Anschrift');
    expect(inputLabelled(back, 'Straße').value).to.equal('Hindenburgstraße');
  });

  it('shows nothing of the previous person when someone else signs in on the same device', async () => {
    const { element } = await signedInManager('returning');
    await openForm(element);
    typeInto(element, 'Straße', 'Hindenburgstraße');
    await element.updateComplete;
    // The first person's session ended without signing out; the draft stayed. Someone else signs in.
    const other = await reopen(element, { subject: 'citizen-2' });
    expect(stepHeading(other)).to.equal('Ihre Kassenzeichen');
    expect(textOf(other)).not.to.contain('Hindenburgstraße');
    const drafts = Object.keys(sessionStorage).filter((key) => key.startsWith('buergerportal-widgets.draft:'));
    expect(drafts.map((key) => sessionStorage.getItem(key)).join()).not.to.contain('Hindenburgstraße');
    buttonNamed(other, 'Kassenzeichen hinzufügen')!.click();
    await nextStep(other, 'Kassenzeichen hinzufügen');
    buttonNamed(other, 'Kassenzeichen hinzufügen')!.click();
    await nextStep(other, 'Kassenzeichen und Anschrift');
    expect(inputLabelled(other, 'Straße').value).to.equal('');
  });

  it('after a 401 that cannot be renewed: signed-out view, draft kept, same step after signing in again', async () => {
    const { element, backend } = await signedInManager('returning');
    await openForm(element);
    fillForm(element);
    await toRole(element);
    chooseRole(element, 'Eigentümer');
    backend.rejectedTokens.add('access-1');
    buttonNamed(element, 'OK')!.click();
    await element.whenSettled();
    expect(textOf(element).includes('Ihre Anmeldung ist abgelaufen')).to.be.ok;
    expect(buttonNamed(element, 'Zum Servicekonto.NRW')).to.exist;
    expect(textOf(element)).not.to.contain('1500.0000.0001');
    const back = await reopen(element);
    await nextStep(back, 'Eigentümer oder Zustellvertreter?');
    expect(inputLabelled(back, 'Eigentümer').checked).to.equal(true);
  });
});
