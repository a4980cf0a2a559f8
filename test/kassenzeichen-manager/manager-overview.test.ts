import { expect } from '@open-wc/testing';
import { buttonNamed, textOf } from '../support/queries.js';
import { signedInManager, stepHeading } from '../support/manager.js';

describe('<kassenzeichen-manager> overview', () => {
  it('lists confirmed and pending Kassenzeichen with their actions', async () => {
    const { element } = await signedInManager('returning');
    expect(stepHeading(element)).to.equal('Ihre Kassenzeichen');
    expect(textOf(element)).to.contain('1500.0000.0001');
    expect(textOf(element)).to.contain('Bestätigungscode am');
    expect(buttonNamed(element, 'Bestätigungscode eingeben')).to.exist;
    expect(buttonNamed(element, 'Neuen Code anfordern')).to.exist;
    expect(buttonNamed(element, 'Zurückziehen')).to.exist;
    expect(buttonNamed(element, 'Entfernen')).to.exist;
    expect(buttonNamed(element, 'Kassenzeichen hinzufügen')).to.exist;
    await expect(element).to.be.accessible();
  });
});
