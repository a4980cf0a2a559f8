import { WARNING_BEFORE_END_MS, type SessionSnapshot } from './session.js';

export { WARNING_BEFORE_END_MS };

/** The tabs of one site tell each other about sign-outs and renewals here. */
const CHANNEL_NAME = 'buergerportal-widgets-auth';

/** What the tabs of a site post on {@link CHANNEL_NAME}; each kind of session reads its own types. */
export type TabMessage = { type?: string; key?: string };

/**
 * What every kind of session does alike: one start, listeners told of every
 * new snapshot, the work under way tracked so that `settled()` can wait for
 * it, the timers of the warning and the end, the channel to the other tabs
 * and the return from the back/forward cache – and letting go of all of them.
 * The kinds (browser mode, BFF mode) bring `initialise()` and `returnedFromCache()`.
 */
export abstract class SessionBase {
  snapshot: SessionSnapshot = { status: 'starting' };
  protected channel?: BroadcastChannel;
  private started?: Promise<void>;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly listeners = new Set<(snapshot: SessionSnapshot) => void>();
  private warningTimer?: ReturnType<typeof setTimeout>;
  private endTimer?: ReturnType<typeof setTimeout>;

  subscribe(listener: (snapshot: SessionSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Idempotent: the first call runs `initialise()`, later ones get the same promise. */
  start(): Promise<void> {
    this.started ??= this.track(this.initialise());
    return this.started;
  }

  /** Resolves when nothing the session does is under way any more. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Stops listening to other tabs and timers (the page keeps its stored sign-in). */
  dispose(): void {
    this.clearTimers();
    this.channel?.close();
    removeEventListener('pageshow', this.onPageShow);
    this.listeners.clear();
  }

  protected abstract initialise(): Promise<void>;

  /** Back from the back/forward cache: the citizen may have signed out meanwhile. */
  protected abstract returnedFromCache(): void;

  /** From the start on: messages of other tabs go to `onMessage`, and a return from the cache to {@link returnedFromCache}. */
  protected listenToPage(onMessage: (message: TabMessage) => void): void {
    addEventListener('pageshow', this.onPageShow);
    if (typeof BroadcastChannel === 'undefined' || this.channel) return;
    this.channel = new BroadcastChannel(CHANNEL_NAME);
    this.channel.addEventListener('message', (event: MessageEvent<TabMessage>) => onMessage(event.data ?? {}));
  }

  /** `atWarning` when the warning is due (if given), `atEnd` at `end`; earlier timers go. */
  protected scheduleTimers(end: number, atWarning: (() => void) | undefined, atEnd: () => void): void {
    this.clearTimers();
    if (atWarning) this.warningTimer = setTimeout(atWarning, Math.max(0, end - WARNING_BEFORE_END_MS - Date.now()));
    this.endTimer = setTimeout(atEnd, Math.max(0, end - Date.now()));
  }

  protected clearTimers(): void {
    clearTimeout(this.warningTimer);
    clearTimeout(this.endTimer);
  }

  private readonly onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) this.returnedFromCache();
  };

  /** Work under way (start, renewal, extension), so that {@link settled} can wait for it. */
  protected track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  /** The new snapshot, told to every listener. */
  protected publish(next: SessionSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener(this.snapshot);
  }
}
