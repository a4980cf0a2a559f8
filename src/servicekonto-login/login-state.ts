import { ServicekontoStateChangedEvent, type LoginState } from '../events.js';

/**
 * The login's public `state` for the host page: kept as a custom state of the
 * element (`servicekonto-login:state(signed-in)`) and announced with
 * `servicekonto-state-changed` once per change. The element calls
 * {@link refresh} wherever the state may have changed, before it fires the
 * event that says why, so that a listener of `servicekonto-signed-in` already
 * reads `signed-in`. Holds a code only, never who is signed in.
 */
export class LoginStateTracker {
  private current: LoginState = 'starting';

  constructor(
    private readonly internals: ElementInternals,
    /** The state as the element sees it now. */
    private readonly read: () => LoginState,
    private readonly emit: (event: Event) => void,
  ) {
    // Custom states are missing before Safari 17.4 and Firefox 126: `state` and the event work without them.
    internals.states?.add(this.current);
  }

  get state(): LoginState {
    return this.current;
  }

  /** Reads the state anew; on a change moves the custom state and fires `servicekonto-state-changed`. */
  refresh(): void {
    const next = this.read();
    if (next === this.current) return;
    this.internals.states?.delete(this.current);
    this.internals.states?.add(next);
    this.current = next;
    this.emit(new ServicekontoStateChangedEvent(next));
  }
}

/** What the page may be told of a snapshot: a sign-in the BFF has not confirmed yet is still `starting`. */
export function publicState(snapshot: { status: LoginState; provisional?: boolean }): LoginState {
  return snapshot.status === 'signed-in' && snapshot.provisional ? 'starting' : snapshot.status;
}
