import { formatClock } from './from-main.js';
import type { Item } from '../api/types.js';
import type { ManagerMessages } from '../i18n/messages.js';
import type { Message } from './flow/state.js';
import type { FieldProblem } from './form-validation.js';

/* Turns typed errors into the citizen's sentences. Pure. */

/** The time from which a new attempt is allowed, as a clock time in the page's language. */
export function clockAfter(seconds: number, lang: string, now: number = Date.now()): string {
  // From about a day ahead, the time alone would be ambiguous.
  return formatClock(now + seconds * 1000, lang, seconds >= 20 * 3600);
}

/** One plain sentence for what went wrong; never the server's HTML or body. Made when rendering, in the language shown. */
export function messageText(message: Message, items: readonly Item[], t: ManagerMessages, lang: string): string {
  const p = t.problems;
  switch (message.kind) {
    case 'locked':
      return p.locked(formatClock(message.until, lang, message.until - Date.now() >= 20 * 3600 * 1000));
    case 'expired':
      return p.expired;
    case 'not-found':
      return p.notFound;
    case 'letter-cancelled':
      return p.letterCancelled;
    case 'conflict':
      return conflictText(items, message.kassenzeichen, t);
    case 'api':
      return apiErrorText(message, t, lang);
  }
}

function apiErrorText(message: Extract<Message, { kind: 'api' }>, t: ManagerMessages, lang: string): string {
  const p = t.problems;
  switch (message.error) {
    case 'network':
    case 'aborted':
      return p.unreachable;
    case 'timeout':
      return p.timeout;
    case 'rate-limited':
      return p.rateLimited(clockAfter(message.retryAfterSeconds ?? 60, lang, message.at));
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
      return message.status === 503 && message.retryAfterSeconds !== undefined
        ? p.maintenance(clockAfter(message.retryAfterSeconds, lang, message.at))
        : p.server;
    case 'forbidden':
    case 'validation':
      return p.server;
  }
}

/** A 409 told apart by the list: already linked, already pending, or (not in the list) just "exists". */
export function conflictText(items: readonly Item[], kassenzeichen: string, t: ManagerMessages): string {
  const existing = items.find((item) => item.kassenzeichen === kassenzeichen);
  if (existing?.status === 'pending') return t.problems.alreadyPending;
  return existing ? t.problems.alreadyLinked : t.problems.conflict;
}

/**
 * What the citizen reads about a field: the widget's sentence, and the
 * backend's own words after it, in the language the backend names for them
 * (WCAG 3.1.2) – not the page's.
 */
export interface FieldMessage {
  text: string;
  addition?: string;
  additionLang?: string;
}

export function describeFieldProblem(
  field: keyof ManagerMessages['errors']['required'],
  problem: FieldProblem,
  t: ManagerMessages,
): FieldMessage {
  if (problem.kind === 'server' && problem.code !== 'required' && problem.code !== 'mismatch' && problem.detail) {
    return { text: t.errors.serverFormat, addition: `(${problem.detail})`, additionLang: problem.lang };
  }
  return { text: fieldProblemText(field, problem, t) };
}

function fieldProblemText(field: keyof ManagerMessages['errors']['required'], problem: FieldProblem, t: ManagerMessages): string {
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
      return e.serverFormat;
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
