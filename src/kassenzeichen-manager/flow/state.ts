import type { ApiErrorKind } from '../../api/errors.js';
import type { ConfirmationResult, Item, Role } from '../../api/types.js';
import type { ManagerErrorCode } from '../../events.js';
import type { AddressDraft, AddressField, FieldProblem, FieldProblems } from '../form-validation.js';
import type { PendingRequest } from './requests.js';

/*
 * The whole state of the citizen's way through <kassenzeichen-manager>, as
 * plain data: the step, the entries, the list, what went wrong, what is
 * under way, what the host page and the screen reader are told. Only
 * `transition()` changes it; views render it; the controller runs what it asks for.
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

/** Steps with entries worth coming back to after a new sign-in or a reload. */
export const RESUMABLE_STEPS: readonly StepName[] = ['choice', 'form', 'check', 'role', 'code'];

export type CodeField = 'code' | 'codeFor';

export interface Problems {
  address: FieldProblems<AddressField>;
  code: FieldProblems<CodeField>;
  role?: FieldProblem;
  /** Server errors whose pointer matches no field: the server's detail, if any. */
  /** The backend's own words, in the language it names (`lang`), after the widget's sentence. */
  other: readonly { detail?: string; lang?: string }[];
}

/**
 * What a message says, as data: the sentence is made when rendering, in the
 * language shown then. `at` is when it happened (for "ab 14:05 Uhr").
 */
export type Message =
  | { kind: 'api'; error: ApiErrorKind; status?: number; retryAfterSeconds?: number; at: number }
  | { kind: 'locked'; until: number }
  | { kind: 'expired' }
  | { kind: 'not-found' }
  /** „Anfrage abbrechen“ during a letter request, and the list shows no letter on its way. */
  | { kind: 'letter-cancelled' }
  /** Which conflict it is shows in the list (already linked, already pending, or neither): told when rendering. */
  | { kind: 'conflict'; kassenzeichen: string };

/** Buttons a message may offer. */
export type MessageAction = 'retry' | 'new-letter' | 'overview';

/** A failed request, explained once in the step; `retry` repeats `request` with the same data. */
export interface Banner {
  message: Message;
  actions: readonly MessageAction[];
  request?: PendingRequest;
}

/** What the host page hears (as DOM events) after a transition. */
export type HostEvent =
  | { type: 'changed'; confirmed: number; pending: number }
  | { type: 'requested'; newCode: boolean }
  | { type: 'confirmed'; autoLinked: number }
  | { type: 'error'; code: ManagerErrorCode };

/** What the polite live region says. */
export type Notice = 'busy' | 'removed' | 'session-expired';

/** Where focus goes after a transition: `more` is the first Kassenzeichen that „Weitere anzeigen“ added. */
export type FocusTarget = 'heading' | 'summary' | 'problem' | 'more';

export interface FlowState {
  step: StepName;
  /** Where to continue after signing in again or reloading. */
  resume?: StepName;
  /** The citizen's Kassenzeichen as last loaded. */
  items: readonly Item[];
  address: AddressDraft;
  role?: Role;
  code: string;
  /** The pending Kassenzeichen the code is for. */
  codeItemId?: string;
  /** The Kassenzeichen a new letter or a removal is for. */
  targetId?: string;
  /** Idempotency-Key of the letter request under way: reused by its retries, dropped on success. */
  requestKey?: string;
  /** What `requestKey` was made for: a changed entry (another Kassenzeichen, address or role) gets a new key. */
  requestKeyFor?: string;
  /** Idempotency-Key of the confirmation under way: reused by its retries while its answer is unknown, dropped once the backend answered. */
  confirmKey?: string;
  /** What `confirmKey` was made for: another code or another Kassenzeichen gets a new key. */
  confirmKeyFor?: string;
  /** Where `code` goes back to. */
  codeFrom?: 'overview' | 'choice';
  /** The item whose letter is on its way (step `letter-sent`). */
  sentItem?: Item;
  /** The answer to a correct code (step `done`). */
  result?: ConfirmationResult;
  /** The request the citizen waits for: its step is busy meanwhile. */
  pending?: PendingRequest;
  /** Bumped when the list should be reloaded in the background. */
  refreshes: number;
  problems: Problems;
  banner?: Banner;
  /** Code entry is locked until then (ms), after too many wrong codes. */
  lockedUntil?: number;
  /** Why the citizen sees the signed-out step. */
  signedOutBecause?: 'expired' | 'other';
  /** The overview's search (Kassenzeichen or address) and how many items it shows. */
  overviewQuery: string;
  overviewLimit: number;
  /** The sign-in redirect is being prepared. */
  redirecting: boolean;
  offline: boolean;
  /** What the live region says until the step changes. */
  notice?: Notice;
  /** The citizen's action led to loading: focus goes on to the step after it. */
  followFocus: boolean;
  // Outputs of the last transition only:
  focus?: FocusTarget;
  outbox: readonly HostEvent[];
}

