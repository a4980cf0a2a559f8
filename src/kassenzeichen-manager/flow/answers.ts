import type { ConfirmationResult, Item, Overview } from '../../api/types.js';
import type { FlowEnvironment } from './events.js';
import { requestOf, type Answer } from './requests.js';
import { EMPTY_ADDRESS, keyForContent, withItems, type FlowState } from './state.js';
import { goTo } from './steps.js';

/* What follows a successful request. Pure. */

export function afterAnswer(state: FlowState, answer: Answer, env: FlowEnvironment): FlowState {
  switch (answer.name) {
    case 'loadOverview':
      return afterLoad(state, answer.value);
    case 'giveConsent':
      return { ...goTo(state, 'loading', true), pending: requestOf('loadOverview') };
    case 'requestKassenzeichen':
      return letterSent(state, answer.value, false);
    case 'requestNewLetter':
      return letterSent(state, answer.value, true);
    case 'confirm':
      return confirmed(state, answer.value);
    case 'remove':
      return { ...goTo(state, 'overview', true), targetId: undefined, notice: 'removed', refreshes: state.refreshes + 1 };
    case 'listKassenzeichen':
      if (answer.request.purpose === 'check-letter') return letterCheck(withItems(state, answer.value), env);
      if (answer.request.purpose === 'check-cancelled') return afterCancelledLetter(withItems(state, answer.value));
      return withItems(state, answer.value);
    case 'getAccount':
      return state;
  }
}

/** After loading: consent first; then where the citizen left off, or the overview. */
export function afterLoad(state: FlowState, overview: Overview): FlowState {
  if (overview.consentRequired) return goTo({ ...state, items: [] }, 'consent', false);
  const loaded = withItems(state, overview.items);
  const { resume } = loaded;
  const nothingToConfirm = resume === 'code' && !overview.items.some((item) => item.status === 'pending');
  const step = resume && !nothingToConfirm ? resume : 'overview';
  return { ...goTo(loaded, step, false), resume: undefined };
}

function letterSent(state: FlowState, item: Item, newCode: boolean): FlowState {
  return {
    ...goTo(state, 'letter-sent', true),
    sentItem: item,
    address: { ...EMPTY_ADDRESS },
    role: undefined,
    requestKey: undefined,
    lockedUntil: undefined,
    refreshes: state.refreshes + 1,
    outbox: [...state.outbox, { type: 'requested', newCode }],
  };
}

function confirmed(state: FlowState, result: ConfirmationResult): FlowState {
  return {
    ...goTo(state, 'done', true),
    result,
    code: '',
    codeItemId: undefined,
    confirmKey: undefined,
    confirmKeyFor: undefined,
    refreshes: state.refreshes + 1,
    outbox: [...state.outbox, { type: 'confirmed', autoLinked: result.autoLinked.length }],
  };
}

/** The entered Kassenzeichen as pending in the list: its letter went out. */
function letterOnItsWay(state: FlowState): Item | undefined {
  return state.items.find((item) => item.kassenzeichen === state.address.kassenzeichen && item.status === 'pending');
}

/**
 * The list after „Anfrage abbrechen“ during a letter request: the backend may
 * have sent the letter all the same. If the Kassenzeichen is pending, the
 * letter is on its way; otherwise the request may still be at work there: the
 * citizen is told that the letter may still go out, and that „OK“ again with
 * the same entries (same Idempotency-Key) sends no second one.
 */
function afterCancelledLetter(state: FlowState): FlowState {
  const arrived = letterOnItsWay(state);
  if (arrived) return letterSent(state, arrived, false);
  return { ...state, banner: { message: { kind: 'letter-cancelled' }, actions: [] }, focus: 'problem' };
}

/**
 * The list after a failed letter request: if it shows the Kassenzeichen as
 * pending, the letter is on its way; otherwise the request goes out again
 * under the same Idempotency-Key.
 */
function letterCheck(state: FlowState, env: FlowEnvironment): FlowState {
  const { address, role } = state;
  const arrived = letterOnItsWay(state);
  if (arrived) return letterSent(state, arrived, false);
  if (!role) return state;
  const content = { ...address, role };
  const key = keyForContent(state, content, env.newKey);
  return { ...state, ...key, pending: requestOf('requestKassenzeichen', content, key.requestKey!), notice: 'busy' };
}
