import { normaliseCode } from '../kassenzeichen-format.js';
import { hasProblems, validateAddress, type FieldProblems } from '../form-validation.js';
import { afterAnswer } from './answers.js';
import { applyDraft, resumeFrom } from './draft.js';
import type { CitizenEvent, FlowEnvironment, FlowEvent } from './events.js';
import { afterFailure } from './failures.js';
import { requestOf } from './requests.js';
import {
  codeTarget,
  initialFlow,
  isBusy,
  isLocked,
  keyForConfirmation,
  keyForContent,
  OVERVIEW_PAGE,
  withItems,
  type CodeField,
  type FlowState,
} from './state.js';
import { goBack, goTo } from './steps.js';

/*
 * The citizen's way through the element, as a pure state machine: no DOM, no
 * fetch, no clock of its own. Every event gives a new state; the controller
 * runs what the state asks for (a request, a list reload) and feeds the
 * outcome back in.
 */

export function transition(previous: FlowState, event: FlowEvent, env: FlowEnvironment): FlowState {
  const state: FlowState = { ...previous, focus: undefined, outbox: [] };
  switch (event.type) {
    case 'signed-in': {
      const fresh = event.sameCitizen ? state : { ...initialFlow(), offline: state.offline };
      const restored = applyDraft(fresh, event.draft);
      return { ...goTo(restored, 'loading', false), resume: resumeFrom(restored), pending: requestOf('loadOverview') };
    }
    case 'signed-out': {
      const kept = event.onPurpose ? { ...initialFlow(), offline: state.offline } : state;
      const signedOut = {
        ...goTo({ ...kept, resume: resumeFrom(kept) }, 'signed-out', false),
        items: [],
        pending: undefined,
        redirecting: false,
      };
      return { ...signedOut, signedOutBecause: event.expired ? 'expired' : 'other', notice: event.expired ? 'session-expired' : undefined };
    }
    case 'redirecting':
      return { ...state, redirecting: event.value };
    case 'connectivity':
      return { ...state, offline: !event.online };
    case 'reload':
      return state.step === 'signed-out' ? state : { ...state, resume: resumeFrom(state), pending: requestOf('loadOverview') };
    case 'answered':
      return event.answer.request === state.pending ? afterAnswer({ ...state, pending: undefined }, event.answer, env) : state;
    case 'failed':
      return event.request === state.pending
        ? afterFailure({ ...state, pending: undefined, notice: undefined }, event.request, event.error, env)
        : state;
    case 'list-refreshed':
      return withItems(state, event.items);
    case 'lock-ended':
      return { ...state, lockedUntil: undefined, banner: state.banner?.message.kind === 'locked' ? undefined : state.banner };
    default:
      return citizen(state, event, env);
  }
}

function citizen(state: FlowState, event: CitizenEvent, env: FlowEnvironment): FlowState {
  switch (event.type) {
    case 'agree':
      return ask(state, requestOf('giveConsent'));
    case 'consent-declined':
      return goTo(state, 'declined', true);
    case 'reconsider':
      return goTo(state, 'consent', true);
    case 'add':
      return goTo(state, 'choice', true);
    case 'choose-letter':
      return goTo(state, 'form', true);
    case 'enter-code':
      return withLockReason({ ...goTo(state, 'code', true), codeItemId: event.itemId ?? state.codeItemId, codeFrom: event.from }, env);
    case 'edit':
      return { ...state, address: event.address };
    case 'address-submitted':
      return submitAddress(state, event.address, event.format);
    case 'change':
      return goTo(state, 'form', true);
    case 'entries-confirmed':
      return goTo(state, 'role', true);
    case 'role-submitted':
      return submitRole(state, event.role, env);
    case 'code-typed':
      return { ...state, code: event.code, codeItemId: event.itemId ?? state.codeItemId };
    case 'code-submitted':
      return submitCode({ ...state, code: event.code, codeItemId: event.itemId ?? state.codeItemId }, env);
    case 'ask-new-letter':
      return { ...goTo(state, 'confirm-letter', true), targetId: event.itemId, requestKey: undefined };
    case 'new-letter-confirmed':
      return confirmNewLetter(state, env);
    case 'ask-remove':
      return { ...goTo(state, 'confirm-remove', true), targetId: event.itemId };
    case 'remove-confirmed':
      return state.targetId ? ask(state, requestOf('remove', state.targetId)) : state;
    case 'search':
      return { ...state, overviewQuery: event.query, overviewLimit: OVERVIEW_PAGE };
    case 'show-more':
      return { ...state, overviewLimit: state.overviewLimit + OVERVIEW_PAGE, focus: 'more' };
    case 'retry':
      return retry(state);
    case 'cancel':
      // A letter request may have reached the backend: the list says whether the letter is on its way.
      return state.pending?.name === 'requestKassenzeichen'
        ? { ...state, pending: { ...requestOf('listKassenzeichen'), purpose: 'check-cancelled' } }
        : { ...state, pending: undefined, notice: undefined };
    case 'back':
      return goBack(state);
    case 'finish':
      return { ...goTo(state, 'overview', true), result: undefined, sentItem: undefined };
  }
}

