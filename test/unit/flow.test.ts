import { describe, it } from 'node:test';
import { expect } from '@esm-bundle/chai';
import { ApiError } from '../../src/api/errors.js';
import type { ConfirmationResult, Item } from '../../src/api/types.js';
import type { FlowEnvironment, FlowEvent } from '../../src/kassenzeichen-manager/flow/events.js';
import { requestOf, type Answer, type PendingRequest } from '../../src/kassenzeichen-manager/flow/requests.js';
import { codeTarget, initialFlow, type FlowState } from '../../src/kassenzeichen-manager/flow/state.js';
import { transition } from '../../src/kassenzeichen-manager/flow/transition.js';
import { applyDraft, draftOf } from '../../src/kassenzeichen-manager/flow/draft.js';

/* The state machine alone: events in, state out. A fixed clock and counted keys make every run the same. */

const pending: Item = {
  id: 'kz-2',
  kassenzeichen: '1500.0000.0002',
  address: { street: 'Bismarckstraße', houseNumber: '5', postalCode: '41061', city: 'Mönchengladbach' },
  role: 'owner',
  status: 'pending',
};
const confirmed: Item = { ...pending, id: 'kz-1', kassenzeichen: '1500.0000.0001', status: 'confirmed' };
const address = { kassenzeichen: '1500 0000 0003', street: 'Hindenburgstraße', houseNumber: '100', postalCode: '41061' };
const FORMAT = '####.####.####';
const NOW = Date.UTC(2026, 10, 30, 12, 0);

function environment(): FlowEnvironment {
  let keys = 0;
  return { now: NOW, newKey: () => `key-${++keys}` };
}

function run(events: FlowEvent[], state = initialFlow(), env = environment()): FlowState {
  return events.reduce((current, event) => transition(current, event, env), state);
}

/** The answer to the request the state waits for. */
function answer(state: FlowState, value: unknown): FlowEvent {
  const request = state.pending!;
  return { type: 'answered', answer: { name: request.name, value, request } as Answer };
}

function fail(state: FlowState, error: ApiError): FlowEvent {
  return { type: 'failed', request: state.pending!, error };
}

/** A wrong code for the pending Kassenzeichen, answered with a 15-minute lock (429). */
function lockedAfterWrongCode(): FlowState {
  const waiting = run(
    [
      { type: 'enter-code', from: 'overview', itemId: 'kz-2' },
      { type: 'code-submitted', code: 'WRONG', itemId: 'kz-2' },
    ],
    overview([pending]),
  );
  return transition(waiting, fail(waiting, new ApiError('rate-limited', { status: 429, retryAfterSeconds: 900 })), environment());
}

/** Signed in, loaded with `items`, consent given. */
function overview(items: Item[] = []): FlowState {
  const loading = run([{ type: 'signed-in', sameCitizen: true }]);
  return transition(loading, answer(loading, { consentRequired: false, items }), environment());
}

