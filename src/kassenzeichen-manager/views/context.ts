import type { Item, Role } from '../../api/types.js';
import type { ManagerMessages, ProviderId } from '../../i18n/messages.js';
import type { FlowEvent, FlowState } from '../flow.js';
import type { AddressField, FieldProblems } from '../form-validation.js';
import type { HeadingLevel, ManagerConfig } from '../manager-config.js';

export type CodeField = 'code' | 'codeFor';
export type RoleField = 'role';

/** A failed request, shown once in the step; `retry` repeats it with the same data. */
export interface Banner {
  text: string;
  retry?: () => void;
  /** A way on, e.g. „Neuen Code anfordern“ after an expired code or „Zur Übersicht“ after a conflict. */
  action?: { label: string; run: () => void };
}

/** What a step's render function gets: data to show and the handlers of the element. */
export interface ViewContext {
  t: ManagerMessages;
  lang: string;
  provider: ProviderId;
  signInLabel: string;
  /** The sign-in redirect is being prepared; `signingIn` says so. */
  redirecting: boolean;
  signingIn: string;
  state: FlowState;
  items: readonly Item[];
  config: ManagerConfig;
  /** The level of the step headings (attribute `heading-level`); sub-headings are one below. */
  headingLevel: HeadingLevel;
  busy: boolean;
  /** No network: actions that need the backend wait, with the reason shown. */
  offline: boolean;
  banner?: Banner;
  notice?: string;
  sessionExpired: boolean;
  addressProblems: FieldProblems<AddressField>;
  codeProblems: FieldProblems<CodeField>;
  roleProblems: FieldProblems<RoleField>;
  /** Server errors whose pointer matches no field. */
  otherProblems: readonly string[];
  /** Until when code entry is locked (ms), after too many wrong codes. */
  lockedUntil?: number;
  go(event: FlowEvent): void;
  signIn(): void;
  signOut(): void;
  agree(): void;
  submitAddress(form: HTMLFormElement): void;
  editAddress(form: HTMLFormElement): void;
  formatKassenzeichen(input: HTMLInputElement): void;
  submitRole(role: Role | undefined): void;
  submitCode(form: HTMLFormElement): void;
  editCode(form: HTMLFormElement): void;
  requestNewLetter(): void;
  remove(): void;
  cancel(): void;
}
