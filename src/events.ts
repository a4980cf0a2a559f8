import type { ProviderId } from './session-types.js';
import type { ApiErrorKind } from './api/errors.js';

/*
 * The events the elements fire for the host page. All bubble and cross shadow
 * boundaries. `detail` carries codes and counts only: never a token, a name,
 * a Kassenzeichen or an address.
 */

abstract class WidgetEvent<T> extends CustomEvent<T> {
  constructor(type: string, detail: T) {
    super(type, { bubbles: true, composed: true, detail });
  }
}

export type SignInProvider = ProviderId;

/** The citizen is signed in (after the redirect, or restored on page load). */
export class ServicekontoSignedInEvent extends WidgetEvent<{ provider: SignInProvider }> {
  static readonly type = 'servicekonto-signed-in';
  constructor(provider: SignInProvider) {
    super(ServicekontoSignedInEvent.type, { provider });
  }
}

export type SignedOutCause =
  'user' | 'expired' | 'other-tab' | 'copied' | 'cancelled' | 'stale-callback' | 'sign-in-failed' | 'ended-elsewhere';

/** The citizen is signed out: by their own choice, by expiry, in another tab, or by the provider (`ended-elsewhere`). */
export class ServicekontoSignedOutEvent extends WidgetEvent<{ reason: SignedOutCause }> {
  static readonly type = 'servicekonto-signed-out';
  constructor(reason: SignedOutCause) {
    super(ServicekontoSignedOutEvent.type, { reason });
  }
}

/** The session ends soon; the element shows its warning dialog. */
export class ServicekontoSessionExpiringEvent extends WidgetEvent<{ secondsLeft: number }> {
  static readonly type = 'servicekonto-session-expiring';
  constructor(secondsLeft: number) {
    super(ServicekontoSessionExpiringEvent.type, { secondsLeft });
  }
}

export type LoginErrorCode =
  | 'bff-invalid'
  | 'browser-unsupported'
  | 'bff-refused'
  | 'config-invalid'
  | 'csp-blocked'
  | 'discovery-failed'
  | 'issuer-mismatch'
  | 'module-missing'
  | 'provider-unreachable'
  | 'sign-in-failed'
  | 'storage-blocked';

/** Something went wrong with sign-in; `code` is stable for the host page to act on. */
export class ServicekontoErrorEvent extends WidgetEvent<{ code: LoginErrorCode }> {
  static readonly type = 'servicekonto-error';
  constructor(code: LoginErrorCode) {
    super(ServicekontoErrorEvent.type, { code });
  }
}

/**
 * Where the sign-in stands, as `<servicekonto-login>`'s `state` says it: `starting` (being checked),
 * `signed-in`, `signed-out`, or `failed` (set up wrong, or the provider cannot be reached; `servicekonto-error` said why).
 * Never who is signed in.
 */
export type LoginState = 'starting' | 'signed-in' | 'signed-out' | 'failed';

/**
 * The login's `state` changed. Fired before the event that says why (`servicekonto-signed-in`, …), also when
 * the first check ends signed out, which no other event reports. With `state` read right after subscribing,
 * a late listener misses nothing.
 */
export class ServicekontoStateChangedEvent extends WidgetEvent<{ state: LoginState }> {
  static readonly type = 'servicekonto-state-changed';
  constructor(state: LoginState) {
    super(ServicekontoStateChangedEvent.type, { state });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'servicekonto-state-changed': ServicekontoStateChangedEvent;
    'servicekonto-signed-in': ServicekontoSignedInEvent;
    'servicekonto-signed-out': ServicekontoSignedOutEvent;
    'servicekonto-session-expiring': ServicekontoSessionExpiringEvent;
    'servicekonto-error': ServicekontoErrorEvent;
  }
}

/** The citizen's list changed (loaded, linked, removed): how many are confirmed and pending. */
export class KassenzeichenChangedEvent extends WidgetEvent<{ confirmed: number; pending: number }> {
  static readonly type = 'kassenzeichen-changed';
  constructor(confirmed: number, pending: number) {
    super(KassenzeichenChangedEvent.type, { confirmed, pending });
  }
}

/** A letter with a confirmation code was requested (a new Kassenzeichen or a new code). */
export class KassenzeichenRequestedEvent extends WidgetEvent<{ newCode: boolean }> {
  static readonly type = 'kassenzeichen-requested';
  constructor(newCode: boolean) {
    super(KassenzeichenRequestedEvent.type, { newCode });
  }
}

/** A Kassenzeichen was confirmed with its code; `autoLinked` further ones followed automatically. */
export class KassenzeichenConfirmedEvent extends WidgetEvent<{ autoLinked: number }> {
  static readonly type = 'kassenzeichen-confirmed';
  constructor(autoLinked: number) {
    super(KassenzeichenConfirmedEvent.type, { autoLinked });
  }
}

/** `config-invalid`, `csp-blocked`, `module-missing` (buergerportal-widgets.manager.js is not beside the script), or the kind of the failed request (see `ApiErrorKind`). */
export type ManagerErrorCode = 'config-invalid' | 'csp-blocked' | 'module-missing' | Exclude<ApiErrorKind, 'aborted'>;

/** A request failed or the element is set up wrong; `code` is stable for the host page to act on. */
export class KassenzeichenErrorEvent extends WidgetEvent<{ code: ManagerErrorCode }> {
  static readonly type = 'kassenzeichen-error';
  constructor(code: ManagerErrorCode) {
    super(KassenzeichenErrorEvent.type, { code });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kassenzeichen-changed': KassenzeichenChangedEvent;
    'kassenzeichen-requested': KassenzeichenRequestedEvent;
    'kassenzeichen-confirmed': KassenzeichenConfirmedEvent;
    'kassenzeichen-error': KassenzeichenErrorEvent;
  }
}