export const EMPTY_ADDRESS: AddressDraft = { kassenzeichen: '', street: '', houseNumber: '', postalCode: '' };

export const NO_PROBLEMS: Problems = { address: {}, code: {}, other: [] };

export function initialFlow(): FlowState {
  return {
    step: 'loading',
    items: [],
    address: { ...EMPTY_ADDRESS },
    code: '',
    refreshes: 0,
    problems: NO_PROBLEMS,
    overviewQuery: '',
    overviewLimit: OVERVIEW_PAGE,
    redirecting: false,
    offline: false,
    followFocus: false,
    outbox: [],
  };
}

/** How many Kassenzeichen the overview shows at first, and adds with „Weitere anzeigen“ (at most ~50 tab stops). */
export const OVERVIEW_PAGE = 12;
/** From how many Kassenzeichen on the overview offers a search. */
export const SEARCH_FROM = 10;

/** The items the overview shows: those matching the search, the first `overviewLimit` of them. */
export function visibleItems(state: Pick<FlowState, 'items' | 'overviewQuery' | 'overviewLimit'>): {
  shown: readonly Item[];
  matching: number;
} {
  const query = state.overviewQuery.trim();
  const words = query.toLocaleLowerCase('de').split(/\s+/).filter(Boolean);
  // Digits alone, written in any way, are part of a Kassenzeichen.
  const digits = /^[\d\s.\-/]+$/.test(query) ? query.replace(/\D/g, '') : '';
  const matches = (item: Item) => {
    if (digits.length >= 4) return item.kassenzeichen.replace(/\D/g, '').includes(digits);
    const { street, houseNumber, postalCode, city } = item.address;
    const text = `${item.kassenzeichen} ${street} ${houseNumber} ${postalCode} ${city}`.toLocaleLowerCase('de');
    const tokens = text.split(/[^\p{L}\d]+/u);
    // A number is a whole house number or postal code; a word may be part of a street or city.
    return words.every((word) => (/^\d+[a-z]?$/.test(word) ? tokens.includes(word) : text.includes(word)));
  };
  const matching = words.length === 0 ? state.items : state.items.filter(matches);
  return { shown: matching.slice(0, state.overviewLimit), matching: matching.length };
}

export function isBusy(state: FlowState): boolean {
  return state.pending !== undefined;
}

/** The pending Kassenzeichen a code is entered for: the chosen one, else the only one. */
export function codeTarget(state: Pick<FlowState, 'codeItemId' | 'items'>): Item | undefined {
  const pending = state.items.filter((item) => item.status === 'pending');
  return pending.find((item) => item.id === state.codeItemId) ?? (pending.length === 1 ? pending[0] : undefined);
}

export function isLocked(state: Pick<FlowState, 'lockedUntil'>, now: number): boolean {
  return state.lockedUntil !== undefined && state.lockedUntil > now;
}

/** The list changed: the host page hears the counts. */
export function withItems(state: FlowState, items: FlowState['items']): FlowState {
  const pending = items.filter((item) => item.status === 'pending').length;
  return { ...state, items, outbox: [...state.outbox, { type: 'changed', confirmed: items.length - pending, pending }] };
}

/** At least one Kassenzeichen is confirmed: the services that need one can be used. */
export function hasConfirmed(state: Pick<FlowState, 'items'>): boolean {
  return state.items.some((item) => item.status === 'confirmed');
}

/**
 * The Idempotency-Key belongs to the request's content: the same entry again
 * (a retry after a lost answer) reuses it, so no second letter goes out; a
 * changed entry gets a new one, which the backend would otherwise refuse (422).
 */
export function keyForContent(state: FlowState, content: unknown, newKey: () => string): Pick<FlowState, 'requestKey' | 'requestKeyFor'> {
  const requestKeyFor = JSON.stringify(content);
  return { requestKey: reusedKey(state.requestKey, state.requestKeyFor, requestKeyFor, newKey), requestKeyFor };
}

/**
 * The confirmation's key, by the same rule: the same code for the same
 * Kassenzeichen again (a retry after a lost answer, a balancer that sent it
 * twice) reuses it, so the backend answers as the first time – „hinzugefügt“,
 * not „keine offene Anfrage“; a new code is a new attempt with a new key.
 */
export function keyForConfirmation(
  state: FlowState,
  itemId: string,
  code: string,
  newKey: () => string,
): Pick<FlowState, 'confirmKey' | 'confirmKeyFor'> {
  const confirmKeyFor = JSON.stringify({ itemId, code });
  return { confirmKey: reusedKey(state.confirmKey, state.confirmKeyFor, confirmKeyFor, newKey), confirmKeyFor };
}

/** The kept key when it was made for this content, else a new one. */
function reusedKey(key: string | undefined, madeFor: string | undefined, content: string, newKey: () => string): string {
  // A key without its content (a fresh key after a conflict, a draft from an older version) is taken as it is.
  return key && (madeFor === undefined || madeFor === content) ? key : newKey();
}
