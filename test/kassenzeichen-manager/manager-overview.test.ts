import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { BACKEND_URL, worker } from '../support/mock-backend.js';
import { buttonNamed, linkNamed, textOf } from '../support/queries.js';
import { focused, signedInManager, stepHeading, typeInto } from '../support/manager.js';

describe('<kassenzeichen-manager> overview', () => {
  it('lists confirmed and pending Kassenzeichen with their actions', async () => {
    const { element } = await signedInManager('returning');
    expect(stepHeading(element)).to.equal('Ihre Kassenzeichen');
    expect(textOf(element)).to.contain('1500.0000.0001');
    expect(textOf(element)).to.contain('Bestätigungscode am');
    // Repeated buttons name their Kassenzeichen, the visible word first.
    expect(buttonNamed(element, 'Bestätigungscode eingeben 1500.0000.0002')).to.exist;
    expect(buttonNamed(element, 'Neuen Code anfordern 1500.0000.0002')).to.exist;
    expect(buttonNamed(element, 'Zurückziehen 1500.0000.0002')).to.exist;
    expect(buttonNamed(element, 'Entfernen 1500.0000.0001')!.textContent!.trim()).to.equal('Entfernen');
    expect(buttonNamed(element, 'Kassenzeichen hinzufügen')).to.exist;
    await expect(element).to.be.accessible();
  });
});

describe('<kassenzeichen-manager> with a backend that leaves out optional fields', () => {
  it('lists a pending Kassenzeichen without requestedAt in a whole sentence', async () => {
    const { element } = await signedInManager('returning');
    const item = {
      id: 'x-1',
      kassenzeichen: '1500.0000.0007',
      address: { street: 'Weg', houseNumber: '1', postalCode: '41061', city: 'Mönchengladbach' },
      role: 'delivery_agent',
      status: 'pending',
    };
    worker.use(http.get(`${BACKEND_URL}/kassenzeichen`, () => HttpResponse.json({ items: [item] })));
    element.reload();
    await element.whenSettled();
    expect(textOf(element).includes('1500.0000.0007')).to.be.ok;
    expect(textOf(element)).to.contain('Zustellvertreter · Bestätigungscode per Post angefordert');
  });
});

describe('<kassenzeichen-manager> theming', () => {
  it("keeps AA contrast with the demo's second theme (custom properties only)", async () => {
    const { element } = await signedInManager('returning');
    const theme = {
      '--bp-color-primary': '#00612e',
      '--bp-color-link': '#00612e',
      '--bp-color-focus': '#b34700',
      '--bp-color-notice-bg': '#e8f3ea',
      '--bp-color-border': '#3d5a45',
      '--bp-radius': '0',
      '--bp-font-size': '17px',
    };
    for (const [name, value] of Object.entries(theme)) element.style.setProperty(name, value);
    const button = buttonNamed(element, 'Kassenzeichen hinzufügen')!;
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(0, 97, 46)');
    expect(getComputedStyle(element).fontSize).to.equal('17px');
    await expect(element).to.be.accessible();
  });
});

describe('<kassenzeichen-manager> language of parts', () => {
  it('marks its German texts as German on an English page without the English catalog', async () => {
    const { element } = await signedInManager('returning');
    element.setAttribute('lang', 'en');
    element.requestUpdate();
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('div[lang]')!.getAttribute('lang')).to.equal('de');
    expect(buttonNamed(element, 'Kassenzeichen hinzufügen')).to.exist;
  });
});

