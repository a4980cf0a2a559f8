import type { SessionSnapshot, SignedOutReason } from '../auth/session.js';
import type { Messages } from '../i18n/messages.js';

/** The login's sentence for the session's state: checking, blocked storage, on the way, or why signed out. */
export function statusText(t: Messages['login'], snapshot: SessionSnapshot): string | undefined {
  if (snapshot.status === 'starting' || snapshot.retrying) return t.checking;
  if (snapshot.browserUnsupported) return t.browserUnsupported;
  if (snapshot.storageFull) return t.storageFull;
  if (snapshot.storageBlocked) return t.storageBlocked;
  if (snapshot.redirecting) return t.signingIn;
  if (snapshot.status !== 'signed-out' || !snapshot.reason) return undefined;
  const texts: Record<SignedOutReason, string | undefined> = {
    cancelled: t.cancelled,
    'stale-callback': t.staleCallback,
    expired: t.sessionEnded,
    'other-tab': t.signedOutElsewhere,
    'ended-elsewhere': t.endedElsewhere,
    copied: t.copiedSessionEnded,
    'sign-in-failed': t.signInFailed,
    user: undefined,
  };
  return texts[snapshot.reason];
}

/** The login's sentence for a manager without a login on the page: why it is signed out (the expiry has the manager's own). */
export function signInNote(t: Messages['login'], snapshot: SessionSnapshot): string | undefined {
  return snapshot.status === 'signed-out' && snapshot.reason !== 'expired' ? statusText(t, snapshot) : undefined;
}