describe('flow: the way through the guide', () => {
  it('asks for the overview when signed in; consent first when it is missing', () => {
    const loading = run([{ type: 'signed-in', sameCitizen: true }]);
    expect(loading.step).to.equal('loading');
    expect(loading.pending).to.deep.equal(requestOf('loadOverview'));
    const consent = transition(loading, answer(loading, { consentRequired: true, items: [] }), environment());
    expect(consent.step).to.equal('consent');
    const agreeing = transition(consent, { type: 'agree' }, environment());
    expect(agreeing.pending?.name).to.equal('giveConsent');
    expect(agreeing.notice).to.equal('busy');
    const reloading = transition(agreeing, answer(agreeing, undefined), environment());
    expect(reloading).to.include({ step: 'loading', focus: 'heading' });
    expect(reloading.pending?.name).to.equal('loadOverview');
    const shown = transition(reloading, answer(reloading, { consentRequired: false, items: [] }), environment());
    expect(shown).to.include({ step: 'overview', focus: 'heading' }, 'focus follows across the loading step');
    expect(shown.outbox).to.deep.equal([{ type: 'changed', confirmed: 0, pending: 0 }]);
  });

  it('walks add, form, check, role and posts one letter with one key', () => {
    let state = run([{ type: 'add' }, { type: 'choose-letter' }], overview());
    expect(state.step).to.equal('form');
    state = run([{ type: 'address-submitted', address, format: FORMAT }], state);
    expect(state.step).to.equal('check');
    expect(state.address.kassenzeichen).to.equal('1500.0000.0003');
    state = run([{ type: 'change' }], state);
    expect(state.step).to.equal('form');
    state = run([{ type: 'address-submitted', address, format: FORMAT }, { type: 'entries-confirmed' }], state);
    expect(state.step).to.equal('role');
    const env = environment();
    state = run(
      [
        { type: 'role-submitted', role: 'owner' },
        { type: 'role-submitted', role: 'owner' },
      ],
      state,
      env,
    );
    expect(state.pending).to.deep.equal(
      requestOf('requestKassenzeichen', { ...address, kassenzeichen: '1500.0000.0003', role: 'owner' }, 'key-1'),
    );
    expect(state.requestKey).to.equal('key-1', 'a second submit while busy changes nothing');
    state = transition(state, answer(state, pending), env);
    expect(state).to.include({ step: 'letter-sent', requestKey: undefined, role: undefined, refreshes: 1 });
    expect(state.address.kassenzeichen).to.equal('');
    expect(state.outbox).to.deep.equal([{ type: 'requested', newCode: false }]);
  });

  it('keeps the entries at their fields when they are wrong, and sends nothing', () => {
    const state = run(
      [{ type: 'add' }, { type: 'choose-letter' }, { type: 'address-submitted', address: { ...address, street: '' }, format: FORMAT }],
      overview(),
    );
    expect(state.step).to.equal('form');
    expect(state.problems.address).to.deep.equal({ street: { kind: 'required' } });
    expect(state.focus).to.equal('summary');
    expect(state.pending).to.equal(undefined);
  });

  it('asks for a role without a default', () => {
    const state = run([{ type: 'role-submitted' }], { ...overview(), step: 'role' });
    expect(state.problems.role).to.deep.equal({ kind: 'required' });
    expect(state.pending).to.equal(undefined);
  });

  it('confirms with the normalised code; the further Kassenzeichen are told', () => {
    let state = run(
      [
        { type: 'enter-code', from: 'overview', itemId: 'kz-2' },
        { type: 'code-submitted', code: ' k7m4-p2qx ', itemId: 'kz-2' },
      ],
      overview([pending]),
    );
    expect(state.pending).to.deep.equal(requestOf('confirm', 'kz-2', 'K7M4P2QX', 'key-1'));
    const result: ConfirmationResult = { confirmed: { ...pending, status: 'confirmed' }, autoLinked: [confirmed] };
    state = transition(state, answer(state, result), environment());
    expect(state).to.include({ step: 'done', code: '', confirmKey: undefined });
    expect(state.outbox).to.deep.equal([{ type: 'confirmed', autoLinked: 1 }]);
  });

  it('keeps the confirmation’s Idempotency-Key while its answer is unknown; a new code or an answer gets a new one', () => {
    const noNewKey: FlowEnvironment = { now: NOW, newKey: () => 'key-unexpected' };
    const confirmKeyOf = (state: FlowState) => (state.pending?.name === 'confirm' ? state.pending.args[2] : undefined);
    const waiting = run(
      [
        { type: 'enter-code', from: 'overview', itemId: 'kz-2' },
        { type: 'code-submitted', code: 'k7m4-p2qx', itemId: 'kz-2' },
      ],
      overview([pending]),
    );
    expect(confirmKeyOf(waiting)).to.equal('key-1');
    // The answer was lost (it may have been confirmed): „Erneut versuchen“ and the same code typed again carry the same key.
    const lost = transition(waiting, fail(waiting, new ApiError('network')), noNewKey);
    const retried = transition(lost, { type: 'retry' }, noNewKey);
    expect(confirmKeyOf(retried)).to.equal('key-1');
    const timedOut = transition(retried, fail(retried, new ApiError('timeout')), noNewKey);
    const retyped = transition(timedOut, { type: 'code-submitted', code: 'K7M4 P2QX', itemId: 'kz-2' }, noNewKey);
    expect(confirmKeyOf(retyped)).to.equal('key-1');
    // Kept over a reload or a new sign-in with the draft.
    expect(applyDraft(initialFlow(), draftOf(timedOut))).to.include({ confirmKey: 'key-1' });
    // Another code is another confirmation.
    const corrected = transition(
      timedOut,
      { type: 'code-submitted', code: 'K7M4P2QY', itemId: 'kz-2' },
      { ...noNewKey, newKey: () => 'key-2' },
    );
    expect(confirmKeyOf(corrected)).to.equal('key-2');
    // The backend answered (a wrong code): the same code again is a new attempt.
    const refused = transition(corrected, fail(corrected, new ApiError('validation', { status: 422, remainingAttempts: 3 })), noNewKey);
    expect(refused.confirmKey).to.equal(undefined);
    const again = transition(refused, { type: 'code-submitted', code: 'K7M4P2QY', itemId: 'kz-2' }, { ...noNewKey, newKey: () => 'key-3' });
    expect(confirmKeyOf(again)).to.equal('key-3');
  });

  it('needs a Kassenzeichen and a code before sending', () => {
    const state = run(
      [
        { type: 'enter-code', from: 'choice' },
        { type: 'code-submitted', code: '' },
      ],
      overview([pending, { ...pending, id: 'kz-3' }]),
    );
    expect(state.problems.code).to.deep.equal({ codeFor: { kind: 'required' }, code: { kind: 'required' } });
  });

  it('removes after a confirmation, then reloads the list in the background', () => {
    let state = run([{ type: 'ask-remove', itemId: 'kz-1' }, { type: 'remove-confirmed' }], overview([confirmed]));
    expect(state.pending).to.deep.equal(requestOf('remove', 'kz-1'));
    state = transition(state, answer(state, undefined), environment());
    expect(state).to.include({ step: 'overview', notice: 'removed', refreshes: 1 });
    state = transition(state, { type: 'list-refreshed', items: [] }, environment());
    expect(state.items).to.deep.equal([]);
    expect(state.notice).to.equal('removed', 'the live region keeps its word until the step changes');
  });

  it('resumes the step after signing in again, values kept; someone else starts afresh', () => {
    let state = run([{ type: 'add' }, { type: 'choose-letter' }, { type: 'edit', address: { ...address, postalCode: '' } }], overview());
    state = run([{ type: 'signed-out', expired: true, onPurpose: false }], state);
    expect(state).to.include({ step: 'signed-out', notice: 'session-expired', signedOutBecause: 'expired' });
    state = run([{ type: 'signed-in', sameCitizen: true }], state);
    const back = transition(state, answer(state, { consentRequired: false, items: [] }), environment());
    expect(back.step).to.equal('form');
    expect(back.address.street).to.equal('Hindenburgstraße');
    const other = run([{ type: 'signed-in', sameCitizen: false }], run([{ type: 'signed-out', expired: true, onPurpose: false }], back));
    expect(other.address.street).to.equal('');
  });

  it('does not resume code entry when nothing is pending any more', () => {
    let state = run(
      [
        { type: 'enter-code', from: 'overview', itemId: 'kz-2' },
        { type: 'signed-out', expired: true, onPurpose: false },
        { type: 'signed-in', sameCitizen: true },
      ],
      overview([pending]),
    );
    state = transition(state, answer(state, { consentRequired: false, items: [] }), environment());
    expect(state.step).to.equal('overview');
  });

  it('goes back where the citizen came from', () => {
    const fromOverview = run([{ type: 'enter-code', from: 'overview' }], overview([pending]));
    expect(run([{ type: 'back' }], fromOverview).step).to.equal('overview');
    const fromChoice = run([{ type: 'add' }, { type: 'enter-code', from: 'choice' }], overview([pending]));
    expect(run([{ type: 'back' }], fromChoice).step).to.equal('choice');
  });

  it('ignores answers to requests it no longer waits for (cancelled, signed out)', () => {
    const waiting = run([{ type: 'ask-remove', itemId: 'kz-1' }, { type: 'remove-confirmed' }], overview([confirmed]));
    const cancelled = run([{ type: 'cancel' }], waiting);
    expect(cancelled.pending).to.equal(undefined);
    const late: FlowEvent = {
      type: 'answered',
      answer: { name: 'remove', value: undefined, request: waiting.pending as Extract<PendingRequest, { name: 'remove' }> },
    };
    expect(transition(cancelled, late, environment()).step).to.equal('confirm-remove');
  });

  it('waits while offline: nothing is sent', () => {
    const state = run([{ type: 'connectivity', online: false }, { type: 'agree' }], { ...overview(), step: 'consent' });
    expect(state.pending).to.equal(undefined);
  });

  it('preselects the only pending Kassenzeichen for the code', () => {
    expect(codeTarget({ items: [pending] })).to.equal(pending);
    expect(codeTarget({ items: [pending, { ...pending, id: 'kz-3' }] })).to.equal(undefined);
  });
});