describe('<kassenzeichen-manager> services and languages', () => {
  function addServices(element: Element): HTMLAnchorElement {
    const list = document.createElement('ul');
    list.slot = 'services';
    list.innerHTML = '<li><a href="/sepa">SEPA-Lastschriftmandat erteilen</a></li><li><a href="javascript:alert(1)">Böse</a></li>';
    element.append(list);
    return list.querySelector('a')!;
  }

  it("shows the city's services once a Kassenzeichen is confirmed, with :state(confirmed); before, the guide's sentence", async () => {
    const { element } = await signedInManager('returning');
    expect(textOf(element), 'no section without links from the page').not.to.contain('Übersicht der Services');
    const pageLink = addServices(element);
    await element.whenSettled();
    expect(textOf(element)).to.contain('Übersicht der Services');
    expect(element.matches(':state(confirmed)')).to.equal(true);
    const shown = linkNamed(element, 'SEPA-Lastschriftmandat erteilen');
    expect(shown?.href, 'drawn by the element, in its own colours').to.equal(new URL('/sepa', location.href).href);
    expect(linkNamed(element, 'Böse'), 'no javascript: address').to.equal(undefined);
    expect(pageLink.checkVisibility(), "the page's own list stays unrendered").to.equal(false);
    await expect(element).to.be.accessible();

    buttonNamed(element, 'Entfernen 1500.0000.0001')!.click();
    await element.whenSettled();
    buttonNamed(element, 'Entfernen')!.click();
    await element.whenSettled();
    expect(textOf(element)).to.contain('müssen Sie Ihr Kassenzeichen hinterlegen');
    expect(element.matches(':state(confirmed)')).to.equal(false);
    expect(linkNamed(element, 'SEPA-Lastschriftmandat erteilen'), 'the links cannot be reached').to.equal(undefined);
  });

  it("switches every text on screen when the language changes, messages included; a city's own word replaces one text", async () => {
    const { element } = await signedInManager('server-down');
    expect(textOf(element)).to.contain('Beim Bürgerportal ist ein Fehler aufgetreten');
    element.lang = 'en';
    await element.whenSettled();
    expect(textOf(element)).to.contain('An error occurred at the Bürgerportal');
    expect(element.shadowRoot!.querySelector('[lang]')!.getAttribute('lang')).to.equal('en');
    element.lang = 'de-x-ls';
    await element.whenSettled();
    expect(textOf(element)).to.contain('Beim Bürgerportal gibt es einen Fehler.');
    element.lang = 'de';
    (customElements.get('kassenzeichen-manager') as unknown as { setTexts(lang: string, texts: object): void }).setTexts('de', {
      manager: { title: 'Ihre Debitornummern' },
    });
    await element.whenSettled();
    expect(stepHeading(element)).to.equal('Ihre Debitornummern');
    (customElements.get('kassenzeichen-manager') as unknown as { setTexts(lang: string, texts: object): void }).setTexts('de', {
      manager: { title: 'Ihre Kassenzeichen' },
    });
  });
});

describe('<kassenzeichen-manager> a property manager with a thousand objects', () => {
  const tabStops = (element: Element) =>
    [...element.shadowRoot!.querySelectorAll<HTMLElement>('button, input, a[href]')].filter(
      (node) => node.tabIndex >= 0 && node.checkVisibility(),
    ).length;

  it('shows the first 12 with a search and „Weitere anzeigen“; at most 50 tab stops', async () => {
    const { element } = await signedInManager('property-manager');
    expect(element.items).to.have.length(1000);
    expect(element.shadowRoot!.querySelectorAll('.items > li')).to.have.length(12);
    expect(textOf(element)).to.contain('12 von 1.000 Kassenzeichen werden angezeigt.');
    expect(tabStops(element)).to.be.at.most(50);
    await expect(element).to.be.accessible();

    buttonNamed(element, 'Weitere anzeigen')!.click();
    await element.whenSettled();
    expect(element.shadowRoot!.querySelectorAll('.items > li')).to.have.length(24);
    expect(focused(element)?.textContent, 'focus on the first one added').to.equal('1600.0000.0013');
  });

  it('finds a Kassenzeichen by its digits or an object by its address', async () => {
    const { element } = await signedInManager('property-manager');
    typeInto(element, 'Kassenzeichen oder Anschrift suchen', '1600 0000 0500');
    await element.whenSettled();
    expect([...element.shadowRoot!.querySelectorAll('.items .item-title')].map((node) => node.textContent)).to.deep.equal([
      '1600.0000.0500',
    ]);
    typeInto(element, 'Kassenzeichen oder Anschrift suchen', 'lindenallee 3');
    await element.whenSettled();
    expect([...element.shadowRoot!.querySelectorAll('.items .item-title')].map((node) => node.textContent)).to.deep.equal([
      '1600.0000.0020',
    ]);
    typeInto(element, 'Kassenzeichen oder Anschrift suchen', 'Mondstraße');
    await element.whenSettled();
    expect(textOf(element)).to.contain('Kein Kassenzeichen passt zu Ihrer Suche.');
  });

  it('comes back from a removal to the same bounded page, not a thousand items', async () => {
    const { element } = await signedInManager('property-manager');
    buttonNamed(element, 'Entfernen 1600.0000.0001')!.click();
    await element.whenSettled();
    buttonNamed(element, 'Entfernen')!.click();
    await element.whenSettled();
    expect(element.items).to.have.length(999);
    expect(element.shadowRoot!.querySelectorAll('.items > li')).to.have.length(12);
    expect(element.shadowRoot!.querySelector('.items .item-title')!.textContent).to.equal('1600.0000.0002');
  });
});
