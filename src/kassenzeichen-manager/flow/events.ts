import type { ApiError } from '../../api/errors.js';
import type { Item, Role } from '../../api/types.js';
import type { AddressDraft } from '../form-validation.js';
import type { Draft } from './draft.js';
import type { Answer, PendingRequest } from './requests.js';

/* Everything that can happen to the flow: from the citizen, the session, the network and the backend. */

export type CitizenEvent =
  | { type: 'agree' }
  | { type: 'consent-declined' }
  | { type: 'reconsider' }
  | { type: 'add' }
  | { type: 'choose-letter' }
  | { type: 'enter-code'; itemId?: string; from: 'overview' | 'choice' }
  | { type: 'edit'; address: AddressDraft }
  | { type: 'address-submitted'; address: AddressDraft; format: string }
  | { type: 'change' }
  | { type: 'entries-confirmed' }
  | { type: 'role-submitted'; role?: Role }
  | { type: 'code-typed'; code: string; itemId?: string }
  | { type: 'code-submitted'; code: string; itemId?: string }
  | { type: 'ask-new-letter'; itemId: string }
  | { type: 'new-letter-confirmed' }
  | { type: 'ask-remove'; itemId: string }
  | { type: 'remove-confirmed' }
  | { type: 'search'; query: string }
  | { type: 'show-more' }
  | { type: 'retry' }
  | { type: 'cancel' }
  | { type: 'back' }
  | { type: 'finish' };

export type FlowEvent =
  | CitizenEvent
  /** Signed in; `sameCitizen` false when someone else was signed in before on this device. */
  | { type: 'signed-in'; sameCitizen: boolean; draft?: Partial<Draft> }
  /** `onPurpose`: the citizen signed out (here or in another tab): the entries go. */
  | { type: 'signed-out'; expired: boolean; onPurpose: boolean }
  | { type: 'redirecting'; value: boolean }
  | { type: 'connectivity'; online: boolean }
  /** The host page asks for the list again. */
  | { type: 'reload' }
  | { type: 'answered'; answer: Answer }
  | { type: 'failed'; request: PendingRequest; error: ApiError }
  | { type: 'list-refreshed'; items: readonly Item[] }
  | { type: 'lock-ended' };

/** What a transition may take from outside: the time and fresh Idempotency-Keys. */
export interface FlowEnvironment {
  now: number;
  newKey(): string;
}