describe('flow: what follows a failure', () => {
  function roleStep(): FlowState {
    return run(
      [
        { type: 'add' },
        { type: 'choose-letter' },
        { type: 'address-submitted', address, format: FORMAT },
        { type: 'entries-confirmed' },
        { type: 'role-submitted', role: 'owner' },
      ],
      overview(),
    );
  }

  it('the Idempotency-Key belongs to the entry: the same entry after a lost answer keeps it, another role or address gets a new one', () => {
    const waiting = roleStep();
    const failed = transition(waiting, fail(waiting, new ApiError('network')), environment());
    const fresh: FlowEnvironment = { now: NOW, newKey: () => 'key-new' };
    const keyOf = (state: FlowState) => (state.pending?.args as unknown[])[1];
    expect(keyOf(transition(failed, { type: 'role-submitted', role: 'owner' }, fresh))).to.equal('key-1');
    expect(keyOf(transition(failed, { type: 'role-submitted', role: 'delivery_agent' }, fresh))).to.equal('key-new');
    const changed = run(
      [
        { type: 'back' },
        { type: 'back' },
        { type: 'address-submitted', address: { ...address, kassenzeichen: '1500 0000 0004' }, format: FORMAT },
        { type: 'entries-confirmed' },
        { type: 'role-submitted', role: 'owner' },
      ],
      failed,
      fresh,
    );
    expect(keyOf(changed)).to.equal('key-new');
  });

  it('„Anfrage abbrechen“ during a letter request checks the list: the letter on its way, or a sentence that none went out', () => {
    const waiting = roleStep();
    const checking = transition(waiting, { type: 'cancel' }, environment());
    expect(checking.pending).to.deep.equal({ ...requestOf('listKassenzeichen'), purpose: 'check-cancelled' });
    const arrived = { ...pending, kassenzeichen: '1500.0000.0003' };
    expect(transition(checking, answer(checking, [arrived]), environment())).to.include({ step: 'letter-sent' });
    const none = transition(checking, answer(checking, []), environment());
    expect(none).to.include({ step: 'role', focus: 'problem', pending: undefined });
    expect(none.banner?.message).to.deep.equal({ kind: 'letter-cancelled' });
    expect(none.role, 'the choice is kept').to.equal('owner');
    // „OK“ again with the same entries: the same Idempotency-Key, so the backend sends no second letter.
    const again = transition(none, { type: 'role-submitted', role: 'owner' }, { ...environment(), newKey: () => 'key-new' });
    expect(again.pending).to.deep.equal(waiting.pending, 'sent again with the same key');
  });

  it('explains a lost answer with a retry that first checks whether the letter went out', () => {
    const waiting = roleStep();
    const failed = transition(waiting, fail(waiting, new ApiError('network')), environment());
    expect(failed.banner?.message).to.deep.include({ kind: 'api', error: 'network' });
    expect(failed.banner?.actions).to.deep.equal(['retry']);
    expect(failed).to.include({ focus: 'problem', step: 'role', requestKey: 'key-1' });
    expect(failed.outbox).to.deep.equal([{ type: 'error', code: 'network' }]);
    const checking = transition(failed, { type: 'retry' }, environment());
    expect(checking.pending).to.deep.equal({ ...requestOf('listKassenzeichen'), purpose: 'check-letter' });
    expect(checking.banner, 'the message stays while the retry runs').to.exist;
    const arrived = { ...pending, kassenzeichen: '1500.0000.0003' };
    const sent = transition(checking, answer(checking, [arrived]), environment());
    expect(sent).to.include({ step: 'letter-sent' });
    const notArrived = transition(checking, answer(checking, []), environment());
    expect(notArrived.pending).to.deep.equal(waiting.pending, 'sent again with the same key');
  });

  it("puts the server's field errors at their fields and goes back to the form (422)", () => {
    const waiting = roleStep();
    const error = new ApiError('validation', {
      status: 422,
      fieldErrors: [
        { pointer: '/street', code: 'mismatch' },
        { pointer: '/x', code: 'format', detail: 'x' },
      ],
    });
    const state = transition(waiting, fail(waiting, error), environment());
    expect(state).to.include({ step: 'form', requestKey: undefined, focus: 'summary' });
    expect(state.problems.address.street).to.deep.equal({ kind: 'server', code: 'mismatch', detail: undefined });
    expect(state.problems.other).to.deep.equal([{ detail: 'x' }]);
  });

  it('tells a conflict from the reloaded list and starts a new logical request (409)', () => {
    const waiting = roleStep();
    const state = transition(waiting, fail(waiting, new ApiError('conflict', { status: 409 })), { now: NOW, newKey: () => 'key-new' });
    expect(state.banner?.message).to.deep.equal({ kind: 'conflict', kassenzeichen: '1500.0000.0003' });
    expect(state.banner?.actions).to.deep.equal(['overview']);
    expect(state.refreshes).to.equal(waiting.refreshes + 1);
    expect(state.requestKey).to.equal('key-new');
  });

  it('locks code entry until the time the backend names and offers a new letter (429)', () => {
    const state = lockedAfterWrongCode();
    expect(state.lockedUntil).to.equal(NOW + 900_000);
    expect(state.banner).to.deep.include({ message: { kind: 'locked', until: NOW + 900_000 }, actions: ['new-letter'] });
    expect(run([{ type: 'lock-ended' }], state).lockedUntil).to.equal(undefined);
    expect(run([{ type: 'lock-ended' }], state).banner, 'the lock’s sentence goes with it').to.equal(undefined);
  });

  it('back at the code step while the lock holds: the reason and „new letter“ come back with it', () => {
    const locked = lockedAfterWrongCode();
    const away = run([{ type: 'back' }], locked);
    expect(away.banner).to.equal(undefined);
    const again = run([{ type: 'enter-code', from: 'overview', itemId: 'kz-2' }], away);
    expect(again.banner).to.deep.include({ message: { kind: 'locked', until: NOW + 900_000 }, actions: ['new-letter'] });
    expect(again.focus, 'the citizen came here: the heading, not the message').to.equal('heading');
    const later = run([{ type: 'enter-code', from: 'overview', itemId: 'kz-2' }], { ...away, lockedUntil: NOW - 1 });
    expect(later.banner).to.equal(undefined);
  });

  it('counts down the attempts for a wrong code (422 on confirm)', () => {
    const waiting = run(
      [
        { type: 'enter-code', from: 'overview', itemId: 'kz-2' },
        { type: 'code-submitted', code: 'WRONG', itemId: 'kz-2' },
      ],
      overview([pending]),
    );
    const state = transition(waiting, fail(waiting, new ApiError('validation', { status: 422, remainingAttempts: 3 })), environment());
    expect(state.problems.code.code).to.deep.equal({ kind: 'wrong-code', remainingAttempts: 3 });
  });

  it('goes to consent on 403, says nothing itself on 401 (the session signs out), nothing on abort', () => {
    const waiting = run([{ type: 'ask-remove', itemId: 'kz-1' }, { type: 'remove-confirmed' }], overview([confirmed]));
    expect(transition(waiting, fail(waiting, new ApiError('forbidden')), environment()).step).to.equal('consent');
    const unauthorized = transition(waiting, fail(waiting, new ApiError('unauthorized')), environment());
    expect(unauthorized.banner).to.equal(undefined);
    expect(unauthorized.outbox).to.deep.equal([{ type: 'error', code: 'unauthorized' }]);
    const aborted = transition(waiting, fail(waiting, new ApiError('aborted')), environment());
    expect(aborted.outbox).to.deep.equal([]);
  });

  it('a failed load shows the load-failed step with a retry', () => {
    const loading = run([{ type: 'signed-in', sameCitizen: true }]);
    const failed = transition(loading, fail(loading, new ApiError('server', { status: 500 })), environment());
    expect(failed.step).to.equal('load-failed');
    expect(failed.banner?.actions).to.deep.equal(['retry']);
    expect(run([{ type: 'retry' }], failed).pending?.name).to.equal('loadOverview');
  });
});
