import type { ApiError } from '../api/errors.js';
import type { ManagerMessages } from '../i18n/messages.js';
import { formatClock } from '../shared/clock.js';
import type { FieldProblem } from './form-validation.js';

/* Turns typed errors into the citizen's sentences. Pure. */

/** The time from which a new attempt is allowed, as a clock time in the page's language. */
export function clockAfter(seconds: number, lang: string, now: number = Date.now()): string {
  // From about a day ahead, the time alone would be ambiguous.
  return formatClock(now + seconds * 1000, lang, seconds >= 20 * 3600);
}

/** One plain sentence for a failed request; never the server's HTML or body. */
export function describeApiError(error: ApiError, t: ManagerMessages, lang: string): string {
  const p = t.problems;
  switch (error.kind) {
    case 'network':
    case 'aborted':
      return p.unreachable;
    case 'timeout':
      return p.timeout;
    case 'rate-limited':
      return p.rateLimited(clockAfter(error.retryAfterSeconds ?? 60, lang));
    case 'gone':
      return p.expired;
    case 'conflict':
      return p.conflict;
    case 'not-found':
      return p.notFound;
    case 'unauthorized':
      return p.signInAgain;
    case 'unexpected-response':
      return p.unexpected;
    case 'server':
      return error.status === 503 && error.retryAfterSeconds !== undefined
        ? p.maintenance(clockAfter(error.retryAfterSeconds, lang))
        : p.server;
    case 'forbidden':
    case 'validation':
      return p.server;
  }
}

/** Whether trying the same request again may help (and keeps the entries). */
export function isRetryable(error: ApiError): boolean {
  return ['network', 'timeout', 'server', 'unexpected-response', 'aborted'].includes(error.kind);
}

export function describeFieldProblem(field: keyof ManagerMessages['errors']['required'], problem: FieldProblem, t: ManagerMessages): string {
  const e = t.errors;
  switch (problem.kind) {
    case 'required':
      return e.required[field];
    case 'too-long':
      return e.tooLong(problem.max);
    case 'postal-code':
      return e.postalCode;
    case 'wrong-code':
      return e.wrongCode(problem.remainingAttempts);
    case 'server':
      if (problem.code === 'required') return e.required[field];
      if (problem.code === 'mismatch') return e.mismatch;
      return problem.detail ? `${e.serverFormat} (${problem.detail})` : e.serverFormat;
    case 'kassenzeichen': {
      const k = problem.problem;
      if (k.kind === 'digit-count') return e.kassenzeichenDigits(k.expected, k.given);
      if (k.kind === 'letter-for-digit') return e.kassenzeichenLetter(k.letter);
      if (k.kind === 'foreign-digits') return e.kassenzeichenForeignDigits;
      if (k.kind === 'too-long') return e.kassenzeichenTooLong;
      if (k.kind === 'empty') return e.required.kassenzeichen;
      return e.kassenzeichenCharacters;
    }
  }
}
