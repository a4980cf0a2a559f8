import type { ProviderId } from '../../auth/login-config.js';
import type { ServiceLink } from '../../shared/slot-content-controller.js';
import type { Messages } from '../../i18n/messages.js';
import type { CitizenEvent } from '../flow/events.js';
import type { FlowState } from '../flow/state.js';
import type { ManagerConfig } from '../set-up/manager-config.js';

/** What a step's view may do: tell the flow what the citizen did, or use the session. */
export interface ViewActions {
  dispatch(event: CitizenEvent): void;
  signIn(): void;
  /** The citizen is about to sign in (the button pointed at, touched or focused). */
  prepareSignIn(): void;
  signOut(): void;
}

/** What every step's render function gets: the state to show and the actions; texts are made here. */
export interface ViewProps {
  state: FlowState;
  config: ManagerConfig;
  messages: Messages;
  lang: string;
  provider: ProviderId;
  /**
   * When no `<servicekonto-login>` is on the page, the manager says what the
   * login would have said about the way back (cancelled, stale, failed, storage blocked).
   */
  signInNote?: string;
  /** The browser cannot keep the entries across a reload or the sign-in redirect. */
  entriesNotKept?: boolean;
  /** The links the page gave in the slot `services`. */
  services: readonly ServiceLink[];
  actions: ViewActions;
}
