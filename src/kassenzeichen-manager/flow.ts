import type { ConfirmationResult, Item, Role } from '../api/types.js';
import type { AddressDraft } from './form-validation.js';

/*
 * The citizen's way through the element, as a pure state machine: no DOM,
 * no fetch. The element runs the backend requests and feeds their outcome
 * back in as events.
 */

export type StepName =
  | 'signed-out'
  | 'loading'
  | 'load-failed'
  | 'consent'
  | 'declined'
  | 'overview'
  | 'choice'
  | 'form'
  | 'check'
  | 'role'
  | 'letter-sent'
  | 'code'
  | 'done'
  | 'confirm-letter'
  | 'confirm-remove';

export interface FlowState {
  step: StepName;
  /** Where to continue after signing in again or reloading. */
  resume?: StepName;
  address: AddressDraft;
  role?: Role;
  code: string;
  /** The pending Kassenzeichen the code is for. */
  codeItemId?: string;
  /** The Kassenzeichen a new letter or a removal is for. */
  targetId?: string;
  /** Idempotency-Key of the letter request under way: reused by its retries, dropped on success. */
  requestKey?: string;
  /** The item whose letter is on its way (step `letter-sent`). */
  sentItem?: Item;
  /** The answer to a correct code (step `done`). */
  result?: ConfirmationResult;
  /** Where `code` goes back to. */
  codeFrom?: 'overview' | 'choice';
}

export type FlowEvent =
  | { type: 'signed-out' }
  | { type: 'signed-in' }
  | { type: 'loaded'; consentRequired: boolean; items: readonly Item[] }
  | { type: 'load-failed' }
  | { type: 'consent-missing' }
  | { type: 'consent-given' }
  | { type: 'consent-declined' }
  | { type: 'reconsider' }
  | { type: 'add' }
  | { type: 'choose-letter' }
  | { type: 'enter-code'; itemId?: string; from: 'overview' | 'choice' }
  | { type: 'edit'; address: AddressDraft }
  | { type: 'address-checked'; address: AddressDraft }
  | { type: 'change' }
  | { type: 'entries-confirmed' }
  | { type: 'role-chosen'; role?: Role }
  | { type: 'request-started'; key: string }
  | { type: 'requested'; item: Item }
  | { type: 'rejected-fields' }
  | { type: 'code-typed'; code: string; itemId?: string }
  | { type: 'confirmed'; result: ConfirmationResult }
  | { type: 'ask-new-letter'; itemId: string }
  | { type: 'ask-remove'; itemId: string }
  | { type: 'removed' }
  | { type: 'back' }
  | { type: 'finish' };

const RESUMABLE: ReadonlySet<StepName> = new Set(['choice', 'form', 'check', 'role', 'code']);

const BACK: Partial<Record<StepName, StepName>> = {
  declined: 'consent',
  choice: 'overview',
  form: 'choice',
  check: 'form',
  role: 'check',
  'confirm-letter': 'overview',
  'confirm-remove': 'overview',
  'letter-sent': 'overview',
  done: 'overview',
};

export const EMPTY_ADDRESS: AddressDraft = { kassenzeichen: '', street: '', houseNumber: '', postalCode: '' };

export function initialFlow(): FlowState {
  return { step: 'loading', address: { ...EMPTY_ADDRESS }, code: '' };
}

export function transition(state: FlowState, event: FlowEvent): FlowState {
  switch (event.type) {
    case 'signed-out':
      return { ...state, step: 'signed-out', resume: resumeFrom(state) };
    case 'signed-in':
      return { ...state, step: 'loading', resume: resumeFrom(state) };
    case 'loaded':
      return afterLoad(state, event.consentRequired, event.items);
    case 'load-failed':
      return { ...state, step: 'load-failed', resume: resumeFrom(state) };
    case 'consent-missing':
      return { ...state, step: 'consent' };
    case 'consent-given':
      return { ...state, step: 'loading' };
    case 'consent-declined':
      return { ...state, step: 'declined' };
    case 'reconsider':
      return { ...state, step: 'consent' };
    case 'add':
      return { ...state, step: 'choice' };
    case 'choose-letter':
      return { ...state, step: 'form' };
    case 'enter-code':
      return { ...state, step: 'code', codeItemId: event.itemId ?? state.codeItemId, codeFrom: event.from };
    case 'edit':
      return { ...state, address: event.address };
    case 'address-checked':
      return { ...state, step: 'check', address: event.address };
    case 'change':
      return { ...state, step: 'form' };
    case 'entries-confirmed':
      return { ...state, step: 'role' };
    case 'role-chosen':
      return { ...state, role: event.role };
    case 'request-started':
      return { ...state, requestKey: event.key };
    case 'requested':
      return { ...state, step: 'letter-sent', sentItem: event.item, address: { ...EMPTY_ADDRESS }, role: undefined, requestKey: undefined };
    case 'rejected-fields':
      return { ...state, step: 'form', requestKey: undefined };
    case 'code-typed':
      return { ...state, code: event.code, codeItemId: event.itemId ?? state.codeItemId };
    case 'confirmed':
      return { ...state, step: 'done', result: event.result, code: '', codeItemId: undefined };
    case 'ask-new-letter':
      return { ...state, step: 'confirm-letter', targetId: event.itemId, requestKey: undefined };
    case 'ask-remove':
      return { ...state, step: 'confirm-remove', targetId: event.itemId };
    case 'removed':
      return { ...state, step: 'overview', targetId: undefined };
    case 'back':
      return { ...state, step: state.step === 'code' ? (state.codeFrom ?? 'overview') : (BACK[state.step] ?? 'overview') };
    case 'finish':
      return { ...state, step: 'overview', result: undefined, sentItem: undefined };
  }
}

function resumeFrom(state: FlowState): StepName | undefined {
  return RESUMABLE.has(state.step) ? state.step : state.resume;
}

function afterLoad(state: FlowState, consentRequired: boolean, items: readonly Item[]): FlowState {
  if (consentRequired) return { ...state, step: 'consent' };
  const resume = state.resume;
  if (resume === 'code' && !items.some((item) => item.status === 'pending')) return { ...state, step: 'overview', resume: undefined };
  return { ...state, step: resume ?? 'overview', resume: undefined };
}

/** The pending Kassenzeichen a code is entered for: the chosen one, else the only one. */
export function codeTarget(state: FlowState, items: readonly Item[]): Item | undefined {
  const pending = items.filter((item) => item.status === 'pending');
  return pending.find((item) => item.id === state.codeItemId) ?? (pending.length === 1 ? pending[0] : undefined);
}
