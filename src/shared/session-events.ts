import type { ProviderId } from '../auth/login-config.js';
import type { SessionSnapshot } from '../auth/session.js';
import { ServicekontoErrorEvent, ServicekontoSignedInEvent, ServicekontoSignedOutEvent } from '../events.js';

/** What the host page hears when the session changes: codes only, never a token or a name. */
export function sessionEvents(next: SessionSnapshot, previous: SessionSnapshot, provider: ProviderId): Event[] {
  const events: Event[] = [];
  if (next.storageBlocked && !previous.storageBlocked) events.push(new ServicekontoErrorEvent('storage-blocked'));
  if (next.browserUnsupported && !previous.browserUnsupported) events.push(new ServicekontoErrorEvent('browser-unsupported'));
  // A sign-in the BFF has not confirmed yet (its hint cookie) is told once it is confirmed.
  if (confirmed(next) && !confirmed(previous)) events.push(new ServicekontoSignedInEvent(provider));
  if (next.status === previous.status) return events;
  // A hint the BFF did not confirm was never told, so its end is not either.
  const toldSignedIn = confirmed(previous) || previous.status !== 'signed-in';
  if (next.status === 'signed-out' && toldSignedIn && (confirmed(previous) || next.reason))
    events.push(new ServicekontoSignedOutEvent(next.reason ?? 'user'));
  if (next.status === 'failed') events.push(new ServicekontoErrorEvent(next.failure ?? 'discovery-failed'));
  if (next.status === 'signed-out' && next.reason === 'sign-in-failed') events.push(new ServicekontoErrorEvent('sign-in-failed'));
  return events;
}

function confirmed(snapshot: SessionSnapshot): boolean {
  return snapshot.status === 'signed-in' && !snapshot.provisional;
}
