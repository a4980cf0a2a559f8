import { startEarlyOverview } from './early-overview.js';
import { setUpManager } from './manager-setup.js';

/** Asks for a manager's overview as soon as its session is signed in, unless the manager's file is there by then. */
export function startEarly(manager: HTMLElement): void {
  const { session, api } = setUpManager(manager);
  if (!session || !api) return;
  let decided = false;
  const stop = session.subscribe(check);
  void session.start();
  check();
  function check(): void {
    const { status } = session!.snapshot;
    if (decided || status === 'starting') return;
    decided = true;
    stop();
    if (status === 'signed-in' && !customElements.get(manager.localName)) startEarlyOverview(manager, session!, api!);
  }
}
