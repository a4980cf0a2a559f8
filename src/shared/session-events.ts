import type { ProviderId } from '../auth/login-config.js';
import type { SessionSnapshot } from '../auth/session.js';
import { ServicekontoErrorEvent, ServicekontoSignedInEvent, ServicekontoSignedOutEvent } from '../events.js';

/** What the host page hears when the session changes: codes only, never a token or a name. */
export function sessionEvents(next: SessionSnapshot, previous: SessionSnapshot, provider: ProviderId): Event[] {
  const events: Event[] = [];
  if (next.storageBlocked && !previous.storageBlocked) events.push(new ServicekontoErrorEvent('storage-blocked'));
  if (next.browserUnsupported && !previous.browserUnsupported) events.push(new ServicekontoErrorEvent('browser-unsupported'));
  if (next.status === previous.status) return events;
  if (next.status === 'signed-in') events.push(new ServicekontoSignedInEvent(provider));
  if (next.status === 'signed-out' && (previous.status === 'signed-in' || next.reason))
    events.push(new ServicekontoSignedOutEvent(next.reason ?? 'user'));
  if (next.status === 'failed') events.push(new ServicekontoErrorEvent(next.failure ?? 'discovery-failed'));
  if (next.status === 'signed-out' && next.reason === 'sign-in-failed') events.push(new ServicekontoErrorEvent('sign-in-failed'));
  return events;
}
