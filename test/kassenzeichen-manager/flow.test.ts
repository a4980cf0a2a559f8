import { expect } from '@open-wc/testing';
import type { Item } from '../../src/api/types.js';
import { codeTarget, initialFlow, transition, type FlowEvent, type FlowState } from '../../src/kassenzeichen-manager/flow.js';

const pending: Item = {
  id: 'kz-2',
  kassenzeichen: '1500.0000.0002',
  address: { street: 'Bismarckstraße', houseNumber: '5', postalCode: '41061', city: 'Mönchengladbach' },
  role: 'owner',
  status: 'pending',
};

function run(...events: FlowEvent[]): FlowState {
  return events.reduce(transition, initialFlow());
}

describe('flow', () => {
  it('asks for consent once, then shows the overview', () => {
    expect(run({ type: 'loaded', consentRequired: true, items: [] }).step).to.equal('consent');
    expect(run({ type: 'loaded', consentRequired: true, items: [] }, { type: 'consent-given' }).step).to.equal('loading');
    expect(run({ type: 'loaded', consentRequired: false, items: [] }).step).to.equal('overview');
  });

  it('walks the guide: add, add, form, check, role, letter', () => {
    const address = { kassenzeichen: '1500.0000.0001', street: 'Musterstraße', houseNumber: '12a', postalCode: '41061' };
    let state = run({ type: 'loaded', consentRequired: false, items: [] }, { type: 'add' }, { type: 'choose-letter' });
    expect(state.step).to.equal('form');
    state = transition(state, { type: 'address-checked', address });
    expect(state.step).to.equal('check');
    state = transition(state, { type: 'change' });
    expect(state).to.include({ step: 'form' });
    expect(state.address).to.deep.equal(address);
    state = [{ type: 'address-checked', address }, { type: 'entries-confirmed' }, { type: 'role-chosen', role: 'owner' }, { type: 'request-started', key: 'k-1' }].reduce(
      (s, e) => transition(s, e as FlowEvent),
      state,
    );
    expect(state).to.include({ step: 'role', role: 'owner', requestKey: 'k-1' });
    state = transition(state, { type: 'requested', item: pending });
    expect(state).to.include({ step: 'letter-sent', requestKey: undefined, role: undefined });
    expect(state.address.kassenzeichen).to.equal('');
  });

  it('resumes the step after signing in again, values kept', () => {
    let state = run({ type: 'loaded', consentRequired: false, items: [] }, { type: 'add' }, { type: 'choose-letter' });
    state = transition(state, { type: 'edit', address: { kassenzeichen: '1500', street: 'A', houseNumber: '1', postalCode: '' } });
    state = transition(state, { type: 'signed-out' });
    state = transition(state, { type: 'signed-in' });
    state = transition(state, { type: 'loaded', consentRequired: false, items: [] });
    expect(state.step).to.equal('form');
    expect(state.address.street).to.equal('A');
  });

  it('does not resume code entry when nothing is pending any more', () => {
    let state = run({ type: 'loaded', consentRequired: false, items: [pending] }, { type: 'enter-code', from: 'overview', itemId: 'kz-2' });
    state = transition(transition(state, { type: 'signed-out' }), { type: 'signed-in' });
    expect(transition(state, { type: 'loaded', consentRequired: false, items: [] }).step).to.equal('overview');
  });

  it('goes back where the citizen came from', () => {
    const fromOverview = run({ type: 'loaded', consentRequired: false, items: [pending] }, { type: 'enter-code', from: 'overview' });
    expect(transition(fromOverview, { type: 'back' }).step).to.equal('overview');
    const fromChoice = run({ type: 'loaded', consentRequired: false, items: [pending] }, { type: 'add' }, { type: 'enter-code', from: 'choice' });
    expect(transition(fromChoice, { type: 'back' }).step).to.equal('choice');
  });

  it('preselects the only pending Kassenzeichen for the code', () => {
    expect(codeTarget(initialFlow(), [pending])).to.equal(pending);
    expect(codeTarget(initialFlow(), [pending, { ...pending, id: 'kz-3' }])).to.equal(undefined);
  });
});
