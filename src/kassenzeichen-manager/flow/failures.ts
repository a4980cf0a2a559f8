import type { ApiError } from '../../api/errors.js';
import { ADDRESS_FIELDS, mapServerFieldErrors } from '../form-validation.js';
import type { FlowEnvironment } from './events.js';
import type { PendingRequest } from './requests.js';
import { codeTarget, type Banner, type FlowState, type Message, type MessageAction } from './state.js';
import { goTo } from './steps.js';

/* What follows a failed request, decided without DOM or fetch. */

/** Whether trying the same request again may help (and keeps the entries). */
export function isRetryable(error: Pick<ApiError, 'kind'>): boolean {
  return ['network', 'timeout', 'server', 'unexpected-response'].includes(error.kind);
}

export function afterFailure(state: FlowState, request: PendingRequest, error: ApiError, env: FlowEnvironment): FlowState {
  if (error.kind === 'aborted') return state;
  const told = { ...state, ...confirmKeyAfter(request, error), outbox: [...state.outbox, { type: 'error' as const, code: error.kind }] };
  switch (error.kind) {
    case 'unauthorized':
      // The session has already tried to renew and signs out; the draft waits for the return.
      return told;
    case 'forbidden':
      return goTo(told, 'consent', false);
    case 'validation':
      return request.name === 'confirm'
        ? wrongCode(told, error)
        : request.name === 'requestKassenzeichen'
          ? rejectedEntries(told, error)
          : explain(told, apiMessage(error, env), [], request);
    case 'rate-limited':
      return request.name === 'confirm' ? locked(told, error, env) : explain(told, apiMessage(error, env), [], request);
    case 'gone':
      return explain(told, { kind: 'expired' }, ['new-letter'], request);
    case 'conflict':
      // Which conflict it is shows in the reloaded list; a new entry is a new logical request.
      return explain(
        { ...told, requestKey: env.newKey(), refreshes: told.refreshes + 1 },
        { kind: 'conflict', kassenzeichen: told.address.kassenzeichen },
        ['overview'],
        request,
      );
    case 'not-found':
      return explain({ ...told, refreshes: told.refreshes + 1 }, { kind: 'not-found' }, ['overview'], request);
    default: {
      const failedLoad = request.name === 'loadOverview';
      const where = failedLoad ? goTo(told, 'load-failed', false) : told;
      return explain(where, apiMessage(error, env), failedLoad || isRetryable(error) ? ['retry'] : [], request);
    }
  }
}

/**
 * A confirmation keeps its Idempotency-Key while its answer is unknown (the
 * network, a timeout, a 5xx): the retry may meet a backend that already
 * confirmed. Once the backend answered (a wrong code, a lock, 410, 404), the
 * same code again is a new attempt and gets a new key.
 */
function confirmKeyAfter(request: PendingRequest, error: ApiError): Partial<FlowState> {
  if (request.name !== 'confirm' || isRetryable(error)) return {};
  return { confirmKey: undefined, confirmKeyFor: undefined };
}

function apiMessage(error: ApiError, env: FlowEnvironment): Message {
  return { kind: 'api', error: error.kind, status: error.status, retryAfterSeconds: error.retryAfterSeconds, at: env.now };
}

/** The one message of the step, which takes focus (when focus is in the element). */
function explain(state: FlowState, message: Message, actions: readonly MessageAction[], request?: PendingRequest): FlowState {
  const banner: Banner = { message, actions, request };
  return { ...state, banner, focus: 'problem' };
}

function rejectedEntries(state: FlowState, error: ApiError): FlowState {
  const { problems, unplaced } = mapServerFieldErrors(error.fieldErrors, ADDRESS_FIELDS, error.detailLanguage);
  const back = goTo({ ...state, requestKey: undefined }, 'form', true);
  return {
    ...back,
    // A refusal without a single field error still gets its sentence in the summary.
    problems: {
      ...back.problems,
      address: problems,
      other: (unplaced.length || Object.keys(problems).length ? unplaced : [{ detail: error.detail }]).map(({ detail }) =>
        error.detailLanguage ? { detail, lang: error.detailLanguage } : { detail },
      ),
    },
    focus: 'summary',
  };
}

function wrongCode(state: FlowState, error: ApiError): FlowState {
  return {
    ...state,
    problems: { ...state.problems, code: { code: { kind: 'wrong-code', remainingAttempts: error.remainingAttempts } } },
    focus: 'summary',
  };
}

function locked(state: FlowState, error: ApiError, env: FlowEnvironment): FlowState {
  const until = env.now + (error.retryAfterSeconds ?? 60) * 1000;
  return explain({ ...state, lockedUntil: until }, { kind: 'locked', until }, ['new-letter']);
}

/** Where „Neuen Code anfordern“ in a message leads: the Kassenzeichen the code was for. */
export function newLetterTarget(state: FlowState): string | undefined {
  return codeTarget(state)?.id ?? state.targetId;
}
