import { ApiError, isApiError } from '../api/errors.js';
import type { Item } from '../api/types.js';
import type { ManagerMessages } from '../i18n/messages.js';
import type { FlowEvent } from './flow.js';
import { ADDRESS_FIELDS, mapServerFieldErrors, type AddressField, type FieldProblems } from './form-validation.js';
import { clockAfter, describeApiError, isRetryable } from './problem-text.js';
import type { RequestName } from './requests.js';
import type { CodeField } from './views/context.js';

/* What the element does after a failed request, decided without DOM or fetch. */

/** Buttons a failure message may offer. */
export type FailureAction = 'retry' | 'new-letter' | 'overview';

export interface FailurePlan {
  /** The error as the host page hears of it; none when the citizen cancelled. */
  eventCode?: Exclude<ApiError['kind'], 'aborted'>;
  /** A step change first: consent, load failure or back to the form. */
  flow?: FlowEvent;
  banner?: { text: string; actions: FailureAction[] };
  addressProblems?: FieldProblems<AddressField>;
  otherProblems?: string[];
  codeProblems?: FieldProblems<CodeField>;
  /** Code entry stays locked this long. */
  lockedForSeconds?: number;
  focusSummary?: boolean;
  /** The list must be reloaded (it changed meanwhile, or a 409 needs explaining). */
  refreshList?: boolean;
  /** A 409: which kind is told from the reloaded list ({@link conflictText}). */
  conflict?: boolean;
}

export function planFailure(error: unknown, request: RequestName, t: ManagerMessages, lang: string): FailurePlan {
  const apiError = isApiError(error) ? error : new ApiError('unexpected-response');
  const kind = apiError.kind;
  if (kind === 'aborted') return {};
  const eventCode = kind;
  // unauthorized: the session has already tried to renew and signs out; the draft waits for the return.
  if (kind === 'unauthorized') return { eventCode };
  if (kind === 'forbidden') return { eventCode, flow: { type: 'consent-missing' } };
  const retry: FailureAction[] = isRetryable(apiError) ? ['retry'] : [];
  const text = describeApiError(apiError, t, lang);
  if (request === 'load') return { eventCode, flow: { type: 'load-failed' }, banner: { text, actions: ['retry'] } };
  if (kind === 'validation' && request === 'request') {
    const { problems, unplaced } = mapServerFieldErrors(apiError.fieldErrors, ADDRESS_FIELDS);
    return {
      eventCode,
      flow: { type: 'rejected-fields' },
      addressProblems: problems,
      otherProblems: unplaced.map((fieldError) => fieldError.detail ?? t.errors.serverFormat),
      focusSummary: true,
    };
  }
  if (kind === 'validation' && request === 'confirm') {
    return { eventCode, codeProblems: { code: { kind: 'wrong-code', remainingAttempts: apiError.remainingAttempts } }, focusSummary: true };
  }
  if (kind === 'rate-limited' && request === 'confirm') {
    const seconds = apiError.retryAfterSeconds ?? 60;
    return { eventCode, lockedForSeconds: seconds, banner: { text: t.problems.locked(clockAfter(seconds, lang)), actions: ['new-letter'] } };
  }
  if (kind === 'gone') return { eventCode, banner: { text: t.problems.expired, actions: ['new-letter'] } };
  if (kind === 'conflict') return { eventCode, conflict: true, refreshList: true };
  if (kind === 'not-found') return { eventCode, refreshList: true, banner: { text: t.problems.notFound, actions: ['overview'] } };
  return { eventCode, banner: { text, actions: retry } };
}

/** A 409 told apart by the list: already linked, already pending, or (not in the list) just "exists". */
export function conflictText(items: readonly Item[], kassenzeichen: string, t: ManagerMessages): string {
  const existing = items.find((item) => item.kassenzeichen === kassenzeichen);
  if (existing?.status === 'pending') return t.problems.alreadyPending;
  return existing ? t.problems.alreadyLinked : t.problems.conflict;
}
