import { expect } from '@open-wc/testing';
import { DraftStore } from '../../src/kassenzeichen-manager/draft-store.js';
import { installFakeClock } from '../support/fake-clock.js';
import { applyDraft, draftOf, isEmptyDraft } from '../../src/kassenzeichen-manager/flow/draft.js';
import { initialFlow, type FlowState } from '../../src/kassenzeichen-manager/flow/state.js';
import { whileStorageRefuses } from '../support/storage.js';

/* What survives a reload or a new sign-in, and where it is kept. */

const PREFIX = 'buergerportal-widgets.draft:';
const typed: FlowState = {
  ...initialFlow(),
  step: 'form',
  address: { kassenzeichen: '1500', street: 'Musterstraße', houseNumber: '', postalCode: '' },
  requestKey: 'key-1',
};

describe('draft (pure)', () => {
  it('keeps the entries and the step to come back to', () => {
    const draft = draftOf(typed);
    expect(draft).to.deep.include({ resume: 'form', requestKey: 'key-1' });
    expect(draft.address.street).to.equal('Musterstraße');
    expect(isEmptyDraft(draft)).to.equal(false);
  });

  it('is empty when nothing was typed and there is nowhere to return to', () => {
    expect(isEmptyDraft(draftOf({ ...initialFlow(), step: 'overview' }))).to.equal(true);
  });

  it('reads a stored draft defensively: unknown steps and roles are dropped, missing fields filled', () => {
    const restored = applyDraft(initialFlow(), { resume: 'done' as never, role: 'king' as never, address: { street: 'A' } as never });
    expect(restored.resume).to.equal(undefined);
    expect(restored.role).to.equal(undefined);
    expect(restored.address).to.deep.equal({ kassenzeichen: '', street: 'A', houseNumber: '', postalCode: '' });
  });
});

describe('DraftStore', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  it('keeps one draft per citizen in sessionStorage, under a key that does not show the subject', () => {
    const store = new DraftStore();
    store.save('citizen-1', draftOf(typed));
    store.save('citizen-2', draftOf({ ...typed, address: { ...typed.address, street: 'Bismarckstraße' } }));
    const keys = Object.keys(sessionStorage).filter((key) => key.startsWith(PREFIX));
    expect(keys).to.have.length(2);
    expect(keys.join()).not.to.contain('citizen');
    expect(store.load('citizen-1')?.address?.street).to.equal('Musterstraße');
    expect(localStorage.length, 'never in localStorage').to.equal(0);
  });

  it('forgets everyone else when someone signs in, and everyone on sign-out', () => {
    const store = new DraftStore();
    store.save('citizen-1', draftOf(typed));
    store.save('citizen-2', draftOf(typed));
    store.keepOnly('citizen-2');
    expect(store.load('citizen-1')).to.equal(undefined);
    expect(store.load('citizen-2')).to.exist;
    store.clear();
    expect(store.load('citizen-2')).to.equal(undefined);
  });

  it('forgets a draft older than a day, even in a tab that stayed open', () => {
    const store = new DraftStore();
    const clock = installFakeClock();
    try {
      store.save('citizen-1', draftOf(typed));
      clock.tick(23 * 3600 * 1000);
      expect(store.load('citizen-1')?.address?.street, 'a day not yet over').to.equal('Musterstraße');
      clock.tick(3600 * 1000 + 1);
      expect(store.load('citizen-1')).to.equal(undefined);
      expect(
        Object.keys(sessionStorage).filter((key) => key.startsWith(PREFIX)),
        'and removed',
      ).to.deep.equal([]);
    } finally {
      clock.uninstall();
    }
  });

  it('survives a full storage and an unreadable entry', async () => {
    const store = new DraftStore();
    await whileStorageRefuses('QuotaExceededError', () => expect(() => store.save('citizen-1', draftOf(typed))).not.to.throw());
    store.save('citizen-1', draftOf(typed));
    const key = Object.keys(sessionStorage).find((candidate) => candidate.startsWith(PREFIX))!;
    sessionStorage.setItem(key, '{not json');
    expect(store.load('citizen-1')).to.equal(undefined);
  });
});
