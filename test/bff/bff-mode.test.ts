import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/servicekonto-login/define.js';
import '../../src/kassenzeichen-manager/define.js';
import type { ServicekontoLogin } from '../../src/servicekonto-login/servicekonto-login.js';
import type { KassenzeichenManager } from '../../src/kassenzeichen-manager/kassenzeichen-manager.js';
import { ownSearch, resetAuthState, returnFromProvider } from '../support/fake-provider.js';
import { BFF_URL, useBrokenBff, useFakeBff } from '../support/fake-bff.js';
import { stepHeading } from '../support/manager.js';
import { worker } from '../support/mock-backend.js';
import { buttonNamed, settled, textOf } from '../support/queries.js';

async function login(bffUrl = '/bff', extra = '') {
  const element = await fixture<ServicekontoLogin>(
    extra
      ? html`<servicekonto-login bff-url=${bffUrl} authority=${extra} client-id="x"></servicekonto-login>`
      : html`<servicekonto-login bff-url=${bffUrl}></servicekonto-login>`,
  );
  await settled(element);
  return element;
}

function captureWarnings(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void messages.push(args.join(' '));
  return { messages, restore: () => (console.warn = original) };
}

describe('BFF mode (bff-url)', () => {
  beforeEach(() => resetAuthState());
  afterEach(() => resetAuthState());

  it('shows who is signed in from the BFF, loads no oidc code, and no token ever reaches the page', async () => {
    const bff = await useFakeBff();
    const modules = () => performance.getEntriesByType('resource').filter((entry) => /\/auth\/oidc\.(js|ts)/.test(entry.name)).length;
    const before = modules();
    const element = await login();
    expect(textOf(element)).to.contain('Erika Mustermann');
    expect(buttonNamed(element, 'Abmelden')).to.exist;
    expect(modules()).to.equal(before);
    expect(await element.session!.getAccessToken()).to.equal(null);
    expect(bff.requests.every((request) => request.antiForgery && !request.bearer)).to.equal(true);
    expect(Object.keys(sessionStorage).length + Object.keys(localStorage).length).to.equal(0);
    await expect(element).to.be.accessible();
  });

  it('signed out: „Zum Servicekonto.NRW“; back from a cancelled sign-in it says so and leaves the address clean', async () => {
    await useFakeBff({ signedIn: false });
    returnFromProvider('bff-signin=cancelled&keep=1');
    const element = await login();
    expect(buttonNamed(element, 'Zum Servicekonto.NRW')).to.exist;
    expect(textOf(element)).to.contain('Anmeldung abgebrochen.');
    expect(ownSearch()).to.equal('?keep=1');
  });

  it('a failed sign-in is a sentence for the citizen and a servicekonto-error for the page', async () => {
    await useFakeBff({ signedIn: false });
    returnFromProvider('bff-signin=failed');
    const element = document.createElement('servicekonto-login');
    element.setAttribute('bff-url', '/bff');
    const error = oneEvent(element, 'servicekonto-error');
    await fixture(html`<div></div>`).then((host) => host.append(element));
    expect((await error).detail.code).to.equal('sign-in-failed');
    await settled(element);
    expect(textOf(element)).to.contain('Die Anmeldung ist fehlgeschlagen');
  });

  it('a BFF that refuses this page tells the editor to add the origin to BFF_ALLOWED_ORIGINS', async () => {
    await useBrokenBff('refused');
    const element = await login();
    expect(textOf(element)).to.contain(`Bitte ${location.origin} in BFF_ALLOWED_ORIGINS des BFF eintragen`);
    expect(buttonNamed(element, 'Zum Servicekonto.NRW')).to.equal(undefined);
    await expect(element).to.be.accessible();
  });

  it('a bff-url that leads to no BFF is the editor’s message; a BFF that is down is the citizen’s, with „Erneut versuchen“', async () => {
    await useBrokenBff('not-a-bff');
    const wrong = await login();
    expect(textOf(wrong)).to.contain('Das Attribut „bff-url“ führt nicht zum Bürgerportal-BFF');
    resetAuthState();
    await useBrokenBff('down');
    const down = await login();
    expect(textOf(down)).not.to.contain('Redaktion');
    expect(buttonNamed(down, 'Erneut versuchen')).to.exist;
  });

  it('tells the editor (console) which browser-mode attributes it does not use', async () => {
    await useFakeBff();
    const warnings = captureWarnings();
    try {
      await login('/bff', 'https://id.stadt.example');
    } finally {
      warnings.restore();
    }
    expect(warnings.messages.join(' ')).to.contain('diese Attribute werden nicht verwendet: authority, client-id');
  });

  it('the manager calls <bff-url>/api with the anti-forgery header and without a token; a backend-url is not used and the editor is told', async () => {
    const bff = await useFakeBff({ scenario: 'first-visit' });
    const warnings = captureWarnings();
    let element: KassenzeichenManager;
    try {
      element = await fixture<KassenzeichenManager>(
        html`<kassenzeichen-manager bff-url=${BFF_URL} backend-url="https://api.example/elsewhere"></kassenzeichen-manager>`,
      );
      await element.whenSettled();
    } finally {
      warnings.restore();
    }
    expect(warnings.messages.join(' ')).to.contain('backend-url');
    expect(stepHeading(element)).to.equal('Einmalige Zustimmung zur Datenübertragung');
    buttonNamed(element, 'Zustimmen')!.click();
    await element.whenSettled();
    expect(stepHeading(element)).to.equal('Ihre Kassenzeichen');
    const apiCalls = bff.requests.filter((request) => request.path.startsWith('/api/'));
    expect(apiCalls.map((request) => request.path)).to.include.members(['/api/account', '/api/account/consent']);
    expect(apiCalls.every((request) => request.antiForgery && !request.bearer)).to.equal(true);
    expect(bff.backend.exchanges.length).to.be.greaterThan(0);
  });

  it('a session the BFF ended (401) signs the manager out with „abgelaufen“', async () => {
    const bff = await useFakeBff({ scenario: 'returning' });
    const element = await fixture<KassenzeichenManager>(html`<kassenzeichen-manager bff-url=${BFF_URL}></kassenzeichen-manager>`);
    await element.whenSettled();
    expect(stepHeading(element)).to.equal('Ihre Kassenzeichen');
    bff.signedIn = false;
    buttonNamed(element, 'Entfernen 1500.0000.0001')!.click();
    await element.whenSettled();
    buttonNamed(element, 'Entfernen')!.click();
    await element.whenSettled();
    expect(textOf(element)).to.contain('abgelaufen');
    expect(bff.backend.exchanges.some((exchange) => exchange.method === 'DELETE')).to.equal(false, 'nothing removed');
  });

  it('„abgelaufen“ stays when a later answer only repeats that nobody is signed in (the BFF says why once, then the cookie is gone)', async () => {
    const bff = await useFakeBff({ scenario: 'returning' });
    const element = await login(BFF_URL);
    expect(textOf(element)).to.contain('Erika Mustermann');
    bff.signedIn = false;
    worker.use(http.get(`${BFF_URL}/session`, () => HttpResponse.json({ signedIn: false, reason: 'expired' }), { once: true }));
    // Two other tabs ask the BFF again, one after the other: the first answer says why, the second only that nobody is signed in.
    for (let tab = 0; tab < 2; tab++) {
      const otherTab = new BroadcastChannel('buergerportal-widgets-auth');
      otherTab.postMessage({ type: 'changed', key: `bff ${BFF_URL}` });
      otherTab.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await settled(element);
      expect(textOf(element), `after answer ${tab + 1}`).to.contain('abgelaufen');
    }
  });

  it('a 401 while the BFF cannot be asked about the session is no „abgelaufen“: the citizen’s sentence, and „Erneut versuchen“ finds the session', async () => {
    await useFakeBff({ scenario: 'returning' });
    const element = await fixture<KassenzeichenManager>(html`<kassenzeichen-manager bff-url=${BFF_URL}></kassenzeichen-manager>`);
    await element.whenSettled();
    worker.use(
      http.delete(`${BFF_URL}/api/*`, () => HttpResponse.json({ title: 'Nicht angemeldet', status: 401 }, { status: 401 }), { once: true }),
      // Down for a moment: neither the session nor the health check answers.
      http.get(`${BFF_URL}/session`, () => HttpResponse.error(), { once: true }),
      http.get(`${BFF_URL}/health`, () => HttpResponse.error(), { once: true }),
    );
    buttonNamed(element, 'Entfernen 1500.0000.0001')!.click();
    await element.whenSettled();
    buttonNamed(element, 'Entfernen')!.click();
    await element.whenSettled();
    expect(textOf(element)).to.contain('Die Anmeldung ist gerade nicht erreichbar');
    expect(textOf(element)).not.to.contain('abgelaufen');
    buttonNamed(element, 'Erneut versuchen')!.click();
    await element.whenSettled();
    expect(stepHeading(element)).to.equal('Ihre Kassenzeichen');
  });
});