/** A request the citizen waits for; one at a time (a double click is one letter). */
function ask(state: FlowState, request: NonNullable<FlowState['pending']>): FlowState {
  if (isBusy(state) || state.offline) return state;
  return { ...state, pending: request, notice: 'busy' };
}

function submitAddress(state: FlowState, address: FlowState['address'], format: string): FlowState {
  const { problems, cleaned } = validateAddress(address, format);
  if (hasProblems(problems)) return { ...state, address, problems: { ...state.problems, address: problems, other: [] }, focus: 'summary' };
  return { ...goTo(state, 'check', true), address: cleaned };
}

function submitRole(state: FlowState, role: FlowState['role'], env: FlowEnvironment): FlowState {
  if (isBusy(state)) return state;
  if (!role) return { ...state, role, problems: { ...state.problems, role: { kind: 'required' } }, focus: 'summary' };
  // Same entry, same key: a retry after a timeout never posts a second letter. Another entry, another key.
  const content = { ...state.address, role };
  const key = keyForContent(state, content, env.newKey);
  const next = { ...state, role, ...key, problems: { ...state.problems, role: undefined } };
  return ask(next, requestOf('requestKassenzeichen', content, key.requestKey!));
}

function submitCode(state: FlowState, env: FlowEnvironment): FlowState {
  if (isBusy(state)) return state;
  const target = codeTarget(state);
  const problems: FieldProblems<CodeField> = {};
  if (!target) problems.codeFor = { kind: 'required' };
  if (!normaliseCode(state.code)) problems.code = { kind: 'required' };
  const next = { ...state, problems: { ...state.problems, code: problems } };
  if (hasProblems(problems) || !target) return { ...next, focus: 'summary' };
  const code = normaliseCode(state.code);
  const key = keyForConfirmation(state, target.id, code, env.newKey);
  return ask({ ...next, ...key }, requestOf('confirm', target.id, code, key.confirmKey!));
}

function confirmNewLetter(state: FlowState, env: FlowEnvironment): FlowState {
  if (!state.targetId || isBusy(state)) return state;
  const key = keyForContent(state, { newLetterFor: state.targetId }, env.newKey);
  return ask({ ...state, ...key }, requestOf('requestNewLetter', state.targetId, key.requestKey!));
}

/**
 * The failed request again, with the same data and the same Idempotency-Key.
 * A letter request that may have reached the backend is first checked in the
 * list, so that a letter that went out is not sent twice.
 */
function retry(state: FlowState): FlowState {
  const request = state.banner?.request;
  if (!request || !state.banner?.actions.includes('retry')) return state;
  if (request.name === 'requestKassenzeichen') return ask(state, { ...requestOf('listKassenzeichen'), purpose: 'check-letter' });
  return ask(state, request);
}

/** Back at the code step while a lock holds: the field is disabled, so the reason and the way out come back with it. */
function withLockReason(state: FlowState, env: FlowEnvironment): FlowState {
  if (!isLocked(state, env.now)) return state;
  return { ...state, banner: { message: { kind: 'locked', until: state.lockedUntil! }, actions: ['new-letter'] } };
}
