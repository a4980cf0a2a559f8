import type { KassenzeichenApi } from '../../api/client.js';
import type { Overview } from '../../api/types.js';
import type { AuthSession } from '../../auth/session.js';

/*
 * The overview asked for by the main file while the manager's own file is
 * still on its way (see manager-loader.ts): the data does not wait for that
 * file, so a reload while signed in needs only page, script, data. The manager
 * takes it as the answer to its first overview request — once, and only for
 * the citizen it was asked for.
 */

interface EarlyOverview {
  subject?: string;
  answer: Promise<Overview>;
}

const started = new WeakMap<Element, EarlyOverview>();

/** Asks for `manager`'s overview now, as the citizen signed in to `session`. */
export function startEarlyOverview(manager: Element, session: AuthSession, api: KassenzeichenApi): void {
  const answer = api.loadOverview();
  // A failure is the manager's to tell when it takes the answer; until then it is no error of the page.
  answer.catch(() => undefined);
  started.set(manager, { subject: session.snapshot.subject, answer });
}

/** `api`, whose first overview is the one asked for early, if there is one for this citizen. */
export function withEarlyOverview(manager: Element, session: AuthSession, api: KassenzeichenApi): KassenzeichenApi {
  return {
    ...api,
    loadOverview(signal) {
      const early = started.get(manager);
      started.delete(manager);
      const sameCitizen = early && session.snapshot.status === 'signed-in' && early.subject === session.snapshot.subject;
      return sameCitizen ? early.answer : api.loadOverview(signal);
    },
  };
}
