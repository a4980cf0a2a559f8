import type { SessionSnapshot } from './session.js';

/** The expiry warning opens this long before the session ends. */
export const WARNING_BEFORE_END_MS = 120_000;
/** The tabs of one site tell each other about sign-outs and renewals here. */
export const CHANNEL_NAME = 'buergerportal-widgets-auth';

/**
 * What every kind of session does alike: one start, listeners told of every
 * new snapshot, and the work under way tracked so that `settled()` can wait
 * for it. The kinds (browser mode, BFF mode) bring `initialise()`.
 */
export abstract class SessionBase {
  snapshot: SessionSnapshot = { status: 'starting' };
  private started?: Promise<void>;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly listeners = new Set<(snapshot: SessionSnapshot) => void>();

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

  protected abstract initialise(): Promise<void>;

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

  protected stopListening(): void {
    this.listeners.clear();
  }
}
